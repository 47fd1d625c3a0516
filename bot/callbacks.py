"""Callback data: the one module that builds and parses every inline button's data.

Telegram gives a button at most 64 bytes of data. Each format starts with its
:class:`CallbackKind`; :data:`PATTERNS` are the regular expressions the Telegram wiring
registers, so a format and its handler cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

__all__ = [
    "CALLBACK_MAX_BYTES",
    "MENU",
    "PATTERNS",
    "AnnounceAction",
    "Callback",
    "CallbackKind",
    "ForgetChoice",
    "announce",
    "entry",
    "feedback",
    "fits",
    "forget",
    "lang",
    "parse",
    "topic",
]

CALLBACK_MAX_BYTES: Final = 64


class CallbackKind(StrEnum):
    ENTRY = "e"  # e:<entry id>: show an entry (FAQ entry or city)
    TOPIC = "t"  # t:<topic id>: a topic's entries
    MENU = "menu"  # menu: the topic menu
    LANG = "lang"  # lang:<code>: choose a language
    FEEDBACK = "fb"  # fb:<1|-1>:<entry id>: a vote on an answer
    FORGET = "forget"  # forget:<yes|no>:<user id>: confirm /forgetme
    ANNOUNCE = "ann"  # ann:<ok|no>:<announcement id>: send or cancel a previewed announcement


class ForgetChoice(StrEnum):
    YES = "yes"
    NO = "no"


class AnnounceAction(StrEnum):
    SEND = "ok"
    CANCEL = "no"


MENU: Final = CallbackKind.MENU.value

# What the Telegram wiring registers, one pattern per handler.
PATTERNS: Final[dict[str, str]] = {
    "feedback": rf"^{CallbackKind.FEEDBACK}:",
    "forget": rf"^{CallbackKind.FORGET}:",
    "announce": rf"^{CallbackKind.ANNOUNCE}:",
    "assistant": rf"^(?:{CallbackKind.ENTRY}|{CallbackKind.TOPIC}|{CallbackKind.LANG}):|^{CallbackKind.MENU}$",
}

_VOTES: Final = {"1": 1, "-1": -1}
_ID = re.compile(r"^[A-Za-z0-9_.:-]+$")


@dataclass(frozen=True, slots=True)
class Callback:
    """Parsed callback data: its kind and the values after it."""

    kind: CallbackKind
    value: str = ""  # entry, topic or language; the vote's entry; the announcement id
    choice: str = ""  # the vote (1/-1), the forget choice, the announce action
    number: int = 0  # the user id (forget), the announcement id (announce), the vote


def fits(data: str) -> bool:
    """Whether ``data`` fits in a button (1-64 bytes of UTF-8)."""
    return 1 <= len(data.encode("utf-8")) <= CALLBACK_MAX_BYTES


def entry(entry_id: str) -> str:
    return f"{CallbackKind.ENTRY}:{entry_id}"


def topic(topic_id: str) -> str:
    return f"{CallbackKind.TOPIC}:{topic_id}"


def lang(code: str) -> str:
    return f"{CallbackKind.LANG}:{code}"


def feedback(vote: int, entry_id: str) -> str:
    return f"{CallbackKind.FEEDBACK}:{vote}:{entry_id}"


def forget(choice: ForgetChoice, user_id: int) -> str:
    return f"{CallbackKind.FORGET}:{choice}:{user_id}"


def announce(action: AnnounceAction, announcement_id: int) -> str:
    return f"{CallbackKind.ANNOUNCE}:{action}:{announcement_id}"


def _int(text: str) -> int | None:
    return int(text) if text.isascii() and text.lstrip("-").isdigit() and text not in ("", "-") else None


def parse(data: str | None) -> Callback | None:
    """The callback in ``data``; None when it is no format the bot makes (forged or stale)."""
    if not data or not fits(data):
        return None
    if data == MENU:
        return Callback(CallbackKind.MENU)
    head, _, rest = data.partition(":")
    if head in (CallbackKind.ENTRY, CallbackKind.TOPIC, CallbackKind.LANG):
        return Callback(CallbackKind(head), rest) if rest and _ID.match(rest) else None
    if head == CallbackKind.FEEDBACK:
        vote, _, entry_id = rest.partition(":")
        if vote not in _VOTES or not entry_id or not _ID.match(entry_id):
            return None
        return Callback(CallbackKind.FEEDBACK, entry_id, vote, _VOTES[vote])
    if head == CallbackKind.FORGET:
        choice, _, owner = rest.partition(":")
        user_id = _int(owner)
        if choice not in tuple(ForgetChoice) or user_id is None:
            return None
        return Callback(CallbackKind.FORGET, "", choice, user_id)
    if head == CallbackKind.ANNOUNCE:
        action, _, ident = rest.partition(":")
        announcement_id = _int(ident)
        if action not in tuple(AnnounceAction) or announcement_id is None:
            return None
        return Callback(CallbackKind.ANNOUNCE, ident, action, announcement_id)
    return None
