"""What the storage hands out and takes in: records, counts and the closed sets of statuses.

The statuses are :class:`~enum.StrEnum` members whose values are the strings stored in the
database, so a member compares equal to (and is written as) its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Announcement",
    "AnnouncementStatus",
    "ChatRow",
    "ChatStatus",
    "DatabaseUnavailable",
    "Delivery",
    "DeliveryCounts",
    "DeliveryStatus",
    "QuestionRecord",
    "Stats",
    "StorageError",
    "storable_text",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str | None) -> str | None:
    """``text`` as valid Unicode: a lone surrogate (which JSON from Telegram can carry,
    and no database driver can encode) becomes U+FFFD, so one such message cannot make
    a batch of writes fail."""
    if text is None or text.isascii():
        return text
    return _SURROGATE.sub("\ufffd", text)


class StorageError(RuntimeError):
    """The database cannot be opened or used; the message names the path or the host
    (never a password)."""


class DatabaseUnavailable(StorageError):
    """The database server cannot be reached right now (it is being reconnected)."""


class ChatStatus(StrEnum):
    """Whether announcements reach a chat: only ``active`` ones are sent any."""

    ACTIVE = "active"
    BLOCKED = "blocked"  # a person blocked the bot
    LEFT = "left"  # the bot was removed from a group
    MIGRATED = "migrated"  # a group that became a supergroup (see ``migrated_to``)


class AnnouncementStatus(StrEnum):
    DRAFT = "draft"  # written with /announce, not confirmed yet
    SCHEDULED = "scheduled"  # confirmed with /announce <time>, waiting for its time (``due``)
    PENDING = "pending"  # to be sent, recipients not fixed yet (scheduled ones)
    SENDING = "sending"  # recipients fixed, deliveries under way
    DONE = "done"
    SKIPPED = "skipped"  # a scheduled one that was too late to post
    CANCELLED = "cancelled"
    STOPPED = "stopped"  # stopped by an operator while sending; what was sent stays recorded

    @property
    def finished(self) -> bool:
        return self in (
            AnnouncementStatus.DONE,
            AnnouncementStatus.SKIPPED,
            AnnouncementStatus.CANCELLED,
            AnnouncementStatus.STOPPED,
        )


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    # Sent, and Telegram did not answer in time, also after the one resend: it may have arrived.
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True)
class ChatRow:
    chat_id: int
    type: str
    title: str | None
    lang: str | None
    subscribed: int
    status: ChatStatus
    migrated_to: int | None


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    at: float
    chat_id: int | None
    user_id: int | None
    lang: str
    text: str | None  # None when questions are not stored (BOT_STORE_QUESTIONS=0)
    folded: str | None
    entry: str | None
    score: float
    answered: bool
    kind: str


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    key: str | None
    created: float
    author: int | None
    text: dict[str, str]
    audience: str
    status: AnnouncementStatus
    due: float | None
    finished: float | None
    progress_chat_id: int | None
    progress_message_id: int | None
    progress_lang: str = "tr"
    # Copied announcements: the chat of the operator's messages and their ids per language
    # (no "en" ids: the English version is the Turkish one). Empty for HTML text ones.
    source_chat_id: int | None = None
    sources: dict[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Delivery:
    announcement_id: int
    target: str
    lang: str
    status: DeliveryStatus
    message_id: int | None
    reason: str | None
    attempts: int
    resends: int = 0  # sends repeated because an earlier one may or may not have arrived


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    total: int
    sent: int
    failed: int
    pending: int
    unconfirmed: int = 0  # sent, delivery not confirmed (not counted in ``sent`` or ``failed``)


@dataclass(frozen=True, slots=True)
class Stats:
    users: int
    groups: int
    subscribers: int
    questions_7d: int
    questions_30d: int
    answered_30d: int
    votes_up: int
    votes_down: int
    top_questions: list[tuple[str, int]]
    top_unanswered: list[tuple[str, int]]

    @property
    def match_rate(self) -> float:
        return self.answered_30d / self.questions_30d if self.questions_30d else 0.0
