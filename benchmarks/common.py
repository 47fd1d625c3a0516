"""Shared helpers of the benchmarks: the machine, percentiles, timing, tables.

The benchmark scripts import this as a sibling module (``python benchmarks/NAME.py``
puts this folder on ``sys.path``); they are measurements, not tests.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

__all__ = ["ROOT", "latencies", "machine", "percentile", "print_header", "rss_mb", "summary", "table"]

ROOT = Path(__file__).resolve().parent.parent


def machine() -> str:
    """nproc, CPU model, Python version, today's date and the load average, on one line."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "load average unknown"
    return (
        f"{os.cpu_count()} CPU(s), {model}, Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()}, {date.today().isoformat()}, {load}"
    )


def print_header(title: str) -> None:
    print(f"# {title}")
    print(f"# machine: {machine()}")
    print()


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def latencies(
    function: Callable[[str], object], inputs: Iterable[str], results: list[object] | None = None
) -> list[float]:
    """Seconds per call of ``function`` on each input (its results appended to ``results``)."""
    clock = time.perf_counter
    seconds = []
    for item in inputs:
        start = clock()
        value = function(item)
        seconds.append(clock() - start)
        if results is not None:
            results.append(value)
    return seconds


def summary(seconds: Sequence[float]) -> tuple[float, float, float]:
    """(p50, p99, mean) in milliseconds."""
    return (percentile(seconds, 0.5) * 1e3, percentile(seconds, 0.99) * 1e3, statistics.fmean(seconds) * 1e3)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table (it reads as plain text too)."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), in MB, from /proc."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":  # pragma: no cover
    print(machine(), file=sys.stderr)
