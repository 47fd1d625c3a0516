"""What the readings before the matcher cost (issue 9): the spelling pass, small talk,
uncovered topics, facts, and the whole ``Assistant.ask`` (readings, matcher, reply) on
the shipped content.

Questions: tests/eval/questions.yaml, holdout.yaml and tuning2.yaml (when present).
Each stage runs over all questions twice; "cold" is the first pass (the matcher's word
neighbours and the speller's corrections not yet cached), "warm" the second (the
matcher's remembered answers forgotten). The matcher alone is in bench_matching.py.

Run: ``.venv/bin/python benchmarks/bench_understanding.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from common import ROOT, latencies, print_header, summary, table

sys.path.insert(0, str(ROOT))

from bot.evaluation import load_cases
from bot.services import load_assistant


def main() -> None:
    print_header("Readings before the matcher: latency per question on the shipped content")
    assistant = load_assistant(ROOT / "content")
    sets = [ROOT / "tests" / "eval" / name for name in ("questions.yaml", "holdout.yaml", "tuning2.yaml")]
    questions = [case.question for path in sets if path.exists() for case in load_cases(path)]
    understanding = assistant.understanding
    stages: list[tuple[str, Callable[[str], object]]] = [
        ("spelling", understanding.correct),
        ("small talk", understanding.small_talk),
        ("uncovered topic", understanding.uncovered),
        ("fact", lambda q: understanding.fact(q, "tr", None)),
        ("Matcher.match", assistant.matcher.match),
        ("Assistant.ask (all)", assistant.ask),
    ]
    rows = []
    for name, stage in stages:
        assistant.matcher.clear_caches()
        understanding.speller.clear()
        for label in ("cold", "warm"):
            assistant.matcher.clear_caches(words=False)
            p50, p99, mean = summary(latencies(stage, questions))
            rows.append((name, label, len(questions), p50, p99, mean))
    print(table(("stage", "pass", "questions", "p50 ms", "p99 ms", "mean ms"), rows))


if __name__ == "__main__":
    main()
