"""Questions the content does not answer, recognised so that the bot says so.

"KOMEK kurs ücretleri ne kadar?" shares "KOMEK" with an entry, and the nearest entry's
answer would be a confident wrong one. content/no_answer.yaml lists such topics as
groups of words (a question with every word of a group, each possibly with an ending,
is about the topic) and where the answer can be found; the bot replies "I don't have
that" and points there (reply kind ``no_answer``, not a match).

The same file lists the *kinds of information* a question may ask for (``asks``: a
price, a phone number, opening hours, a person's name, something after the content's
date). :mod:`bot.guard` checks that the entry chosen for a question gives that kind
of information before it is answered with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml

from bot import tghtml
from bot.lang import LANGS
from bot.phrases import PhraseIndex, alternates
from bot.textnorm import fold, fold_question, is_ending, sentences

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: 20x faster

__all__ = ["NO_ANSWER_FILE", "Ask", "AskKind", "Group", "NoAnswer", "NoAnswerTopic", "load_no_answer"]

NO_ANSWER_FILE = "no_answer.yaml"

# A group of a topic or an ask: every element must be in the question; an element is one
# or more alternative phrases, a phrase a tuple of folded words.
Group = tuple[tuple[tuple[str, ...], ...], ...]


class AskKind(StrEnum):
    """Kinds of information a question may ask for that an answer must hold to be given."""

    PRICE = "price"  # a fee, a price, a cost, a budget
    PHONE = "phone"  # a phone or fax number
    HOURS = "hours"  # opening hours, a time of day, days of the week
    PERSON = "person"  # who holds a post: the mayor, a director, a coordinator, the jury
    LATER = "later"  # something after the content's date: next year, a future call


@dataclass(frozen=True, slots=True)
class NoAnswerTopic:
    id: str
    groups: tuple[Group, ...]  # any group
    where: tuple[str, ...]
    reply: Mapping[str, str] | None = None
    unless: tuple[Group, ...] = ()  # groups that, present, say the content does answer it


@dataclass(frozen=True, slots=True)
class Ask:
    """One kind of information: the word groups that ask for it, and the honest reply."""

    kind: AskKind
    groups: tuple[Group, ...]
    reply: Mapping[str, str]
    where: tuple[str, ...]


def _word(token: str, word: str) -> bool:
    """A word of five letters or more is a stem ("görüş" in "görüşmeliyiz"); a shorter one
    may only carry an ending ("kurs" in "kursları", not "burs" in "Bursa")."""
    if token == word or (len(word) >= 5 and token.startswith(word)):
        return True
    for stem in alternates(word):  # "kaydı" is "kayıt" with an ending
        after = token[len(stem) :]
        if token.startswith(stem) and after[:1] in "aeiou" and is_ending(after):
            return True
    rest = token[len(word) :]
    return len(word) >= 3 and token.startswith(word) and (is_ending(rest) or (len(rest) <= 3 and is_ending(rest[1:])))


_Key = tuple[str, int, int]  # (topic id or ask kind, group, element)


def _index(items: Iterable[tuple[str, tuple[Group, ...]]]) -> PhraseIndex[_Key]:
    return PhraseIndex(
        (
            (phrase, (name, g, e))
            for name, groups in items
            for g, group in enumerate(groups)
            for e, element in enumerate(group)
            for phrase in element
        ),
        _word,
    )


def _matched(present: set[_Key], name: str, groups: tuple[Group, ...]) -> list[int]:
    # The first element tried on its own first: most groups of a topic lack it.
    return [
        g
        for g, group in enumerate(groups)
        if (name, g, 0) in present and all((name, g, e) in present for e in range(1, len(group)))
    ]


_PRESENT_CACHE = 256  # questions whose phrases found are remembered (each is read several times)


@dataclass(frozen=True, slots=True)
class NoAnswer:
    """The topics, the kinds of information, and the copy of "I don't have that"."""

    topics: tuple[NoAnswerTopic, ...]
    message: Mapping[str, str]
    look_here: Mapping[str, str]
    places: Mapping[str, Mapping[str, str]]
    asks: Mapping[AskKind, Ask] = field(default_factory=dict)
    place_words: Mapping[str, tuple[Group, ...]] = field(default_factory=dict)  # place -> what it is for
    now: tuple[Group, ...] = ()  # words that ask about the present ("hâlâ", "currently")
    as_of_note: Mapping[str, str] | None = None  # said under an answer to such a question

    _index: PhraseIndex[_Key] = field(init=False, repr=False, compare=False)
    _cache: dict[str, set[_Key]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_cache", {})
        items = [(f"t{i}", topic.groups) for i, topic in enumerate(self.topics)]
        items += [(f"u{i}", topic.unless) for i, topic in enumerate(self.topics) if topic.unless]
        items += [(f"a:{kind}", ask.groups) for kind, ask in self.asks.items()]
        items += [(f"p:{place}", groups) for place, groups in self.place_words.items()]
        items.append(("now", self.now))
        object.__setattr__(self, "_index", _index(items))

    def _present(self, tokens: list[str]) -> set[_Key]:
        key = " ".join(tokens)
        cache: dict[str, set[_Key]] = self._cache
        found = cache.get(key)
        if found is None:
            found = {payload for _, _, payload in self._index.find(tokens)}
            if len(cache) >= _PRESENT_CACHE:
                cache.pop(next(iter(cache)))
            cache[key] = found
        return found

    def topic(self, text: str) -> NoAnswerTopic | None:
        """The topic ``text`` asks about, if the content does not cover it: in one of its
        sentences ("Our mayor wants to apply. Who do we send the form to?" asks no name)."""
        found = self._topic(text)
        said = sentences(text) if found is not None else []
        if len(said) > 1:
            found = next((t for s in said if (t := self._topic(s)) is not None), None)
        return found

    def _topic(self, text: str) -> NoAnswerTopic | None:
        present = self._present(fold_question(text).split())
        named = {name for name, _, _ in present}  # only topics with a phrase found can match
        for t, topic in enumerate(self.topics):
            if f"t{t}" in named and _matched(present, f"t{t}", topic.groups):
                if topic.unless and f"u{t}" in named and _matched(present, f"u{t}", topic.unless):
                    continue  # "UNESCO Hayat Boyu Öğrenme Enstitüsü nedir": the institute, which the content knows
                return topic
        return None

    def asked(self, text: str) -> dict[AskKind, frozenset[int]]:
        """The kinds of information ``text`` asks for, each with the groups that ask it
        (all the words of a group in one sentence)."""
        found = self._asked(text)
        said = sentences(text) if found else []
        if len(said) > 1:
            found = {}
            for sentence in said:
                for kind, groups in self._asked(sentence).items():
                    found[kind] = found.get(kind, frozenset()) | groups
        return found

    def _asked(self, text: str) -> dict[AskKind, frozenset[int]]:
        present = self._present(fold_question(text).split())
        named = {name for name, _, _ in present}
        found = {
            kind: frozenset(_matched(present, f"a:{kind}", ask.groups))
            for kind, ask in self.asks.items()
            if f"a:{kind}" in named
        }
        return {kind: groups for kind, groups in found.items() if groups}

    def asks_now(self, text: str) -> bool:
        """Whether ``text`` asks about the present ("Konya hâlâ üye mi?")."""
        return bool(_matched(self._present(fold_question(text).split()), "now", self.now))

    def places_for(self, text: str, default: Iterable[str]) -> tuple[str, ...]:
        """The places a question is about ("KOMEK" -> komek.org.tr), else ``default``."""
        present = self._present(fold_question(text).split())
        named = tuple(place for place, groups in self.place_words.items() if _matched(present, f"p:{place}", groups))
        return named or tuple(default)

    def _html(self, head: str, where: Iterable[str], lang: str) -> tghtml.Html:
        places = "\n".join(f"• {self.places[p][lang]}" for p in where if p in self.places)
        return tghtml.Html(f"{head}\n\n{self.look_here[lang]}\n{places}" if places else head)

    def render(self, topic: NoAnswerTopic, lang: str) -> tghtml.Html:
        return self._html(topic.reply[lang] if topic.reply else self.message[lang], topic.where, lang)

    def render_ask(self, kind: AskKind, text: str, lang: str, **values: str) -> tghtml.Html:
        """The honest reply to ``text``, which asks for ``kind`` the answer does not hold;
        ``values`` fill the reply's placeholders (escaped here)."""
        ask = self.asks[kind]
        head = ask.reply[lang]
        for key, value in values.items():
            head = head.replace("{" + key + "}", tghtml.escape(value))
        return self._html(head, self.places_for(text, ask.where), lang)


def _localized(data: object) -> Mapping[str, str] | None:
    if isinstance(data, Mapping) and all(isinstance(data.get(lang), str) for lang in LANGS):
        return {lang: data[lang] for lang in LANGS}
    return None


def _groups(raw: object) -> tuple[Group, ...] | None:
    """Word groups from YAML: a list of groups, each a list of elements, each a phrase or
    a list of alternative phrases. None when malformed."""
    if not isinstance(raw, list) or not raw:
        return None
    groups: list[Group] = []
    for group in raw:
        if not isinstance(group, list) or not group:
            return None
        elements = []
        for element in group:
            options = element if isinstance(element, list) else [element]
            phrases = tuple(tuple(fold(str(option)).split()) for option in options)
            if not phrases or not all(phrases):
                return None
            elements.append(phrases)
        groups.append(tuple(elements))
    return tuple(groups)


def _load_asks(data: object, places: Mapping[str, object], problems: list[str]) -> dict[AskKind, Ask]:
    asks: dict[AskKind, Ask] = {}
    for key, value in (data or {}).items() if isinstance(data, Mapping) else ():
        where = f"{NO_ANSWER_FILE}: ask {key!r}"
        if key not in set(AskKind):
            problems.append(f"{where}: unknown kind (one of {', '.join(AskKind)})")
            continue
        groups = _groups(value.get("any")) if isinstance(value, Mapping) else None
        reply = _localized(value.get("reply")) if isinstance(value, Mapping) else None
        if groups is None or reply is None:
            problems.append(f"{where}: needs word groups (any) and a reply with tr and en")
            continue
        at = tuple(str(p) for p in value.get("where") or [])
        problems += [f"{where}: unknown place {p!r}" for p in at if p not in places]
        asks[AskKind(key)] = Ask(AskKind(key), groups, reply, at)
    return asks


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
    place_words: dict[str, tuple[Group, ...]] = {}
    for key, value in (data.get("places") or {}).items():
        text = _localized(value)
        if text is None:
            problems.append(f"{NO_ANSWER_FILE}: place {key!r} needs tr and en")
            continue
        places[str(key)] = text
        if "for" in value:
            groups = _groups(value["for"])
            if groups is None:
                problems.append(f"{NO_ANSWER_FILE}: place {key!r}: `for` needs word groups")
            else:
                place_words[str(key)] = groups
    topics = []
    for item in data.get("topics") or []:
        groups = _groups(item.get("any")) if isinstance(item, Mapping) else None
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str) or groups is None:
            problems.append(f"{NO_ANSWER_FILE}: topic {item!r} needs an id and word groups (any)")
            continue
        where = tuple(str(p) for p in item.get("where") or [])
        problems += [f"{NO_ANSWER_FILE}: topic {item['id']!r}: unknown place {p!r}" for p in where if p not in places]
        reply = _localized(item["reply"]) if "reply" in item else None
        if "reply" in item and reply is None:
            problems.append(f"{NO_ANSWER_FILE}: topic {item['id']!r}: reply needs tr and en")
        unless = _groups(item["unless"]) if "unless" in item else ()
        if unless is None:
            problems.append(f"{NO_ANSWER_FILE}: topic {item['id']!r}: unless needs word groups")
            unless = ()
        topics.append(NoAnswerTopic(item["id"], groups, where, reply, unless))
    asks = _load_asks(data.get("asks"), places, problems)
    now = _groups(data["now"]) if "now" in data else ()
    note = _localized(data.get("as_of_note")) if "as_of_note" in data else None
    if now is None or ("as_of_note" in data and note is None):
        problems.append(f"{NO_ANSWER_FILE}: now needs word groups and as_of_note tr and en")
    texts = (message, look_here, note, *places.values(), *(t.reply for t in topics if t.reply))
    for text in (*texts, *(a.reply for a in asks.values())):
        for lang in LANGS:
            for issue in tghtml.validate(text[lang], strict=False) if text else ():
                problems.append(f"{NO_ANSWER_FILE}: {lang}: {issue}")
    head = (tuple(topics), message or empty.message, look_here or empty.look_here, places)
    return NoAnswer(*head, asks, place_words, now or (), note), problems
