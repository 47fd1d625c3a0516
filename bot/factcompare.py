"""Questions that ask which of two (or more) things of one ordered kind came first:
"Which came first, the Cork conference or the Medellín one?", "Yeonsu konferansı mı önce
Jubail mi?", "Pekin Bildirgesi mi daha eski Medellín Manifestosu mu?".

The question names at least two things of the same kind, that kind has an order, it has a
word of earlier or later ("önce", "ilk", "first", "earlier", "later", "eski", "newer") and
the shape of a choice: "or", "veya", "yoksa", "ya da", two question particles ("X *mı*
önce Y *mi*"), or "before"/"after" between the two ("Was the Beijing conference before
the Mexico one?"). The answer gives each of them in the kind's order, each in its kind's own
sentence (its place in the order, else its date), with the kind's whole list a tap away
(its ``all`` card). A single particle ("Cork'tan sonraki konferans Medellín mi?") is a
check of the one after, which :mod:`bot.factfinder` reads. Used by :mod:`bot.factfinder`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factpairs import PARTICLES
from bot.facts import Entity, FactBase
from bot.phrases import PhraseIndex
from bot.tghtml import Html

__all__ = ["compared"]

_MAX_WORDS = 18
_MAX_THINGS = 4
# Folded words that ask which came earlier or later
_ORDER_WORDS = frozenset(
    [
        *("once", "ilk", "ilki", "first", "earlier", "before", "sonra", "later", "eski", "older", "newer", "erken"),
        *("oldest", "earliest", "newest", "yeni", "eskisi", "onceydi", "sonraydi", "preceded"),
    ]
)
_OR_WORDS = frozenset(["or", "veya", "yoksa", "yahut", "versus", "vs"])
_BETWEEN_EN = frozenset(["before", "after", "prior", "preceded", "followed"])
_AFTER_TR = frozenset(["once", "sonra", "oncesinde", "sonrasinda"])
_TEMPLATES = ("rank", "when", "year")  # the sentence that places each thing, most telling first


def compared(facts: FactBase, names: PhraseIndex[Entity], tokens: list[str], lang: str) -> FactAnswer | None:
    """The things ``tokens`` compare by their order, earliest first; None when the question
    names fewer than two things of one ordered kind or asks no choice between them."""
    if len(tokens) > _MAX_WORDS or not _ORDER_WORDS & set(tokens):
        return None
    chosen: list[tuple[int, int, Entity]] = []
    for start, end, entity in sorted(names.find(tokens), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, entity))
    chosen.sort(key=lambda c: c[0])
    if len(chosen) < 2 or not (_a_choice(tokens) or _before_after(tokens, chosen[0][1], chosen[1][1])):
        return None
    things = list({entity.id: entity for _, _, entity in chosen}.values())
    if not 2 <= len(things) <= _MAX_THINGS or len({e.kind for e in things}) != 1:
        return None
    kind = facts.kinds[things[0].kind]
    order = kind.order
    if not order or any(e.upcoming or not (e.value(order, "en") or "").isdigit() for e in things):
        return None
    in_order = sorted(things, key=lambda e: int(e.value(order, "en") or 0))
    sentences = []
    for entity in in_order:
        template = next((t for a in _TEMPLATES if (t := entity.template(kind, a)) is not None), None)
        if template is None:
            return None
        sentences.append(entity.render(template, lang))
    first = in_order[0]
    card = kind.cards.get("all", first.card)
    topic = Topic(kind.id, in_order[-1].id, None, lang)  # "ondan sonraki?": after the later one
    return FactAnswer(first, "order", Html(" ".join(sentences)), card, topic, relative=True)


def _before_after(tokens: Sequence[str], first_end: int, second_end: int) -> bool:
    """ "Was the Beijing conference before the Mexico one?" (between the two), "Pekin
    konferansı Cork konferansından önce miydi?" (after the second): whether one was before
    the other. Not "Pekin konferansından sonra Cork konferansı mı yapıldı?": the one
    after Beijing, checked."""
    return bool(_BETWEEN_EN & set(tokens[first_end:second_end]) or _AFTER_TR & set(tokens[second_end:]))


def _a_choice(tokens: Sequence[str]) -> bool:
    """ "X or Y", "X mi Y mi", "X ya da Y": a choice between the things named."""
    if _OR_WORDS & set(tokens):
        return True
    if any(a == "ya" and b == "da" for a, b in pairwise(tokens)):
        return True
    return sum(t in PARTICLES for t in tokens) >= 2
