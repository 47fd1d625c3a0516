"""End to end: broadcasts from the real bot process through the fake Bot API with
Telegram's flood limits (30 messages/s, 429 with retry_after beyond) and blocked
chats (403), a kill -9 in the middle and a restart, and scheduled announcements
across a restart. Every recipient gets each announcement once; only a message in
flight at the kill may go out twice."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import default_content_dir
from bot.storage import Storage
from botprocess import BotProcess
from fakebotapi import FakeBotAPI

ADMIN = 777
SUBSCRIBERS = list(range(500_001, 500_301))  # 300 people
BLOCKED = set(SUBSCRIBERS[::30])  # 10 of them blocked the bot
WORKERS = 8  # deliveries in flight at once (bot.announcements.Broadcaster)


async def _subscribe(db: Path, chats: list[int]) -> None:
    async with Storage(db) as storage:
        for index, chat_id in enumerate(chats):
            await storage.set_subscribed(chat_id, "private", f"Kişi {index}", "en" if index % 3 == 0 else "tr", True)


def _counts_per_chat(fake: FakeBotAPI, chats: list[int], marker: str) -> Counter[int]:
    return Counter(m["chat_id"] for m in fake.sent() if m["chat_id"] in chats and marker in m["text"])


def test_broadcast_survives_flood_limits_blocked_chats_and_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "bot.sqlite3"
    asyncio.run(_subscribe(db, SUBSCRIBERS))
    with FakeBotAPI() as fake:
        for chat_id in SUBSCRIBERS:
            fake.add_chat(chat_id, "private")
        for chat_id in BLOCKED:
            fake.block_chat(chat_id)
        fake.set_rate_limit(global_per_second=30, per_chat_per_minute=20, per_chat_per_second=1, retry_after=1)
        env = {"BOT_ADMIN_IDS": str(ADMIN)}
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            fake.send_text("/announce <b>Duyuru</b> broadcast-1", user_id=ADMIN, language_code="en")
            prompt = fake.wait_for(lambda f: [m for m in f.sent(ADMIN) if m.get("reply_markup")], timeout=15)[-1]
            confirm = prompt["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
            fake.press_button(ADMIN, prompt["message_id"], confirm, user_id=ADMIN)
            # Let about a third go out, then kill the process without any clean-up.
            fake.wait_for(lambda f: sum(_counts_per_chat(f, SUBSCRIBERS, "broadcast-1").values()) >= 100, timeout=60)
        finally:
            bot.kill()
        delivered_before = sum(_counts_per_chat(fake, SUBSCRIBERS, "broadcast-1").values())
        assert delivered_before < len(SUBSCRIBERS) - len(BLOCKED), "the kill came too late to test resuming"

        bot = BotProcess(fake, tmp_path, **env)
        reachable = [c for c in SUBSCRIBERS if c not in BLOCKED]
        try:
            fake.wait_for(lambda f: set(_counts_per_chat(f, SUBSCRIBERS, "broadcast-1")) >= set(reachable), timeout=90)
            fake.wait_for(lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {}).get("text", ""), timeout=30)
        finally:
            assert bot.stop() == 0
        counts = _counts_per_chat(fake, SUBSCRIBERS, "broadcast-1")
        assert not set(counts) & BLOCKED
        assert set(counts) == set(reachable)  # nobody skipped
        repeats = [c for c, n in counts.items() if n > 1]
        assert all(n <= 2 for n in counts.values())
        assert len(repeats) <= WORKERS  # only messages in flight at the kill
        progress = fake.message(ADMIN, prompt["message_id"])["text"]
        assert f"{len(reachable)} / {len(SUBSCRIBERS)}" in progress and f"{len(BLOCKED)} failed" in progress
        # Telegram's limits were met by waiting, never by dropping a message.
        sends = [c for c in fake.calls("sendMessage") if c.params.get("chat_id") in SUBSCRIBERS]
        assert all(c.status in (200, 403, 429) for c in sends)

    with sqlite3.connect(db) as raw:
        rows = dict(raw.execute("SELECT status, COUNT(*) FROM deliveries GROUP BY status").fetchall())
        assert rows == {"sent": len(reachable), "failed": len(BLOCKED)}
        reasons = {r for (r,) in raw.execute("SELECT reason FROM deliveries WHERE status = 'failed'")}
        assert all("blocked" in r for r in reasons)
        blocked = {c for (c,) in raw.execute("SELECT chat_id FROM chats WHERE status = 'blocked'")}
        assert blocked == BLOCKED
        assert raw.execute("SELECT status FROM announcements").fetchall() == [("done",)]
    log = (tmp_path / "bot.log").read_text(encoding="utf-8")
    assert "Resuming announcement" in log


def _content_with(tmp_path: Path, announcements: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content)
    (content / "announcements.yaml").write_text(announcements, encoding="utf-8")
    return content


def test_scheduled_announcements_are_posted_once_across_restarts(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    due = (now - timedelta(minutes=5)).isoformat(timespec="seconds")
    stale = (now - timedelta(hours=8)).isoformat(timespec="seconds")
    soon = (now + timedelta(seconds=4)).isoformat(timespec="seconds")
    later = (now + timedelta(days=30)).isoformat(timespec="seconds")
    content = _content_with(
        tmp_path,
        f"""
- id: due
  at: "{due}"
  text: {{tr: "planlı-due TR", en: "planlı-due EN"}}
- id: stale
  at: "{stale}"
  text: {{tr: "planlı-stale", en: "planlı-stale"}}
- id: soon
  at: "{soon}"
  to: subscribers
  text: {{tr: "planlı-soon", en: "planlı-soon"}}
- id: later
  at: "{later}"
  text: {{tr: "planlı-later", en: "planlı-later"}}
""",
    )
    chats = [600_001, 600_002, 600_003]
    db = tmp_path / "bot.sqlite3"
    asyncio.run(_subscribe(db, chats))
    with FakeBotAPI() as fake:
        for chat_id in chats:
            fake.add_chat(chat_id, "private")
        fake.add_chat(-100900, "channel", title="Duyurular")
        env = {"BOT_CONTENT_DIR": str(content), "BOT_ANNOUNCE_CHAT_IDS": "-100900"}
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for(lambda f: all(_counts_per_chat(f, [c], "planlı-soon") for c in chats), timeout=30)
            fake.wait_for(lambda f: _counts_per_chat(f, [-100900], "planlı-due"), timeout=10)
        finally:
            assert bot.stop() == 0
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            fake.send_text("/start", user_id=600_099)
            fake.wait_for(lambda f: f.sent(600_099), timeout=15)  # the restarted bot is up and working
        finally:
            assert bot.stop() == 0
    targets = [*chats, -100900]
    for marker, expected in (
        ("planlı-due", {c: 1 for c in targets}),
        ("planlı-soon", {c: 1 for c in chats}),
        ("planlı-stale", {}),
        ("planlı-later", {}),
    ):
        assert dict(_counts_per_chat(fake, targets, marker)) == expected, marker
    # Subscribers got their language: the first one chose English (see _subscribe).
    english = [m["text"] for m in fake.sent(chats[0]) if "planlı-due" in m["text"]]
    assert english == ["planlı-due EN"]
    assert [m["text"] for m in fake.sent(-100900) if "planlı-due" in m["text"]] == ["planlı-due TR"]
    with sqlite3.connect(db) as raw:
        statuses = dict(raw.execute("SELECT key, status FROM announcements").fetchall())
    assert statuses == {"scheduled:due": "done", "scheduled:stale": "skipped", "scheduled:soon": "done"}


@pytest.mark.parametrize(
    "bad",
    [
        "- id: x\n  at: tomorrow\n  text: {tr: a, en: b}\n",
        "- id: x\n  at: 2026-01-01T10:00\n  to: everyone\n  text: {tr: a, en: b}\n",
    ],
)
def test_bad_scheduled_announcement_stops_start_up_with_the_entry(tmp_path: Path, bad: str) -> None:
    content = _content_with(tmp_path, bad)
    with FakeBotAPI() as fake:
        bot = BotProcess(fake, tmp_path, BOT_CONTENT_DIR=str(content))
        code = bot.proc.wait(timeout=60)
        bot.stop()
    assert code == 1
    assert "announcements.yaml:1: entry 'x'" in bot.output()


def _copies_per_chat(fake: FakeBotAPI, chats: list[int]) -> Counter[int]:
    return Counter(
        c.params["chat_id"]
        for c in fake.calls("copyMessage")
        if c.status == 200 and c.params.get("chat_id") in chats and c.params.get("from_chat_id") == ADMIN
    )


def _buttons(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [b["callback_data"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def test_announcement_scheduled_from_telegram_is_posted_once_across_restarts(tmp_path: Path) -> None:
    chats = [610_001, 610_002, 610_003]
    db = tmp_path / "bot.sqlite3"
    asyncio.run(_subscribe(db, chats))
    with FakeBotAPI() as fake:
        for chat_id in chats:
            fake.add_chat(chat_id, "private")
        fake.add_chat(-100910, "channel", title="Duyurular")
        env = {"BOT_ADMIN_IDS": str(ADMIN), "BOT_ANNOUNCE_CHAT_IDS": "-100910"}
        targets = [*chats, -100910]
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            # One far ahead (to cancel later), and a photo to post in a few seconds (UTC given).
            later = fake.send_media("photo", "uzak tarih", user_id=ADMIN, language_code="en")["message"]
            fake.send_text(
                "/announce 2099-01-01 10:00", user_id=ADMIN, language_code="en", reply_to_message_id=later["message_id"]
            )
            first = fake.wait_for(lambda f: [m for m in f.sent(ADMIN) if _buttons(m)], timeout=20)[-1]
            assert "2099-01-01 10:00 (Europe/Istanbul)" in first["text"]
            fake.press_button(ADMIN, first["message_id"], _buttons(first)[0], user_id=ADMIN)
            fake.wait_for(lambda f: "🕒" in (f.message(ADMIN, first["message_id"]) or {}).get("text", ""), timeout=20)
            soon = fake.send_media("photo", "planlı fotoğraf", user_id=ADMIN, language_code="en")["message"]
            due = datetime.now(UTC) + timedelta(seconds=20)
            fake.send_text(
                f"/announce {due:%Y-%m-%d %H:%M:%S}Z",
                user_id=ADMIN,
                language_code="en",
                reply_to_message_id=soon["message_id"],
            )
            prompt = fake.wait_for(lambda f: [m for m in f.sent(ADMIN) if _buttons(m)], timeout=20)[-1]
            assert "4 chats on" in prompt["text"]
            fake.press_button(ADMIN, prompt["message_id"], _buttons(prompt)[0], user_id=ADMIN)
            fake.wait_for(lambda f: "🕒" in (f.message(ADMIN, prompt["message_id"]) or {}).get("text", ""), timeout=20)
        finally:
            assert bot.stop() == 0
        if datetime.now(UTC) < due:
            assert not _copies_per_chat(fake, targets)  # nothing went out before its time
        # The bot is down when the time comes; the restarted bot posts it, once.
        time_left = (due - datetime.now(UTC)).total_seconds()
        if time_left > 0:
            time.sleep(time_left + 0.5)
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for(lambda f: set(_copies_per_chat(f, targets)) == set(targets), timeout=40)
            fake.send_text("/announcements", user_id=ADMIN, language_code="en")
            listing = fake.wait_for(
                lambda f: (
                    [m for m in f.sent(ADMIN) if any(b.startswith("ann:no:") for b in _buttons(m))][-1:]
                    and [m for m in f.sent(ADMIN) if "Scheduled announcements" in (m["text"] or "")]
                ),
                timeout=20,
            )[-1]
            assert "uzak tarih" in listing["text"] and "2099-01-01 10:00" in listing["text"]
            assert "planlı fotoğraf" not in listing["text"]  # posted: no longer scheduled
            fake.press_button(ADMIN, listing["message_id"], _buttons(listing)[0], user_id=ADMIN)
            fake.wait_for(lambda f: "cancelled" in (f.message(ADMIN, listing["message_id"]) or {}).get("text", ""), 20)
        finally:
            assert bot.stop() == 0
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            fake.send_text("/start", user_id=610_099)
            fake.wait_for(lambda f: f.sent(610_099), timeout=15)
        finally:
            assert bot.stop() == 0
    assert dict(_copies_per_chat(fake, targets)) == {c: 1 for c in targets}
    with sqlite3.connect(db) as raw:
        statuses = [s for (s,) in raw.execute("SELECT status FROM announcements ORDER BY id")]
    assert statuses == ["cancelled", "done"]
