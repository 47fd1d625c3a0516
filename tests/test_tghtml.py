"""Telegram HTML: validation, escaping, splitting, plain text."""

import pytest

from bot.tghtml import MAX_MESSAGE, Html, escape, split, to_plain, truncate_text, utf16_len, validate, visible_text


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "<b>bold</b> &amp; <i>italic</i>",
        '<a href="https://www.uil.unesco.org/en/learning-cities">UIL</a>',
        "<blockquote>q</blockquote> <code>x</code> <u>u</u> <s>s</s>",
        "&lt;script&gt; &#39; &#x27;",
    ],
)
def test_valid(text: str) -> None:
    assert validate(text) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<script>alert(1)</script>", "unsupported tag <script>"),
        ("<b>never closed", "<b> is never closed"),
        ("<b><i>crossed</b></i>", "unexpected end tag </b>"),
        ("a < b", "bare '<'"),
        ("a & b", "bare '&'"),
        ("a > b", "bare '>'"),
        ("<a>no href</a>", "<a> without href"),
        ('<b class="x">x</b>', "does not take class"),
        ("<br>", "unsupported tag <br>"),
    ],
)
def test_invalid(text: str, problem: str) -> None:
    problems = validate(text)
    assert any(problem in p for p in problems), problems


def test_lenient_mode_allows_bare_ampersand_like_telegram() -> None:
    assert validate("a & b > c", strict=False) == []
    assert validate("a < b", strict=False) != []


def test_escape() -> None:
    assert escape("<script>&") == "&lt;script&gt;&amp;"
    assert validate(escape("<b>&amp;</b> 🙂")) == []
    assert escape(escape("&")) == "&amp;"  # already escaped text is not escaped twice


def test_utf16_length_counts_emoji_twice() -> None:
    assert utf16_len("a🙂") == 3


def test_split_short_text_is_untouched() -> None:
    assert split("<b>hi</b>") == ["<b>hi</b>"]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f'• <a href="https://x.org/{i}">City {i}</a> – <b>20{i % 100:02d}</b>' for i in range(400)),
        "<b>" + "kelime " * 1500 + "</b>",
        "🙂" * 5000,
        "x" * 9000,
        "<blockquote>" + "&amp;" * 2000 + "</blockquote>",
    ],
)
def test_split_long_text_gives_valid_messages_within_limit(text: str) -> None:
    parts = split(text)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(part) <= MAX_MESSAGE
        assert validate(part, strict=False) == [], part[:200]
    # Nothing is lost: the visible text is the same, give or take the whitespace at cuts.
    assert "".join(visible_text(p) for p in parts).replace("\n", "").replace(" ", "") == visible_text(text).replace(
        "\n", ""
    ).replace(" ", "")


def test_to_plain() -> None:
    assert (
        to_plain('<b>Konya</b> <a href="https://uil.unesco.org/city/konya">page</a> &amp; more')
        == "Konya page (https://uil.unesco.org/city/konya) & more"
    )


def test_truncate_text() -> None:
    assert truncate_text("a b c", 10) == "a b c"
    assert truncate_text("x" * 100, 10) == "x" * 9 + "…"


def test_split_never_cuts_an_entity_after_a_tag() -> None:
    # Found by hypothesis: the piece after </b> starts with an entity that does not fit.
    parts = split("<b>" + "a" * 13 + "</b>&amp;" + "b" * 16, 40)
    assert all(validate(p) == [] for p in parts), parts
    assert "".join(visible_text(p) for p in parts) == "a" * 13 + "&" + "b" * 16


def test_lone_surrogates_are_counted_not_fatal() -> None:
    assert utf16_len("a\ud800") == 2


# ------------------------------------------------------------------ Html stays safe when built on


def test_html_plus_str_escapes_the_str_and_stays_html() -> None:
    bold = Html("<b>x</b>")
    for value in (bold + "<i>&", "<i>&" + bold):
        assert isinstance(value, Html)
    assert bold + "<i>&" == "<b>x</b>&lt;i&gt;&amp;"
    assert "<i>" + bold == "&lt;i&gt;<b>x</b>"
    assert bold + Html("<i>y</i>") == "<b>x</b><i>y</i>"  # Html is kept as it is
    text = Html("")
    text += "a < b"
    text += Html("<br>") * 2
    assert isinstance(text, Html) and text == "a &lt; b<br><br>"


def test_html_join_and_format_escape_plain_values() -> None:
    joined = Html("\n").join(["<x>", Html("<b>y</b>"), escape("&")])
    assert isinstance(joined, Html) and joined == "&lt;x&gt;\n<b>y</b>\n&amp;"
    formatted = Html("<b>{}</b> {n:,} {h}").format("<script>", n=12345, h=Html("<i>ok</i>"))
    assert isinstance(formatted, Html) and formatted == "<b>&lt;script&gt;</b> 12,345 <i>ok</i>"
    assert Html("{a}").format_map({"a": "&"}) == "&amp;"
    assert repr(Html("<b>")) == "Html('<b>')"
    # Plain str stays plain: nothing is trusted by accident.
    assert type("<b>" + "x") is str and type("\n".join([Html("<b>")])) is str


def test_text_built_from_html_and_user_input_stays_valid() -> None:
    hostile = "</b><script>&nbsp; <a href='javascript:x'>"
    built = Html("<b>") + hostile + Html("</b>") + "\n" + Html(", ").join([hostile, "&"])
    assert validate(built) == []
    assert visible_text(built) == hostile + "\n" + hostile + ", &"
