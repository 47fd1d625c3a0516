"""Announcements on Telegram: sending one message, progress messages, and the jobs
that post scheduled announcements and resume unfinished ones."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot import callbacks
from bot.announcements import (
    Copy,
    Payload,
    Progress,
    ScheduleAction,
    ScheduleDecision,
    Sender,
    SendKind,
    SendOutcome,
    now_utc,
)
from bot.callbacks import AnnounceAction
from bot.content import Messages, ScheduledAnnouncement
from bot.storage import Announcement, DeliveryCounts
from handlers.context import App, Context
from handlers.retry import NO_FLOOD_RETRY, may_have_arrived, retry_seconds

__all__ = [
    "announcement_progress",
    "deliver_in_background",
    "on_scheduled_job",
    "on_stored_schedule_job",
    "progress_reporter",
    "schedule_content_announcements",
    "schedule_stored_announcement",
    "start_announcements",
    "stop_deliveries",
    "telegram_sender",
    "unschedule_stored_announcement",
]

logger = logging.getLogger(__name__)
_TASKS: set[asyncio.Task[object]] = set()


def telegram_sender(bot: ExtBot[int]) -> Sender:
    """A :data:`Sender` that maps Telegram's answers to delivery outcomes."""

    async def send(target: str, payload: Payload) -> SendOutcome:
        chat_id: int | str = int(target) if target.lstrip("-").isdigit() else target
        try:
            # The broadcaster owns the retries of announcements: the limiter only paces them.
            message_id = await _send(bot, chat_id, payload)
        except RetryAfter as exc:
            return SendOutcome(SendKind.RETRY, retry_after=retry_seconds(exc), reason=str(exc))
        except Forbidden as exc:
            return SendOutcome(SendKind.FORBIDDEN, reason=str(exc))
        except BadRequest as exc:
            reason = str(exc)
            if "chat not found" in reason.lower() or "deactivated" in reason.lower():
                return SendOutcome(SendKind.FORBIDDEN, reason=reason)
            return SendOutcome(SendKind.FAILED, reason=reason)
        except NetworkError as exc:  # includes TimedOut and 5xx answers
            if may_have_arrived(exc):  # sent, and no answer in time: maybe delivered
                return SendOutcome(SendKind.UNCONFIRMED, reason=str(exc))
            return SendOutcome(SendKind.TRANSIENT, reason=str(exc))
        except TelegramError as exc:
            return SendOutcome(SendKind.FAILED, reason=str(exc))
        return SendOutcome(SendKind.SENT, message_id=message_id)

    return send


async def _send(bot: ExtBot[int], chat_id: int | str, payload: Payload) -> int | None:
    """Send an HTML text, or copy the operator's message (an album with copyMessages,
    which keeps it one album); the id of the (first) message sent."""
    if not isinstance(payload, Copy):
        return (await bot.send_message(chat_id, payload, rate_limit_args=NO_FLOOD_RETRY)).message_id
    if len(payload.message_ids) == 1:
        copied = await bot.copy_message(
            chat_id, payload.chat_id, payload.message_ids[0], rate_limit_args=NO_FLOOD_RETRY
        )
        return copied.message_id
    copies = await bot.copy_messages(chat_id, payload.chat_id, payload.message_ids, rate_limit_args=NO_FLOOD_RETRY)
    return copies[0].message_id if copies else None


def progress_reporter(
    bot: Bot,
    chat_id: int,
    message_id: int,
    messages: Messages,
    lang: str,
    *,
    announcement_id: int | None = None,
    stopped: Callable[[], bool] | None = None,
) -> Progress:
    """Edits one message with "sent / total, failed" as a broadcast goes on; with
    ``announcement_id`` it carries a Stop button until the broadcast ends. A message sent
    whose delivery Telegram did not confirm in time counts as sent (it most likely arrived)."""
    last: list[str] = []
    stop = (
        None
        if announcement_id is None
        else InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        messages.render("button_stop", lang),
                        callback_data=callbacks.announce(AnnounceAction.STOP, announcement_id),
                    )
                ]
            ]
        )
    )

    async def report(counts: DeliveryCounts) -> None:
        halted = stopped is not None and stopped()
        key = "announce_stopped" if halted else "announce_done" if counts.pending == 0 else "announce_progress"
        text = messages.render(
            key,
            lang,
            sent=f"{counts.sent + counts.unconfirmed:,}",
            total=f"{counts.total:,}",
            failed=f"{counts.failed:,}",
        )
        if last and last[0] == text:
            return
        markup = stop if key == "announce_progress" else None
        try:
            await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id, reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in str(exc).lower():
                raise
        last[:] = [text]

    return report


def announcement_progress(application: App, announcement: Announcement) -> Progress | None:
    """The progress reporter of an announcement whose progress message is known."""
    if not (announcement.progress_chat_id and announcement.progress_message_id):
        return None
    data = application.bot_data
    broadcaster = data.announcer.broadcaster
    return progress_reporter(
        application.bot,
        announcement.progress_chat_id,
        announcement.progress_message_id,
        data.assistant.content.messages,
        announcement.progress_lang,
        announcement_id=announcement.id,
        stopped=lambda: broadcaster.stopped(announcement.id),
    )


def deliver_in_background(application: App, announcement_id: int, progress: Progress | None = None) -> None:
    """Deliver an announcement without holding up the update that started it."""
    data = application.bot_data
    _spawn(data.announcer.start_and_deliver(announcement_id, progress), f"announcement-{announcement_id}")


def _spawn(work: Coroutine[Any, Any, object], name: str) -> None:
    """Run announcement work in the background, kept until done and stopped at shutdown."""
    task = asyncio.create_task(work, name=name)
    _TASKS.add(task)
    task.add_done_callback(_finished)


def _finished(task: asyncio.Task[object]) -> None:
    _TASKS.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logger.error(
            "Announcement delivery failed; pending deliveries resume at the next start", exc_info=task.exception()
        )


async def stop_deliveries(application: App) -> None:
    """Stop running deliveries (at shutdown) and wait until every task of theirs has ended;
    their pending rows resume at the next start."""
    for task in list(_TASKS):
        task.cancel()
    if _TASKS:
        await asyncio.gather(*_TASKS, return_exceptions=True)
    data = application.bot_data
    if data.is_open:
        await data.announcer.broadcaster.stop_all()


async def on_scheduled_job(context: Context) -> None:
    """Post a scheduled announcement that has become due."""
    item = context.job.data if context.job else None
    if not isinstance(item, ScheduledAnnouncement):
        return
    data = context.bot_data
    counts = await data.announcer.post_scheduled(item)
    if counts is None:
        logger.info("Scheduled announcement %r was posted before; not again", item.id)


async def on_stored_schedule_job(context: Context) -> None:
    """Post an announcement scheduled from Telegram whose time has come (once)."""
    announcement_id = context.job.data if context.job else None
    if not isinstance(announcement_id, int):
        return
    announcer = context.bot_data.announcer
    announcement = await announcer.storage.get_announcement(announcement_id)
    if announcement is None:
        return
    progress = announcement_progress(context.application, announcement)
    counts = await announcer.release(announcement_id, now_utc(), progress)
    if counts is None:
        logger.info("Scheduled announcement %d was not due any more (posted, cancelled or skipped)", announcement_id)


def schedule_stored_announcement(application: App, announcement: Announcement) -> None:
    """Have the JobQueue post an announcement scheduled from Telegram at its time (at
    once when the time has passed: the announcer posts it within the grace period)."""
    job_queue = application.job_queue
    if job_queue is None or announcement.due is None:
        return
    name = f"announcement-id:{announcement.id}"
    for job in job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    delay = max(announcement.due - now_utc().timestamp(), 0.0)
    job_queue.run_once(on_stored_schedule_job, when=timedelta(seconds=delay), data=announcement.id, name=name)


def unschedule_stored_announcement(application: App, announcement_id: int) -> None:
    if application.job_queue is not None:
        for job in application.job_queue.get_jobs_by_name(f"announcement-id:{announcement_id}"):
            job.schedule_removal()


async def start_announcements(application: App) -> None:
    """At start-up (and after /reload): resume unfinished announcements, post the due
    scheduled ones, record the too-late ones as skipped, and schedule the rest."""
    data = application.bot_data
    announcer = data.announcer
    for announcement in await announcer.unfinished():
        logger.info("Resuming announcement %d", announcement.id)
        deliver_in_background(application, announcement.id, announcement_progress(application, announcement))
    for announcement in await announcer.scheduled():
        schedule_stored_announcement(application, announcement)
    schedule_content_announcements(application, await announcer.plan(data.assistant.content.announcements, now_utc()))


def schedule_content_announcements(application: App, decisions: list[ScheduleDecision]) -> None:
    """Act on the plan: post now, schedule with the JobQueue, or record as skipped."""
    data = application.bot_data
    job_queue = application.job_queue
    for decision in decisions:
        item = decision.announcement
        name = f"announcement:{item.id}"
        if decision.action == ScheduleAction.POST:
            _spawn(data.announcer.post_scheduled(item), name)
        elif decision.action == ScheduleAction.SKIP:
            _spawn(data.announcer.skip(item), name)
        elif decision.action == ScheduleAction.SCHEDULE and job_queue is not None:
            for job in job_queue.get_jobs_by_name(name):
                job.schedule_removal()
            delay = max((item.at - now_utc()).total_seconds(), 0.0)
            job_queue.run_once(on_scheduled_job, when=timedelta(seconds=delay), data=item, name=name)
