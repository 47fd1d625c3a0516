"""The /stats chart: questions per day over 30 days (answered, "did you mean", not
answered) and the share of votes, sent as a photo and drawn by ``stats --chart``;
matplotlib is not loaded unless a chart is drawn."""

from __future__ import annotations

import asyncio
import io
import struct
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.charts import chart_data
from bot.cli import main
from bot.storage import QuestionRecord, Storage
from conftest import ROOT, feed
from fakebotapi import FakeBotAPI

ADMIN = 9201


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def _questions(storage: Storage, now: float) -> None:
    for days_ago, answered, kind in (
        (0, True, "answer"),
        (0, False, "suggest"),
        (1, False, "fallback"),
        (40, True, "answer"),
    ):
        at = now - days_ago * 86400
        await storage.log_question(
            QuestionRecord(at, 1, 1, "tr", "q", "q", "e" if answered else None, 1.0, answered, kind)
        )
    await storage.add_feedback(1, 1, "e", 1)
    await storage.add_feedback(2, 1, "e", 1)
    await storage.add_feedback(3, 1, "e", -1)


async def test_chart_data_counts_each_day_split_three_ways(tmp_path: Path) -> None:
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    async with Storage(tmp_path / "bot.sqlite3") as storage:
        await _questions(storage, now.timestamp())
        data = await chart_data(storage, now)
    assert len(data.days) == 30 and data.days[-1].isoformat() == "2026-12-01"
    assert (data.answered[-1], data.suggested[-1], data.unanswered[-1]) == (1, 1, 0)
    assert (data.answered[-2], data.suggested[-2], data.unanswered[-2]) == (0, 0, 1)
    assert data.questions == 3  # the one 40 days ago is left out
    assert (data.up, data.down) == (2, 1)


async def test_stats_is_answered_with_a_photo_of_the_chart(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    for text in ("KOMEK nedir?", "asdf qwer"):
        await feed(app, fake.send_text(text, user_id=92))
    await feed(app, fake.send_text("/stats", user_id=ADMIN, language_code="en"))
    photo, text = fake.sent(ADMIN)[-2:]
    assert "Questions: last 7 days 2" in text["text"]
    assert photo["message"]["photo"] and "30 days" in photo["message"]["caption"]
    upload = fake.upload(ADMIN, photo["message_id"])
    assert upload is not None and upload.filename == "stats.png"
    width, height = _png_size(upload.data)
    assert width >= 800 and height >= 400
    [call] = fake.calls("sendPhoto")
    assert call.status == 200


def test_stats_chart_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.sqlite3"

    async def fill() -> None:
        async with Storage(db) as storage:
            await _questions(storage, time.time())

    asyncio.run(fill())
    monkeypatch.setenv("BOT_DATABASE", str(db))
    chart = tmp_path / "out" / "stats.png"
    chart.parent.mkdir()
    code = main(["stats", "--chart", str(chart)], stdout=(out := io.StringIO()), stderr=sys.stderr)
    assert code == 0 and f"Chart: {chart}" in out.getvalue()
    assert _png_size(chart.read_bytes())[0] >= 800
    code = main(
        ["stats", "--chart", str(tmp_path / "missing" / "x.png")],
        stdout=out,
        stderr=(err := io.StringIO()),
    )
    assert code == 2 and "Cannot write the chart" in err.getvalue()


def test_matplotlib_is_loaded_only_for_a_chart() -> None:
    script = (
        "import sys, handlers.app, bot.cli, bot.charts, handlers.admin\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported at start'\n"
        "print('ok')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr
