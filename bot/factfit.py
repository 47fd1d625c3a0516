"""Whether a fact the finder read fits what the question asks about: checks that drop a
reading of :mod:`bot.factfinder` that answers another thing than the one asked
("Almanya'da kaç tane üye şehir var?" is no question about the network's size).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.conversation import Topic
from bot.factfinder import FactAnswer
from bot.facts import FactBase
from bot.members.directory import TURKIYE, Directory, PlaceKind, words
from bot.phrases import PhraseIndex
from bot.textnorm import fold_question

__all__ = ["asks_of_a_country", "asks_of_elsewhere", "kind_asked", "said"]

_HOW_MANY = frozenset(["kac", "many"])


def said(name: tuple[str, ...], tokens: list[str]) -> bool:
    """Whether the words of ``name`` stand in ``tokens`` in a row (each perhaps with an ending)."""
    n = len(name)
    spans = (tokens[i : i + n] for i in range(len(tokens) - n + 1))
    return any(all(t.startswith(w) for t, w in zip(span, name, strict=True)) for span in spans)


def asks_of_elsewhere(names_in: Callable[[str], list[str]], text: str, found: FactAnswer) -> bool:
    """Whether a follow-up read as the last thing's asks how many of a place that thing
    is not ("türkiyeden kaç tane" after the network's count)."""
    folded = fold_question(text)
    if not _HOW_MANY & set(folded.split()):
        return False  # "where is it based, Hamburg right?": a place checked, "kaçıncı Türk üyesi": a rank
    names = set(found.entity.names)
    return any(tuple(n.split()) not in names for n in names_in(folded))


def asks_of_a_country(places: Directory | None, text: str, found: FactAnswer) -> bool:
    """Whether a count the facts found by its kind alone asks of a country or region abroad
    ("Almanya'da kaç tane üye şehir var?" asks Germany's members, not the network's size)."""
    tokens = fold_question(text).split()
    if places is None or not _HOW_MANY & set(tokens) or any(said(n, tokens) for n in found.entity.names):
        return False
    kinds = (PlaceKind.COUNTRY, PlaceKind.REGION)
    return any(p.kind in kinds and p.key != TURKIYE for _, _, named in places.scan(words(text)) for p in named)


def kind_asked(
    facts: FactBase, kind_words: PhraseIndex[str], found: FactAnswer, text: str, context: Topic | None
) -> bool:
    """Whether a thing of a kind named by others' names (the award's rounds, by their
    winners) is asked about: a word of its kind, or the chat is about it."""
    kind, tokens = facts.kinds[found.entity.kind], fold_question(text).split()
    if not kind.named_by_others:
        return True
    if context is not None and context.kind == kind.id:
        # "ne zaman üye oldu?" after "Doha ödül aldı mı?": the winner's membership, not the award's
        named = {k for _, _, k in kind_words.find(tokens)}
        return not context.name or not named or kind.id in named
    if not any(said(name, tokens) for name in found.entity.names):
        return True  # found by what is asked of its kind ("şartları", a year), not by a name
    return any(k == kind.id for _, _, k in kind_words.find(tokens))
