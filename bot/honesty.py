"""Questions the content does not answer, recognised so that the bot says so.

"KOMEK kurs ücretleri ne kadar?" shares "KOMEK" with an entry, and the nearest entry's
answer would be a confident wrong one. content/no_answer.yaml lists such topics as
groups of words (a question with every word of a group, each possibly with an ending,
is about the topic) and where the answer can be found; the bot replies "I don't have
that" and points there (reply kind ``no_answer``, not a match).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import tghtml
from bot.lang import LANGS
from bot.phrases import PhraseIndex
from bot.textnorm import fold, fold_question, is_ending

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: 20x faster

__all__ = ["NO_ANSWER_FILE", "NoAnswer", "NoAnswerTopic", "load_no_answer"]

NO_ANSWER_FILE = "no_answer.yaml"


@dataclass(frozen=True, slots=True)
class NoAnswerTopic:
    id: str
    groups: tuple[tuple[tuple[str, ...], ...], ...]  # any group; every phrase of it; words of a phrase
    where: tuple[str, ...]
    reply: Mapping[str, str] | None = None


def _word(token: str, word: str) -> bool:
    """A word of five letters or more is a stem ("görüş" in "görüşmeliyiz"); a shorter one
    may only carry an ending ("kurs" in "kursları", not "burs" in "Bursa")."""
    if token == word or (len(word) >= 5 and token.startswith(word)):
        return True
    rest = token[len(word) :]
    return len(word) >= 3 and token.startswith(word) and (is_ending(rest) or (len(rest) <= 3 and is_ending(rest[1:])))


@dataclass(frozen=True, slots=True)
class NoAnswer:
    """The topics and the copy of "I don't have that"."""

    topics: tuple[NoAnswerTopic, ...]
    message: Mapping[str, str]
    look_here: Mapping[str, str]
    places: Mapping[str, Mapping[str, str]]

    _index: PhraseIndex[tuple[int, int, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        phrases = (
            (phrase, (t, g, p))
            for t, topic in enumerate(self.topics)
            for g, group in enumerate(topic.groups)
            for p, phrase in enumerate(group)
        )
        object.__setattr__(self, "_index", PhraseIndex(phrases, _word))

    def topic(self, text: str) -> NoAnswerTopic | None:
        """The topic ``text`` asks about, if the content does not cover it."""
        present = {payload for _, _, payload in self._index.find(fold_question(text).split())}
        for t, topic in enumerate(self.topics):
            for g, group in enumerate(topic.groups):
                if all((t, g, p) in present for p in range(len(group))):
                    return topic
        return None

    def render(self, topic: NoAnswerTopic, lang: str) -> tghtml.Html:
        head = topic.reply[lang] if topic.reply else self.message[lang]
        places = "\n".join(f"• {self.places[p][lang]}" for p in topic.where if p in self.places)
        return tghtml.Html(f"{head}\n\n{self.look_here[lang]}\n{places}" if places else head)


def _localized(data: object) -> Mapping[str, str] | None:
    if isinstance(data, Mapping) and all(isinstance(data.get(lang), str) for lang in LANGS):
        return {lang: data[lang] for lang in LANGS}
    return None


def load_no_answer(directory: str | Path) -> tuple[NoAnswer, list[str]]:
    """Read no_answer.yaml in ``directory``; the problems found, each naming the item."""
    empty = NoAnswer((), {lang: "" for lang in LANGS}, {lang: "" for lang in LANGS}, {})
    path = Path(directory) / NO_ANSWER_FILE
    if not path.is_file():
        return empty, []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        return empty, [f"{NO_ANSWER_FILE}: not valid YAML: {exc}"]
    problems: list[str] = []
    message, look_here = _localized(data.get("message")), _localized(data.get("look_here"))
    if message is None or look_here is None:
        problems.append(f"{NO_ANSWER_FILE}: message and look_here need tr and en")
    places: dict[str, Mapping[str, str]] = {}
    for key, value in (data.get("places") or {}).items():
        text = _localized(value)
        if text is None:
            problems.append(f"{NO_ANSWER_FILE}: place {key!r} needs tr and en")
        else:
            places[str(key)] = text
    topics = []
    for item in data.get("topics") or []:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str) or not item.get("any"):
            problems.append(f"{NO_ANSWER_FILE}: topic {item!r} needs an id and word groups (any)")
            continue
        groups = tuple(tuple(tuple(fold(str(phrase)).split()) for phrase in group) for group in item["any"] if group)
        where = tuple(str(p) for p in item.get("where") or [])
        problems += [f"{NO_ANSWER_FILE}: topic {item['id']!r}: unknown place {p!r}" for p in where if p not in places]
        reply = _localized(item["reply"]) if "reply" in item else None
        if "reply" in item and reply is None:
            problems.append(f"{NO_ANSWER_FILE}: topic {item['id']!r}: reply needs tr and en")
        topics.append(NoAnswerTopic(item["id"], groups, where, reply))
    for text in (message, look_here, *places.values(), *(t.reply for t in topics if t.reply)):
        for lang in LANGS:
            for issue in tghtml.validate(text[lang], strict=False) if text else ():
                problems.append(f"{NO_ANSWER_FILE}: {lang}: {issue}")
    return NoAnswer(tuple(topics), message or empty.message, look_here or empty.look_here, places), problems
