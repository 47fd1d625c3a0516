"""Start-up to the first poll, and resident memory, of ``python -m bot run``.

A :class:`FakeBotAPI` (tests/fakebotapi.py) runs in this process on 127.0.0.1; the bot
runs as a separate process against it (``BOT_API_BASE_URL``), with the shipped content
and a database in a temporary folder, exactly as in production otherwise. Measured:

* start-up: from starting the process to its first ``getUpdates`` request (Python
  start, imports, content loading and checking, the index build, database set-up,
  ``getMe``/``setMyCommands``);
* resident memory (VmRSS) at the first poll, and after answering 300 questions;
* the CPU time (user + system) of the bot process when its first poll is seen (it has
  then also answered the waiting ``/start``): far less sensitive to a busy machine than
  the wall time, which under load is mostly waiting for a core;
* in this process, for reference: loading and checking the content and building the
  index (``load_assistant``), which happens once per process, never per question.

The content cache (bot/contentcache.py, ``BOT_CACHE_DIR``): ``--cache warm`` (the
default) gives every run one cache folder, filled before the first run, as for a restart
with unchanged content and code; ``cold`` gives each run an empty one (the first start
after a change: a full load, which then writes the cache); ``off`` none.

A/B: ``--against OTHER/.venv/bin/python`` alternates the runs between this interpreter
and another checkout's venv (its code), so both are measured in the same minutes.

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

from bot.contentcache import ContentCache
from bot.evaluation import load_cases
from bot.services import load_assistant
from fakebotapi import FakeBotAPI

CACHE_MODES = ("warm", "cold", "off")

RUNS = 15
QUESTIONS = 300


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one_run(
    fake: FakeBotAPI, questions: list[str], folder: Path, python: str, cache: str
) -> tuple[float, float, float, float]:
    """(seconds to the first getUpdates, CPU seconds then, RSS MB then, RSS MB after the questions)."""
    fake.clear_calls()
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": fake.token,
        "BOT_API_BASE_URL": fake.base_url,
        "BOT_DATABASE": str(folder / "bot.sqlite3"),
        "BOT_LOG_LEVEL": "WARNING",
        "BOT_CACHE_DIR": cache,
    }
    env.pop("BOT_CONTENT_DIR", None)
    # An update waits, so that the first getUpdates returns at once: the fake records a
    # call when it answers, and an empty long poll would only answer after its timeout.
    fake.send_text("/start", user_id=499_999)
    start = time.monotonic()
    process = subprocess.Popen(
        [python, "-m", "bot", "run"], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        first = fake.wait_for_call("getUpdates", timeout=30)[0]
        cpu = cpu_seconds(process.pid)
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
    return started, cpu, at_start, after


def _summary(label: str, rows: list[list[object]]) -> str:
    walls = sorted(float(r[2]) for r in rows)  # type: ignore[arg-type]
    cpus = sorted(float(r[3]) for r in rows)  # type: ignore[arg-type]
    loads = [float(r[6]) for r in rows]  # type: ignore[arg-type]
    return (
        f"{label}: median start-up {statistics.median(walls):.2f} s, best {walls[0]:.2f} s, "
        f"worst {walls[-1]:.2f} s over {len(walls)} runs; CPU median {statistics.median(cpus):.2f} s "
        f"(best {cpus[0]:.2f}); load average {min(loads):.2f}-{max(loads):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"bot processes started (default {RUNS})")
    parser.add_argument("--questions", type=int, default=QUESTIONS, help=f"asked in each (default {QUESTIONS})")
    parser.add_argument("--cache", choices=CACHE_MODES, default="warm", help="the content cache (default warm)")
    parser.add_argument("--against", metavar="PYTHON", help="alternate the runs with this interpreter (A/B)")
    args = parser.parse_args()
    print_header("Start-up to the first poll and resident memory of `python -m bot run`")
    print(f"# content cache: {args.cache}; PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')}")
    questions = [c.question for c in load_cases(ROOT / "tests" / "eval" / "questions.yaml")][: args.questions]
    pythons = [sys.executable] if args.against is None else [sys.executable, args.against]
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as shared_cache, FakeBotAPI(long_poll_cap=0.5) as fake:
        start = time.perf_counter()
        load_assistant(ROOT / "content", ContentCache(shared_cache) if args.cache == "warm" else None)
        loaded = time.perf_counter() - start
        for run in range(1, args.runs + 1):
            for python in pythons:
                with tempfile.TemporaryDirectory() as folder:
                    cache = {"warm": shared_cache, "cold": str(Path(folder) / "cache"), "off": "off"}[args.cache]
                    if args.cache == "warm" and python != sys.executable:
                        cache = str(Path(shared_cache) / "other")  # its own code: its own cache, warm after run 1
                    started, cpu, at_start, after = _one_run(fake, questions, Path(folder), python, cache)
                load = os.getloadavg()[0]
                label = "this" if python == sys.executable else "other"
                rows.append([run, label, started, cpu, at_start, after, f"{load:.2f}"])
                print(f"... run {run} ({label}): {started:.2f} s, CPU {cpu:.2f} s (load {load:.2f})", file=sys.stderr)
    print(
        table(
            [
                "run",
                "code",
                "start-up to first getUpdates (s)",
                "CPU then (s)",
                "RSS at first poll (MB)",
                f"RSS after {len(questions)} questions (MB)",
                "load average (1 min)",
            ],
            rows,
        )
    )
    print()
    for python in pythons:
        label = "this" if python == sys.executable else "other"
        name = f"{label} ({python})" if args.against else python
        print(_summary(name, [r for r in rows if r[1] == label]))
    print(
        f"most RSS {max(max(float(r[4]), float(r[5])) for r in rows):.1f} MB; "  # type: ignore[arg-type]
        f"load_assistant in this process: {loaded:.2f} s (once per process)"
    )


if __name__ == "__main__":
    main()
