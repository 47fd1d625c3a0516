"""Start-up to the first poll, and resident memory, of ``python -m bot run``.

A :class:`FakeBotAPI` (tests/fakebotapi.py) runs in this process on 127.0.0.1; the bot
runs as a separate process against it (``BOT_API_BASE_URL``), with the shipped content
and a database in a temporary folder, exactly as in production otherwise. Measured:

* start-up: from starting the process to its first ``getUpdates`` request (Python
  start, imports, content loading and checking, the index build, database set-up,
  ``getMe``/``setMyCommands``);
* resident memory (VmRSS) at the first poll, and after answering 300 questions;
* in this process, for reference: loading and checking the content and building the
  index (``load_assistant``), which happens once per process, never per question.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs N] [--questions N]`` (the
defaults, 15 runs of 300 questions, take two to three minutes). Each run's line shows the
load average then: on a shared machine the median says more than any single run.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, print_header, rss_mb, table

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from bot.evaluation import load_cases
from bot.services import load_assistant
from fakebotapi import FakeBotAPI

RUNS = 15
QUESTIONS = 300


def _one_run(fake: FakeBotAPI, questions: list[str], folder: Path) -> tuple[float, float, float]:
    """(seconds to the first getUpdates, RSS MB then, RSS MB after the questions)."""
    fake.clear_calls()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "BOT_API_BASE_URL": fake.base_url,
        "BOT_DATABASE": str(folder / "bot.sqlite3"),
        "BOT_LOG_LEVEL": "WARNING",
    }
    env.pop("BOT_CONTENT_DIR", None)
    # An update waits, so that the first getUpdates returns at once: the fake records a
    # call when it answers, and an empty long poll would only answer after its timeout.
    fake.send_text("/start", user_id=499_999)
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        first = fake.wait_for_call("getUpdates", timeout=30)[0]
        started = first.time - start
        at_start = rss_mb(process.pid)
        sent_before = len(fake.calls("sendMessage"))
        for i, question in enumerate(questions):
            fake.send_text(question, user_id=500_000 + i)
        fake.wait_for(lambda f: len(f.calls("sendMessage")) >= sent_before + len(questions), timeout=120)
        after = rss_mb(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return started, at_start, after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"bot processes started (default {RUNS})")
    parser.add_argument("--questions", type=int, default=QUESTIONS, help=f"asked in each (default {QUESTIONS})")
    args = parser.parse_args()
    print_header("Start-up to the first poll and resident memory of `python -m bot run`")
    questions = [c.question for c in load_cases(ROOT / "tests" / "eval" / "questions.yaml")][: args.questions]
    start = time.perf_counter()
    load_assistant(ROOT / "content")
    loaded = time.perf_counter() - start
    rows = []
    with FakeBotAPI(long_poll_cap=0.5) as fake:
        for run in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory() as folder:
                started, at_start, after = _one_run(fake, questions, Path(folder))
            load = os.getloadavg()[0]
            rows.append([run, started, at_start, after, f"{load:.2f}"])
            print(f"... run {run}: {started:.2f} s (load {load:.2f})", file=sys.stderr, flush=True)
    print(
        table(
            [
                "run",
                "start-up to first getUpdates (s)",
                "RSS at first poll (MB)",
                f"RSS after {len(questions)} questions (MB)",
                "load average (1 min)",
            ],
            rows,
        )
    )
    ordered = sorted(r[1] for r in rows)
    print()
    print(
        f"median start-up {statistics.median(ordered):.2f} s, best {ordered[0]:.2f} s, worst {ordered[-1]:.2f} s "
        f"over {len(ordered)} runs; "
        f"most RSS {max(max(r[2], r[3]) for r in rows):.1f} MB; "
        f"load_assistant in this process: {loaded:.2f} s (once per process)"
    )


if __name__ == "__main__":
    main()
