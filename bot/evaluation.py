"""Measuring answer quality on a labelled question file.

A question file is a YAML list of ``{q, expect, lang}`` and optionally ``style`` (the kind
of question: plain, typo, chatty, attribute, counting, follow-up, off-topic, ...),
``contains`` (strings the reply must contain to count as right: the number of a counting
question, the year asked) and ``context`` (questions asked before it in the same chat,
for follow-ups). ``expect`` is the entry id the bot should answer with (a small talk id
such as ``smalltalk-thanks`` too), or ``none`` for a question it must not answer
confidently. Questions go through :meth:`Assistant.ask`, the same path as Telegram.

The figures: *right at once* (answered with the expected entry, containing what it
must), *within one tap* (that, or the expected entry is one of the reply's buttons),
*confidently wrong* (answered, but not with the expected entry; over all questions) and
*refused* (questions expecting none that got no confident answer), in all and per
language and per style.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import callbacks
from bot.assistant import Assistant
from bot.callbacks import CallbackKind
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold
from bot.tghtml import to_plain

__all__ = ["Case", "Outcome", "Report", "evaluate", "load_cases"]


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    expect: str | None  # None: must not be answered
    lang: str | None = None
    style: str | None = None
    contains: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    kind: str  # a ReplyKind
    entry: str | None  # the entry answered with, or the best candidate
    score: float
    lang: str
    text: str = ""  # the reply as plain text
    offered: tuple[str, ...] = ()  # entries one tap away (the reply's buttons)

    @property
    def answered(self) -> bool:
        """Answered with content, or with small talk where small talk was expected (a
        small-talk reply to anything else claims nothing: it is not a wrong answer)."""
        if self.kind == ReplyKind.SMALLTALK:
            return self.case.expect is not None
        return self.kind == ReplyKind.ANSWER

    @property
    def has_contents(self) -> bool:
        folded = fold(self.text)
        return all(fold(part) in folded for part in self.case.contains)

    @property
    def correct(self) -> bool:
        """Expected an entry: answered with it at once (with what it must contain).
        Expected none: not answered."""
        if self.case.expect is None:
            return not self.answered
        return self.answered and self.entry == self.case.expect and self.has_contents

    @property
    def within_one_tap(self) -> bool:
        return self.correct or (self.case.expect is not None and self.case.expect in self.offered)

    @property
    def confident_wrong(self) -> bool:
        return self.answered and self.entry != self.case.expect


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


@dataclass(slots=True)
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def on_topic(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.expect is not None]

    @property
    def off_topic(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.expect is None]

    @property
    def accuracy(self) -> float:
        """Right at once: questions with an expected entry answered with it."""
        return _share(sum(o.correct for o in self.on_topic), len(self.on_topic))

    @property
    def within_one_tap(self) -> float:
        return _share(sum(o.within_one_tap for o in self.on_topic), len(self.on_topic))

    @property
    def rejection(self) -> float:
        """Refused: questions expecting none that got no confident answer."""
        return _share(sum(o.correct for o in self.off_topic), len(self.off_topic))

    @property
    def suggest_rate(self) -> float:
        return _share(sum(o.kind == ReplyKind.SUGGEST for o in self.outcomes), len(self.outcomes))

    @property
    def confident_wrong_rate(self) -> float:
        return _share(sum(o.confident_wrong for o in self.outcomes), len(self.outcomes))

    @property
    def language_accuracy(self) -> float:
        labelled = [o for o in self.outcomes if o.case.lang]
        return _share(sum(o.lang == o.case.lang for o in labelled), len(labelled))

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    def summary(self) -> dict[str, float | int]:
        return {
            "questions": len(self.outcomes),
            "on_topic": len(self.on_topic),
            "off_topic": len(self.off_topic),
            "accuracy": round(self.accuracy, 4),
            "within_one_tap": round(self.within_one_tap, 4),
            "off_topic_rejection": round(self.rejection, 4),
            "did_you_mean_rate": round(self.suggest_rate, 4),
            "confident_wrong_rate": round(self.confident_wrong_rate, 4),
            "language_accuracy": round(self.language_accuracy, 4),
        }

    def breakdown(self) -> dict[str, dict[str, dict[str, float | int]]]:
        """The summary per language and per style."""
        langs = sorted({o.case.lang for o in self.outcomes if o.case.lang})
        styles = sorted({o.case.style for o in self.outcomes if o.case.style})
        return {
            "lang": {v: Report([o for o in self.outcomes if o.case.lang == v]).summary() for v in langs},
            "style": {v: Report([o for o in self.outcomes if o.case.style == v]).summary() for v in styles},
        }


def _strings(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {name} must be a list of texts")
    return tuple(value)


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
        where = f"{path}: item {index}"
        style = item.get("style")
        cases.append(
            Case(
                item["q"],
                expect,
                item.get("lang"),
                str(style) if style is not None else None,
                _strings(item.get("contains"), where, "contains"),
                _strings(item.get("context"), where, "context"),
            )
        )
    return cases


def _offered(reply: Reply) -> tuple[str, ...]:
    found = []
    for row in reply.buttons:
        for button in row:
            parsed = callbacks.parse(button.data) if button.data else None
            if parsed is not None and parsed.kind == CallbackKind.ENTRY:
                found.append(parsed.value)
    return tuple(found)


def evaluate(assistant: Assistant, cases: Iterable[Case]) -> Report:
    """Ask every question (after its context, in a chat of its own) and record what the bot did."""
    report = Report()
    for index, case in enumerate(cases):
        chat = ("eval", index) if case.context else None
        for earlier in case.context:
            assistant.ask(earlier, chat=chat)
        reply = assistant.ask(case.question, chat=chat)
        assistant.conversations.forget(chat)
        answered = reply.kind in (ReplyKind.ANSWER, ReplyKind.SMALLTALK)
        entry = reply.entry_id if answered else (reply.suggestions[0] if reply.suggestions else None)
        text = to_plain("\n\n".join(reply.messages))
        report.outcomes.append(Outcome(case, reply.kind, entry, reply.score, reply.lang, text, _offered(reply)))
    return report
