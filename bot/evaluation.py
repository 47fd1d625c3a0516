"""Measuring answer quality on a labelled question file.

A question file is a YAML list of ``{q, expect, lang}``: ``expect`` is the entry id
the bot should answer with, or ``none`` for an off-topic question it must not answer
confidently. Questions go through :meth:`Assistant.ask`, the same path as Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.assistant import Assistant

__all__ = ["Case", "Outcome", "Report", "evaluate", "load_cases"]


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    expect: str | None  # None: off-topic
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    kind: str  # answer | suggest | fallback
    entry: str | None  # the entry answered with, or the best candidate
    score: float
    lang: str

    @property
    def correct(self) -> bool:
        """On-topic: answered with the expected entry. Off-topic: not answered."""
        if self.case.expect is None:
            return self.kind != "answer"
        return self.kind == "answer" and self.entry == self.case.expect

    @property
    def confident_wrong(self) -> bool:
        return self.kind == "answer" and self.entry != self.case.expect


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, hits: int, total: int) -> float:
        return hits / total if total else 1.0

    @property
    def on_topic(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.expect is not None]

    @property
    def off_topic(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.expect is None]

    @property
    def accuracy(self) -> float:
        """Top-1 accuracy: on-topic questions answered confidently with the right entry."""
        return self._share(sum(o.correct for o in self.on_topic), len(self.on_topic))

    @property
    def rejection(self) -> float:
        """Off-topic questions that got no confident answer."""
        return self._share(sum(o.correct for o in self.off_topic), len(self.off_topic))

    @property
    def suggest_rate(self) -> float:
        return self._share(sum(o.kind == "suggest" for o in self.outcomes), len(self.outcomes))

    @property
    def confident_wrong_rate(self) -> float:
        return self._share(sum(o.confident_wrong for o in self.outcomes), len(self.outcomes))

    @property
    def language_accuracy(self) -> float:
        labelled = [o for o in self.outcomes if o.case.lang]
        return self._share(sum(o.lang == o.case.lang for o in labelled), len(labelled))

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    def summary(self) -> dict[str, float | int]:
        return {
            "questions": len(self.outcomes),
            "on_topic": len(self.on_topic),
            "off_topic": len(self.off_topic),
            "accuracy": round(self.accuracy, 4),
            "off_topic_rejection": round(self.rejection, 4),
            "did_you_mean_rate": round(self.suggest_rate, 4),
            "confident_wrong_rate": round(self.confident_wrong_rate, 4),
            "language_accuracy": round(self.language_accuracy, 4),
        }


def load_cases(path: str | Path) -> list[Case]:
    """Read a labelled question file; raises ValueError naming the item on bad input."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: must be a YAML list of {{q, expect, lang}}")
    cases = []
    for index, item in enumerate(data, 1):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or "expect" not in item:
            raise ValueError(f"{path}: item {index} needs q (text) and expect (an entry id or none)")
        expect = item["expect"]
        expect = None if expect in (None, "none") else str(expect)
        cases.append(Case(item["q"], expect, item.get("lang")))
    return cases


def evaluate(assistant: Assistant, cases: list[Case]) -> Report:
    """Ask every question and record what the bot did."""
    report = Report()
    for case in cases:
        reply = assistant.ask(case.question)
        entry = reply.entry_id if reply.kind == "answer" else (reply.suggestions[0] if reply.suggestions else None)
        report.outcomes.append(Outcome(case, reply.kind, entry, reply.score, reply.lang))
    return report
