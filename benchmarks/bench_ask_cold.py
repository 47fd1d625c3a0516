"""CPU of ``Assistant.ask`` per unique question, each process starting with cold result caches.

bench_cpu.py measures the whole bot process against an echo bot; what differs between the
two is ``Assistant.ask`` itself, and in production nearly every question is one the bot has
not seen (a repeated one costs a cache look-up). This times that: the shipped content from
its cache, ``assistant.warm()`` (as ``bot run`` does), then one pass of ``ask`` over the
texts bench_cpu.py sends (the non-command questions of tests/eval/questions.yaml, cycled
to ``--questions``), each from its own chat. Each of ``--runs`` rounds is a fresh process
(a second pass in the same process would find the answers remembered); the figure is the
median of the rounds' CPU milliseconds per question (``time.process_time``, so a busy
machine inflates it less than wall time). bench_understanding.py times the readings
stage by stage, cold and warm, in one process.

By default the content is loaded and checked in full in each process (the self-check asks
questions of its own, which leaves some words' look-ups remembered); ``--content-cache``
loads it from a content cache in a temporary folder instead, as ``bot run`` does after its
first start (nothing asked before the first question).

Run: ``.venv/bin/python benchmarks/bench_ask_cold.py [--questions 600] [--runs 5] [--content-cache]``.
``--profile FILE``: one pass under cProfile instead, its statistics written to FILE.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, print_header

sys.path.insert(0, str(ROOT))

import yaml


def questions(count: int) -> list[str]:
    """bench_cpu.py's texts: the non-command questions of questions.yaml, cycled."""
    cases = yaml.safe_load((ROOT / "tests" / "eval" / "questions.yaml").read_text(encoding="utf-8"))
    texts = [str(c["q"]) for c in cases if not str(c["q"]).startswith("/")]
    return [texts[i % len(texts)] for i in range(count)]


def one_pass(count: int, profile: str | None = None, cache_dir: str | None = None) -> float:
    """CPU milliseconds per question of one pass of ``ask`` in this process (the content
    from the content cache in ``cache_dir`` when given)."""
    from bot.contentcache import ContentCache
    from bot.services import load_assistant

    assistant = load_assistant(ROOT / "content", ContentCache.of(cache_dir), from_cache=True)
    assistant.warm()
    texts = questions(count)
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        for index, text in enumerate(texts):
            assistant.ask(text, chat=(index, 1))
        profiler.disable()
        profiler.dump_stats(profile)
        return float("nan")
    start = time.process_time()
    for index, text in enumerate(texts):
        assistant.ask(text, chat=(index, 1))
    return (time.process_time() - start) * 1e3 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", help="write one pass's cProfile statistics to this file")
    parser.add_argument("--content-cache", action="store_true", help="load the content from a content cache")
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.profile:
        print(f"{one_pass(args.questions, args.profile, args.cache_dir):.4f}")
        return
    loaded = "from a content cache" if args.content_cache else "checked in full"
    print_header(
        f"Assistant.ask, CPU per unique question ({args.questions} questions, fresh processes, content {loaded})"
    )
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, __file__, "--child", "--questions", str(args.questions)]
        if args.content_cache:
            from bot.contentcache import ContentCache
            from bot.services import load_assistant

            load_assistant(ROOT / "content", ContentCache(folder))  # written for the rounds to load
            command += ["--cache-dir", folder]
        rounds = [
            float(subprocess.run(command, check=True, capture_output=True, text=True).stdout) for _ in range(args.runs)
        ]
    print("rounds (ms/question): " + ", ".join(f"{x:.3f}" for x in rounds))
    print(f"median: {statistics.median(rounds):.3f} ms/question")


if __name__ == "__main__":
    main()
