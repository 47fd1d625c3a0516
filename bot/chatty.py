"""The readings of a whole chatty message after the others: two questions in one
(:mod:`bot.twoquestions`), then the asker's own city (:mod:`bot.ourcity`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.ourcity import our_city
from bot.replies import Reply
from bot.twoquestions import both_asked

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["chatty"]


def chatty(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """``reply`` read again as a chatty message: the answer that holds both of two
    questions, then "our city" with its name."""
    return our_city(a, text, both_asked(a, text, reply, lang), lang)
