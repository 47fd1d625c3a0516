"""Property-based tests (hypothesis): folding, Telegram HTML and the assistant.

Inputs are any text at all: Turkish letters, combining marks, emoji and astral
characters, right-to-left text, control characters and NUL, HTML-like fragments and
very long strings. Whatever a user sends, the bot must not crash and must only ever
produce messages Telegram accepts.

Bugs these properties found are pinned with an explicit ``@example`` each, so that a
regression fails deterministically on every run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.assistant import Assistant
from bot.callbacks import CALLBACK_MAX_BYTES
from bot.content import COMMANDS, LANGS
from bot.replies import Reply
from bot.textnorm import fold, terms, tokens
from bot.tghtml import (
    MAX_MESSAGE,
    escape,
    escape_attr,
    split,
    telegram_length,
    to_plain,
    truncate_text,
    utf16_len,
    validate,
    visible_text,
)
from fakebotapi import HtmlParseError, parse_html

# --------------------------------------------------------------------------- settings

CHEAP = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ASSISTANT = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
LONG = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)

# --------------------------------------------------------------------------- strategies

TURKISH = "İıŞşĞğÇçÖöÜüÂâÎîÛû"
# Single characters worth seeing often: markup, quotes and apostrophes, controls and
# NUL, invisible and bidi marks, combining marks, emoji and astral characters,
# compatibility characters, other scripts and right-to-left letters.
SPECIAL_CHARS = (
    "<>&\"'’ʼ`´;#/=\x00\x01\x08\x1b\x7f\n\r\t \u00a0\u2028\u200b\u200d\u200e\u200f\u202e\u2066\ufeff"
    "\u0301\u0307\u0308\u0327\u20dd🙂🎉🇹🇷👍🏽\U0001f469\U0010fffd"
    "𝐊𝚤ßŉǅﬁⅫℌ²٣ᎠꭰσςمرحباשלוםกขЖж日本"
)
FRAGMENTS = (
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<script>",
    "</script>",
    '<a href="https://x.org">',
    "</a>",
    "<br/>",
    "<!-- c -->",
    "<b",
    "</",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#39;",
    "&#x1F642;",
    "&nbsp;",
    "&am",
    "&#",
    "👩\u200d👩\u200d👧",
    "e\u0301",
    "İ\u0307",
    "Konya'nın",
    "İzmir’e",
    "KOMEK",
    "üyelik",
    "öğrenen şehir",
    "learning city",
    "ne zaman",
    "nedir",
    "nedirler",
    "bilgiye",
    "hakkında",
    "likes",
    "when did Konya join",
    "Medellín",
    "UNESCO",
    "GNLC",
    "2017",
    "/start",
    "e:",
    "t:",
    "lang:",
    "menu",
    "{cities}",
    "{name}",
    "%s",
)

chars = st.one_of(st.characters(codec="utf-8"), st.sampled_from(TURKISH), st.sampled_from(SPECIAL_CHARS))
any_text = st.one_of(
    st.text(),
    st.text(alphabet=chars),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=chars, max_size=8)), max_size=20).map("".join),
)


@st.composite
def tiled_text(draw: st.DrawFn) -> str:
    """4000-6000 characters made by repeating a few drawn pieces (cheap to generate)."""
    pieces = draw(
        st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=chars, max_size=300)), min_size=1, max_size=8)
    )
    base = "".join(pieces) or "x"
    size = draw(st.integers(min_value=4000, max_value=6000))
    return (base * (size // len(base) + 1))[:size]


# A plain st.text(min_size=4000) often overruns hypothesis' data budget (each
# character is a separate choice), so half of the long strings are tiled instead.
long_text = st.one_of(tiled_text(), st.text(alphabet=chars, min_size=4000, max_size=6000))
prefs = st.sampled_from([None, "tr", "en", "de", ""])

# Text made only of ASCII and Turkish letters, digits, spaces and plain punctuation:
# the alphabet on which Turkish upper-casing and de-accenting are well defined.
PLAIN_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,?!'-\n" + TURKISH
plain_text = st.text(alphabet=PLAIN_ALPHABET)

ASCII_FOR_TURKISH = str.maketrans("şğçöüıİŞĞÇÖÜ", "sgcouiISGCOU")


def asciify(text: str) -> str:
    """Turkish letters replaced by their ASCII look-alikes (what people type on a US keyboard)."""
    return text.translate(ASCII_FOR_TURKISH)


def turkish_upper(text: str) -> str:
    """Upper case the Turkish way: i -> İ, ı -> I."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def turkish_lower(text: str) -> str:
    """Lower case the Turkish way: I -> ı, İ -> i."""
    return text.replace("I", "ı").replace("İ", "i").lower()


def no_space(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


# --------------------------------------------------------------------------- textnorm

FOLDED = re.compile(r"(?:[^\W_]+(?: [^\W_]+)*)?")


@CHEAP
@given(any_text)
def test_fold_output_is_clean_words(text: str) -> None:
    folded = fold(text)
    # Only letters and digits, one space between words, none at either end: no
    # punctuation, underscores, emoji, combining marks or other whitespace.
    assert FOLDED.fullmatch(folded), folded
    assert "  " not in folded and folded == folded.strip()
    assert "İ" not in folded
    assert tokens(text) == folded.split()


@CHEAP
@given(any_text)
def test_fold_is_idempotent_and_lowercase_on_normalised_text(text: str) -> None:
    # On NFKC text (what nearly every keyboard produces) fold is a projection: once
    # folded, folding again changes nothing; and it leaves nothing to case-fold and no
    # dotless ı. (Cherokee letters are upper case even after casefold(), by Unicode's
    # rules, hence "casefold-stable" rather than "not isupper()".)
    text = unicodedata.normalize("NFKC", text)
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.casefold() == folded
    assert "ı" not in folded


@CHEAP
@example("𝐊𝐨𝐧𝐲𝐚")
@given(any_text)
def test_fold_is_idempotent_and_lowercase_on_any_text(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.casefold() == folded
    assert "ı" not in folded


@CHEAP
@given(any_text)
def test_fold_ignores_turkish_letters(text: str) -> None:
    assert fold(asciify(text)) == fold(text)


@CHEAP
@given(
    st.text(alphabet=PLAIN_ALPHABET.replace("'", ""), min_size=1).filter(lambda t: t[-1].isalnum()),
    st.sampled_from(["'nın", "’e", "'de", "ʼdan", "'"]),
)
def test_fold_drops_a_suffix_after_an_apostrophe(text: str, suffix: str) -> None:
    # "Konya'nın" is "Konya", "İzmir’e" is "İzmir".
    assert fold(text + suffix) == fold(text)


@CHEAP
@given(plain_text)
def test_fold_ignores_case_the_turkish_way(text: str) -> None:
    assert fold(turkish_upper(text)) == fold(text)
    assert fold(turkish_lower(text)) == fold(text)
    # (Not str.lower(): "İ".lower() is "i" plus a combining dot, see the NFD test below.)
    assert fold(text.upper()) == fold(text)


@CHEAP
@example("Muş'ta")
@given(plain_text)
def test_fold_ignores_unicode_normalisation_form(text: str) -> None:
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        assert fold(unicodedata.normalize(form, text)) == fold(text), form


# --------------------------------------------------------------------------- tghtml


@CHEAP
@given(any_text)
def test_escape_is_valid_and_shows_the_text(text: str) -> None:
    escaped = escape(text)
    assert validate(escaped) == []
    assert visible_text(escaped) == text
    assert to_plain(escaped) == text
    assert escape(escaped) == escaped  # already escaped text is not escaped twice
    assert utf16_len(text) == len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@CHEAP
@given(any_text, st.integers(min_value=1, max_value=200))
def test_truncate_text_respects_its_limit(text: str, limit: int) -> None:
    short = truncate_text(text, limit)
    assert len(short) <= limit
    assert "\n" not in short and "  " not in short


def check_split_of_escaped(text: str, limit: int) -> None:
    escaped = escape(text)
    parts = split(escaped, limit)
    for part in parts:
        assert utf16_len(part) <= limit
        assert validate(part) == [], part
    assert no_space("".join(visible_text(p) for p in parts)) == no_space(text)
    if no_space(text):
        assert parts


@CHEAP
@given(any_text, st.one_of(st.integers(min_value=24, max_value=300), st.just(MAX_MESSAGE)))
def test_split_of_escaped_text_keeps_validity_limit_and_text(text: str, limit: int) -> None:
    check_split_of_escaped(text, limit)


# A tree of allowed tags around escaped text. Each node is (html, overhead): overhead
# is the most UTF-16 units that the opening tags to reopen plus the closing tags to
# add can take at a cut inside it, so a limit can be drawn that leaves room for text.
TAGS = st.one_of(
    st.sampled_from(
        [
            ("b", ""),
            ("i", ""),
            ("u", ""),
            ("s", ""),
            ("strong", ""),
            ("em", ""),
            ("ins", ""),
            ("del", ""),
            ("strike", ""),
            ("code", ""),
            ("pre", ""),
            ("blockquote", ""),
            ("blockquote", " expandable"),
            ("tg-spoiler", ""),
            ("span", ' class="tg-spoiler"'),
            ("code", ' class="language-python"'),
        ]
    ),
    st.text(alphabet=chars, max_size=30).map(
        # (a NUL would end the tag for Telegram, whose parser reads a C string)
        lambda tail: ("a", f' href="{escape_attr("https://example.org/" + tail.replace(chr(0), ""))}"')
    ),
)
words = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=chars, max_size=12)), max_size=30)
leaf = st.one_of(
    st.text(alphabet=chars, max_size=60),
    words.map(" ".join),
    words.map("\n".join),
    st.text(alphabet=chars, min_size=100, max_size=400),
).map(lambda text: (str(escape(text)), 0))


def _wrap(tag: tuple[str, str], children: list[tuple[str, int]]) -> tuple[str, int]:
    """Wrap the children in a tag, nesting only as Telegram shows it: no formatting inside
    code, no link, code or quote inside a link, no quote inside a quote (those children lose
    their tags), a language only on <code> directly inside <pre>."""
    name, attrs = tag
    opening, closing = f"<{name}{attrs}>", f"</{name}>"
    if name == "code" and attrs:
        opening, closing = f"<pre>{opening}", f"{closing}</pre>"
    inner = "".join(html for html, _ in children)
    inner_overhead = max((o for _, o in children), default=0)
    if (
        name in ("code", "pre")
        or (name == "a" and re.search(r"<(a|code|pre|blockquote)[ >]", inner))
        or (name == "blockquote" and "<blockquote" in inner)
    ):
        inner, inner_overhead = re.sub(r"<[^<>]*>", "", inner), 0
    overhead = utf16_len(opening) + utf16_len(closing) + inner_overhead
    return opening + inner + closing, overhead


trees = st.recursive(leaf, lambda kids: st.builds(_wrap, TAGS, st.lists(kids, max_size=4)), max_leaves=20)
documents = st.lists(trees, min_size=1, max_size=6).map(
    lambda nodes: ("".join(html for html, _ in nodes), max(o for _, o in nodes))
)


@st.composite
def html_and_limit(draw: st.DrawFn) -> tuple[str, int]:
    html, overhead = draw(documents)
    # 16 is split()'s own margin; a little more leaves room for an entity or two. (With
    # less, split() never ends: see test_split_terminates_when_reopened_tags_fill_the_limit.)
    limit = draw(
        st.one_of(
            st.integers(min_value=overhead + 24, max_value=overhead + 400), st.just(max(MAX_MESSAGE, overhead + 24))
        )
    )
    return html, limit


RAW_TAG = re.compile(r"<[^<>]*>")


@CHEAP
@given(html_and_limit())
def test_split_of_valid_html_keeps_tags_and_limit(case: tuple[str, int]) -> None:
    html, limit = case
    assert validate(html) == []  # the generator builds valid HTML
    parse_html(html)  # that Telegram (the fake's port of its parser) accepts
    parts = split(html, limit)
    for part in parts:
        assert utf16_len(part) <= limit
        assert validate(part, strict=False) == [], part  # tags balanced, no bare '<'
    if parts != [html]:
        assert all(visible_text(p).strip() for p in parts)
    # Nothing is lost or repeated: the text between the tags, cut anywhere, is the same.
    assert no_space("".join(RAW_TAG.sub("", p) for p in parts)) == no_space(RAW_TAG.sub("", html))
    if visible_text(html).strip():
        assert parts


@CHEAP
@example(("<b>" + "a" * 13 + "</b>&amp;" + "b" * 16, 40))
@given(html_and_limit())
def test_split_of_valid_html_never_cuts_an_entity(case: tuple[str, int]) -> None:
    html, limit = case
    parts = split(html, limit)
    for part in parts:
        assert validate(part) == [], part
    assert no_space("".join(visible_text(p) for p in parts)) == no_space(visible_text(html))


# Markup as an operator might type it, good and bad, for the checker-against-fake property.
TELEGRAM_FRAGMENTS = (
    *FRAGMENTS,
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    '<code class="language-python">',
    "<blockquote>",
    "<blockquote expandable>",
    "</blockquote>",
    '<span class="tg-spoiler">',
    "<span>",
    "</span>",
    '<tg-time unix="1647531900" format="wDT">',
    "<tg-time>",
    "</tg-time>",
    '<tg-emoji emoji-id="5368324170671202286">',
    "</tg-emoji>",
    '<a href="javascript:x">',
    "<a>",
    "<a href=x.org>",
    "<b class>",
    "<u id=1>",
    "< b>",
    "</ b>",
    "</>",
    "&#0;",
    "&#xD83D;",
    "&#X41;",
    "&copy;",
    "&lt",
    "&#65",
    '"',
    ">",
    "&",
    " ",
    "\n",
)
telegram_html = st.lists(
    st.one_of(st.sampled_from(TELEGRAM_FRAGMENTS), st.text(alphabet=chars, max_size=6)), max_size=16
).map("".join)


@CHEAP
@given(telegram_html)
def test_checker_agrees_with_the_fakes_telegram_parser(html: str) -> None:
    """What the fake Bot API (a port of Telegram's parser) refuses, the checker reports; what
    the checker lets through, Telegram accepts, and both count its length alike."""
    problems = validate(html, strict=False)
    try:
        plain, _ = parse_html(html)
    except HtmlParseError:
        assert problems, html
        return
    if not problems:
        assert telegram_length(html) == len(plain.strip(" \n"))


def test_split_terminates_when_reopened_tags_fill_the_limit() -> None:
    """Found by hypothesis: the tags reopened after a cut left no room, and split() looped."""
    code = textwrap.dedent(
        """
        from bot.tghtml import split, utf16_len
        html = '<a href="https://e.x/' + 'x' * 30 + '">' + 'word ' * 20 + '</a>'
        parts = split(html, 60)
        assert parts and all(utf16_len(p) <= 60 for p in parts), parts
        assert "".join(parts).count("word") == 20
        """
    )
    # In a child process, so that a hang would be ended (by subprocess.run) instead of the suite.
    subprocess.run([sys.executable, "-c", code], check=True, timeout=10)


@LONG
@given(long_text)
def test_long_text_folds_escapes_and_splits(text: str) -> None:
    folded = fold(text)
    assert FOLDED.fullmatch(folded)
    assert fold(asciify(text)) == folded
    terms(text)
    check_split_of_escaped(text, MAX_MESSAGE)


# --------------------------------------------------------------------------- assistant

REPLY_KINDS = {"answer", "suggest", "fallback", "info", "usage"}


def check_reply(assistant: Assistant, reply: Reply, kinds: set[str] = REPLY_KINDS) -> None:
    """Everything Telegram needs to accept the reply, and that the bot can act on its buttons."""
    assert isinstance(reply, Reply)
    assert reply.lang in LANGS
    assert reply.kind in kinds
    assert reply.messages
    for message in reply.messages:
        assert validate(message, strict=False) == [], message
        assert 0 < utf16_len(message) <= MAX_MESSAGE
        assert message.strip()
    ids = assistant.content.entry_ids()
    for row in reply.buttons:
        assert row
        for button in row:
            assert button.text.strip()
            assert (button.data is None) != (button.url is None)
            if button.data is not None:
                assert 1 <= len(button.data.encode()) <= CALLBACK_MAX_BYTES
    if reply.kind == "answer":
        assert reply.entry_id in ids
    assert set(reply.suggestions) <= ids
    assert reply.set_lang in (None, *LANGS)


def check_buttons_answerable(assistant: Assistant, reply: Reply) -> None:
    """Every callback button the bot sends gets a reply when pressed (none is stale)."""
    for row in reply.buttons:
        for button in row:
            if button.data is not None:
                pressed = assistant.button(button.data)
                assert pressed is not None, button.data
                check_reply(assistant, pressed)


@ASSISTANT
@given(any_text, prefs, prefs)
def test_ask_always_replies_validly(assistant: Assistant, text: str, pref: str | None, user_lang: str | None) -> None:
    reply = assistant.ask(text, pref=pref, user_lang=user_lang)
    check_reply(assistant, reply, {"answer", "suggest", "fallback", "no_answer", "smalltalk"})
    if reply.kind == "answer":
        assert reply.score >= assistant.matcher.thresholds.answer
    if reply.kind == "suggest":
        assert reply.suggestions
        assert [f"e:{s}" for s in reply.suggestions] == [b.data for row in reply.buttons[:-1] for b in row]
    check_buttons_answerable(assistant, reply)
    assert assistant.ask(text, pref=pref, user_lang=user_lang) == reply  # deterministic


@ASSISTANT
@given(st.data())
def test_ask_ignores_turkish_letters_and_case(assistant: Assistant, data: st.DataObject) -> None:
    questions = sorted({q for entry in assistant.content.faq.values() for lang in LANGS for q in entry.questions[lang]})
    question = data.draw(st.one_of(st.sampled_from(questions), plain_text), label="question")
    reply = assistant.ask(question)
    for variant in (asciify(question), turkish_upper(question), turkish_lower(question)):
        other = assistant.ask(variant)
        same = (other.kind, other.entry_id, other.suggestions) == (reply.kind, reply.entry_id, reply.suggestions)
        assert same, variant


command_names = st.one_of(st.sampled_from(COMMANDS), st.text(max_size=12))
command_args = st.lists(
    st.one_of(
        any_text,
        st.sampled_from(["tr", "EN", "Tr", "konya", "city-bolu", "what-is-komek", "komek"]),
        st.integers(min_value=1990, max_value=2030).map(str),
    ),
    max_size=4,
)


@ASSISTANT
@given(command_names, command_args, prefs, prefs, any_text)
def test_command_always_replies_validly(
    assistant: Assistant, name: str, args: list[str], pref: str | None, user_lang: str | None, first_name: str
) -> None:
    reply = assistant.command(name, args, pref=pref, user_lang=user_lang, first_name=first_name)
    check_reply(assistant, reply)
    if name == "lang" and len(args) == 1 and args[0].lower() in LANGS:
        assert reply.set_lang == reply.lang == args[0].lower()
    check_buttons_answerable(assistant, reply)


@ASSISTANT
@given(st.data(), prefs, prefs)
def test_button_replies_validly_or_not_at_all(
    assistant: Assistant, data: st.DataObject, pref: str | None, user_lang: str | None
) -> None:
    known = [
        "menu",
        *(f"t:{t.id}" for t in assistant.content.topics),
        *(f"e:{e}" for e in sorted(assistant.content.entry_ids())),
        *(f"lang:{code}" for code in LANGS),
    ]
    payload = data.draw(
        st.one_of(
            any_text,
            st.sampled_from(known),
            st.tuples(st.sampled_from(["e:", "t:", "lang:", "menu", "e", ":"]), any_text).map("".join),
        ),
        label="data",
    )
    reply = assistant.button(payload, pref=pref, user_lang=user_lang)
    if payload in known:
        assert reply is not None
    if reply is not None:
        check_reply(assistant, reply)


def check_inline(assistant: Assistant, query: str, pref: str | None = None, user_lang: str | None = None) -> None:
    articles = assistant.inline(query, pref=pref, user_lang=user_lang)
    assert 1 <= len(articles) <= 5
    ids = [a.id for a in articles]
    assert len(set(ids)) == len(ids)
    known = assistant.content.entry_ids() | {"none"}
    for article in articles:
        assert 1 <= len(article.id.encode()) <= 64
        assert article.id in known
        assert article.title.strip()
        assert len(article.description) <= 120
        assert validate(article.html, strict=False) == [], article.html
        assert 0 < utf16_len(article.html) <= MAX_MESSAGE


@ASSISTANT
@given(any_text, prefs, prefs)
def test_inline_always_returns_one_to_five_valid_articles(
    assistant: Assistant, query: str, pref: str | None, user_lang: str | None
) -> None:
    check_inline(assistant, query, pref, user_lang)


@LONG
@given(long_text, prefs)
def test_long_text_to_the_assistant(assistant: Assistant, text: str, pref: str | None) -> None:
    check_reply(assistant, assistant.ask(text, pref=pref), {"answer", "suggest", "fallback", "no_answer"})
    check_inline(assistant, text, pref)
    check_reply(assistant, assistant.command("city", [text], pref=pref))
    check_reply(assistant, assistant.command("start", [text], pref=pref, first_name=text))
    reply = assistant.button(text, pref=pref)
    if reply is not None:
        check_reply(assistant, reply)
