"""Announcements: who gets them, posting them once, and delivering them durably.

Every delivery is a row in the database (one per announcement and chat) that goes from
``pending`` to ``sent`` (with the message id) or ``failed`` (with the reason), written
as it happens. A process killed in the middle resumes the pending rows at start-up, so
each recipient gets each announcement once; only a message in flight at the moment of
the kill can go out twice. Telegram's limits are kept by the bot's rate limiter; here a
``RetryAfter`` waits and sends the same message again, a blocked chat is marked and
skipped, and network errors are retried with backoff a bounded number of times. A send
that Telegram did not answer in time may have arrived: it is sent at most once more (the
row counts the resend), and if that is not answered either the row is ``unconfirmed``.

Nothing here imports :mod:`telegram`: the Telegram layer passes in a :data:`Sender`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.content import ScheduledAnnouncement
from bot.storage import (
    Announcement,
    AnnouncementStatus,
    ChatStatus,
    Delivery,
    DeliveryCounts,
    DeliveryStatus,
    Storage,
)

__all__ = [
    "Announcer",
    "Broadcaster",
    "Progress",
    "ScheduleAction",
    "ScheduleDecision",
    "SendKind",
    "SendOutcome",
    "Sender",
    "now_utc",
]

logger = logging.getLogger(__name__)


class SendKind(StrEnum):
    """What happened to one message."""

    SENT = "sent"
    RETRY = "retry"  # flood control: wait ``retry_after`` seconds
    FORBIDDEN = "forbidden"  # blocked, removed, or the chat is gone
    TRANSIENT = "transient"  # it provably did not go out: no connection, or a 5xx answer
    UNCONFIRMED = "unconfirmed"  # sent, and no answer in time: it may have arrived
    FAILED = "failed"  # refused for good


class ScheduleAction(StrEnum):
    """What start-up does with a scheduled announcement."""

    POST = "post"  # due: post now
    SCHEDULE = "schedule"  # later
    SKIP = "skip"  # too late
    DONE = "done"  # posted before


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What happened to one message (see :class:`SendKind`)."""

    kind: SendKind
    message_id: int | None = None
    retry_after: float = 0.0
    reason: str = ""


Sender = Callable[[str, str], Awaitable[SendOutcome]]  # (chat id or @username, HTML) -> outcome
Progress = Callable[[DeliveryCounts], Awaitable[None]]


class Broadcaster:
    """Delivers an announcement's pending rows with a few concurrent workers."""

    def __init__(
        self,
        storage: Storage,
        sender: Sender,
        *,
        workers: int = 8,
        max_attempts: int = 5,
        max_resends: int = 1,
        max_retry_after: int = 10,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.storage = storage
        self.sender = sender
        self.workers = workers
        self.max_attempts = max_attempts
        self.max_resends = max_resends
        self.max_retry_after = max_retry_after
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._sleep = sleep
        self._running: dict[int, asyncio.Task[DeliveryCounts]] = {}

    async def deliver(
        self, announcement_id: int, progress: Progress | None = None, progress_every: float = 2.0
    ) -> DeliveryCounts:
        """Send every pending delivery of an announcement; returns the final counts.

        A second call for an announcement already being delivered waits for the first.
        """
        running = self._running.get(announcement_id)
        if running is not None:
            return await asyncio.shield(running)
        task = asyncio.ensure_future(self._deliver(announcement_id, progress, progress_every))
        self._running[announcement_id] = task
        task.add_done_callback(lambda _: self._running.pop(announcement_id, None))
        return await asyncio.shield(task)

    async def stop(self) -> None:
        """Stop every delivery under way and wait until each has stopped (at shutdown: a
        task left pending would be destroyed with the event loop); their pending rows resume
        at the next start."""
        running = list(self._running.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    async def _deliver(self, announcement_id: int, progress: Progress | None, progress_every: float) -> DeliveryCounts:
        announcement = await self.storage.get_announcement(announcement_id)
        if announcement is None:
            raise ValueError(f"no announcement {announcement_id}")
        ticker = asyncio.ensure_future(self._tick(announcement_id, progress, progress_every)) if progress else None
        try:
            # One process at a time (two instances sharing PostgreSQL): the other one waits.
            async with self.storage.delivering(announcement_id):
                while True:
                    batch = await self.storage.pending_deliveries(announcement_id)
                    if not batch:
                        break
                    queue: asyncio.Queue[Delivery] = asyncio.Queue()
                    for delivery in batch:
                        queue.put_nowait(delivery)
                    workers = min(self.workers, len(batch))
                    await asyncio.gather(*(self._worker(announcement, queue) for _ in range(workers)))
        finally:
            if ticker is not None:
                ticker.cancel()
                await asyncio.gather(ticker, return_exceptions=True)
        await self.storage.set_announcement_status(announcement_id, AnnouncementStatus.DONE)
        counts = await self.storage.delivery_counts(announcement_id)
        if progress is not None:
            await _safely(progress(counts))
        logger.info(
            "Announcement %d delivered: %d sent, %d unconfirmed (Telegram did not answer in time), %d failed of %d",
            announcement_id,
            counts.sent,
            counts.unconfirmed,
            counts.failed,
            counts.total,
        )
        return counts

    async def _tick(self, announcement_id: int, progress: Progress | None, every: float) -> None:
        assert progress is not None
        while True:
            await asyncio.sleep(every)
            await _safely(progress(await self.storage.delivery_counts(announcement_id)))

    async def _worker(self, announcement: Announcement, queue: asyncio.Queue[Delivery]) -> None:
        while not queue.empty():
            delivery = queue.get_nowait()
            await self._deliver_one(announcement, delivery)

    async def _deliver_one(self, announcement: Announcement, delivery: Delivery) -> None:
        text = announcement.text.get(delivery.lang) or announcement.text["tr"]
        attempts = 0
        waits = 0
        resends = delivery.resends
        maybe_sent = resends > 0  # a send (of this run or an earlier one) may have arrived
        while True:
            await self.storage.mark_attempt(announcement.id, delivery.target)
            attempts += 1
            try:
                outcome = await self.sender(delivery.target, text)
            except Exception as exc:  # a sender bug must not stop the whole broadcast
                logger.exception("Sending announcement %d to %s failed", announcement.id, delivery.target)
                outcome = SendOutcome(SendKind.TRANSIENT, reason=f"{type(exc).__name__}: {exc}")
            if outcome.kind == SendKind.SENT:
                await self.storage.finish_delivery(
                    announcement.id, delivery.target, sent=True, message_id=outcome.message_id
                )
                return
            if outcome.kind == SendKind.RETRY and waits < self.max_retry_after:
                waits += 1
                attempts -= 1  # flood control is not the message's fault
                await self._sleep(max(outcome.retry_after, 0.1))
                continue
            if outcome.kind == SendKind.UNCONFIRMED:
                maybe_sent = True
                if resends < self.max_resends:
                    resends += 1
                    await self.storage.mark_resend(announcement.id, delivery.target)
                    logger.info(
                        "Telegram did not answer announcement %d to %s in time (%s); sending it once more",
                        announcement.id,
                        delivery.target,
                        outcome.reason,
                    )
                    await self._sleep(self.backoff)
                    continue
            elif outcome.kind == SendKind.TRANSIENT and attempts < self.max_attempts:
                await self._sleep(min(self.backoff * 2 ** (attempts - 1), self.max_backoff))
                continue
            reason = outcome.reason or outcome.kind
            if maybe_sent and outcome.kind != SendKind.FORBIDDEN:
                await self.storage.finish_delivery(
                    announcement.id, delivery.target, sent=False, reason=reason, status=DeliveryStatus.UNCONFIRMED
                )
                return
            await self.storage.finish_delivery(announcement.id, delivery.target, sent=False, reason=reason)
            if outcome.kind == SendKind.FORBIDDEN and _is_chat_id(delivery.target):
                await self.storage.set_chat_status(int(delivery.target), ChatStatus.BLOCKED)
            return


async def _safely(awaitable: Awaitable[None]) -> None:
    try:
        await awaitable
    except Exception:  # progress reports are best effort
        logger.warning("Could not report announcement progress", exc_info=True)


def _is_chat_id(target: str) -> bool:
    return target.lstrip("-").isdigit()


@dataclass(frozen=True, slots=True)
class ScheduleDecision:
    """What start-up does with a scheduled announcement (see :class:`ScheduleAction`)."""

    announcement: ScheduledAnnouncement
    action: ScheduleAction


class Announcer:
    """Creates announcements, fixes their recipients and hands them to the broadcaster."""

    def __init__(self, storage: Storage, broadcaster: Broadcaster, announce_chats: Iterable[str], grace: float) -> None:
        self.storage = storage
        self.broadcaster = broadcaster
        self.announce_chats = tuple(announce_chats)
        self.grace = grace

    async def recipients(self, audience: str) -> list[tuple[str, str]]:
        """(target, language) for ``all``, ``subscribers`` or ``announce``, each chat once."""
        chosen: dict[str, str] = {}
        if audience in ("all", "announce"):
            for chat in self.announce_chats:
                chosen.setdefault(chat, "tr")
        if audience in ("all", "subscribers"):
            for chat_id, lang in await self.storage.subscribers():
                chosen.setdefault(str(chat_id), lang)
        return list(chosen.items())

    # -- manual announcements (/announce)
    async def draft(self, author: int, text: str) -> int:
        announcement_id = await self.storage.create_announcement(
            key=None, author=author, text={"tr": text, "en": text}, audience="all", status=AnnouncementStatus.DRAFT
        )
        assert announcement_id is not None  # no key, so never a duplicate
        return announcement_id

    async def confirm(self, announcement_id: int) -> bool:
        """Fix the recipients of a draft and mark it as sending; False if it is not a draft."""
        announcement = await self.storage.get_announcement(announcement_id)
        if announcement is None or announcement.status != AnnouncementStatus.DRAFT:
            return False
        return await self.storage.start_sending(announcement_id, await self.recipients(announcement.audience))

    async def cancel(self, announcement_id: int) -> bool:
        """Cancel a draft; False if it is not one (any more): atomic with :meth:`confirm`."""
        return await self.storage.cancel_draft(announcement_id)

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
