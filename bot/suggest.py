"""Grouping unanswered questions and proposing, for each group, where it belongs.

Curators see what people ask that the bot cannot answer yet, grouped so that "Konya'da
ne yenir?", "konyada ne yenir" and "Konyada ne yenir??" are one line, and near
duplicates ("KOMEK kurs kaydı ne zaman", "KOMEK kurs kayıtları ne zaman?") join them.
For each group the matcher tells the closest existing entry: when it is close enough to
be offered as "did you mean" (``Thresholds.suggest``), the proposal is to add the
question as a phrasing or keyword of that entry; otherwise the proposal is a new entry.
Questions the current content already answers (the content may have changed since they
were asked) are dropped by default, or kept and marked with ``skip_answered=False``.

Wiring for ``learning-cities-bot unanswered --suggest``::

    from bot.suggest import format_json, format_text, read_questions, suggest_groups

    texts = await storage.unanswered_texts()     # from the database (bot.storage), or
    texts = read_questions(path)                 # --file: one question a line, or an eval YAML
    groups = suggest_groups(assistant, texts)    # list[Group], most asked first
    print(format_json(groups) if args.json else format_text(groups, limit=args.limit))

Everything here is plain Python on an :class:`~bot.assistant.Assistant`; nothing needs
Telegram or the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from bot.assistant import Assistant
from bot.matching import Decision
from bot.replies import ReplyKind
from bot.textnorm import question_key

__all__ = ["NEW_ENTRY", "Group", "format_json", "format_text", "group_key", "read_questions", "suggest_groups"]

NEW_ENTRY = "new entry"
NEAR_DUPLICATE = 85.0  # rapidfuzz token_sort_ratio of two group keys that are one question
MAX_EXAMPLES = 3


@dataclass(slots=True)
class Group:
    """Questions that ask the same thing, and where they could be answered."""

    key: str  # the folded key terms the group shares (of its most asked question)
    count: int = 0
    texts: dict[str, int] = field(default_factory=dict)  # each distinct text and how often it was asked
    entry: str | None = None  # the closest existing entry, None when nothing is close
    score: float = 0.0  # that entry's score for the group's most asked question
    decision: str = "none"  # what the bot does with the question today: answer | suggest | none
    alternatives: tuple[tuple[str, float], ...] = ()  # the next closest entries

    @property
    def examples(self) -> list[str]:
        """Up to three texts, most asked first."""
        ranked = sorted(self.texts.items(), key=lambda item: -item[1])
        return [text for text, _ in ranked[:MAX_EXAMPLES]]

    @property
    def proposal(self) -> str:
        """The entry id to extend, or "new entry"."""
        return self.entry or NEW_ENTRY

    def as_dict(self) -> dict[str, object]:
        return {
            "count": self.count,
            "key": self.key,
            "examples": self.examples,
            "proposal": self.proposal,
            "entry": self.entry,
            "score": round(self.score, 1),
            "decision": self.decision,
            "alternatives": [{"entry": e, "score": round(s, 1)} for e, s in self.alternatives],
        }


group_key = question_key  # the same grouping as the database's /unanswered


def _exact_groups(questions: Iterable[str]) -> list[Group]:
    groups: dict[str, Group] = {}
    for question in questions:
        text = " ".join(question.split())
        if not text:
            continue
        key = group_key(text)
        if not key:
            continue
        group = groups.setdefault(key, Group(key))
        group.count += 1
        group.texts[text] = group.texts.get(text, 0) + 1
    return sorted(groups.values(), key=lambda g: -g.count)  # stable: first asked first among equals


def _merge_near_duplicates(groups: list[Group]) -> list[Group]:
    """Fold each group into a more asked one whose key is nearly the same (typos, one
    inflection the stemmer missed)."""
    kept: list[Group] = []
    keys: list[str] = []
    for group in groups:
        found = process.extractOne(group.key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_DUPLICATE)
        if found is None:
            kept.append(group)
            keys.append(group.key)
            continue
        target = kept[found[2]]
        target.count += group.count
        for text, n in group.texts.items():
            target.texts[text] = target.texts.get(text, 0) + n
    return sorted(kept, key=lambda g: -g.count)


def _place(assistant: Assistant, group: Group) -> None:
    """The closest entry for the group's most asked question, if close enough to offer."""
    result = assistant.matcher.match(group.examples[0])
    group.decision = result.decision
    if result.decision == Decision.ANSWER and assistant.ask(group.examples[0]).kind != ReplyKind.ANSWER:
        group.decision = Decision.SUGGEST  # the matcher is sure, the bot is not ("KOMEK kurs kaydı": no answer)
    ranked = list(result.ranked)
    if ranked and ranked[0].score >= assistant.matcher.thresholds.suggest:
        group.entry, group.score = ranked[0].entry_id, ranked[0].score
        ranked = ranked[1:]
    elif ranked:
        group.score = ranked[0].score
    group.alternatives = tuple(
        (m.entry_id, m.score) for m in ranked[:2] if m.score >= assistant.matcher.thresholds.suggest
    )


def suggest_groups(assistant: Assistant, questions: Iterable[str], *, skip_answered: bool = True) -> list[Group]:
    """Group the questions (exact, then near duplicates), most asked first, each with
    the closest existing entry or "new entry". With ``skip_answered`` the groups the
    bot now answers confidently are left out."""
    groups = _merge_near_duplicates(_exact_groups(questions))
    for group in groups:
        _place(assistant, group)
    if skip_answered:
        groups = [g for g in groups if g.decision != "answer"]
    return groups


def read_questions(path: str | Path) -> list[str]:
    """Questions from a file: an eval YAML (a list of ``{q: ...}``) or plain text with
    one question a line (blank lines and lines starting with ``#`` are skipped).
    Raises OSError or ValueError."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix.lower() in (".yaml", ".yml"):
        data = yaml.safe_load(text)
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a YAML list of {{q: question}}")
        questions = []
        for index, item in enumerate(data, 1):
            question = item.get("q") if isinstance(item, dict) else item
            if not isinstance(question, str):
                raise ValueError(f"{path}: item {index} has no question text (q)")
            questions.append(question)
        return questions
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_text(groups: list[Group], *, limit: int | None = None) -> str:
    """A plain-text report: one block per group, most asked first."""
    if not groups:
        return "No unanswered questions."
    shown = groups if limit is None else groups[:limit]
    total = sum(g.count for g in groups)
    lines = [f"{total} unanswered question(s) in {len(groups)} group(s):", ""]
    for group in shown:
        target = (
            f"add to {group.entry} (score {group.score:.0f})"
            if group.entry
            else f"{NEW_ENTRY} (closest score {group.score:.0f})"
        )
        lines.append(f"{group.count:>5}×  {_short(group.examples[0], 70)}  →  {target}")
        for example in group.examples[1:]:
            lines.append(f"        also: {_short(example, 80)}")
        if group.alternatives:
            lines.append("        or: " + ", ".join(f"{e} ({s:.0f})" for e, s in group.alternatives))
    if limit is not None and len(groups) > limit:
        lines.append(f"… and {len(groups) - limit} more group(s)")
    return "\n".join(lines)


def format_json(groups: list[Group]) -> str:
    """One JSON object: the number of questions and groups, and every group."""
    return json.dumps(
        {"questions": sum(g.count for g in groups), "groups": [g.as_dict() for g in groups]}, ensure_ascii=False
    )
