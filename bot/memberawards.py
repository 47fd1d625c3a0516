"""A member abroad and the Learning City Award: "Dublin 2021'de ödül almıştı değil mi?",
"Did Dublin win an award?".

The facts know the award's years and the winners of the latest round; the research notes
of the member directory say which other members received it ("2021 UNESCO Learning City
Award recipient"). A question about the award that names one such member, and no winner
the facts know, is answered with that member's card, which shows the note and its
source. A member the facts name as a winner (Cork, Glasgow in 2024) is the facts', and a
member whose note says nothing of the award is not answered here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.replies import Reply
from bot.textnorm import fold, terms

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["member_award"]

_AWARD_TERMS = frozenset(terms("ödül award prize"))  # the award's words, as matcher terms
_NOTED = "award"  # what a research note says of a member that received it ("Award recipient")


def member_award(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The card of the one member ``text`` names, when it asks about the award and that
    member's research note says it received it; None otherwise."""
    members = a.members
    if members is None or not _AWARD_TERMS.intersection(terms(text)):
        return None
    tokens = words(text)
    named = {p.key for _, _, found in members.directory.scan(tokens) for p in found if p.kind is PlaceKind.MEMBER}
    if len(named) != 1:
        return None
    member = members.directory.by_id[named.pop()]
    if member.curated or _NOTED not in member.note.lower():
        return None  # Türkiye's members are the content's; a note silent on the award says nothing
    city = tuple(fold(member.city).split())
    if any(city in entity.names for entity in a.understanding.facts.entities):
        return None  # "Did Cork win the award?": a winner the facts know (and Cork's conference)
    return members.members_reply((member,), lang)
