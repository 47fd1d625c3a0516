"""Country names in Turkish and English from Babel's CLDR data, not a hand-written table."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date

from bot.lang import Lang

__all__ = ["country_codes", "country_name", "flag", "format_day", "format_month"]

# CLDR "territories" that are not countries: groupings and private-use codes.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def _names(lang: Lang) -> dict[str, str]:
    territories = Locale(lang).territories
    return {code: name for code, name in territories.items() if len(code) == 2 and code.isalpha()}


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166 alpha-2 code CLDR names in both languages."""
    return frozenset(set(_names("tr")) & set(_names("en"))) - _NOT_COUNTRIES


def country_name(code: str, lang: Lang) -> str:
    """``country_name("DE", "tr") == "Almanya"``; the code itself when CLDR has no name."""
    return _names(lang).get(code, code)


def flag(code: str) -> str:
    """The flag emoji of a country code (regional indicator letters)."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper() if "A" <= letter <= "Z")


@lru_cache(maxsize=256)
def format_day(day: date, lang: Lang) -> str:
    """``4 Aralık 2025`` / ``4 December 2025`` (remembered: Babel's formatting is slow)."""
    if lang == "en":
        return f"{day.day} {format_date(day, 'MMMM y', locale='en')}"
    return format_date(day, format="long", locale=lang)


@lru_cache(maxsize=64)
def format_month(day: date, lang: Lang) -> str:
    """``Aralık 2025`` / ``December 2025``."""
    return format_date(day, "LLLL y", locale=lang)
