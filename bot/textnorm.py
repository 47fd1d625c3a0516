"""Turkish-aware text folding and tokenising for matching.

``"İ".lower()`` is two characters and ``"I".lower()`` is not the Turkish ``ı``, so
folding never relies on ``str.lower()`` alone: the Turkish letters are mapped
explicitly first, then the rest of the text is case-folded and stripped of accents.

Everything the matcher compares goes through :func:`terms`, on the content side and on
the question side alike, so that both sides agree: folded words without stop words
(also small talk: "merhaba, bir sorum olacakti"), light Turkish and English stemming
(:func:`stem`: "sehirlerin" -> "sehir", "uyeligi" -> "uyelik"), one word for each group
of :data:`SYNONYMS` (Turkish and English words of the domain, "katildi" and "joined";
ordinals, "birinci" and "1st"; spelling variants) and abbreviations expanded
(:data:`EXPANSIONS`). The synonym groups are content (content/synonyms.yaml); the content
loader hands them to :func:`use_synonyms`. :data:`INTENT_WORDS` are the question words
the matcher weighs lightly. :func:`question_key` groups stored questions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.stemming import is_ending, stem, strip_ending
from bot.stopwords import INTENT_WORDS, STOPWORDS, STOPWORDS_EN, STOPWORDS_TR

__all__ = [
    "EMOJI",
    "EXPANSIONS",
    "INTENT_WORDS",
    "STOPWORDS",
    "STOPWORDS_EN",
    "STOPWORDS_TR",
    "SYNONYMS",
    "fold",
    "fold_question",
    "folded_terms",
    "is_ending",
    "last_clause",
    "looks_turkish",
    "question_key",
    "sentences",
    "stem",
    "synonym_table",
    "synonyms_version",
    "term",
    "terms",
    "tokens",
    "use_synonyms",
]

# Every dotted/dotless i becomes "i"; the other Turkish letters lose their marks.
_TURKISH = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "i": "i",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ç": "c",
        "ç": "c",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "Â": "a",
        "â": "a",
        "Î": "i",
        "î": "i",
        "Û": "u",
        "û": "u",
    }
)
_APOSTROPHES = "'’‘`´ʼ′"  # noqa: RUF001 (look-alike apostrophes on purpose)
# "Konya'nın" -> "Konya", "İzmir'e" -> "İzmir": a suffix after an apostrophe goes.
_APOSTROPHE_SUFFIX = re.compile(r"(\w)'\w*")
# Zero-width characters, the soft hyphen and other invisible marks inside words go first.
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_NON_WORD = re.compile(r"[\W_]+")
_TURKISH_LETTERS = re.compile("[çğışöüÇĞİŞÖÜ]")


_TURKISH_PAIRS = tuple((chr(code), letter) for code, letter in _TURKISH.items())
_APOSTROPHE_PAIRS = tuple((mark, "'") for mark in _APOSTROPHES if mark != "'")
_INVISIBLE_PAIRS = tuple((char, "") for char in _INVISIBLE)
_ASCII_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Fold text for comparison: Turkish letters, case, accents, apostrophe suffixes,
    punctuation and emoji, whitespace.

    Non-ASCII text is first brought to one form (NFKC: "Konya" in mathematical bold letters is "Konya", a decomposed
    "ş" is "ş"), so that the Turkish map, the apostrophe rule and case folding see the
    letters a reader sees; marks are dropped before the apostrophe rule.
    """
    if text.isalnum():
        # One word of ASCII letters and digits and Turkish letters (most words, also the
        # tens of thousands the speller folds at start-up): no apostrophe, mark, space or
        # compatibility form, so the steps below only map the Turkish letters and lower
        # the case. The same result as _fold (tests/test_textnorm.py), in a fraction of the time.
        mapped = text if text.isascii() else text.translate(_TURKISH)
        if mapped.isascii():
            return mapped.lower()
    return _fold(text)


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``text.translate`` of a map of single characters, by ``str.replace`` of those
    present: much faster on a long text (an entry's answer) that has few of them."""
    for char, by in pairs:
        if char in text:
            text = text.replace(char, by)
    return text


def _fold(text: str) -> str:
    text = _replaced(text, _APOSTROPHE_PAIRS)
    if not text.isascii():
        text = _replaced(text, _INVISIBLE_PAIRS)  # "KO\u200bMEK", "kon\u00adferans"
        text = _replaced(unicodedata.normalize("NFKC", text), _APOSTROPHE_PAIRS)
        for letter, plain in _TURKISH_PAIRS:  # str.replace is much faster than str.translate here
            if letter in text:
                text = text.replace(letter, plain)
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text.casefold())
            marks = [ch for ch in set(text) if unicodedata.combining(ch)]  # each character looked at once
            text = _replaced(text, tuple((mark, "") for mark in marks))
    if "'" in text:
        text = _APOSTROPHE_SUFFIX.sub(r"\1", text)
    if text.isascii():  # the usual case once Turkish letters are mapped: nothing to decompose
        return " ".join(_ASCII_WORD.findall(text.lower()))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def looks_turkish(text: str) -> bool:
    """True when the text contains a letter that only Turkish (of tr/en) uses."""
    return _TURKISH_LETTERS.search(text) is not None


# Words with the same meaning for matching: the groups of content/synonyms.yaml (each a
# tuple of folded words, the canonical word first), made the vocabulary by use_synonyms.
# Importers hold this dict, so it is replaced in place.
SYNONYMS: dict[str, str] = {}
_synonym_groups: tuple[tuple[str, ...], ...] = ()


def synonym_table(groups: Iterable[Sequence[str]]) -> dict[str, str]:
    """Each word of each group, and its stem, mapped to the group's first word; a word
    listed itself keeps its own group even when it is another word's stem."""
    listed = [tuple(group) for group in groups if group]
    table = {word: group[0] for group in listed for word in group}
    for group in listed:  # stems second
        for word in group:
            table.setdefault(stem(word), group[0])
    return table


def use_synonyms(groups: Iterable[Sequence[str]]) -> bool:
    """Make ``groups`` the synonyms :func:`terms` uses (the content loader calls this with
    synonyms.yaml); True when they changed. Build matchers after this."""
    global _synonym_groups
    wanted = tuple(tuple(group) for group in groups)
    if wanted == _synonym_groups:
        return False
    table = synonym_table(wanted)
    SYNONYMS.clear()
    SYNONYMS.update(table)
    _synonym_groups = wanted
    term.cache_clear()
    _folded_terms.cache_clear()
    return True


def synonyms_version() -> tuple[tuple[str, ...], ...]:
    """The synonym groups in use (for callers that cache words made with :func:`term`)."""
    return _synonym_groups


def tokens(text: str) -> list[str]:
    """All folded tokens of ``text``, in order."""
    return fold(text).split()


# ---------------------------------------------------------------------------- matcher terms

# Two words that are one for matching, joined before the words are looked at.
_JOINED = (
    ("e posta", "eposta"),
    ("e mail", "email"),
    ("web sitesi", "websitesi"),
    ("cevrim ici", "cevrimici"),  # "çevrim içi" is "online"
    ("ne zamandan", "nezaman"),  # "ne zamandan beri"
    ("ne zamandir", "nezaman"),
    ("ne zaman", "nezaman"),
    ("en once", "ilk"),
    ("en son", "enson"),
    ("get in touch", "contact"),
    ("how many", "kac"),
    ("how much", "kac"),
)
# An ending may follow the ones that take endings ("e-postası", "e-maili").
_SUFFIXED = frozenset(["e posta", "e mail"])
_JOINED_RE = tuple(
    (pair, re.compile(rf"\b{pair}" if pair in _SUFFIXED else rf"\b{pair}\b"), joined) for pair, joined in _JOINED
)
# Abbreviations that also stand for a word of their long name: "ICLC" is a conference.
EXPANSIONS: dict[str, tuple[str, ...]] = {"iclc": ("konferans",), "gnlc": ("ag",), "uil": ("enstitu",)}
# "Hangi illerimiz üye?": our provinces, cities, municipalities are Türkiye's (the bot's
# users are in Türkiye); the singular "şehrimiz" may be the person's own city, so not it.
_OURS = ("illerimiz", "sehirlerimiz", "kentlerimiz", "belediyelerimiz")
# Where a message's sentences end: after ".", "!", "?" or an emoji or flag ("Moving to Konya 😀 Is it ...?")
EMOJI = "\U0001f1e6-\U0001f1ff\U0001f300-\U0001faff\u2600-\u27bf\ufe0f"  # a character class's ranges: emoji, flags
# A sentence ends after ".", "!", "?" or an emoji; after a written ordinal ("5. konferans") only before a capital
_SENTENCE = re.compile(
    rf"(?<=[!?{EMOJI}])\s+|(?<=\.)(?<!\b\d\.)(?<!\b\d\d\.)\s+|(?:(?<=\b\d\.)|(?<=\b\d\d\.))\s+(?=[A-ZÇĞİÖŞÜ])"
)


def sentences(text: str) -> list[str]:
    """The sentences of a message, as written."""
    return [s for s in _SENTENCE.split(text.strip()) if s]


_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}\b)")  # "1,000" is one number
_CLAUSE = re.compile(r"(?:(?<!\b\d)(?<!\b\d\d)\.|[,:;!?…–—])+|\s-\s")  # not after "2." (a written ordinal)


@lru_cache(maxsize=65536)
def term(token: str) -> str | None:
    """The matcher's word for one folded token: its synonym or its stem; None for a
    stop word, also when only its stem is one ("bilgiye" -> "bilgi")."""
    if token in STOPWORDS:
        return None
    if token in SYNONYMS:
        return SYNONYMS[token]
    stemmed = token
    for _ in range(3):  # a synonym of an inflected form: "ulkemizdeki" -> "ulkemiz", "sehirlerimizden"
        stripped = strip_ending(stemmed) if not stemmed.isdigit() and len(stemmed) > 4 else stemmed
        if stripped == stemmed:
            break
        stemmed = stripped
        if stemmed in SYNONYMS:
            return SYNONYMS[stemmed]
    stemmed = stem(token)
    if stemmed in STOPWORDS:
        return None
    return SYNONYMS.get(stemmed, stemmed)


@lru_cache(maxsize=8192)
def fold_question(text: str) -> str:
    """:func:`fold`, keeping "1,000" one number (remembered: a question is read many times)."""
    return fold(_THOUSANDS.sub("", text))


def folded_terms(folded: str) -> list[str]:
    """:func:`terms` of text already folded by :func:`fold_question`."""
    return list(_folded_terms(folded))


@lru_cache(maxsize=8192)
def _folded_terms(folded: str) -> tuple[str, ...]:
    for pair, pattern, joined in _JOINED_RE:
        if pair in folded:
            folded = pattern.sub(joined, folded)
    seen: dict[str, None] = {}
    for token in folded.split():
        found = term(token)
        if found is not None:
            seen.setdefault(found, None)
            for extra in EXPANSIONS.get(found, ()):
                seen.setdefault(extra, None)
            if token.startswith(_OURS) and (ours := term("turkiye")) is not None:
                seen.setdefault(ours, None)
    return tuple(seen)


def terms(text: str) -> list[str]:
    """The words the matcher compares: folded, stop words dropped, stemmed, synonyms
    made one, abbreviations expanded; duplicates removed, order kept."""
    return folded_terms(fold_question(text))


@lru_cache(maxsize=4096)
def last_clause(text: str) -> str:
    """The last clause of ``text`` that has a term: in "Merhaba, bir sorum olacakti: Bolu
    ne zaman katildi?" the question itself, after the small talk (remembered: several
    readings ask it of a question)."""
    for clause in reversed(_CLAUSE.split(text)):
        if terms(clause):
            return clause
    return text


def question_key(text: str) -> str:
    """What groups questions that differ only in case, Turkish letters, suffixes, stop
    words, synonyms and word order ("Konya'da ne yenir?" and "konyada ne yenir"); the
    folded text when no key term is left. Used for /unanswered and ``--suggest`` alike."""
    return " ".join(sorted(terms(text))) or fold(text)
