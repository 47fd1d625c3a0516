"""A follow-up that asks whether a place is among the last answer's winners.

"Who won the 2024 award?" >> "was Cork among them?", "Glasgow da aralarında mı?", "any from
Korea among them?", "aralarında Türk şehri var mı?": the chat's last thing is an award
round whose ``winners`` the facts list; the follow-up names a city or a country and asks
whether it is one of them. Yes or no, from that list (a country by its members in the
directory); a question about Türkiye gets the FAQ's answer on Turkish cities and the award.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import callbacks
from bot.conversation import Topic
from bot.lang import Lang
from bot.memberawards import AWARD_TURKEY
from bot.members.countries import country_name
from bot.members.directory import TURKIYE, PlaceKind, words
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.textnorm import fold, fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["among_the_last"]

_AMONG = frozenset(["among", "aralarinda", "arasinda", "icinde", "included", "amongst"])
_ONE_OF = (("one", "of", "them"), ("one", "of", "the", "winners"), ("biri", "mi"), ("biri", "miydi"))
_WINNERS = "winners"  # the field of an award round that lists its winners


def among_the_last(a: Assistant, text: str, context: Topic, lang: Lang) -> Reply | None:
    """Whether the place ``text`` names is among the last round's winners; None for another question."""
    tokens = fold_question(text).split()
    if not (_AMONG.intersection(tokens) or any(_has(tokens, p) for p in _ONE_OF)) or a.members is None:
        return None
    entity = next((e for e in a.understanding.facts.entities if e.id == context.entity), None)
    listed = entity.value(_WINNERS, "en") if entity is not None else None
    if entity is None or not listed:
        return None
    winners = [w.strip() for w in listed.split(",") if w.strip()]
    directory = a.members.directory
    found = [p for _, _, places in directory.scan(words(text)) for p in places]
    countries = {p.key for p in found if p.kind is PlaceKind.COUNTRY}
    cities = {p.key for p in found if p.kind is PlaceKind.MEMBER}
    if len(countries) + len(cities) != 1:
        return None
    if countries == {TURKIYE} and AWARD_TURKEY in a.content.faq:
        return a.entry_reply(AWARD_TURKEY, lang)  # "aralarında Türk şehri var mı?"
    year = entity.value("year", lang) or ""
    if cities:
        member = directory.by_id[cities.pop()]
        name = member.city
        yes = any(fold(w).startswith(fold(name.split(" (")[0])) for w in winners)
        key = "among_winners_yes" if yes else "among_winners_no"
    else:
        code = countries.pop()
        name = country_name(code, lang)
        ours = [w for w in winners if any(m.country == code for m in directory.find_members(w, fuzzy=False))]
        key = "among_winners_country" if ours else "among_winners_no"
        if ours:
            return _reply(a, key, lang, entity.card, name=name, year=year, cities=", ".join(ours), winners=listed)
    return _reply(a, key, lang, entity.card, name=name, year=year, cities="", winners=listed)


def _reply(a: Assistant, key: str, lang: Lang, card: str, **values: str) -> Reply:
    body = a.render.msg(key, lang, **values)
    buttons = ((Button(a.title(card, lang), data=callbacks.entry(card)),), (a.menu_button(lang),))
    return reply_of(body, lang, kind=ReplyKind.ANSWER, buttons=buttons, entry_id=card, score=100.0)


def _has(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1))
