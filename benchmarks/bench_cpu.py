"""CPU per answered question, end to end: the real bot process vs a bare echo bot.

Both run as processes against the same fake Bot API over HTTP on 127.0.0.1
(tests/fakebotapi.py, in this process), get the same private questions (each from its
own user, so that no flood guard applies) and answer each one. What is measured is the
child process's own CPU time (user + system, from /proc) between its first poll and its
last answer, divided by the number of questions, so a busy machine slows both runs but
does not inflate the figure the way wall time would.

* ``bot``: ``python -m bot run`` with the shipped content, a database in a temporary
  folder and the INFO log level (as in production);
* ``echo``: benchmarks/echo_bot.py, PTB's defaults and one handler.

Run: ``.venv/bin/python benchmarks/bench_cpu.py [--questions 600] [--runs 5]`` (about two
minutes). ``--profile FILE`` also writes a pyinstrument profile of one bot run (HTML; text for a .txt FILE).
``--paced-echo`` adds a reference row that is not the yardstick: the echo bot with its
replies paced as the bot's are (at most 30 in any second), which stretches its run from
about 2 s to 20 s as the bot's; what pacing itself costs shows in the difference.
``--arrival-rate N``: an additional measurement, not the yardstick: the questions arrive N a
second (e.g. 20, under Telegram's 30) instead of all at once, for both bots alike.
``--long-poll S``: how long the fake holds an idle ``getUpdates`` (default 0.5 s, as before).
Telegram holds one up to the request's own timeout (PTB's default is 10 s): ``--long-poll 10``
measures that. With 0.5 s a process that is still sending (the bot paces its 600 replies
over 20 s; the echo bot sends them in 2) polls about 40 more times while it does.

Rounds: each of ``--runs`` rounds runs every process once, in alternating order (bot first
in one round, last in the next), so that a drift of the machine's speed weighs on both
alike. The headline is the median of the rounds' own ratios (bot / echo of the same round),
with their range; the ratio of the two medians (the figure of the earlier sessions) is
printed too. ``--compare TREE``: also ``python -m bot run`` from another checkout (e.g. an
exported copy of main) in every round, and the rounds' paired differences (this tree's bot
minus that one's), which do not depend on the echo runs at all.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, print_header, table

sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import yaml  # noqa: E402

from fakebotapi import FakeBotAPI  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (from /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def questions(count: int) -> list[str]:
    cases = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text(encoding="utf-8"))
    texts = [str(c["q"]) for c in cases if not str(c["q"]).startswith("/")]
    return [texts[i % len(texts)] for i in range(count)]


def run_once(
    kind: str,
    texts: list[str],
    workdir: Path,
    profile: Path | None = None,
    rate: float | None = None,
    long_poll: float = 0.5,
    tree: Path = ROOT,
) -> tuple[float, float]:
    """(CPU seconds per question, wall seconds) for one process answering ``texts``
    (``tree``: the checkout whose bot runs)."""
    with FakeBotAPI(long_poll_cap=long_poll) as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=fake.token,
            BOT_API_BASE_URL=fake.base_url,
            BOT_DATABASE=str(workdir / f"{kind}-{time.monotonic_ns()}.sqlite3"),  # a new database each run
            BOT_LOG_LEVEL="INFO",
            PYTHONPATH=str(tree),
        )
        if kind in ("bot", "base"):
            command = [sys.executable, "-m", "bot", "run"]
            if profile is not None:
                renderer = "text" if profile.suffix == ".txt" else "html"  # a .txt profile is read as text
                command = [sys.executable, "-m", "pyinstrument", "-r", renderer, "-o", str(profile), "-m", "bot", "run"]
        else:
            command = [sys.executable, str(ROOT / "benchmarks" / "echo_bot.py")]
            if kind == "echo-paced":
                command.append("--paced")
        log = (workdir / f"{kind}.log").open("wb")
        proc = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            fake.wait_for_call("getUpdates", timeout=60)
            time.sleep(0.5)  # start-up done: its CPU is not counted
            before, started = cpu_seconds(proc.pid), time.monotonic()
            for index, text in enumerate(texts):
                if rate:
                    time.sleep(max(0.0, started + index / rate - time.monotonic()))
                fake.send_text(text, user_id=100_000 + index)
            fake.wait_for(lambda f: len(f.calls("sendMessage")) >= len(texts), timeout=300)
            cpu, wall = cpu_seconds(proc.pid) - before, time.monotonic() - started
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            log.close()
    return cpu / len(texts), wall


def _ms(values: list[float]) -> str:
    return ", ".join(f"{x * 1e3:.2f}" for x in values)


def _spread(values: list[float], unit: str = "x", scale: float = 1.0) -> str:
    """Median and range: "1.32x (1.20-1.45)"."""
    low, mid, high = min(values) * scale, statistics.median(values) * scale, max(values) * scale
    return f"{mid:.2f}{unit} ({low:.2f}-{high:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5, help="rounds (each runs every process once)")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of one bot run here")
    parser.add_argument("--paced-echo", action="store_true", help="also the echo bot paced as the bot (reference)")
    parser.add_argument("--arrival-rate", type=float, help="questions arrive this many a second (not the yardstick)")
    parser.add_argument("--long-poll", type=float, default=0.5, help="seconds the fake holds an idle getUpdates")
    parser.add_argument("--compare", type=Path, help="another checkout whose bot runs in every round too")
    args = parser.parse_args()
    arrival = f", arriving {args.arrival_rate:g} a second" if args.arrival_rate else ", all at once"
    arrival += f", idle polls held {args.long_poll:g} s"
    print_header(f"CPU per answered question, {args.questions} questions{arrival}, {args.runs} rounds")
    texts = questions(args.questions)
    kinds = ["bot", "echo"]
    if args.compare is not None:
        kinds.insert(1, "base")
    if args.paced_echo:
        kinds.append("echo-paced")
    results: dict[str, list[float]] = {kind: [] for kind in kinds}
    loads: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.runs):
            loads.append(os.getloadavg()[0])
            for kind in kinds if round_ % 2 == 0 else reversed(kinds):
                tree = args.compare.resolve() if kind == "base" and args.compare is not None else ROOT
                cpu, _wall = run_once(
                    kind, texts, Path(folder), rate=args.arrival_rate, long_poll=args.long_poll, tree=tree
                )
                results[kind].append(cpu)
        loads.append(os.getloadavg()[0])
        if args.profile is not None:
            run_once("bot", texts, Path(folder), profile=args.profile, rate=args.arrival_rate, long_poll=args.long_poll)
    names = {
        "bot": "bot (python -m bot run)",
        "base": f"bot of {args.compare}",
        "echo": "echo (bare PTB)",
        "echo-paced": "echo paced at 30/s (reference)",
    }
    rows = [[names[kind], f"{statistics.median(values) * 1e3:.2f}", _ms(values)] for kind, values in results.items()]
    print(table(["process", "CPU ms per question (median)", "runs, round by round"], rows))
    bot, echo = results["bot"], results["echo"]
    ratios = [b / e for b, e in zip(bot, echo, strict=True)]
    print(f"\nload average (1 min) over the rounds: {min(loads):.2f}-{max(loads):.2f}")
    print(f"rounds' ratios bot / echo: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"ratio bot / echo: {_spread(ratios)}, median of the rounds' ratios (range)")
    print(f"ratio of the medians: {statistics.median(bot) / statistics.median(echo):.2f}x")
    if args.compare is not None:
        base = results["base"]
        diffs = [b - a for b, a in zip(bot, base, strict=True)]
        cheaper = sum(1 for d in diffs if d < 0)
        print(
            f"this bot minus the compared one: {_spread(diffs, ' ms', 1e3)} per question, "
            f"cheaper in {cheaper} of {len(diffs)} rounds; "
            f"its ratio {_spread([a / e for a, e in zip(base, echo, strict=True)])}"
        )
    if args.paced_echo:
        paced = results["echo-paced"]
        print(f"(reference: bot / paced echo {_spread([b / p for b, p in zip(bot, paced, strict=True)])})")


if __name__ == "__main__":
    main()
