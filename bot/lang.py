"""The languages the bot speaks: the one home of the language vocabulary and of the
rule that picks a language when a question's own words do not tell."""

from __future__ import annotations

from typing import Final, Literal, TypeGuard

__all__ = ["DEFAULT_LANG", "LANGS", "Lang", "choose_lang", "is_lang"]

Lang = Literal["tr", "en"]
LANGS: Final[tuple[Lang, ...]] = ("tr", "en")
DEFAULT_LANG: Final[Lang] = "tr"


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether ``value`` is one of the bot's language codes."""
    return value in LANGS


def choose_lang(pref: str | None, user_lang: str | None, fallback: str | None = None) -> Lang:
    """The language for someone when the text itself does not tell: their /lang choice,
    then their Telegram client's language (Turkish for ``tr*``, English for anything
    else), then ``fallback`` (e.g. the language of the phrasing matched), then Turkish."""
    if is_lang(pref):
        return pref
    if user_lang:
        return "tr" if user_lang.lower().startswith("tr") else "en"
    return fallback if is_lang(fallback) else DEFAULT_LANG
