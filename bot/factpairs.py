"""Questions that check a pair of things: "Cork konferansında Pekin Bildirgesi mi kabul
edildi?", "Medellín'de Cork Çağrısı mı yayımlandı?", "was the Mexico City Statement
adopted in Beijing?".

A question that names two things, one of a kind with a ``link`` (a document: the
conference it was adopted at) and one of the kind it links to, asks whether they
belong together. The answer says yes or no, then what is true of the *given* thing
(the one the question takes for granted) and, when it was no, of the other one: "Hayır.
3. konferansta (Cork, 2017) kabul edilen belge: Cork Eylem Çağrısı. Pekin Bildirgesi 1.
konferansta (Pekin) kabul edildi." In Turkish the thing the question particle follows
("Pekin Bildirgesi *mi*") is the one in doubt; otherwise the first thing named is given
(the subject: "was the Mexico City Statement adopted in Beijing?").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factorder import card_for, locate
from bot.facts import Entity, FactBase, Kind
from bot.phrases import PhraseIndex
from bot.tghtml import Html

__all__ = ["PARTICLES", "Pair", "owner_kind", "pair_answer", "pair_fact", "ranked_pair", "read_pair"]

PARTICLES = frozenset(["mi", "mu", "miydi", "muydu", "midir", "mudur", "mis", "mus", "miymis", "muymus"])
_ABOUT = "outcome"  # the attribute whose templates say what belongs to what (adopted at)
_ASKS = frozenset(["outcome", "where", "country", "when", "year", "month", "status"])  # what a pair question may ask


@dataclass(frozen=True, slots=True)
class Pair:
    given: Entity  # taken for granted by the question
    doubted: Entity  # the one the question checks against it
    spans: tuple[tuple[int, int], tuple[int, int]]  # where each is named


def read_pair(facts: FactBase, tokens: Sequence[str], spans: Sequence[tuple[int, int, Entity]]) -> Pair | None:
    """The pair a question checks, from the names found in it (longest first, not
    overlapping): exactly two things, one linked to the other's kind; None otherwise."""
    things = {entity.id: (start, end, entity) for start, end, entity in _longest(spans)}
    if len(things) != 2:
        return None
    (s1, e1, first), (s2, e2, second) = sorted(things.values(), key=lambda t: t[0])
    if _linked(facts, first, second) is None:
        return None
    doubted_second = e2 < len(tokens) and tokens[e2] in PARTICLES
    doubted_first = e1 < len(tokens) and tokens[e1] in PARTICLES and not doubted_second
    if doubted_first:
        return Pair(second, first, ((s2, e2), (s1, e1)))
    return Pair(first, second, ((s1, e1), (s2, e2)))


def _longest(spans: Sequence[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    """The names found, longest first, none overlapping another, in their order."""
    chosen: list[tuple[int, int, Entity]] = []
    for start, end, entity in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, entity))
    return sorted(chosen)


def ranked_pair(
    facts: FactBase,
    tokens: list[str],
    spans: Sequence[tuple[int, int, Entity]],
    kind_words: PhraseIndex[str],
) -> Pair | None:
    """The pair checked by a linked thing named beside the thing it links to by its rank
    ("The Beijing Declaration came out of the second conference, yes?", "Pekin Bildirgesi
    2. konferansta mı kabul edildi?"): the named thing is given, the one at that rank is
    checked; None unless exactly one linked thing is named and the kind it links to is."""
    named = {entity.id: (start, end, entity) for start, end, entity in _longest(spans)}
    if len(named) != 1:
        return None
    start, end, thing = next(iter(named.values()))
    target = owner_kind(facts, facts.kinds[thing.kind])
    words = [(s, e) for s, e, kind in kind_words.find(tokens) if kind == target and (e <= start or s >= end)]
    if target is None or len(words) != 1:
        return None
    from bot.factpositions import position  # factpositions reads factchecks, which reads this module

    used = set(range(start, end)) | set(range(*words[0]))
    place = position(tokens, used)
    if place is None or place[0] != "rank":
        return None
    other = locate(facts, facts.kinds[target], place)
    if other is None:
        return None
    at = min(i for i in used if i not in range(start, end))
    return Pair(thing, other, ((start, end), (at, max(used) + 1)))


def _linked(facts: FactBase, one: Entity, other: Entity) -> tuple[Entity, Entity] | None:
    """(the linked thing, the thing of the kind it links to), in either order."""
    for thing, target in ((one, other), (other, one)):
        link = facts.kinds[thing.kind].link
        owner = next((e for e in facts.entities if e.id == thing.value(link, "en")), None) if link else None
        if owner is not None and owner.kind == target.kind:
            return thing, target
    return None


def pair_answer(facts: FactBase, pair: Pair, asked: Sequence[str], lang: str) -> Html | None:
    """ "Evet./Hayır." and what is true of the given thing (and of the other, when no);
    None when the question asks something else of them ("teması") or a template is missing."""
    if any(a not in _ASKS for a in asked):
        return None
    found = _linked(facts, pair.given, pair.doubted)
    if found is None:
        return None
    thing, target = found
    link = facts.kinds[thing.kind].link or ""
    yes = thing.value(link, "en") == target.id
    words = facts.confirm.get("yes" if yes else "no")
    parts = [_said(facts, pair.given, lang)] if yes else [_said(facts, e, lang) for e in (pair.given, pair.doubted)]
    if words is None or None in parts:
        return None
    return Html(" ".join([words[lang], *(p for p in parts if p is not None)]))


def _said(facts: FactBase, entity: Entity, lang: str) -> Html | None:
    template = entity.template(facts.kinds[entity.kind], _ABOUT)
    return entity.render(template, lang) if template is not None else None


def pair_fact(facts: FactBase, pair: Pair, asked: Sequence[str], lang: str) -> FactAnswer | None:
    """The answer to a question checking ``pair``, with the given thing's entry to offer."""
    html = pair_answer(facts, pair, asked, lang)
    if html is None:
        return None
    given = pair.given
    card = card_for(facts.kinds[given.kind], given, _ABOUT, None)
    return FactAnswer(given, _ABOUT, html, card, Topic(given.kind, given.id, _ABOUT, lang))


def owner_kind(facts: FactBase, kind: Kind) -> str | None:
    """The kind the things of ``kind`` belong to (a document's conference), if any."""
    if not kind.link:
        return None
    link = kind.link
    owners = {e.id: e for e in facts.entities}
    owner = owners.get(next((e.value(link, "en") or "" for e in facts.of_kind(kind.id)), ""))
    return owner.kind if owner is not None else None
