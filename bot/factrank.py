"""Superlatives over a field of a kind: "en uzun konferans" (the most days), "hangi yıl en
çok şehir ödül aldı" (the most winners), "which conference had the most participants".

A kind's ``superlatives`` (content/facts.yaml) name a numeric field and the words that
ask for its most or least. The question must name the kind ("konferans", "ödül"). The
answer is the thing with the extreme value, or every thing that shares it; when the
field is not known for every thing, an honest "only these are known, so I cannot say"
(``partial``); when the words ask a ranking the field does not give ("en çok ödül alan
ülke": the content counts winners per year, not per country), ``otherwise``. Used by
:mod:`bot.factfinder`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factorder import card_for, ordered
from bot.facts import Attribute, Entity, FactBase, Kind, Superlative
from bot.phrases import PhraseIndex
from bot.textnorm import STOPWORDS
from bot.tghtml import Html, escape

__all__ = ["Ranked", "Ranking", "Ranks"]

_Key = tuple[str, int]  # (kind id, superlative index)


@dataclass(frozen=True, slots=True)
class Ranked:
    """A superlative a question asks: its kind, which one, and the tokens it explains."""

    kind: Kind
    superlative: Superlative
    used: frozenset[int]


@dataclass(frozen=True, slots=True)
class Ranks:
    """The answer: the thing to offer, the text, and whether it is an honest "not known"."""

    entity: Entity
    html: Html
    missing: bool


class Ranking:
    """Finds and answers the superlatives of a :class:`FactBase`."""

    def __init__(
        self,
        facts: FactBase,
        kind_words: PhraseIndex[str],
        excludes: PhraseIndex[str],
        attribute_words: PhraseIndex[tuple[int, Attribute]],
        is_known: Callable[[str], bool],
        skip: frozenset[str] = frozenset(),
    ) -> None:
        """The finder's indexes of the words that name kinds, that exclude them and that
        ask attributes; ``is_known``: whether the content knows a word; ``skip``: words
        that say nothing here (the follow-up words)."""
        self.facts = facts
        self._kind_words, self._excludes, self._attribute_words = kind_words, excludes, attribute_words
        self._is_known, self._skip = is_known, skip
        self._words = PhraseIndex(
            (phrase, (kind.id, i))
            for kind in facts.kinds.values()
            for i, superlative in enumerate(kind.superlatives)
            for phrase in superlative.words
        )
        self._requires = {
            (kind.id, i): PhraseIndex((p, None) for p in superlative.requires)
            for kind in facts.kinds.values()
            for i, superlative in enumerate(kind.superlatives)
        }
        # a kind that must be named with one of its words ("Türk", "Turkish" for Türkiye's members)
        self._kind_requires = {
            kind.id: PhraseIndex((p, None) for p in kind.requires) for kind in facts.kinds.values() if kind.requires
        }

    def fact(self, tokens: list[str], lang: str) -> FactAnswer | None:
        """The answer to a superlative over a field, when every other word of the question
        is one the content knows."""
        excluded = {kind for _, _, kind in self._excludes.find(tokens)}
        named: dict[str, set[int]] = {}
        for s, e, kind_id in self._kind_words.find(tokens):
            if kind_id not in excluded:
                named.setdefault(kind_id, set()).update(range(s, e))
        for kind_id, required in self._kind_requires.items():
            spans = [range(s, e) for s, e, _ in required.find(tokens)]
            if kind_id in named and not spans:
                del named[kind_id]  # "en çok şehir hangi yıl katıldı": the network's rounds, not Türkiye's
            elif kind_id in named:
                named[kind_id].update(i for span in spans for i in span)
        found = self.read(tokens, named)
        if found is None:
            return None
        asked = {i for s, e, _ in self._attribute_words.find(tokens) for i in range(s, e)}
        rest = [t for i, t in enumerate(tokens) if i not in found.used and i not in asked]
        if any(t not in STOPWORDS and t not in self._skip and not self._is_known(t) for t in rest):
            return None
        ranks = self.answer(found, tokens, lang)
        if ranks is None:
            return None
        entity, attribute = ranks.entity, found.superlative.attribute
        card = card_for(found.kind, entity, attribute, None)
        topic = Topic(entity.kind, entity.id, attribute, lang)
        return FactAnswer(entity, attribute, ranks.html, card, topic, missing=ranks.missing)

    def read(self, tokens: list[str], named: Mapping[str, set[int]]) -> Ranked | None:
        """The superlative ``tokens`` ask, of one of the kinds ``named`` (kind id -> the
        tokens that name it); None when there is none, or two of the same length."""
        found = [(s, e, key) for s, e, key in self._words.find(tokens) if key[0] in named]
        if not found:
            return None
        longest = max(e - s for s, e, _ in found)
        best = {key: (s, e) for s, e, key in found if e - s == longest}
        if len(best) != 1:
            return None
        (kind_id, index), (start, end) = next(iter(best.items()))
        used = set(range(start, end)) | named[kind_id]
        for s, e, _ in self._requires[(kind_id, index)].find(tokens):
            used.update(range(s, e))
        kind = self.facts.kinds[kind_id]
        return Ranked(kind, kind.superlatives[index], frozenset(used))

    def answer(self, ranked: Ranked, tokens: Sequence[str], lang: str) -> Ranks | None:
        superlative, kind = ranked.superlative, ranked.kind
        templates = superlative.templates
        things = ordered(self.facts, kind)
        if not things:
            return None
        index = kind.superlatives.index(superlative)
        if superlative.requires and not self._requires[(kind.id, index)].has(list(tokens)):
            text = templates.get("otherwise")
            return Ranks(things[-1], Html(text[lang]), True) if text else None
        known = [e for e in things if (e.value(superlative.field, "en") or "").isdigit()]
        if len(known) < len(things):
            text = templates.get("partial")
            if text is None or not known:
                return None
            return Ranks(known[0], self._fill(text[lang], known, lang, superlative), True)
        values = {e.id: int(e.value(superlative.field, "en") or 0) for e in known}
        extreme = max(values.values()) if superlative.most else min(values.values())
        top = [e for e in known if values[e.id] == extreme]
        if len(top) == 1:
            return Ranks(top[0], top[0].render(templates["one"], lang), False)
        text = templates.get("tie")
        return Ranks(top[0], self._fill(text[lang], top, lang, superlative, extreme), False) if text else None

    @staticmethod
    def _fill(text: str, things: Sequence[Entity], lang: str, superlative: Superlative, value: int = 0) -> Html:
        items = ", ".join(dict.fromkeys(e.render(superlative.templates["item"], lang) for e in things))  # once each
        filled = text.replace("{items}", items).replace("{count}", str(len(things)))
        return Html(filled.replace("{value}", escape(str(value))))
