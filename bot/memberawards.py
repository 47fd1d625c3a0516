"""A member abroad and the Learning City Award: "Dublin 2021'de ödül almıştı değil mi?",
"Did Dublin win an award?".

The facts know the award's years and the winners of the latest round; the research notes
of the member directory say which other members received it ("2021 UNESCO Learning City
Award recipient"). A question about the award that names one such member, and no winner
the facts know, is answered with that member's card, which shows the note and its
source. A winner of one earlier round in the facts' lists (Suwon, 2017: a round with no
card of its own) gets that year and the round's winners, then its card; a winner of the
latest round (Cork, Doha, Glasgow in 2024) is the facts', and a member whose note says
nothing of the award is not answered here. Whether a city of
Türkiye (a member or a province) won it ("Did Istanbul win the 2024 award?", "2024
ödülünü Konya kazanmadı mı?") is the content's answer about Türkiye and the award.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.members.directory import PlaceKind, Word, words
from bot.members.model import Member
from bot.replies import Reply
from bot.textnorm import fold, terms
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["AWARD_KIND", "AWARD_TERMS", "member_award"]

AWARD_TERMS = frozenset(terms("ödül award prize"))  # the award's words, as matcher terms
_AWARD_STEMS = ("odul", "award", "prize")
_WHERE = re.compile(r"\s*\([^)]*\)")  # "(Seoul)" after a member's name: where it is
_NOTED = "award"  # what a research note says of a member that received it ("Award recipient")
AWARD_KIND = "award"  # the facts' kind of the award's rounds
AWARD_TURKEY = "award-turkey"  # "Has a Turkish city won?" (content/faq.yaml)
# Words of how often it was won ("only once", "twice", "tekrar"): every round, also with a year named
_ONLY = frozenset(["only", "once", "twice", "again", "sadece", "yalnizca", "yalniz", "tekrar", "yine", "bir", "iki"])
# What was won, with no award word: "the city won something from UNESCO", "UNESCO'dan bir şey kazanmış"
_SOMETHING = frozenset(["something", "anything", "unesco", "unescodan", "sey", "birsey"])
# Words that ask whether it was won ("kazandı mı", "aldı mı", "did X win"), not how to apply
_WON = ("kazan", "aldi", "almis", "almadi", "alabildi", "won", "win", "received", "got", "recipient", "awarded")


def _name(city: str) -> tuple[str, ...]:
    """A member's name as the award's winners are written: "Eunpyeong-gu (Seoul)" is "Eunpyeong-gu"."""
    return tuple(fold(_WHERE.sub("", city)).split())


def _a_known_winner(a: Assistant, city: str) -> bool:
    """Whether the facts answer ``city``'s award themselves: it names one of their rounds
    (Doha, Glasgow in 2024; Espoo in 2015), or is a winner of a round with a card of its
    own (Cork, in the 2024 winners' card). A winner only in the list of an earlier round
    (Dublin, 2021) is the member card's, which gives its note and source."""
    name = _name(city)
    facts = a.understanding.facts
    every = facts.kinds[AWARD_KIND].cards.get("all") if AWARD_KIND in facts.kinds else None
    for entity in facts.of_kind(AWARD_KIND):
        winners = [tuple(fold(w).split()) for w in (entity.value("winners", "en") or "").split(",")]
        if name in entity.names or (name in winners and entity.card != every):
            return True
    return False


def _asks_its_rounds(tokens: list[Word]) -> bool:
    """Whether a question about a member's award asks for every round it won: whether it
    won, when, how often, only once ("Cork ödül aldı mı?", "Cork hangi yıl ödül aldı?",
    "Cork won the award only once, in 2015?"); not one of its rounds ("Did Cork win in
    2024?": that round says)."""
    said = {w.text for w in tokens}
    # "Did Cork win in 2024?" is that round's, "... in 2018?" no round's; else every round it won
    return not any(w.text[:4].isdigit() for w in tokens) or bool(said & _ONLY)


def _rounds_won(a: Assistant, city: str) -> list[int]:
    """The years of the rounds whose winners in the facts include ``city``."""
    name = _name(city)
    years = []
    for entity in a.understanding.facts.of_kind(AWARD_KIND):
        winners = [tuple(fold(w).split()) for w in (entity.value("winners", "en") or "").split(",")]
        year = entity.fields.get("year")
        if name in winners and isinstance(year, int):
            years.append(year)
    return sorted(years)


def _won_in_rounds(a: Assistant, member: Member, years: list[int], lang: Lang) -> Reply:
    """A member that received the award in several rounds: all of them, then its card
    ("Cork won the award only once, in 2015?": in 2015 and in 2024)."""
    years_before = ", ".join(str(y) for y in years[:-1])
    said = a.render.msg(
        "member_award_rounds", lang, city=member.city, count=len(years), years=years_before, last=years[-1]
    )
    return _on_its_card(a, member, said, lang)


def _on_its_card(a: Assistant, member: Member, said: Html, lang: Lang) -> Reply:
    """``said`` before the member's card."""
    assert a.members is not None
    card = a.members.members_reply((member,), lang)
    first, *rest = card.messages
    return replace(card, messages=(Html(f"{said}\n\n{first}"), *rest))


def _without_a_card(a: Assistant, year: int) -> bool:
    """Whether the award's round of ``year`` has no card of its own (only the award's)."""
    facts = a.understanding.facts
    every = facts.kinds[AWARD_KIND].cards.get("all") if AWARD_KIND in facts.kinds else None
    cards = [e.card for e in facts.of_kind(AWARD_KIND) if e.fields.get("year") == year]
    return bool(cards) and all(card == every for card in cards)


def _won_once(a: Assistant, member: Member, year: int, lang: Lang) -> Reply:
    """A member that received the award in one round without a card of its own: that year
    and its winners, then the member's card."""
    round_ = next(e for e in a.understanding.facts.of_kind(AWARD_KIND) if e.fields.get("year") == year)
    winners = round_.value("winners", lang) or member.city
    said = a.render.msg("member_award_round", lang, city=member.city, year=year, winners=winners)
    return _on_its_card(a, member, said, lang)


def member_award(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The card of the one member ``text`` names, when it asks about the award and that
    member's research note says it received it; None otherwise."""
    members = a.members
    tokens = words(text)
    award = AWARD_TERMS.intersection(terms(text)) or any(w.text.startswith(_AWARD_STEMS) for w in tokens)
    if not award and any(w.text in _SOMETHING for w in tokens):  # "Heraklion won something from UNESCO?"
        award = any(w.text in ("won", "win") or w.text.startswith("kazan") for w in tokens)
    if members is None or not award:  # "ödülü", "ödülünü" too
        return None
    said = {w.text for w in tokens}
    if said & {"kac", "many"} and not said & {"kez", "kere", "defa", "times", "often"}:
        return None  # "... told me about Wyndham. How many got it in 2021?": a round's count, not Wyndham's
    found = [p for _, _, places in members.directory.scan(tokens) for p in places]
    named = {p.key for p in found if p.kind is PlaceKind.MEMBER}
    provinces = {p.key for p in found if p.kind is PlaceKind.PROVINCE}
    if len(named) + len(provinces) != 1:
        return None
    member = members.directory.by_id[named.pop()] if named else None
    city = member.city if member else provinces.pop()
    rounds = _rounds_won(a, city)
    if member is not None and not member.curated and len(rounds) > 1 and _asks_its_rounds(tokens):
        return _won_in_rounds(a, member, rounds, lang)  # "Cork kaç kez ödül aldı?": 2015 and 2024
    if member is not None and not member.curated and len(rounds) == 1 and _without_a_card(a, rounds[0]):
        return _won_once(a, member, rounds[0], lang)  # "Suwon ödül almış mı?": 2017's, on Suwon's card
    if _a_known_winner(a, city):
        return None  # "Did Cork win an award?", "Doha ödül aldı mı?": a winner the facts know
    if member is None or member.curated:  # "Did Istanbul win the 2024 award?", "2024 ödülünü Konya kazanmadı mı?"
        won = any(w.text.startswith(_WON) for w in tokens)
        return a.entry_reply(AWARD_TURKEY, lang) if won and AWARD_TURKEY in a.content.faq else None
    if _NOTED not in member.note.lower():
        return None  # a note silent on the award says nothing
    return members.members_reply((member,), lang)
