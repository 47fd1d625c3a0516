"""End to end with PostgreSQL (DATABASE_URL): the real bot process against the fake Bot
API. A broadcast survives kill -9 and a restart with no SQLite file created; two webhook
instances sharing one database (a redeploy) answer each update once and send an
announcement once. Needs TEST_DATABASE_URL (see tests/databases.py)."""

from __future__ import annotations

import asyncio
import socket
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bot.storage import Storage
from botprocess import BotProcess
from databases import rows
from fakebotapi import FakeBotAPI

ADMIN = 777
WORKERS = 8  # deliveries in flight at once (bot.announcements.Broadcaster)
SECRET = "pg-Secret_0123456789"
HOOK_PATH = "/tg/hook"


async def _subscribe(url: str, chats: list[int]) -> None:
    async with Storage(url) as storage:
        for index, chat_id in enumerate(chats):
            await storage.set_subscribed(chat_id, "private", f"Kişi {index}", "en" if index % 3 == 0 else "tr", True)


def _counts(fake: FakeBotAPI, chats: list[int], marker: str) -> Counter[int]:
    return Counter(m["chat_id"] for m in fake.sent() if m["chat_id"] in chats and marker in m["text"])


def _confirm_buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if b.get("callback_data", "").startswith("ann:ok")]


def _confirm(fake: FakeBotAPI) -> tuple[int, dict[str, Any]]:
    """The admin's preview with its confirm button: (message id, the button press update)."""
    prompt = fake.wait_for(lambda f: [m for m in f.sent(ADMIN) if _confirm_buttons(m)], timeout=15)
    message = prompt[-1]
    data = _confirm_buttons(message)[0]
    return message["message_id"], fake.press_button(ADMIN, message["message_id"], data, user_id=ADMIN)


def test_broadcast_on_postgresql_survives_kill_9_and_writes_no_sqlite_file(postgres: str, tmp_path: Path) -> None:
    subscribers = list(range(510_001, 510_161))
    asyncio.run(_subscribe(postgres, subscribers))
    env = {"BOT_ADMIN_IDS": str(ADMIN), "DATABASE_URL": postgres}
    with FakeBotAPI() as fake:
        for chat_id in subscribers:
            fake.add_chat(chat_id, "private")
        fake.set_rate_limit(global_per_second=30, per_chat_per_minute=20, per_chat_per_second=1, retry_after=1)
        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            fake.send_text("/announce <b>Duyuru</b> pg-broadcast", user_id=ADMIN, language_code="en")
            prompt_id, _ = _confirm(fake)
            fake.wait_for(lambda f: sum(_counts(f, subscribers, "pg-broadcast").values()) >= 40, timeout=60)
        finally:
            bot.kill()
        before = sum(_counts(fake, subscribers, "pg-broadcast").values())
        assert before < len(subscribers), "the kill came too late to test resuming"

        bot = BotProcess(fake, tmp_path, **env)
        try:
            fake.wait_for(lambda f: set(_counts(f, subscribers, "pg-broadcast")) == set(subscribers), timeout=90)
            fake.wait_for(lambda f: "✅" in (f.message(ADMIN, prompt_id) or {}).get("text", ""), timeout=30)
        finally:
            assert bot.stop() == 0
    counts = _counts(fake, subscribers, "pg-broadcast")
    assert set(counts) == set(subscribers)  # nobody skipped
    assert all(n <= 2 for n in counts.values())
    assert len([c for c, n in counts.items() if n > 1]) <= WORKERS  # only messages in flight at the kill
    status = asyncio.run(rows(postgres, "SELECT status, COUNT(*) FROM deliveries GROUP BY status"))
    assert status == [("sent", len(subscribers))]
    assert asyncio.run(rows(postgres, "SELECT status FROM announcements")) == [("done",)]
    log = bot.output()
    assert "Resuming announcement" in log
    assert not list(tmp_path.rglob("*.sqlite3*")) and not (tmp_path / "data").exists()
    password = postgres.split("@")[0].rpartition(":")[2]
    if password and "//" not in password:
        assert password not in log


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _http() -> httpx.Client:
    return httpx.Client(trust_env=False, timeout=10)


@contextmanager
def _webhook_bot(fake: FakeBotAPI, workdir: Path, **env: str) -> Iterator[tuple[BotProcess, str]]:
    port = _free_port()
    bot = BotProcess(
        fake,
        workdir,
        BOT_WEBHOOK_URL=f"https://127.0.0.1:{port}{HOOK_PATH}",
        PORT=str(port),
        BOT_WEBHOOK_LISTEN="127.0.0.1",
        BOT_WEBHOOK_SECRET=SECRET,
        **env,
    )
    try:
        deadline = time.monotonic() + 30
        with _http() as client:
            while True:
                try:
                    if client.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, bot.output()[-3000:]
                assert bot.proc.poll() is None, bot.output()[-3000:]
                time.sleep(0.05)
        yield bot, f"http://127.0.0.1:{port}{HOOK_PATH}"
    finally:
        bot.stop()


def _post(client: httpx.Client, hook: str, update: dict[str, Any]) -> int:
    response = client.post(hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    return response.status_code


def test_two_instances_on_one_database_answer_once_and_announce_once(postgres: str, tmp_path: Path) -> None:
    subscribers = list(range(520_001, 520_041))
    asyncio.run(_subscribe(postgres, subscribers))
    env = {"BOT_ADMIN_IDS": str(ADMIN), "DATABASE_URL": postgres}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with FakeBotAPI() as fake:
        for chat_id in subscribers:
            fake.add_chat(chat_id, "private")
        with (
            _webhook_bot(fake, tmp_path / "a", **env) as (a, hook_a),
            _webhook_bot(fake, tmp_path / "b", **env) as (
                b,
                hook_b,
            ),
        ):
            askers = list(range(530_001, 530_031))
            with _http() as client:
                # Each update reaches both instances (Telegram redelivering to the other one).
                for user in askers:
                    update = fake.send_text("KOMEK nedir?", user_id=user)
                    assert {_post(client, hook_a, update), _post(client, hook_b, update)} == {200}
                fake.wait_for(lambda f: all(f.sent(u) for u in askers), timeout=30)
                update = fake.send_text("/announce <b>Duyuru</b> pg-two", user_id=ADMIN, language_code="en")
                assert _post(client, hook_a, update) == 200
                prompt_id, press = _confirm(fake)
                assert {_post(client, hook_b, press), _post(client, hook_a, press)} == {200}
                fake.wait_for(lambda f: set(_counts(f, subscribers, "pg-two")) == set(subscribers), timeout=60)
                fake.wait_for(lambda f: "✅" in (f.message(ADMIN, prompt_id) or {}).get("text", ""), timeout=30)
                time.sleep(1.0)  # a second sender, if there were one, would have started by now
    assert all(len(fake.sent(u)) == 1 for u in askers), [len(fake.sent(u)) for u in askers]
    assert _counts(fake, subscribers, "pg-two") == Counter({c: 1 for c in subscribers})
    assert not list(tmp_path.rglob("*.sqlite3*"))
    log = a.output() + b.output()
    assert "processed before" in log  # the repeats were seen and dropped
