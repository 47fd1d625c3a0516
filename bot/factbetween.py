"""The things between two others of an ordered kind, of the years from one to another, or the first few.

"2019 ile 2022 arasında Türkiye'den kaç şehir katıldı?", "Hatay'dan sonra ve Bursa'dan
önce hangi şehirler katıldı?", "Which conference came between Mexico City and Medellín?":
the finder reads one year or one thing, and answers about it alone. Here the two ends are
read together: the things of the years from the first to the last (both included), or
those strictly between the two things named, by the kind's order, with their count.
The wording is the kind's ``ranges`` in facts.yaml: ``between_years`` ({first}, {last},
{count}, {items}) and ``between`` ({first}, {last} the two things, {count}, {items}); a
kind without them is not read so. "Türkiye'deki ilk üç öğrenen şehir": the first N, in
the kind's ``firsts`` ({count}, {items}).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factchecks import network_years
from bot.factorder import ordered
from bot.factpositions import ORDINAL_WORDS, RELATIONS, long_ordinal
from bot.facts import Entity, FactBase, Kind
from bot.phrases import PhraseIndex, word_matches
from bot.textnorm import fold_question
from bot.tghtml import Html, escape

__all__ = ["Between"]

_BETWEEN = frozenset(["arasinda", "arasindaki", "arasi", "arasindan", "between"])
_TWO = 2
_FIRST = frozenset(["ilk", "first"])
_NUMBERS = {
    w: n
    for n, words in enumerate(
        ["", "", "iki 2 two", "uc 3 three", "dort 4 four", "bes 5 five", "alti 6 six", "yedi 7 seven"], start=0
    )
    for w in words.split()
}
_GENERIC = frozenset(["sehir", "sehirler", "sehirleri", "il", "ile", "kent", "city", "cities"])  # no kind's own word


class Between:
    """Reads "between" questions of the kinds whose ``ranges`` word them."""

    def __init__(self, facts: FactBase, kind_words: PhraseIndex[str]) -> None:
        self.facts = facts
        self._kind_words = kind_words
        self._names = PhraseIndex((name, e) for e in facts.entities for name in e.names if facts.kinds[e.kind].order)
        self._requires = {k.id: PhraseIndex((p, None) for p in k.requires) for k in facts.kinds.values() if k.requires}

    def answer(self, text: str, lang: str) -> FactAnswer | None:
        """The things between the two ends ``text`` names, or None when it names no such two."""
        tokens = fold_question(text).split()
        firsts = self._firsts(tokens, lang)
        if firsts is not None:
            return firsts
        relations = {label for _, _, label in RELATIONS.find(tokens)}
        if not _BETWEEN.intersection(tokens) and relations != {"after", "before"}:
            return None  # "arasında", "between", or "X'ten sonra ve Y'den önce"
        years = sorted(set(network_years(tokens)))
        named = list({e.id: e for _, _, e in self._names.find(tokens)}.values())
        if len(years) == _TWO and not named:
            return self._years(tokens, years[0], years[1], lang)
        if len(named) == _TWO and not years and named[0].kind == named[1].kind:
            return self._things(named[0], named[1], lang, tokens)
        return None

    def gap(self, text: str, lang: str) -> FactAnswer | None:
        """ "Beşinci konferans dördüncüden kaç yıl sonra yapıldı?", "En eski Türk üyesiyle en
        yeni Türk üyesi arasında kaç yıl var?", "How many years between the first and the last
        conference?": the years from one thing to another of a kind whose ``ranges`` word
        ``gap``; None when the question asks no such years of two such things."""
        tokens = fold_question(text).split()
        if not _asks_years(tokens):
            return None
        kinds = [k for k in self._named_kinds(tokens) if "gap" in self.facts.kinds[k].ranges]
        named = list({e.id: e for _, _, e in self._names.find(tokens)}.values())
        kind_ids = {e.kind for e in named} or set(kinds)
        if len(kind_ids) != 1:
            return None
        kind = self.facts.kinds[kind_ids.pop()]
        things = ordered(self.facts, kind)
        template = kind.ranges.get("gap")
        if template is None or not things:
            return None
        ends = [*named, *(things[n - 1] for n in _ordinals(tokens) if 0 < n <= len(things))]
        ends += [things[0]] * _count(tokens, _EARLIEST) + [things[-1]] * _count(tokens, _LATEST)
        ends = list({e.id: e for e in ends}.values())
        if len(ends) != _TWO:
            return None
        low, high = sorted(ends, key=lambda e: (_year(e), _order(e, kind)))
        text = template[lang] if lang in template else template["en"]
        values = {"{first}": _label(low, lang), "{last}": _label(high, lang), "{years}": str(_year(high) - _year(low))}
        values |= {"{first_year}": str(_year(low)), "{last_year}": str(_year(high))}
        for key, value in values.items():
            text = text.replace(key, escape(value))
        card = kind.cards.get("all", high.card)
        return FactAnswer(high, "gap", Html(text), card, Topic(kind.id, high.id, None, lang), relative=True)

    def _firsts(self, tokens: list[str], lang: str) -> FactAnswer | None:
        """ "Türkiye'deki ilk üç öğrenen şehir", "the first two conferences": the first N of a
        kind whose ``ranges`` has ``firsts`` (a year shared at the cut is kept whole)."""
        at = next((i for i, t in enumerate(tokens[:-1]) if t in _FIRST and tokens[i + 1] in _NUMBERS), None)
        if at is None:
            return None
        kinds = [self.facts.kinds[k] for k in self._named_kinds(tokens, generic=True)]
        kinds = [k for k in kinds if "firsts" in k.ranges]
        if len(kinds) != 1:
            return None
        kind, wanted = kinds[0], _NUMBERS[tokens[at + 1]]
        things = ordered(self.facts, kind)
        if wanted >= len(things):
            return None
        cut = _order(things[wanted - 1], kind)
        chosen = [e for e in things[:wanted]] + [e for e in things[wanted:] if _order(e, kind) == cut]
        return self._answer(kind, kind.ranges["firsts"], chosen, "", "", lang)

    def _named_kinds(self, tokens: list[str], *, required: bool = True, generic: bool = False) -> dict[str, None]:
        """The kinds ``tokens`` name by a word of their own (not only "şehir", "city", unless
        ``generic``), with the words each requires (unless not ``required``: the things
        named are of it)."""
        found = self._kind_words.find(tokens)
        ids = dict.fromkeys(k for s, e, k in found if generic or not _GENERIC.issuperset(tokens[s:e]))
        return {k: None for k in ids if not required or k not in self._requires or self._requires[k].has(tokens)}

    def _years(self, tokens: list[str], first: int, last: int, lang: str) -> FactAnswer | None:
        kinds = [self.facts.kinds[k] for k in self._named_kinds(tokens)]
        kinds = [k for k in kinds if "between_years" in k.ranges]
        if len(kinds) != 1:
            return None
        kind = kinds[0]
        chosen = [e for e in ordered(self.facts, kind) if first <= _year(e) <= last]
        return self._answer(kind, kind.ranges["between_years"], chosen, str(first), str(last), lang)

    def _things(self, one: Entity, other: Entity, lang: str, tokens: list[str]) -> FactAnswer | None:
        kind = self.facts.kinds[one.kind]
        template = kind.ranges.get("between")
        if template is None or kind.id not in self._named_kinds(tokens, required=False):
            return None  # "Konya ile Ankara arasında kaç km var?": no question about members
        low, high = sorted((one, other), key=lambda e: _order(e, kind))
        chosen = [e for e in ordered(self.facts, kind) if _order(low, kind) < _order(e, kind) < _order(high, kind)]
        return self._answer(kind, template, chosen, _label(low, lang), _label(high, lang), lang)

    def _answer(
        self, kind: Kind, template: Mapping[str, str], chosen: list[Entity], first: str, last: str, lang: str
    ) -> FactAnswer | None:
        anchor = chosen[0] if chosen else None
        if anchor is None:
            return None  # nothing between: the finder's reading of either end says more
        item = kind.ranges.get("between_item")
        shown = [e.render(item, lang) if item else escape(_label(e, lang)) for e in chosen]
        text = template[lang] if lang in template else template["en"]
        values = {"{first}": escape(first), "{last}": escape(last), "{count}": str(len(chosen))}
        values["{items}"] = ", ".join(shown)
        for key, value in values.items():
            text = text.replace(key, value)
        card = chosen[0].card if len(chosen) == 1 else kind.cards.get("group", kind.cards.get("all", anchor.card))
        return FactAnswer(anchor, "between", Html(text), card, Topic(kind.id, anchor.id, None, lang), relative=True)


_YEARS = frozenset(["yil", "yillik", "sene", "senelik", "years", "year"])
_EARLIEST = (("ilk",), ("birinci",), ("first",), ("oldest",), ("earliest",), ("en", "eski"), ("en", "erken"))
_LATEST = (("son",), ("sonuncu",), ("last",), ("latest",), ("newest",), ("en", "yeni"), ("en", "son"))


def _asks_years(tokens: list[str]) -> bool:
    """Whether ``tokens`` ask how many years: "kaç yıl", "kaç sene", "how many years"."""
    return any(a in ("kac", "many") and b.startswith(tuple(_YEARS)) for a, b in pairwise(tokens))


def _ordinals(tokens: list[str]) -> list[int]:
    """The ordinals ``tokens`` hold ("beşinci", "dördüncüden", "5.", "fifth"), in order."""
    found = []
    for token in tokens:
        number = ORDINAL_WORDS.get(token.rstrip(".")) if not token.endswith(".") else None
        if token.endswith(".") and token[:-1].isdigit():
            number = int(token[:-1])
        number = number or (long_ordinal(token) if len(token) > 4 else None)
        if number and number > 1:  # the first is an end of its own ("ilk", "first")
            found.append(number)
    return found


def _count(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many times (0 or 1) one of ``phrases`` starts a word run of ``tokens``."""
    for phrase in phrases:
        n = len(phrase)
        spans = (tokens[i : i + n] for i in range(len(tokens) - n + 1))
        if any(all(word_matches(t, w) for t, w in zip(span, phrase, strict=True)) for span in spans):
            return 1  # "en eskisiyle", "en yeni"; not "sonra" for "son"
    return 0


def _order(entity: Entity, kind: Kind) -> int:
    value = entity.value(kind.order or "", "en") or "0"
    return int(value) if value.isdigit() else 0


def _year(entity: Entity) -> int:
    value = entity.value("year", "en") or "0"
    return int(value) if value.isdigit() else 0


def _label(entity: Entity, lang: str) -> str:
    """A thing's name as a list shows it: a city's name, a conference's host city."""
    return entity.value("name", lang) or entity.value("city", lang) or entity.id
