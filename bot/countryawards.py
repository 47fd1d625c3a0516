"""A country's winners of the Learning City Award: "Which Moroccan cities won the award?",
"Fas'tan hangi şehirler ödül aldı?", "Has any Irish city won the award?", and after a
country's members, "which of them won an award?", "bunlardan ödül alan var mı?".

The facts name each round's winners (2017: 14 of its 16); each winner the member
directory knows has a country. The answer lists that country's winners with their years,
or says none of the named winners is there. The card: the one winner's (a winner of the
latest round is that round's card, as in :mod:`bot.memberawards`), the round's when all
won in one, else the award's. Türkiye is the content's own answer (award-turkey), not
read here. Used by :mod:`bot.memberroute`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.callbacks import entry as entry_data
from bot.conversation import Topic
from bot.lang import Lang
from bot.members.countries import country_name, flag
from bot.members.directory import TURKIYE, PlaceKind, words
from bot.members.model import Member, parse_list_entry_id
from bot.replies import Button, Reply, ReplyKind
from bot.tghtml import Html, escape_attr

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["country_award"]

_AWARD = ("odul", "award", "prize")
_WON = ("kazan", "aldi", "alan", "almis", "won", "win", "received", "got")
_THEM = frozenset(["them", "those", "these", "bunlardan", "onlardan", "bunlarin", "onlarin", "icinden", "any"])
# Whether one may win, or how ("Can a German city win the award?"): the award's rules, not its winners
_RULES = frozenset(["can", "could", "may", "how", "apply", "eligible", "nasil", "sart", "sartlari", "kosul"])
_RULES_TR = ("basvur", "alabilir", "kazanabilir", "almak", "kazanmak", "icin")
_AWARD_KIND = "award"
ALL_ROUNDS = "learning-city-award"  # the award's entry (content/faq.yaml)


def country_award(a: Assistant, text: str, lang: Lang, context: Topic | None) -> Reply | None:
    """The award's winners in the one country ``text`` names (or the chat's last list
    names, for "which of them"); None for any other question."""
    members = a.members
    tokens = words(text)
    said = [t.text for t in tokens]
    if members is None or not any(w.startswith(_AWARD) for w in said) or not any(w.startswith(_WON) for w in said):
        return None
    if set(said) & _RULES or any(w.startswith(_RULES_TR) for w in said):
        return None
    directory = members.directory
    places = [p for _, _, found in directory.scan(tokens) for p in found]
    if any(p.kind in (PlaceKind.MEMBER, PlaceKind.PROVINCE, PlaceKind.REGION) for p in places):
        return None  # a city's award ("Did Dublin win?"), a region's
    countries = {p.key for p in places if p.kind is PlaceKind.COUNTRY}
    if not countries and context is not None and set(said) & _THEM:
        parts = parse_list_entry_id(context.entry)
        countries = {parts[0]} if parts is not None and parts[0] and not parts[1] and not parts[2] else set()
    if len(countries) != 1 or TURKIYE in countries:
        return None
    code = countries.pop()
    won = _winners(a, code)
    years = {int(w[:4]) for w in said if w[:4].isdigit() and len(w) >= 4}
    if years:  # "Which Korean city won the award in 2019?": that round's
        won = [(m, [y for y in ys if y in years]) for m, ys in won if set(ys) & years]
        if not won:
            return None  # the facts say that round's winners
    what = f"{flag(code)} {country_name(code, lang)}"
    if won:
        items = ", ".join(f"{m.city} ({', '.join(str(y) for y in years)})" for m, years in won)
        body = a.render.msg("members_award_country", lang, what=what, items=items)
    else:
        body = a.render.msg("members_award_country_none", lang, what=what)
    card = _card(a, won)
    entry = a.content.faq.get(card)
    if entry is not None and entry.source:
        body = Html(f'{body}\n\n🔗 <a href="{escape_attr(entry.source)}">{a.render.msg("source_label", lang)}</a>')
    buttons = [(Button(a.title(card, lang), data=entry_data(card)),)] if a.has_answer(card) else []
    buttons.append((a.menu_button(lang),))
    return a._finish(Html(body), lang, kind=ReplyKind.ANSWER, buttons=tuple(buttons), entry_id=card, score=100.0)


def _winners(a: Assistant, code: str) -> list[tuple[Member, list[int]]]:
    """The members of ``code`` among the winners the facts name, each with its years."""
    assert a.members is not None
    directory = a.members.directory
    found: dict[str, tuple[Member, list[int]]] = {}
    for entity in a.understanding.facts.of_kind(_AWARD_KIND):
        year = entity.fields.get("year")
        for name in (entity.value("winners", "en") or "").split(","):
            places = directory.lookup(name.split("(")[0].strip(), fuzzy=False)
            for place in places:
                member = directory.by_id.get(place.key) if place.kind is PlaceKind.MEMBER else None
                if member is not None and member.country == code and isinstance(year, int):
                    found.setdefault(member.id, (member, []))[1].append(year)
    return sorted(found.values(), key=lambda item: (min(item[1]), item[0].city))


def _card(a: Assistant, won: list[tuple[Member, list[int]]]) -> str:
    rounds = {y for _, years in won for y in years}
    cards = {
        entity.fields.get("year"): entity.card
        for entity in a.understanding.facts.of_kind(_AWARD_KIND)
        if entity.fields.get("year") in rounds
    }
    latest = max((e.fields.get("year") for e in a.understanding.facts.of_kind(_AWARD_KIND)), default=None, key=str)
    if len(won) == 1 and latest not in rounds:
        return won[0][0].entry_id  # "which city won for Ethiopia": Bahir Dar's card
    if len(set(cards.values())) == 1:
        return next(iter(cards.values()))  # all in the 2024 round: its winners' card
    return ALL_ROUNDS
