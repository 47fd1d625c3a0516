"""The languages the bot speaks: the one home of the language vocabulary."""

from __future__ import annotations

from typing import Final, Literal, TypeGuard

__all__ = ["DEFAULT_LANG", "LANGS", "Lang", "is_lang"]

Lang = Literal["tr", "en"]
LANGS: Final[tuple[Lang, ...]] = ("tr", "en")
DEFAULT_LANG: Final[Lang] = "tr"


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether ``value`` is one of the bot's language codes."""
    return value in LANGS
