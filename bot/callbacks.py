"""Callback data: the one module that builds and parses every inline button's data.

Telegram gives a button at most 64 bytes of data. Each format starts with its
:class:`CallbackKind`; :data:`PATTERNS` are the regular expressions the Telegram wiring
registers, so a format and its handler cannot drift apart.

Callback data comes from the client and can be forged, or be stale (a keyboard the bot
has replaced since). The rule every handler applies, through :func:`offered`:

1. A press counts only if the message pressed carries a button with exactly that data
   (Telegram sends the message, keyboard included, with every press). Anything else -
   data on a message that never had that button, on a message whose keyboard was
   replaced, or on a message the bot can no longer see (older than 48 hours) - does
   nothing: the query is answered, nothing is edited, sent or stored.
2. Then what the data names must exist: an entry, topic or language of the current
   content (a vote for an entry that is gone is not counted), an announcement that is
   still a draft.
3. And the person must be the one it is for: ``forget`` only in the private chat of the
   user whose id it carries (the bot puts it only on that person's /forgetme message);
   ``ann`` only from an operator.

So ``menu`` edits only a message that carried the menu button, and the bot's
announcement in a group (which has no buttons) cannot be overwritten by any press.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
    "members",
    "offered",
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
    # ann:<action>:<announcement id>: send, cancel, add the English version of a previewed
    # announcement; cancel a scheduled one; stop one being sent
    ANNOUNCE = "ann"
    MEMBERS = "m"  # m:<filter>:<page>: a page of a member list ("m:c=DE,y=2024:1")


class ForgetChoice(StrEnum):
    YES = "yes"
    NO = "no"


class AnnounceAction(StrEnum):
    SEND = "ok"  # send now, or schedule when the draft has a time
    CANCEL = "no"  # cancel a draft or a scheduled announcement
    ENGLISH = "en"  # the next message is the English version
    STOP = "stop"  # stop a broadcast under way


MENU: Final = CallbackKind.MENU.value

# What the Telegram wiring registers, one pattern per handler.
PATTERNS: Final[dict[str, str]] = {
    "feedback": rf"^{CallbackKind.FEEDBACK}:",
    "forget": rf"^{CallbackKind.FORGET}:",
    "announce": rf"^{CallbackKind.ANNOUNCE}:",
    "assistant": (
        rf"^(?:{CallbackKind.ENTRY}|{CallbackKind.TOPIC}|{CallbackKind.LANG}|{CallbackKind.MEMBERS}):"
        rf"|^{CallbackKind.MENU}$"
    ),
}

_VOTES: Final = {"1": 1, "-1": -1}
_ID = re.compile(r"^[\w.:-]+$")  # entry ids; a member abroad may keep a letter such as "ø"
_FILTER = re.compile(r"^[A-Za-z0-9=,-]+$")


@dataclass(frozen=True, slots=True)
class Callback:
    """Parsed callback data: its kind and the values after it."""

    kind: CallbackKind
    value: str = ""  # entry, topic or language; the vote's entry; the announcement id
    choice: str = ""  # the vote (1/-1), the forget choice, the announce action
    number: int = 0  # the user id (forget), the announcement id (announce), the vote, the page (members)


def fits(data: str) -> bool:
    """Whether ``data`` fits in a button (1-64 bytes of UTF-8)."""
    return 1 <= len(data.encode("utf-8")) <= CALLBACK_MAX_BYTES


def entry(entry_id: str) -> str:
    return f"{CallbackKind.ENTRY}:{entry_id}"


def topic(topic_id: str) -> str:
    return f"{CallbackKind.TOPIC}:{topic_id}"


def lang(code: str) -> str:
    return f"{CallbackKind.LANG}:{code}"


def members(filter_key: str, page: int) -> str:
    """A page (from 0) of a member list; ``filter_key`` as :class:`bot.members.replies.ListFilter` makes it."""
    return f"{CallbackKind.MEMBERS}:{filter_key}:{page}"


def feedback(vote: int, entry_id: str) -> str:
    return f"{CallbackKind.FEEDBACK}:{vote}:{entry_id}"


def forget(choice: ForgetChoice, user_id: int) -> str:
    return f"{CallbackKind.FORGET}:{choice}:{user_id}"


def announce(action: AnnounceAction, announcement_id: int) -> str:
    return f"{CallbackKind.ANNOUNCE}:{action}:{announcement_id}"


_MAX_ID: Final = 2**63 - 1  # what a database column (and Telegram) takes


def _int(text: str) -> int | None:
    """A positive id written in ASCII digits, as the bot writes them (no sign, no zero)."""
    if not (text.isascii() and text.isdigit()) or text.startswith("0") or len(text) > 19:
        return None
    value = int(text)
    return value if value <= _MAX_ID else None


def offered(data: str | None, keyboard: Iterable[str | None]) -> Callback | None:
    """The parsed callback of a press, only if ``data`` is on one of the buttons of the
    message pressed (``keyboard``: their callback data); None otherwise (rule 1 above)."""
    if data is None or data not in keyboard:
        return None
    return parse(data)


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
    if head == CallbackKind.MEMBERS:
        key, _, number = rest.rpartition(":")
        page = 0 if number == "0" else _int(number)  # pages count from 0 (ids from 1)
        if not key or not _FILTER.match(key) or page is None or page < 0:
            return None
        return Callback(CallbackKind.MEMBERS, key, "", page)
    if head == CallbackKind.ANNOUNCE:
        action, _, ident = rest.partition(":")
        announcement_id = _int(ident)
        if action not in tuple(AnnounceAction) or announcement_id is None:
            return None
        return Callback(CallbackKind.ANNOUNCE, ident, action, announcement_id)
    return None
