"""A member abroad and the Learning City Award: "Dublin 2021'de ödül almıştı değil mi?",
"Did Dublin win an award?".

The facts know the award's years and the winners of the latest round; the research notes
of the member directory say which other members received it ("2021 UNESCO Learning City
Award recipient"). A question about the award that names one such member, and no winner
the facts know, is answered with that member's card, which shows the note and its
source. A winner the facts know (Cork, Doha, Glasgow in 2024) is the facts', and a
member whose note says nothing of the award is not answered here. Whether a city of
Türkiye (a member or a province) won it ("Did Istanbul win the 2024 award?", "2024
ödülünü Konya kazanmadı mı?") is the content's answer about Türkiye and the award.
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
_AWARD_KIND = "award"  # the facts' kind of the award's rounds
AWARD_TURKEY = "award-turkey"  # "Has a Turkish city won?" (content/faq.yaml)
# Words that ask whether it was won ("kazandı mı", "aldı mı", "did X win"), not how to apply
_WON = ("kazan", "aldi", "almis", "almadi", "alabildi", "won", "win", "received", "got", "recipient")


def _a_known_winner(a: Assistant, city: str) -> bool:
    """Whether the facts answer ``city``'s award themselves: it names one of their rounds
    (Doha, Glasgow in 2024; Espoo in 2015), or is a winner of a round with a card of its
    own (Cork, in the 2024 winners' card). A winner only in the list of an earlier round
    (Dublin, 2021) is the member card's, which gives its note and source."""
    name = tuple(fold(city).split())
    facts = a.understanding.facts
    every = facts.kinds[_AWARD_KIND].cards.get("all") if _AWARD_KIND in facts.kinds else None
    for entity in facts.of_kind(_AWARD_KIND):
        winners = [tuple(fold(w).split()) for w in (entity.value("winners", "en") or "").split(",")]
        if name in entity.names or (name in winners and entity.card != every):
            return True
    return False


def member_award(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The card of the one member ``text`` names, when it asks about the award and that
    member's research note says it received it; None otherwise."""
    members = a.members
    if members is None or not _AWARD_TERMS.intersection(terms(text)):
        return None
    tokens = words(text)
    found = [p for _, _, places in members.directory.scan(tokens) for p in places]
    named = {p.key for p in found if p.kind is PlaceKind.MEMBER}
    provinces = {p.key for p in found if p.kind is PlaceKind.PROVINCE}
    if len(named) + len(provinces) != 1:
        return None
    member = members.directory.by_id[named.pop()] if named else None
    city = member.city if member else provinces.pop()
    if _a_known_winner(a, city):
        return None  # "Did Cork win an award?", "Doha ödül aldı mı?": a winner the facts know
    if member is None or member.curated:  # "Did Istanbul win the 2024 award?", "2024 ödülünü Konya kazanmadı mı?"
        won = any(w.text.startswith(_WON) for w in tokens)
        return a.entry_reply(AWARD_TURKEY, lang) if won and AWARD_TURKEY in a.content.faq else None
    if _NOTED not in member.note.lower():
        return None  # a note silent on the award says nothing
    return members.members_reply((member,), lang)
