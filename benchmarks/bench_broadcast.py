"""Broadcast throughput against the fake Bot API enforcing Telegram's flood limits.

The real Application (rate limiter included) delivers one announcement to N
subscribers through tests/fakebotapi.py, which answers 429 with retry_after beyond 30
messages a second (and 1 a second per private chat). Prints messages a second achieved
and the 429s received. Run: .venv/bin/python benchmarks/bench_broadcast.py [N ...]
"""

from __future__ import annotations

import asyncio
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot.config import Config  # noqa: E402
from bot.services import load_assistant  # noqa: E402
from bot.storage import Storage  # noqa: E402
from fakebotapi import FakeBotAPI  # noqa: E402
from handlers.app import build_application  # noqa: E402


async def run(count: int) -> tuple[float, int, int, int]:
    """(seconds, sent, failed, 429s) for one announcement to ``count`` subscribers."""
    with tempfile.TemporaryDirectory() as tmp, FakeBotAPI() as fake:
        db = Path(tmp) / "bot.sqlite3"
        chats = list(range(700_001, 700_001 + count))
        async with Storage(db) as storage:
            for chat_id in chats:
                await storage.set_subscribed(chat_id, "private", None, "tr", True)
        for chat_id in chats:
            fake.add_chat(chat_id, "private")
        fake.set_rate_limit(global_per_second=30, per_chat_per_minute=20, per_chat_per_second=1, retry_after=1)
        app = build_application(
            Config(token=fake.token, api_base_url=fake.base_url, database=db), load_assistant(ROOT / "content")
        )
        await app.initialize()
        await app.post_init(app)  # type: ignore[misc]
        try:
            announcer = app.bot_data.announcer
            announcement = await announcer.draft(1, "<b>Benchmark</b> duyurusu")
            await announcer.confirm(announcement)
            start = time.perf_counter()
            counts = await announcer.start_and_deliver(announcement)
            elapsed = time.perf_counter() - start
        finally:
            await app.post_shutdown(app)  # type: ignore[misc]
            await app.shutdown()
        return elapsed, counts.sent, counts.failed, fake.rate_limit_hits


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [300, 1500]
    print(f"python {platform.python_version()} on {platform.machine()}, limit 30 messages/s")
    print(f"{'recipients':>10} {'seconds':>8} {'sent':>6} {'failed':>6} {'msg/s':>7} {'429s':>5}")
    for size in sizes:
        seconds, sent, failed, hits = asyncio.run(run(size))
        print(f"{size:>10} {seconds:>8.1f} {sent:>6} {failed:>6} {sent / seconds:>7.1f} {hits:>5}")


if __name__ == "__main__":
    main()
