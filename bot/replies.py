"""What the assistant gives back: replies, buttons and inline articles (no Telegram types)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot import tghtml
from bot.lang import Lang

__all__ = ["SURE_SCORE", "Button", "InlineArticle", "Reply", "ReplyKind", "reply_of"]


# The score of an answer the readings are sure of (a fact, a member, the content's own phrasing)
SURE_SCORE = 99.0


class ReplyKind(StrEnum):
    ANSWER = "answer"  # a confident answer from the content
    SUGGEST = "suggest"  # "did you mean", with the closest topics as buttons
    FALLBACK = "fallback"  # nothing close enough: an honest "I don't know"
    INFO = "info"  # a command's or a menu's reply
    USAGE = "usage"  # a command used wrongly: how to use it
    NO_ANSWER = "no_answer"  # about something the content does not cover: where to find it
    SMALLTALK = "smalltalk"  # thanks, goodbye, hello: a small reply of its own


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: either ``data`` (a callback) or ``url``."""

    text: str
    data: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot sends back: one or more HTML messages and a keyboard for the last."""

    messages: tuple[str, ...]
    lang: Lang
    kind: ReplyKind = ReplyKind.INFO
    buttons: tuple[tuple[Button, ...], ...] = ()
    entry_id: str | None = None
    score: float = 0.0
    suggestions: tuple[str, ...] = ()
    set_lang: Lang | None = None  # the user chose this language with /lang
    edit: bool = False  # a menu step: better shown by editing the message pressed

    @property
    def matched(self) -> bool:
        return self.kind == ReplyKind.ANSWER

    @property
    def text(self) -> str:
        return "\n\n".join(self.messages)


@dataclass(frozen=True, slots=True)
class InlineArticle:
    id: str
    title: str
    description: str
    html: str


def reply_of(
    body: str,
    lang: Lang,
    *,
    kind: ReplyKind = ReplyKind.INFO,
    buttons: tuple[tuple[Button, ...], ...] = (),
    entry_id: str | None = None,
    score: float = 0.0,
    suggestions: tuple[str, ...] = (),
    set_lang: Lang | None = None,
    edit: bool = False,
) -> Reply:
    """A reply whose HTML ``body`` is split into messages within Telegram's limit."""
    return Reply(
        tuple(tghtml.split(body)),
        lang,
        kind=kind,
        buttons=buttons,
        entry_id=entry_id,
        score=score,
        suggestions=suggestions,
        set_lang=set_lang,
        edit=edit,
    )
