"""Diagnosis of bench_cpu's ``--long-poll`` stalls: the bot answering the same questions as
bench_cpu (600 private questions, each from its own user, all at once) against a fake that
holds an idle ``getUpdates`` up to ``--long-poll`` seconds, ``--runs`` times in a row.

Each run prints one line: seconds until the last reply, getUpdates calls, HTTP
connections the fake accepted (and how many in the first second of the questions), the
kernel's TCP counters during the run (SYNs dropped for a full listen queue, SYN-flood
cookies, resets sent; the whole machine's), answers other than 200, warnings in the bot's
log. A run that does not get every reply within ``--timeout`` seconds is a stall: then the
script prints which questions got no reply (and whether their updates had been handed
out), every getUpdates call (offset, timeout, start and end relative to the first
question, updates returned, error), the answers other than 200, the bot's asyncio tasks
and threads (dumped by the bot on SIGUSR1: see ``child``) and the tail of its log, and
keeps the log.

``--load K`` runs K busy-loop processes meanwhile (the stalls were seen on a busy machine).

Run: ``.venv/bin/python benchmarks/diag_longpoll.py [--runs 20] [--long-poll 10] [--load 2]``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from common import ROOT, print_header

sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench_cpu import questions  # noqa: E402

from fakebotapi import FakeBotAPI  # noqa: E402

FIRST_USER = 100_000


class RecordingFake(FakeBotAPI):
    """The fake, unchanged, with a log of every getUpdates call (start, end, what it
    returned) and of the connections it accepted."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.polls: list[dict[str, Any]] = []
        self.opened: list[float] = []  # when each connection was accepted

    def _m_get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        entry: dict[str, Any] = {
            "offset": params.get("offset"),
            "timeout": params.get("timeout"),
            "start": time.monotonic(),
            "thread": threading.current_thread().name,
        }
        self.polls.append(entry)
        try:
            batch = super()._m_get_updates(params)
        except Exception as exc:
            entry.update(end=time.monotonic(), error=repr(exc))
            raise
        entry.update(
            end=time.monotonic(),
            count=len(batch),
            ids=(batch[0]["update_id"], batch[-1]["update_id"]) if batch else None,
        )
        return batch

    def _register_connection(self, conn: Any, *, add: bool) -> None:
        if add:
            self.opened.append(time.monotonic())
        super()._register_connection(conn, add=add)


_COUNTERS = {
    "ListenOverflows": "listen overflows",
    "TCPReqQFullDoCookies": "SYN-flood cookies",
    "SyncookiesFailed": "cookies failed",
    "OutRsts": "resets sent",
}


def tcp_counters() -> dict[str, int]:
    """This network namespace's TCP counters that tell a listen queue overflowing
    (/proc/net/netstat, /proc/net/snmp): SYNs dropped, SYN-flood cookies, resets."""
    found: dict[str, int] = {}
    for name in ("netstat", "snmp"):
        lines = [line.split() for line in Path(f"/proc/net/{name}").read_text().splitlines()]
        for header, values in zip(lines[::2], lines[1::2], strict=True):
            if header[0] in ("TcpExt:", "Tcp:"):
                found.update((k, int(v)) for k, v in zip(header[1:], values[1:], strict=True) if k in _COUNTERS)
    return found


def busy() -> None:  # pragma: no cover - a load process
    while True:
        pass


def child() -> None:
    """The bot (``python -m bot run``) with a SIGUSR1 handler that prints its asyncio tasks
    and its threads to stderr."""
    import asyncio
    import collections
    import faulthandler
    import runpy

    def chain(task: asyncio.Task[Any]) -> str:
        """Where a task waits: its coroutines, outermost first, followed through ``await``."""
        where, coro, depth = [], task.get_coro(), 0
        while coro is not None and depth < 40:
            frame = (
                getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
            )
            if frame is not None:
                where.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} {frame.f_code.co_name}")
            coro = (
                getattr(coro, "cr_await", None)
                or getattr(coro, "gi_yieldfrom", None)
                or getattr(coro, "ag_await", None)
            )
            depth += 1
        return " > ".join(where)

    def dump(_signum: int, _frame: Any) -> None:
        faulthandler.dump_traceback(all_threads=True)
        try:
            tasks = asyncio.all_tasks(asyncio.get_event_loop())
        except RuntimeError as exc:
            print(f"no loop: {exc}", file=sys.stderr)
            return
        counts = collections.Counter(f"{task.get_name().split(':')[-1]}: {chain(task)}" for task in tasks)
        print(f"--- {len(tasks)} asyncio tasks, by where they wait ---", file=sys.stderr)
        for where, count in counts.most_common():
            print(f"{count:4d} x {where}", file=sys.stderr)
        sys.stderr.flush()

    signal.signal(signal.SIGUSR1, dump)
    sys.argv = ["bot", "run"]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)


def _rel(value: float | None, origin: float) -> str:
    return "-" if value is None else f"{value - origin:+.2f}"


def run_once(number: int, texts: list[str], workdir: Path, long_poll: float, timeout: float) -> bool:
    """One run; True when every question got its reply in time."""
    with RecordingFake(long_poll_cap=long_poll) as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
        env.update(
            TELEGRAM_BOT_TOKEN=fake.token,
            BOT_API_BASE_URL=fake.base_url,
            BOT_DATABASE=str(workdir / f"bot-{number}.sqlite3"),
            BOT_LOG_LEVEL="INFO",
            PYTHONPATH=str(ROOT),
        )
        log_path = workdir / f"bot-{number}.log"
        log = log_path.open("wb")
        command = [sys.executable, str(Path(__file__).resolve()), "--child"]
        proc = subprocess.Popen(command, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
        stalled = False
        try:
            fake.wait_for_call("getUpdates", timeout=60)
            time.sleep(0.5)
            counters = tcp_counters()
            started = time.monotonic()
            for index, text in enumerate(texts):
                fake.send_text(text, user_id=FIRST_USER + index)
            try:
                fake.wait_for(lambda f: len(f.calls("sendMessage")) >= len(texts), timeout=timeout)
                done = time.monotonic() - started
            except AssertionError:
                stalled, done = True, time.monotonic() - started
            after = tcp_counters()
            kernel = ", ".join(f"{label} {after.get(k, 0) - counters.get(k, 0)}" for k, label in _COUNTERS.items())
            calls = fake.calls()
            burst = sum(1 for at in fake.opened if started <= at < started + 1.0)
            bad = [c for c in calls if c.status != 200]
            sends = [c for c in calls if c.method == "sendMessage"]
            last_reply = max((c.time for c in sends), default=started) - started
            log.flush()
            warnings = [
                line
                for line in log_path.read_text(errors="replace").splitlines()
                if " WARNING " in line or " ERROR " in line
            ]
            print(
                f"run {number:3d}: {'STALL' if stalled else 'ok   '} {len(sends)}/{len(texts)} replies, "
                f"last at {last_reply:.1f} s (waited {done:.1f} s); {len(fake.polls)} getUpdates; "
                f"{len(fake.opened)} connections, {burst} new in the first second of the questions "
                f"({kernel}); {len(bad)} non-200; "
                f"{len(warnings)} warnings in the log; "
                f"load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
            if stalled:
                report(fake, texts, started, bad, proc, log_path, workdir, number)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
    return not stalled


def report(
    fake: RecordingFake,
    texts: list[str],
    started: float,
    bad: list[Any],
    proc: subprocess.Popen[bytes],
    log_path: Path,
    workdir: Path,
    number: int,
) -> None:
    answered = {int(c.params.get("chat_id", 0)) for c in fake.calls("sendMessage")}
    missing = [i for i in range(len(texts)) if FIRST_USER + i not in answered]
    delivered = fake._last_delivered_update_id
    first_id = 100_000_001
    print(f"  no reply to {len(missing)} questions: " + ", ".join(str(FIRST_USER + i) for i in missing[:40]))
    for i in missing[:10]:
        update_id = first_id + i
        state = "handed out" if update_id <= delivered else "NOT handed out"
        print(f"    user {FIRST_USER + i} (update {update_id}, {state}): {texts[i]!r}")
    print(f"  pending (unconfirmed) updates: {len(fake.pending_updates())}; last handed out {delivered}")
    print("  getUpdates calls (seconds from the first question):")
    for poll in fake.polls:
        print(
            f"    offset {poll['offset']} timeout {poll['timeout']} start {_rel(poll['start'], started)} "
            f"end {_rel(poll.get('end'), started)} count {poll.get('count')} ids {poll.get('ids')} "
            f"{poll.get('error', '')} [{poll['thread']}]"
        )
    print(f"  non-200 answers: {len(bad)}")
    for call in bad[:20]:
        print(f"    {call.method} {call.status} {call.description} at {call.time - started:+.2f}")
    proc.send_signal(signal.SIGUSR1)
    time.sleep(2)
    lines = log_path.read_text(errors="replace").splitlines()
    print("  the bot's log (warnings and errors):")
    for line in [line for line in lines if " WARNING " in line or " ERROR " in line][:40]:
        print("    " + line)
    print("  the bot's log, last 150 lines (the task dump at the end):")
    for line in lines[-150:]:
        print("    " + line)
    kept = Path(tempfile.gettempdir()) / f"diag_longpoll-stall-{os.getpid()}-{number}.log"
    shutil.copy(log_path, kept)
    print(f"  log kept in {kept}", flush=True)


def main() -> None:
    if "--child" in sys.argv[1:]:
        child()
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--questions", type=int, default=600)
    parser.add_argument("--long-poll", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for every reply")
    parser.add_argument("--load", type=int, default=0, help="busy-loop processes meanwhile")
    args = parser.parse_args()
    print_header(
        f"long-poll diagnosis: {args.runs} runs, {args.questions} questions, "
        f"idle polls held {args.long_poll:g} s, {args.load} busy processes"
    )
    texts = questions(args.questions)
    loaders = [multiprocessing.Process(target=busy, daemon=True) for _ in range(args.load)]
    for loader in loaders:
        loader.start()
    passed = 0
    try:
        with tempfile.TemporaryDirectory() as folder:
            for number in range(1, args.runs + 1):
                passed += run_once(number, texts, Path(folder), args.long_poll, args.timeout)
    finally:
        for loader in loaders:
            loader.terminate()
    print(f"\n{passed} of {args.runs} runs got every reply; {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")


if __name__ == "__main__":
    main()
