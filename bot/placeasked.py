"""The place the question names, not the one the asker's story names.

"Ben Konyalıyım ama İstanbul'da yaşıyorum, İstanbul üye mi?", "Ankara'da doğdum
Eskişehir'de büyüdüm, Eskişehir ne zaman üye oldu?": the message names two places; the
question, its last asking clause, names one of them. When the whole message was answered
with the card of a place named only before the question (Konya, Ankara: where the asker
is from), the question is read alone, and the card of the place it names is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.clauses import asks, clauses
from bot.factpositions import names_an_order
from bot.facts import FactBase
from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.members.model import list_entry_id, province_entry_id
from bot.phrases import PhraseIndex
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["beyond_the_card", "cards_named", "the_place_asked"]


_OTHER_KINDS = ("award", "conference", "document")  # the facts' kinds of things that are not members


def beyond_the_card(a: Assistant, text: str) -> bool:
    """Whether ``text`` asks what a member's card does not say: its place in an order
    ("ilk üyeymiş", "the oldest"), or the award, a conference, a document ("our city won
    some UNESCO prize", "when our city hosted the learning cities conference")."""
    tokens = fold_question(text).split()
    if any(names_an_order(t) for t in tokens):
        return True
    return _other_kinds(a.understanding.facts).has(tokens)


_INDEXES: dict[int, tuple[FactBase, PhraseIndex[None]]] = {}  # the facts' other kinds' words, built once


def _other_kinds(facts: FactBase) -> PhraseIndex[None]:
    """The words of the facts' kinds that are not members ("ödül", "konferans"), indexed once per facts."""
    found = _INDEXES.get(id(facts))
    if found is None or found[0] is not facts:
        kinds = [kind for key, kind in facts.kinds.items() if key in _OTHER_KINDS]
        found = _INDEXES[id(facts)] = (facts, PhraseIndex(((p, None) for k in kinds for p in k.phrases), str.__eq__))
    return found[1]


def cards_named(a: Assistant, text: str) -> set[str]:
    """The entry ids of the cards of the places ``text`` names (a member's card, a
    country's members, a province's "no")."""
    if a.members is None:
        return set()
    directory = a.members.directory
    found: set[str] = set()
    for _, _, places in directory.scan(words(text)):
        for p in places:
            if p.kind is PlaceKind.MEMBER:
                found.add(directory.by_id[p.key].entry_id)
            elif p.kind is PlaceKind.COUNTRY:
                found.add(list_entry_id(country=p.key))
            elif p.kind is PlaceKind.PROVINCE:
                found.add(province_entry_id(p.key))
    return found


def the_place_asked(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The card of the place the last question of ``text`` names, when ``reply`` is the
    card of a place named only before that question; else ``reply``."""
    if reply.kind != ReplyKind.ANSWER or reply.entry_id is None or a.members is None:
        return reply
    parts = clauses(text)
    asking = [p for p in parts if asks(p)]
    if len(parts) < 2 or not asking or asking[-1] == parts[0]:
        return reply
    question = asking[-1]
    asked = cards_named(a, question)
    if not asked or reply.entry_id in asked:
        return reply
    if reply.entry_id not in cards_named(a, text[: text.rfind(question)]):
        return reply  # the answer is no card of a place the story names
    retry = a.ask(question, force_lang=lang or reply.lang)
    return retry if retry.kind == ReplyKind.ANSWER and retry.entry_id in asked else reply
