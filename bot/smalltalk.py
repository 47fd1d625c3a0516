"""Small talk: thanks, goodbye, "nasılsın", hello, each with its own short reply.

A message made only of the words of content/smalltalk.yaml (any of them, in any order,
with punctuation and emoji) is small talk; any other word makes it a question, left to
the matcher ("merhaba, Bolu ne zaman katıldı?"). The reply is the entry
``smalltalk-<id>``; the first kind in the file wins when a message mixes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot import tghtml
from bot.chatter import Chatter
from bot.lang import LANGS
from bot.phrases import PhraseIndex
from bot.textnorm import fold, sentences

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: 20x faster

__all__ = ["SMALLTALK_FILE", "SmallTalk", "SmallTalkKind", "load_smalltalk"]

SMALLTALK_FILE = "smalltalk.yaml"
_MAX_WORDS = 8
_GREETINGS = frozenset(["thanks", "hello", "howareyou"])  # a sentence of these before the question is left out


@dataclass(frozen=True, slots=True)
class SmallTalkKind:
    id: str
    phrases: tuple[tuple[str, ...], ...]  # folded, longest first
    reply: Mapping[str, str]

    @property
    def entry_id(self) -> str:
        return f"smalltalk-{self.id}"


@dataclass(frozen=True, slots=True)
class SmallTalk:
    kinds: tuple[SmallTalkKind, ...]
    fillers: tuple[tuple[str, ...], ...] = ()  # may stand around small talk, none on their own
    chatter: Chatter = field(default_factory=Chatter)  # said around a question, asking nothing

    _index: PhraseIndex[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        items: list[tuple[tuple[str, ...], int]] = [(p, -1) for p in self.fillers]
        items += [(p, order) for order, kind in enumerate(self.kinds) for p in kind.phrases]
        object.__setattr__(self, "_index", PhraseIndex(items, str.__eq__))

    def kind(self, text: str) -> SmallTalkKind | None:
        """The kind of small talk ``text`` is, or None when it has other words."""
        tokens = fold(text).split()
        if not tokens or len(tokens) > _MAX_WORDS:
            return None
        covered = [False] * len(tokens)
        present: set[int] = set()
        for start, end, order in self._index.find(tokens):
            covered[start:end] = [True] * (end - start)
            if order >= 0:
                present.add(order)
        if not present or not all(covered):
            return None
        return self.kinds[min(present)]

    def after_greeting(self, text: str) -> str | None:
        """The rest of a message that begins with thanks or a greeting of its own, in
        sentences of their own ("Tamam anladım, sağ olun 🙏 peki ödüle başvurmak için şart
        ne?", "Thanks so much for the help earlier! One more: where is UIL?"); None when it
        begins with none, or is nothing else."""
        said = sentences(text)
        k = 0
        while k < len(said) and (kind := self.kind(said[k])) is not None and kind.id in _GREETINGS:
            k += 1
        rest = " ".join(said[k:])
        return rest if 0 < k < len(said) and self.kind(rest) is None else None

    def by_entry(self, entry_id: str) -> SmallTalkKind | None:
        return next((k for k in self.kinds if k.entry_id == entry_id), None)


def load_smalltalk(directory: str | Path) -> tuple[SmallTalk, list[str]]:
    """Read smalltalk.yaml in ``directory``; the problems found, each naming the item."""
    path = Path(directory) / SMALLTALK_FILE
    if not path.is_file():
        return SmallTalk(()), []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []
    except yaml.YAMLError as exc:
        return SmallTalk(()), [f"{SMALLTALK_FILE}: not valid YAML: {exc}"]
    problems: list[str] = []
    kinds = []
    fillers: set[tuple[str, ...]] = set()
    chatter = Chatter()
    for item in data if isinstance(data, list) else []:
        if isinstance(item, Mapping) and "fillers" in item:
            fillers |= {tuple(fold(str(w)).split()) for w in item["fillers"] or []} - {()}
            continue
        if isinstance(item, Mapping) and "chatter" in item:
            chatter, found = _chatter(item["chatter"])
            problems += found
            continue
        ident = item.get("id") if isinstance(item, Mapping) else None
        words, reply = (item.get("words"), item.get("reply")) if isinstance(item, Mapping) else (None, None)
        if (
            not isinstance(ident, str)
            or not isinstance(words, Mapping)
            or not isinstance(reply, Mapping)
            or any(not isinstance(reply.get(lang), str) or not words.get(lang) for lang in LANGS)
        ):
            problems.append(f"{SMALLTALK_FILE}: item {item!r} needs an id, words and a reply in tr and en")
            continue
        for lang in LANGS:
            problems += [
                f"{SMALLTALK_FILE}: {ident}.{lang}: {issue}" for issue in tghtml.validate(reply[lang], strict=False)
            ]
        phrases = {tuple(fold(str(w)).split()) for lang in LANGS for w in words[lang]}
        kinds.append(SmallTalkKind(ident, tuple(sorted((p for p in phrases if p), key=lambda p: -len(p))), dict(reply)))
    return SmallTalk(tuple(kinds), tuple(sorted(fillers, key=lambda p: -len(p))), chatter), problems


def _chatter(data: object) -> tuple[Chatter, list[str]]:
    """The ``chatter`` item: lists of phrases, words and endings (:mod:`bot.chatter`)."""
    lists: dict[str, list[str]] = {}
    for key in ("phrases", "words", "endings", "ends"):
        value = data.get(key) if isinstance(data, Mapping) else None
        if not isinstance(value, list) or not all(isinstance(v, str) and fold(v) for v in value):
            return Chatter(), [f"{SMALLTALK_FILE}: chatter needs lists of phrases, words, endings and ends"]
        lists[key] = value

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(fold(v).split()) for v in lists[key]}, key=lambda p: (-len(p), p)))

    about_me = data.get("about_me", []) if isinstance(data, Mapping) else []
    if not isinstance(about_me, list) or not all(isinstance(v, str) and len(fold(v).split()) == 1 for v in about_me):
        return Chatter(), [f"{SMALLTALK_FILE}: chatter's about_me needs a list of single words"]
    our_city = data.get("our_city", []) if isinstance(data, Mapping) else []
    if not isinstance(our_city, list) or not all(isinstance(v, str) and fold(v) for v in our_city):
        return Chatter(), [f"{SMALLTALK_FILE}: chatter's our_city needs a list of phrases"]
    lists["our_city"] = our_city
    city_words = data.get("city_words", []) if isinstance(data, Mapping) else []
    if not isinstance(city_words, list) or not all(isinstance(v, str) and fold(v) for v in city_words):
        return Chatter(), [f"{SMALLTALK_FILE}: chatter's city_words needs a list of phrases"]
    lists["city_words"] = city_words
    purposes = data.get("purposes", []) if isinstance(data, Mapping) else []
    if not isinstance(purposes, list) or not all(isinstance(v, str) and len(fold(v).split()) == 1 for v in purposes):
        return Chatter(), [f"{SMALLTALK_FILE}: chatter's purposes needs a list of single words"]
    titled = data.get("titled", {}) if isinstance(data, Mapping) else {}
    sides = [titled.get(side, []) if isinstance(titled, Mapping) else None for side in ("after", "before")]
    if not all(isinstance(v, list) and all(isinstance(w, str) and len(fold(w).split()) == 1 for w in v) for v in sides):
        return Chatter(), [f"{SMALLTALK_FILE}: chatter's titled needs lists of single words, after and before"]
    endings = tuple(sorted({fold(v) for v in lists["endings"]}))
    mine = frozenset(fold(v) for v in about_me)
    ours = phrases("our_city")
    purpose = frozenset(fold(v) for v in purposes)
    head = (phrases("phrases"), phrases("words"), endings, phrases("ends"), mine, ours)
    person = (frozenset(fold(w) for w in sides[0] or ()), frozenset(fold(w) for w in sides[1] or ()))
    return Chatter(*head, city_words=phrases("city_words"), purposes=purpose, titled=person), []
