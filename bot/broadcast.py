"""Delivering an announcement durably, exactly once per recipient.

Every delivery is a row in the database (one per announcement and chat) that goes from
``pending`` to ``sent`` (with the message id) or ``failed`` (with the reason), written
as it happens. A process killed in the middle resumes the pending rows at start-up, so
each recipient gets each announcement once; only a message in flight at the moment of
the kill can go out twice. Telegram's limits are kept by the bot's rate limiter; here a
``RetryAfter`` waits and sends the same message again, a blocked chat is marked and
skipped, and network errors are retried with backoff a bounded number of times. A send
that Telegram did not answer in time may have arrived: it is sent at most once more (the
row counts the resend), and if that is not answered either the row is ``unconfirmed``.
An operator can stop a broadcast: no new message goes out, the rows sent stay recorded.

What goes out is a :data:`Payload`: an HTML text, or a :class:`Copy` of the operator's
own messages (a photo, a video, a document, formatted text or an album), in the version
of the recipient's language. Nothing here imports :mod:`telegram`: the Telegram layer
passes in a :data:`Sender`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from bot.storage import (
    Announcement,
    AnnouncementStatus,
    ChatStatus,
    Delivery,
    DeliveryCounts,
    DeliveryStatus,
    Storage,
)

__all__ = ["Broadcaster", "Copy", "Payload", "Progress", "SendKind", "SendOutcome", "Sender", "payload_for"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Copy:
    """Messages to copy as they are (``copyMessage``, or ``copyMessages`` for an album,
    whose grouping Telegram keeps): ids in ``chat_id``, in increasing order."""

    chat_id: int
    message_ids: tuple[int, ...]


Payload: TypeAlias = str | Copy  # Telegram HTML, or the operator's messages to copy


def payload_for(announcement: Announcement, lang: str) -> Payload:
    """What a recipient in ``lang`` gets: that language's version, else the Turkish one."""
    for version in (lang, "tr"):
        ids = announcement.sources.get(version)
        if ids and announcement.source_chat_id is not None:
            return Copy(announcement.source_chat_id, ids)
        if version == lang and not announcement.sources.get("tr") and announcement.text.get(version):
            return announcement.text[version]  # an HTML text announcement
    return announcement.text.get(lang) or announcement.text["tr"]


class SendKind(StrEnum):
    """What happened to one message."""

    SENT = "sent"
    RETRY = "retry"  # flood control: wait ``retry_after`` seconds
    FORBIDDEN = "forbidden"  # blocked, removed, or the chat is gone
    TRANSIENT = "transient"  # it provably did not go out: no connection, or a 5xx answer
    UNCONFIRMED = "unconfirmed"  # sent, and no answer in time: it may have arrived
    FAILED = "failed"  # refused for good


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """What happened to one message (see :class:`SendKind`)."""

    kind: SendKind
    message_id: int | None = None
    retry_after: float = 0.0
    reason: str = ""


Sender = Callable[[str, Payload], Awaitable[SendOutcome]]  # (chat id or @username, payload) -> outcome
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
        self._stopped: set[int] = set()

    def stop(self, announcement_id: int) -> None:
        """Send no more messages of a running announcement (those in flight finish)."""
        self._stopped.add(announcement_id)

    def stopped(self, announcement_id: int) -> bool:
        return announcement_id in self._stopped

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

    async def stop_all(self) -> None:
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
                    current = await self.storage.get_announcement(announcement_id)
                    if current is None or current.status == AnnouncementStatus.STOPPED:
                        self._stopped.add(announcement_id)  # perhaps by another process
                    if announcement_id in self._stopped:
                        break
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
        stopped = announcement_id in self._stopped
        if not stopped:
            await self.storage.set_announcement_status(announcement_id, AnnouncementStatus.DONE)
        counts = await self.storage.delivery_counts(announcement_id)
        if progress is not None:
            await _safely(progress(counts))
        logger.info(
            "Announcement %d %s: %d sent, %d unconfirmed (Telegram did not answer in time), %d failed of %d",
            announcement_id,
            "stopped" if stopped else "delivered",
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
        while not queue.empty() and announcement.id not in self._stopped:
            delivery = queue.get_nowait()
            await self._deliver_one(announcement, delivery)

    async def _deliver_one(self, announcement: Announcement, delivery: Delivery) -> None:
        payload = payload_for(announcement, delivery.lang)
        attempts = 0
        waits = 0
        resends = delivery.resends
        maybe_sent = resends > 0  # a send (of this run or an earlier one) may have arrived
        while True:
            await self.storage.mark_attempt(announcement.id, delivery.target)
            attempts += 1
            try:
                outcome = await self.sender(delivery.target, payload)
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
