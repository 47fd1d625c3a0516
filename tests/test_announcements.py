"""Broadcasting and scheduling, against a real SQLite file and (see tests/databases.py) a
real PostgreSQL database, with a scripted sender."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest_asyncio

from bot.announcements import Announcer, Broadcaster, SendOutcome
from bot.content import ScheduledAnnouncement
from bot.storage import Storage


class ScriptedSender:
    """Answers per target from a script (a list of outcomes, then success), records all."""

    def __init__(self, script: dict[str, list[SendOutcome]] | None = None) -> None:
        self.script = defaultdict(list, script or {})
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, target: str, text: str) -> SendOutcome:
        self.calls.append((target, text))
        if self.script[target]:
            return self.script[target].pop(0)
        return SendOutcome("sent", message_id=len(self.calls))


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest_asyncio.fixture
async def storage(database: str | Path) -> AsyncIterator[Storage]:
    async with Storage(database) as db:
        yield db


async def _subscribe(storage: Storage, chats: list[tuple[int, str]]) -> None:
    for chat_id, lang in chats:
        await storage.set_subscribed(chat_id, "private" if chat_id > 0 else "group", None, lang, True)


def _announcer(
    storage: Storage,
    sender: ScriptedSender,
    sleeps: Sleeps | None = None,
    announce: tuple[str, ...] = ("@komek_duyuru",),
) -> Announcer:
    return Announcer(storage, Broadcaster(storage, sender, workers=3, sleep=sleeps or Sleeps()), announce, 6 * 3600)


async def test_recipients_are_announce_chats_and_subscribers_once_each(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr"), (2, "en"), (-100, "tr")])
    announcer = _announcer(storage, ScriptedSender(), announce=("@komek_duyuru", "-100"))
    assert sorted(await announcer.recipients("all")) == sorted(
        [("@komek_duyuru", "tr"), ("-100", "tr"), ("1", "tr"), ("2", "en")]
    )
    assert await announcer.recipients("announce") == [("@komek_duyuru", "tr"), ("-100", "tr")]
    assert sorted(await announcer.recipients("subscribers")) == [("-100", "tr"), ("1", "tr"), ("2", "en")]


async def test_manual_announcement_reaches_everyone_once(storage: Storage) -> None:
    await _subscribe(storage, [(i, "tr") for i in range(1, 51)])
    sender = ScriptedSender()
    announcer = _announcer(storage, sender)
    draft = await announcer.draft(999, "<b>Duyuru</b>")
    assert sender.calls == []  # nothing goes out before the confirmation
    assert await announcer.confirm(draft)
    assert not await announcer.confirm(draft)  # a second confirmation does nothing
    counts = await announcer.start_and_deliver(draft)
    assert (counts.total, counts.sent, counts.failed, counts.pending) == (51, 51, 0, 0)
    assert Counter(t for t, _ in sender.calls) == Counter({t: 1 for t, _ in await announcer.recipients("all")})
    assert {text for _, text in sender.calls} == {"<b>Duyuru</b>"}
    announcement = await storage.get_announcement(draft)
    assert announcement is not None and announcement.status == "done"


async def test_cancelled_draft_is_never_sent(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr")])
    sender = ScriptedSender()
    announcer = _announcer(storage, sender)
    draft = await announcer.draft(999, "x")
    assert await announcer.cancel(draft)
    assert not await announcer.confirm(draft)
    assert sender.calls == []


async def test_retry_after_waits_and_sends_the_same_message_again(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr")])
    sender = ScriptedSender({"1": [SendOutcome("retry", retry_after=3), SendOutcome("retry", retry_after=1)]})
    sleeps = Sleeps()
    announcer = _announcer(storage, sender, sleeps, announce=())
    draft = await announcer.draft(9, "hello")
    await announcer.confirm(draft)
    counts = await announcer.start_and_deliver(draft)
    assert counts.sent == 1
    assert sender.calls == [("1", "hello")] * 3
    assert sleeps.calls == [3, 1]


async def test_blocked_chat_is_marked_and_skipped_next_time(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr"), (2, "tr")])
    sender = ScriptedSender({"2": [SendOutcome("forbidden", reason="Forbidden: bot was blocked by the user")]})
    announcer = _announcer(storage, sender, announce=())
    first = await announcer.draft(9, "one")
    await announcer.confirm(first)
    counts = await announcer.start_and_deliver(first)
    assert (counts.sent, counts.failed) == (1, 1)
    chat = await storage.get_chat(2)
    assert chat is not None and chat.status == "blocked"
    second = await announcer.draft(9, "two")
    await announcer.confirm(second)
    assert (await announcer.start_and_deliver(second)).total == 1


async def test_network_errors_are_retried_with_backoff_then_given_up(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr"), (2, "tr")])
    flaky = [SendOutcome("transient", reason="timed out")] * 2
    dead = [SendOutcome("transient", reason="502 Bad Gateway")] * 10
    sender = ScriptedSender({"1": list(flaky), "2": list(dead)})
    sleeps = Sleeps()
    announcer = _announcer(storage, sender, sleeps, announce=())
    draft = await announcer.draft(9, "x")
    await announcer.confirm(draft)
    counts = await announcer.start_and_deliver(draft)
    assert (counts.sent, counts.failed) == (1, 1)
    assert Counter(t for t, _ in sender.calls) == {"1": 3, "2": 5}  # five attempts at most
    assert sorted(sleeps.calls) == sorted([1, 2, 1, 2, 4, 8])  # exponential backoff
    deliveries = {d.target: d for d in await storage.pending_deliveries(draft)}
    assert deliveries == {}


async def test_interrupted_delivery_resumes_without_repeating_sent_ones(storage: Storage) -> None:
    await _subscribe(storage, [(i, "tr") for i in range(1, 11)])
    announcer = _announcer(storage, ScriptedSender(), announce=())
    draft = await announcer.draft(9, "x")
    await announcer.confirm(draft)
    # As if the process died after five deliveries: they are recorded as sent.
    for delivery in (await storage.pending_deliveries(draft))[:5]:
        await storage.mark_attempt(draft, delivery.target)
        await storage.finish_delivery(draft, delivery.target, sent=True, message_id=1)
    sender = ScriptedSender()
    resumed = Announcer(storage, Broadcaster(storage, sender, sleep=Sleeps()), (), 0)
    assert [a.id for a in await resumed.unfinished()] == [draft]
    counts = await resumed.start_and_deliver(draft)
    assert (counts.sent, counts.total) == (10, 10)
    assert sorted(int(t) for t, _ in sender.calls) == list(range(6, 11))


async def test_subscribers_get_their_language(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr"), (2, "en")])
    sender = ScriptedSender()
    announcer = _announcer(storage, sender, announce=("-500",))
    item = ScheduledAnnouncement("news", datetime.now(UTC), {"tr": "Merhaba", "en": "Hello"})
    counts = await announcer.post_scheduled(item)
    assert counts is not None and counts.sent == 3
    assert sorted(sender.calls) == [("-500", "Merhaba"), ("1", "Merhaba"), ("2", "Hello")]


async def test_scheduled_announcement_is_posted_once(storage: Storage) -> None:
    await _subscribe(storage, [(1, "tr")])
    sender = ScriptedSender()
    announcer = _announcer(storage, sender, announce=())
    item = ScheduledAnnouncement("once", datetime.now(UTC), {"tr": "a", "en": "b"})
    assert await announcer.post_scheduled(item) is not None
    assert await announcer.post_scheduled(item) is None
    assert len(sender.calls) == 1


async def test_plan_at_start_up(storage: Storage) -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    items = [
        ScheduledAnnouncement("future", now + timedelta(hours=1), {"tr": "a", "en": "a"}),
        ScheduledAnnouncement("recent", now - timedelta(hours=2), {"tr": "a", "en": "a"}),
        ScheduledAnnouncement("stale", now - timedelta(hours=7), {"tr": "a", "en": "a"}),
        ScheduledAnnouncement("posted", now - timedelta(hours=1), {"tr": "a", "en": "a"}),
    ]
    announcer = _announcer(storage, ScriptedSender(), announce=())
    await storage.create_announcement(
        key="scheduled:posted", author=None, text={"tr": "a", "en": "a"}, audience="all", status="done"
    )
    decisions = {d.announcement.id: d.action for d in await announcer.plan(items, now)}
    assert decisions == {"future": "schedule", "recent": "post", "stale": "skip", "posted": "done"}
    await announcer.skip(items[2])
    skipped = await storage.announcement_by_key("scheduled:stale")
    assert skipped is not None and skipped.status == "skipped"
    assert {d.announcement.id: d.action for d in await announcer.plan(items, now)}["stale"] == "done"
