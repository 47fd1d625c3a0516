"""Light Turkish and English stemming: the endings :func:`stem` strips and
:func:`is_ending` recognises (used by :mod:`bot.textnorm`)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_ending", "stem", "strip_ending"]

_SUFFIXES = tuple(
    sorted(
        {
            # Turkish case, plural, possessive, relative and copula endings, folded.
            "lar",
            "ler",
            "lari",
            "leri",
            "larin",
            "lerin",
            "lara",
            "lere",
            "larda",
            "lerde",
            "lardan",
            "lerden",
            "larini",
            "lerini",
            "larinin",
            "lerinin",
            "larina",
            "lerine",
            "in",
            "un",
            "nin",
            "nun",
            "tin",
            "tun",
            "yi",
            "yu",
            "nda",
            "nde",
            "ndan",
            "nden",
            "da",
            "de",
            "ta",
            "te",
            "dan",
            "den",
            "tan",
            "ten",
            "ya",
            "ye",
            "na",
            "ne",
            "daki",
            "deki",
            "taki",
            "teki",
            "ndaki",
            "ndeki",
            "si",
            "su",
            "sini",
            "sunu",
            "sinin",
            "sunun",
            "sinde",
            "sinda",
            "inde",
            "inda",
            "imiz",
            "umuz",
            "iniz",
            "unuz",
            "miz",
            "niz",
            "dir",
            "dur",
            "tir",
            "tur",
            "dit",
            "mis",
            "mus",
            "di",
            "du",
            "ti",
            "tu",
            "la",
            "le",
            "yla",
            "yle",
            "larla",
            "lerle",
            # English plurals.
            "s",
            "es",
        },
        key=len,
        reverse=True,
    )
)
# "uyeligi", "uyeligin" -> "uyelik": the k of -lik becomes g before a vowel ending.
_SOFTENED = re.compile(r"(l[iu])g(?:i|u|e|a|in|un|ine|una|ini|unu|inin|unun|inde|unda|inden|undan|iyle|uyla)$")

# "katildigini", "kabul edildigi", "kuruldugu", "yapilacagini": a verb said as a noun
# (-DIK and -(y)AcAK with a possessive and a case ending) is the verb ("katil", "edil").
_PARTICIPLE = re.compile(
    r"^(.{3,}?)(?:[dt][iu]g|y?[ae]cag)(?:i|u|in|un|ini|unu|inin|unun|ine|une|inde|unde|inda|unda|inden|unden|indan|undan|imiz|umuz|iniz|unuz)$"
)

# Short nouns whose endings come off too ("yılda", "ayında", "üyeleri", "illerde"); other
# words keep four letters at least ("ilan" is no "il" + "an").
_SHORT_NOUNS = ("yil", "ay", "gun", "il", "uye")
_CASES = frozenset(_SUFFIXES) - {"s", "es"} | {"a", "e", "i", "u"}

#: _SUFFIXES by length, longest first: a token ends with at most one ending of each length.
_SUFFIXES_BY_LENGTH = tuple(
    (length, frozenset(s for s in _SUFFIXES if len(s) == length))
    for length in sorted({len(s) for s in _SUFFIXES}, reverse=True)
)
_COPULAS = frozenset(["mis", "mus", "di", "du"])  # "-(y)miş", "-(y)dı": "üyeymiş", "üyeydi", "katılmadı"
_VOWELS = ("a", "e", "i", "u")  # dative/accusative after a consonant: "konferansa", "sehiri"
# Endings a word may carry beyond a known word: inflections, and the derivations that
# keep the topic ("uye" -> "uyelik", "katil" -> "katilim"), for the matcher's prefix look-ups.
_ENDINGS = (
    frozenset(_SUFFIXES)
    | frozenset(_VOWELS)
    | frozenset(
        [
            "lik",
            "luk",
            "ligi",
            "lugu",
            "ligin",
            "lugun",
            "li",
            "lu",
            # "Konyalıyım", "Boluluyuz": someone from the place.
            "yim",
            "yum",
            "iyim",
            "uyum",
            "yiz",
            "yuz",
            "liyim",
            "luyum",
            "lig",
            "lug",
            "im",
            "um",
            "imi",
            "umu",
            "ci",
            "cu",
            "ciler",
            "culer",
            "yor",
            "iyor",
            "uyor",
            "mak",
            "mek",
            "ma",
            "me",
            "an",
            "en",
            "ing",
            "ed",
            "er",
            "ers",
            "ship",
        ]
    )
)


def is_ending(rest: str) -> bool:
    """True when ``rest`` is one or two word endings: "inda", "lerin", "lar"+"da"; not "r"
    ("yeni" + "r" is "yenir", another word)."""
    if _one_or_two(rest):
        return True
    # "tarihlerdeydi", "Pekin'deymiş", "neredeydi": the endings and then "was" (a copula)
    copula = next((c for c in _Y_COPULAS if rest.endswith(c)), None)
    return copula is not None and (rest == copula or _one_or_two(rest[: -len(copula)]))


_Y_COPULAS = ("ydi", "ydu", "ymis", "ymus", "ysa", "yse")  # after endings: "tarihlerdeydi"


def _one_or_two(rest: str) -> bool:
    """One ending, or two in a row."""
    if rest in _ENDINGS:
        return True
    return any(rest[:k] in _ENDINGS and rest[k:] in _ENDINGS for k in range(1, len(rest)))


def strip_ending(token: str) -> str:
    """One common ending off ``token`` (keeping at least four letters), else ``token``."""
    size = len(token)
    for length, suffixes in _SUFFIXES_BY_LENGTH:  # the longest ending first, as in _SUFFIXES
        if size - length >= 4 and token[-length:] in suffixes:
            return token[:-length]
    if token.endswith(_VOWELS) and len(token) >= 6 and token[-2] not in "aeiou":
        return token[:-1]
    return token


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Strip up to two common Turkish or English endings, keeping at least four letters.

    Deliberately light: the matcher also compares tokens by prefix and by edit
    distance, so this only has to bring the most frequent inflections together.
    """
    if token.startswith(_SHORT_NOUNS):
        short = _short_noun(token)
        if short is not None:
            return short
    if token.isdigit() or len(token) <= 4:
        return token
    participle = _PARTICIPLE.match(token)
    if participle is not None:
        return participle.group(1)
    softened = _SOFTENED.sub(r"\1k", token)
    if softened != token:
        return softened
    if token.endswith("ies"):
        return token[:-3] + "y"
    for _ in range(2):
        stripped = strip_ending(token)
        if stripped == token:
            break
        copula = token[len(stripped) :] in _COPULAS
        if copula and stripped[-1] == "y" and (len(stripped) == 4 or stripped[-2] in "iu") and stripped[-2] in "aeiou":
            # "uyeymis", "hangisiydi": the y joins the copula to a short noun or an -i/-u ending ("uye", "hangisi")
            stripped = stripped[:-1]
        elif copula and stripped.endswith(("ma", "me")) and len(stripped) >= 6:
            stripped = stripped[:-2]  # "katilmadi", "kurulmamis": the verb said not to be ("katil")
        token = stripped
    return token


def _short_noun(token: str) -> str | None:
    """The short noun ``token`` inflects ("yillarinda": "yil"), else None."""
    for noun in _SHORT_NOUNS:
        rest = token[len(noun) :]
        if (
            token.startswith(noun)
            and rest
            and (rest in _CASES or any(rest[:k] in _CASES and rest[k:] in _CASES for k in range(1, len(rest))))
        ):
            return noun
    return None
