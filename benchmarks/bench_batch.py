"""Batch answering: ``python -m bot ask --json -`` on 10,000 questions.

Two inputs of 10,000 lines, answered by a fresh process each (the wall time includes
Python's start, imports, loading the content and building the index):

* ``repeated``: the questions of tests/eval cycled (828 distinct), as real traffic
  repeats the common questions;
* ``distinct``: 10,000 different lines made from them (upper case, Turkish letters
  dropped, a typo, small talk or punctuation added), so that no answer is remembered.

Run: ``.venv/bin/python benchmarks/bench_batch.py`` (under half a minute).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, print_header, table

sys.path.insert(0, str(ROOT))

from bot.evaluation import load_cases

COUNT = 10_000
ASCII = str.maketrans("şğçöüıİŞĞÇÖÜ", "sgcouiISGCOU")


def _vary(rng: random.Random, text: str) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return text.upper()
    if choice == 1:
        return text.translate(ASCII)
    if choice == 2 and len(text) > 6:
        i = rng.randrange(1, len(text) - 2)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if choice == 3:
        return rng.choice(["merhaba, ", "hi, ", "selam! ", "hello! "]) + text
    if choice == 4:
        return text.rstrip("?!. ") + rng.choice(["??", " lütfen", " please", "!!", " 🙏"])
    return text.lower()


def inputs() -> dict[str, list[str]]:
    base = [
        c.question for name in ("questions.yaml", "holdout.yaml") for c in load_cases(ROOT / "tests" / "eval" / name)
    ]
    repeated = [base[i % len(base)] for i in range(COUNT)]
    rng = random.Random(11)
    distinct: dict[str, None] = dict.fromkeys(base)
    while len(distinct) < COUNT:
        varied = " ".join(_vary(rng, _vary(rng, rng.choice(base))).split())
        distinct.setdefault(varied, None)
    return {"repeated": repeated, "distinct": list(distinct)}


def run(lines: list[str], folder: Path) -> tuple[float, int]:
    source = folder / "questions.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    start = time.perf_counter()
    with source.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", "-"],
            stdin=stdin,
            capture_output=True,
            cwd=folder,
            env=env,
            check=True,
        )
    seconds = time.perf_counter() - start
    answers = done.stdout.decode().splitlines()
    assert len(answers) == len(lines), (len(answers), len(lines))
    matched = sum(json.loads(line)["matched"] for line in answers)
    return seconds, matched


def main() -> None:
    print_header(f"`python -m bot ask --json -` on {COUNT:,} questions (fresh process each)")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, lines in inputs().items():
            seconds, matched = run(lines, Path(folder))
            rows.append(
                [name, len(lines), len(set(lines)), seconds, len(lines) / seconds, f"{matched / len(lines):.1%}"]
            )
    print(table(["input", "questions", "distinct", "wall time (s)", "questions per second", "answered"], rows))


if __name__ == "__main__":
    main()
