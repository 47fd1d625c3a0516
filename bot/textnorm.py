"""Turkish-aware text folding and tokenising for matching.

``"İ".lower()`` is two characters and ``"I".lower()`` is not the Turkish ``ı``, so
folding never relies on ``str.lower()`` alone: the Turkish letters are mapped
explicitly first, then the rest of the text is case-folded and stripped of accents.
Everything the matcher compares goes through :func:`fold` and :func:`tokens`, on the
content side and on the question side alike, so that both sides agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fold", "tokens", "content_tokens", "stem", "STOPWORDS", "STOPWORDS_TR", "STOPWORDS_EN", "looks_turkish",
]

# Every dotted/dotless i becomes "i"; the other Turkish letters lose their marks.
_TURKISH = str.maketrans(
    {
        "İ": "i", "I": "i", "ı": "i", "i": "i",
        "Ş": "s", "ş": "s", "Ğ": "g", "ğ": "g", "Ç": "c", "ç": "c",
        "Ö": "o", "ö": "o", "Ü": "u", "ü": "u",
        "Â": "a", "â": "a", "Î": "i", "î": "i", "Û": "u", "û": "u",
    }
)
_APOSTROPHES = "'’‘`´ʼ′"
# "Konya'nın" -> "Konya", "İzmir'e" -> "İzmir": a suffix after an apostrophe goes.
_APOSTROPHE_SUFFIX = re.compile(rf"(\w)[{_APOSTROPHES}]\w*")
_NON_WORD = re.compile(r"[\W_]+")
_TURKISH_LETTERS = re.compile("[çğışöüÇĞİŞÖÜ]")


def fold(text: str) -> str:
    """Fold text for comparison: Turkish letters, case, accents, apostrophe suffixes,
    punctuation and emoji, whitespace."""
    text = _APOSTROPHE_SUFFIX.sub(r"\1", text.translate(_TURKISH))
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text).split())


def looks_turkish(text: str) -> bool:
    """True when the text contains a letter that only Turkish (of tr/en) uses."""
    return _TURKISH_LETTERS.search(text) is not None


# Folded stop words: words that say nothing about which entry is meant. Words that
# carry intent ("kac", "how many", "when", "zaman", "nerede", "where", "who") are
# deliberately *not* here: the matcher weights them by how rare they are instead.
STOPWORDS_TR: frozenset[str] = frozenset(
    """
    mi mu misin misiniz midir mudur miyim miydi muydu musun musunuz miyiz
    oldugu oldugunu olup olmadigini biliyor biliyormusun
    ne nedir neler nelerdir nasil nasildir hangi hangisi hangileri acaba
    ve ile veya ya yada ama fakat ki da de bir bu su o bunlar sunlar onlar
    icin gibi kadar daha en cok az
    lutfen merhaba selam selamlar slm mrb iyi gunler gunaydin tesekkurler tesekkur sagol sagolun
    bana beni benim bize bizim sen seni senin siz sizin ben biz onu onun
    bilgi bilgiler bilgisi hakkinda ilgili konusunda dair
    soyler soyle soyleyebilir anlat anlatir anlatabilir verir verebilir
    ogrenmek istiyorum isterim merak ediyorum rica
    olan olarak olur oldu var yok mevcut
    """.split()
)
STOPWORDS_EN: frozenset[str] = frozenset(
    """
    a an the is are was were be been being am of on at to in into for and or nor but
    what whats which whom whose how can could would should will shall
    i me my mine we our you your yours it its this that these those there here
    please tell about hi hello hey thanks thank know want like some any with by from as so
    just really also very much get got give explain describe info information
    """.split()
)
STOPWORDS: frozenset[str] = STOPWORDS_TR | STOPWORDS_EN

_SUFFIXES = tuple(
    sorted(
        {
            # Turkish case, plural, possessive and copula endings, folded.
            "lar", "ler", "lari", "leri", "larin", "lerin", "lara", "lere", "larda", "lerde",
            "lardan", "lerden", "larini", "lerini",
            "in", "un", "nin", "nun", "tin", "tun", "yi", "yu", "nda", "nde", "ndan", "nden",
            "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ya", "ye", "na", "ne",
            "si", "su", "sini", "sunu", "sinin", "sunun", "sinde", "sinda", "inde", "inda",
            "dir", "dur", "tir", "tur", "dit", "mis", "mus",
            "di", "du", "ti", "tu", "mi", "mu",
            # English plurals.
            "s", "es",
        },
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Strip one common Turkish or English ending, keeping at least four letters.

    Deliberately light: the matcher also compares tokens by prefix and by edit
    distance, so this only has to bring the most frequent inflections together.
    """
    if token.isdigit() or len(token) <= 4:
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    return token


def tokens(text: str) -> list[str]:
    """All folded tokens of ``text``, in order."""
    return fold(text).split()


def content_tokens(text: str) -> list[str]:
    """Folded, stemmed tokens without stop words, duplicates removed, order kept."""
    seen: dict[str, None] = {}
    for token in tokens(text):
        if token in STOPWORDS:
            continue
        seen.setdefault(stem(token), None)
    return list(seen)
