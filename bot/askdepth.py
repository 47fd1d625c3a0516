"""A bound on how deep the readings of one message may ask again.

The readings of a chatty message ask the assistant again about its parts (a clause, the
question without the story, the follow-up of the one thing it names), and those asks
read their text again in turn. Over every evaluation set that nests at most four deep;
a message whose readings would ask each other without end (a part that reads as the
whole again) is stopped at :data:`MAX_DEPTH`: the ask there gets "no answer", which every
reading takes as "this part says nothing sure", so the message still gets its reply.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextvars import ContextVar
from functools import wraps
from typing import TYPE_CHECKING, Concatenate, ParamSpec

from bot.lang import LANGS, Lang
from bot.replies import Reply, ReplyKind

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["MAX_DEPTH", "bounded"]

MAX_DEPTH = 8  # twice the deepest nesting seen on the evaluation sets
_DEPTH: ContextVar[int] = ContextVar("ask_depth", default=0)
log = logging.getLogger(__name__)
P = ParamSpec("P")


def bounded(ask: Callable[Concatenate[Assistant, str, P], Reply]) -> Callable[Concatenate[Assistant, str, P], Reply]:
    """``Assistant.ask``, answering "no answer" past :data:`MAX_DEPTH` nested asks."""

    @wraps(ask)
    def wrapper(self: Assistant, text: str, /, *args: P.args, **kwargs: P.kwargs) -> Reply:
        depth = _DEPTH.get()
        if depth >= MAX_DEPTH:
            log.warning("Readings nested %d deep; not reading a part of the message again", depth)
            forced = kwargs.get("force_lang")
            lang: Lang = forced if forced in LANGS else "tr"
            return Reply((self.render.msg("fallback", lang),), lang, kind=ReplyKind.FALLBACK)
        token = _DEPTH.set(depth + 1)
        try:
            return ask(self, text, *args, **kwargs)
        finally:
            _DEPTH.reset(token)

    return wrapper
