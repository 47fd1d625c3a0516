"""Announcements: who gets them in which language, drafts and their versions, scheduling
(from Telegram, and content/announcements.yaml), stopping, and posting them once.

The delivery itself is :mod:`bot.broadcast` (its names are re-exported here). Nothing
here imports :mod:`telegram`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.broadcast import Broadcaster, Copy, Payload, Progress, Sender, SendKind, SendOutcome, payload_for
from bot.content import ScheduledAnnouncement
from bot.storage import Announcement, AnnouncementStatus, DeliveryCounts, Storage

__all__ = [
    "Announcer",
    "Broadcaster",
    "Copy",
    "Payload",
    "Progress",
    "ScheduleAction",
    "ScheduleDecision",
    "SendKind",
    "SendOutcome",
    "Sender",
    "now_utc",
    "payload_for",
]

_Status = AnnouncementStatus

logger = logging.getLogger(__name__)


class ScheduleAction(StrEnum):
    """What start-up does with a scheduled announcement."""

    POST = "post"  # due: post now
    SCHEDULE = "schedule"  # later
    SKIP = "skip"  # too late
    DONE = "done"  # posted before


@dataclass(frozen=True, slots=True)
class ScheduleDecision:
    """What start-up does with a scheduled announcement (see :class:`ScheduleAction`)."""

    announcement: ScheduledAnnouncement
    action: ScheduleAction


class Announcer:
    """Creates announcements, fixes their recipients and hands them to the broadcaster."""

    def __init__(
        self,
        storage: Storage,
        broadcaster: Broadcaster,
        announce_chats: Iterable[str],
        grace: float,
        chat_langs: Mapping[str, str] | None = None,
    ) -> None:
        self.storage = storage
        self.broadcaster = broadcaster
        self.announce_chats = tuple(announce_chats)
        self.grace = grace
        # Channels and groups get Turkish unless the configuration gives them a language.
        self.chat_langs = dict(chat_langs or {})

    async def recipients(self, audience: str) -> list[tuple[str, str]]:
        """(target, language) for ``all``, ``subscribers`` or ``announce``, each chat once:
        a person gets their /lang choice, else their Telegram language; a channel or group
        Turkish, or the language the configuration sets for it."""
        chosen: dict[str, str] = {}
        if audience in ("all", "announce"):
            for chat in self.announce_chats:
                chosen.setdefault(chat, self.chat_langs.get(chat, "tr"))
        if audience in ("all", "subscribers"):
            for chat_id, lang in await self.storage.subscribers():
                if chat_id < 0:
                    lang = self.chat_langs.get(str(chat_id), "tr")
                chosen.setdefault(str(chat_id), lang)
        return list(chosen.items())

    # -- manual announcements (/announce)
    async def draft(self, author: int, text: str, *, due: datetime | None = None) -> int:
        """A draft of an HTML text for everyone; with ``due`` it is to be scheduled."""
        announcement_id = await self.storage.create_announcement(
            key=None,
            author=author,
            text={"tr": text, "en": text},
            audience="all",
            status=AnnouncementStatus.DRAFT,
            due=None if due is None else due.timestamp(),
        )
        assert announcement_id is not None  # no key, so never a duplicate
        return announcement_id

    async def draft_copy(
        self, author: int, chat_id: int, message_ids: Sequence[int], preview: str, *, due: datetime | None = None
    ) -> int:
        """A draft that copies the operator's messages (one, or an album's) to everyone;
        ``preview`` is their text for the lists. With ``due`` it is to be scheduled."""
        announcement_id = await self.storage.create_announcement(
            key=None,
            author=author,
            text={"tr": preview, "en": preview},
            audience="all",
            status=_Status.DRAFT,
            due=None if due is None else due.timestamp(),
            source_chat_id=chat_id,
            sources={"tr": tuple(message_ids)},
        )
        assert announcement_id is not None  # no key, so never a duplicate
        return announcement_id

    async def add_version(
        self, announcement_id: int, lang: str, chat_id: int, message_ids: Sequence[int], preview: str
    ) -> bool:
        """Give a draft its version for ``lang`` (the English one); False if it is no draft."""
        return await self.storage.set_version(
            announcement_id, lang, text=preview, source_chat_id=chat_id, message_ids=tuple(message_ids)
        )

    async def confirm(self, announcement_id: int) -> bool:
        """Fix the recipients of a draft and mark it as sending; False if it is not a draft."""
        announcement = await self.storage.get_announcement(announcement_id)
        if announcement is None or announcement.status != AnnouncementStatus.DRAFT:
            return False
        return await self.storage.start_sending(announcement_id, await self.recipients(announcement.audience))

    async def cancel(self, announcement_id: int) -> bool:
        """Cancel a draft or a scheduled announcement; False when it is neither any more."""
        for before in (_Status.DRAFT, _Status.SCHEDULED):
            if await self.storage.change_status(announcement_id, before, _Status.CANCELLED):
                return True
        return False

    # -- scheduled from Telegram (/announce <time>)
    async def schedule(self, announcement_id: int, due: datetime) -> bool:
        """Confirm a draft for posting at ``due``; False if it is no longer a draft."""
        return await self.storage.change_status(announcement_id, _Status.DRAFT, _Status.SCHEDULED, due=due.timestamp())

    async def scheduled(self) -> list[Announcement]:
        """Announcements scheduled from Telegram and not posted yet, soonest first."""
        items = await self.storage.announcements(status=_Status.SCHEDULED, limit=100)
        return sorted(items, key=lambda a: (a.due or 0.0, a.id))

    async def release(
        self, announcement_id: int, now: datetime, progress: Progress | None = None
    ) -> DeliveryCounts | None:
        """Post a scheduled announcement whose time has come, once (also across processes
        and restarts); a missed one later than the grace period is recorded as skipped.
        None when it was not scheduled any more (posted, cancelled, or skipped)."""
        announcement = await self.storage.get_announcement(announcement_id)
        if announcement is None or announcement.status != _Status.SCHEDULED:
            return None
        if announcement.due is not None and now.timestamp() - announcement.due > self.grace:
            if await self.storage.change_status(announcement_id, _Status.SCHEDULED, _Status.SKIPPED):
                logger.warning("Scheduled announcement %d is more than the grace period late: skipped", announcement_id)
            return None
        if not await self.storage.change_status(announcement_id, _Status.SCHEDULED, _Status.PENDING):
            return None
        return await self.start_and_deliver(announcement_id, progress)

    # -- stopping a running broadcast
    async def stop(self, announcement_id: int) -> bool:
        """Stop a broadcast under way: no new message goes out, what was sent stays
        recorded, and it is not resumed at the next start. False if it is not sending."""
        if not await self.storage.change_status(announcement_id, _Status.SENDING, _Status.STOPPED):
            return False
        self.broadcaster.stop(announcement_id)
        logger.info("Announcement %d stopped by an operator", announcement_id)
        return True

    # -- scheduled announcements (content/announcements.yaml)
    async def plan(self, scheduled: Iterable[ScheduledAnnouncement], now: datetime) -> list[ScheduleDecision]:
        """Decide, at start-up or reload, what to do with each scheduled announcement."""
        decisions = []
        for item in scheduled:
            existing = await self.storage.announcement_by_key(_key(item))
            if existing is not None:
                decisions.append(ScheduleDecision(item, ScheduleAction.DONE))
            elif item.at > now:
                decisions.append(ScheduleDecision(item, ScheduleAction.SCHEDULE))
            elif (now - item.at).total_seconds() <= self.grace:
                decisions.append(ScheduleDecision(item, ScheduleAction.POST))
            else:
                decisions.append(ScheduleDecision(item, ScheduleAction.SKIP))
        return decisions

    async def skip(self, item: ScheduledAnnouncement) -> None:
        """Record a scheduled announcement that is too late to post."""
        announcement_id = await self.storage.create_announcement(
            key=_key(item),
            author=None,
            text=dict(item.text),
            audience=item.to,
            status=AnnouncementStatus.SKIPPED,
            due=item.at.timestamp(),
        )
        if announcement_id is not None:
            await self.storage.set_announcement_status(announcement_id, AnnouncementStatus.SKIPPED)
            logger.warning(
                "Scheduled announcement %r was due at %s, more than the grace period ago: skipped",
                item.id,
                item.at.isoformat(),
            )

    async def post_scheduled(self, item: ScheduledAnnouncement) -> DeliveryCounts | None:
        """Post a due scheduled announcement once; None if it was posted before."""
        announcement_id = await self.storage.create_announcement(
            key=_key(item),
            author=None,
            text=dict(item.text),
            audience=item.to,
            status=AnnouncementStatus.PENDING,
            due=item.at.timestamp(),
        )
        if announcement_id is None:
            existing = await self.storage.announcement_by_key(_key(item))
            if existing is None or existing.status not in (AnnouncementStatus.PENDING, AnnouncementStatus.SENDING):
                return None
            announcement_id = existing.id
        return await self.start_and_deliver(announcement_id)

    async def start_and_deliver(self, announcement_id: int, progress: Progress | None = None) -> DeliveryCounts:
        """Deliver an announcement, fixing its recipients first if that has not happened."""
        announcement = await self.storage.get_announcement(announcement_id)
        if announcement is not None and announcement.status == AnnouncementStatus.PENDING:
            await self.storage.start_sending(announcement_id, await self.recipients(announcement.audience))
        return await self.broadcaster.deliver(announcement_id, progress)

    async def unfinished(self) -> list[Announcement]:
        """Announcements a previous run started but did not finish (resumed at start-up)."""
        return [
            *await self.storage.announcements(status=AnnouncementStatus.SENDING, limit=100),
            *await self.storage.announcements(status=AnnouncementStatus.PENDING, limit=100),
        ]


def _key(item: ScheduledAnnouncement) -> str:
    return f"scheduled:{item.id}"


def now_utc() -> datetime:
    """The current time, timezone-aware."""
    return datetime.fromtimestamp(time.time()).astimezone()
