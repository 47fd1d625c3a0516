"""Resident memory of ``python -m bot run`` in normal operation and after a /stats chart.

matplotlib is imported only when a chart is drawn (bot/charts.py), so a bot that only
answers questions and sends announcements stays small. The bot runs as its own process
against a :class:`FakeBotAPI` in this process (tests/fakebotapi.py), with the shipped
content and a fresh database; VmRSS is read from ``/proc/PID/status``:

* at the first poll;
* after answering 300 questions and copying a photo announcement to 50 subscribers;
* after an operator's /stats (the chart drawn and sent as a photo);
* the time from /stats to the photo (the first chart of a process imports matplotlib).

Run: ``.venv/bin/python benchmarks/bench_chart_rss.py`` (about a minute).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, print_header, rss_mb, table

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bot.evaluation import load_cases
from bot.storage import Storage
from fakebotapi import FakeBotAPI

RUNS = 3
QUESTIONS = 300
SUBSCRIBERS = 50
ADMIN = 424_242


async def _subscribe(db: Path) -> None:
    async with Storage(db) as storage:
        for index in range(SUBSCRIBERS):
            await storage.set_subscribed(700_000 + index, "private", None, "tr", True)


def _buttons(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [b["callback_data"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def _one_run(fake: FakeBotAPI, questions: list[str], folder: Path) -> tuple[float, float, float, float]:
    fake.clear_calls()
    asyncio.run(_subscribe(folder / "bot.sqlite3"))
    for index in range(SUBSCRIBERS):
        fake.add_chat(700_000 + index, "private")
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "BOT_API_BASE_URL": fake.base_url,
        "BOT_DATABASE": str(folder / "bot.sqlite3"),
        "BOT_ADMIN_IDS": str(ADMIN),
        "BOT_LOG_LEVEL": "WARNING",
    }
    env.pop("BOT_CONTENT_DIR", None)
    fake.send_text("/start", user_id=499_999)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        fake.wait_for_call("getUpdates", timeout=60)
        at_start = rss_mb(process.pid)
        sent_before = len(fake.calls("sendMessage"))
        for i, question in enumerate(questions):
            fake.send_text(question, user_id=500_000 + i)
        fake.wait_for(lambda f: len(f.calls("sendMessage")) >= sent_before + len(questions), timeout=180)
        photo = fake.send_media("photo", "Duyuru", user_id=ADMIN)["message"]
        fake.send_text("/announce", user_id=ADMIN, reply_to_message_id=photo["message_id"])
        prompt = fake.wait_for(lambda f: [m for m in f.sent(ADMIN) if _buttons(m)], timeout=30)[-1]
        fake.press_button(ADMIN, prompt["message_id"], _buttons(prompt)[0], user_id=ADMIN)
        fake.wait_for(lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {}).get("text", ""), timeout=120)
        normal = rss_mb(process.pid)
        asked = time.monotonic()
        fake.send_text("/stats", user_id=ADMIN)
        call = fake.wait_for_call("sendPhoto", timeout=120)[0]
        chart_seconds = call.time - asked
        time.sleep(0.5)
        after_chart = rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return at_start, normal, after_chart, chart_seconds


def main() -> None:
    print_header("Resident memory of `python -m bot run`, normal operation and after a /stats chart")
    questions = [c.question for c in load_cases(ROOT / "tests" / "eval" / "questions.yaml")][:QUESTIONS]
    rows = []
    for run in range(1, RUNS + 1):
        with FakeBotAPI() as fake, tempfile.TemporaryDirectory() as folder:
            at_start, normal, after_chart, seconds = _one_run(fake, questions, Path(folder))
        rows.append([run, f"{at_start:.1f}", f"{normal:.1f}", f"{after_chart:.1f}", f"{seconds:.2f}"])
    print(
        table(
            [
                "run",
                "RSS at first poll (MB)",
                f"RSS after {QUESTIONS} questions and a photo to {SUBSCRIBERS} (MB)",
                "RSS after /stats with the chart (MB)",
                "/stats to the photo (s)",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
