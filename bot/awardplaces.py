"""The Learning City Award by country or region: "Which Korean city won the award in
2019?", "Almanya'dan ödül alan şehir var mı", "Did any African city win?".

The facts name the winners of each round (content/facts.yaml, kind ``award``, field
``winners``, from the member research: a source per city); the member directory knows
each winner's country and UNESCO region. A question about winning the award that names
one country or region, and no city, gets the winners from there that the sources name,
each with its year and a link to its own source, or a plain "none among the winners my
sources name", with the years the award was given and how complete each round's list
is. Türkiye is the content's own answer (``award-turkey``); "how can a German city win
it" asks how to apply, and a year in which no award was given is the facts' "no".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from babel.lists import format_list

from bot import callbacks
from bot.facts import Entity
from bot.lang import Lang
from bot.memberawards import AWARD_KIND, AWARD_TERMS
from bot.members.countries import country_name
from bot.members.directory import Directory, Place, PlaceKind, words
from bot.members.model import TURKIYE, Member
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.textnorm import terms
from bot.tghtml import Html, escape, escape_attr

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["Winner", "place_winners", "winners"]

# Words that ask who won ("kazandı", "alan", "did X win", "winners"), folded prefixes
_WON = ("kazan", "aldi", "almis", "alan", "odullendir")  # folded prefixes (Turkish endings follow)
_WON_EN = frozenset(
    [
        "won", "win", "wins", "winner", "winners", "winning", "received", "receive", "receives", "got",
        "recipient", "recipients", "honoured", "honored",
    ]
)  # fmt: skip
_WINNING = frozenset(["won", "win", "wins", "winner", "winners", "winning", "recipient", "recipients"])  # alone
_HOW = frozenset(["how", "nasil", "nasıl", "should", "can", "could", "icin", "için"])  # how to win it: applying
_CAN = ("kazanabil", "alabil", "basvur", "aday")  # folded prefixes: "may it win", applying, nominating
_WHO = frozenset(
    ["hangi", "hangileri", "which", "who", "kim", "kimler", "kimdi", "winners", "kazananlar", "kazananlari"]
)
# Words of another question about the award: an order, a ranking, the future, a country or a year
_NOT_LATEST = frozenset(
    [
        "most", "fewest", "least", "cok", "fazla", "az", "will", "next", "gelecek", "sonraki", "country", "ulke",
        "year", "yil", "yili", "yilda", "first", "ilk", "often", "kez", "times",
    ]
)  # fmt: skip
_COUNT = frozenset(["kac", "many", "number", "sayisi", "total", "toplam"])  # counts are the facts'
_MANY = frozenset(["many", "often", "much"])  # "how many Korean cities won": a count, still ours
_YEAR = re.compile(r"\b(20[0-9]{2})\b")


@dataclass(frozen=True, slots=True)
class Winner:
    member: Member
    year: int


def winners(a: Assistant, directory: Directory, rounds: list[Entity] | None = None) -> tuple[Winner, ...]:
    """Every award winner the facts name that the directory knows, with its round's year
    (``rounds``: the award's rounds when already read)."""
    found: list[Winner] = []
    for entity in _rounds(a) if rounds is None else rounds:
        year = int(entity.value("year", "en") or 0)
        for name in (entity.value("winners", "en") or "").split(","):
            member = _member(directory, name.strip(), year)
            if member is not None:
                found.append(Winner(member, year))
    return tuple(found)


def place_winners(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The award's winners from the one country or region ``text`` names, when it asks
    who won; None otherwise."""
    members = a.members
    if members is None:
        return None
    tokens = words(text)
    folded = [w.text for w in tokens]
    if not any(w.startswith(_WON) or w in _WON_EN for w in folded):
        return None
    if not AWARD_TERMS.intersection(terms(text)) and not any(w.startswith("kazan") or w in _WINNING for w in folded):
        return None  # "aldı", "received" ask about the award only with its name; "win", "kazandı" alone do
    if any(w.startswith(_CAN) for w in folded):
        return None  # "Almanya'dan bir şehir ödül kazanabilir mi?": whether it may, which is applying
    how = [i for i, w in enumerate(folded) if w in _HOW]
    if any(i + 1 >= len(folded) or folded[i + 1] not in _MANY for i in how):
        return None  # "How can a German city win the award?": applying, not the winners
    places = [p for _, _, found in members.directory.scan(tokens) for p in found]
    if not places:
        return _latest_winners(a, folded, text, lang)  # "Hangi şehirler ödül aldı?": the latest round's
    place = _one_place(places)
    if place is None:
        return None
    rounds = _rounds(a)
    years = sorted({int(e.value("year", "en") or 0) for e in rounds})
    asked = {int(y) for y in _YEAR.findall(text)}
    if asked - set(years) or len(asked) > 1:
        return None  # "2018'de Almanya'dan ödül alan": no award that year (the facts say so)
    chosen = [
        w
        for w in winners(a, members.directory, rounds)
        if (not asked or w.year in asked) and _in_place(w.member, place)
    ]
    return _reply(a, place, chosen, rounds, asked, years, lang)


def _latest_winners(a: Assistant, folded: list[str], text: str, lang: Lang) -> Reply | None:
    """ "Hangi şehirler ödül aldı?", "Who won the Learning City Award?" (no year, no place,
    no count): the latest round's winners, with the earlier rounds a year away."""
    if not _WHO.intersection(folded) or _YEAR.search(text) or _COUNT.intersection(folded):
        return None
    if not AWARD_TERMS.intersection(terms(text)) or _NOT_LATEST.intersection(folded):
        return None  # "who won the Champions League"; "which year had the most winners", "who will win next"
    rounds = _rounds(a)
    latest = rounds[-1] if rounds else None
    if latest is None or not a.has_entry(latest.card):
        return None
    earlier = [e for e in rounds if e is not latest]
    reply = a.entry_reply(latest.card, lang)
    if not earlier or not reply.messages:
        return reply
    items = format_list([f"{e.value('year', 'en')} ({e.value('winners_count', 'en')})" for e in earlier], locale=lang)
    note = a.render.msg("award_earlier_rounds", lang, rounds=items)
    return replace(reply, messages=(*reply.messages[:-1], Html(reply.messages[-1] + "\n\n" + note)))


def _reply(
    a: Assistant,
    place: Place,
    chosen: list[Winner],
    rounds: list[Entity],
    asked: set[int],
    years: list[int],
    lang: Lang,
) -> Reply:
    """The winners found (or none), with how complete the sources' lists are."""
    msg = a.render.msg
    where = _place_name(a, place, lang)
    which = f"{min(asked)} " if asked else ""
    if chosen:
        by_city: dict[Member, list[int]] = {}
        for w in chosen:
            by_city.setdefault(w.member, []).append(w.year)
        items = Html(", ").join(_linked(m, years_won, asked) for m, years_won in by_city.items())
        body = msg("award_place_winners", lang, which=which, place=where, count=len(by_city), items=items)
    else:
        given = format_list([str(y) for y in years], locale=lang)
        body = msg("award_place_none", lang, which=which, place=where, years=given)
    for entity in rounds:
        year = int(entity.value("year", "en") or 0)
        named = len([n for n in (entity.value("winners", "en") or "").split(",") if n.strip()])
        count = int(entity.value("winners_count", "en") or named)
        if named < count and (not asked or year in asked):
            body += Html(" ") + msg("award_place_partial", lang, year=year, count=count, named=named)
    body += Html(" ") + msg("award_place_more", lang)
    entry = _card(a, chosen, rounds)
    buttons = ((Button(a.title(entry, lang), data=callbacks.entry(entry)),), (a.menu_button(lang),))
    return reply_of(body, lang, kind=ReplyKind.ANSWER, buttons=buttons, entry_id=entry, score=100.0)


def _linked(member: Member, years: list[int], asked: set[int]) -> Html:
    """A winner's name, linked to its own source, with the years it won (unless one was asked)."""
    name = escape(member.city)
    if member.source:
        name = Html(f'<a href="{escape_attr(member.source)}">{name}</a>')
    if asked:
        return Html(f"<b>{name}</b>")
    return Html(f"<b>{name}</b> ({', '.join(str(y) for y in years)})")


def _card(a: Assistant, chosen: list[Winner], rounds: list[Entity]) -> str:
    """The card of the latest round among the winners that has a card of its own (the
    2024 winners'); else one winner's member card; else the award's."""
    kind = a.understanding.facts.kinds.get(AWARD_KIND)
    every = kind.cards.get("all") if kind is not None else None
    won = {w.year for w in chosen}
    own = [e.card for e in rounds if int(e.value("year", "en") or 0) in won and e.card != every]
    if own:
        return own[-1]
    cities = {w.member.entry_id for w in chosen}
    if len(cities) == 1 and a.has_answer(next(iter(cities))):
        return cities.pop()
    return every or rounds[-1].card


def _rounds(a: Assistant) -> list[Entity]:
    facts = a.understanding.facts
    if AWARD_KIND not in facts.kinds:
        return []
    held = [e for e in facts.of_kind(AWARD_KIND) if not e.upcoming and e.value("winners", "en")]
    return sorted(held, key=lambda e: int(e.value("year", "en") or 0))


def _member(directory: Directory, name: str, year: int) -> Member | None:
    """The member a winner's name stands for; of several, the one whose note names the award that year."""
    found = {p.key for _, _, places in directory.scan(words(name)) for p in places if p.kind is PlaceKind.MEMBER}
    chosen = [directory.by_id[k] for k in sorted(found)]
    if len(chosen) > 1:
        chosen = [m for m in chosen if str(year) in m.note and "award" in m.note.lower()]
    return chosen[0] if len(chosen) == 1 else None


def _one_place(places: list[Place]) -> Place | None:
    """The one country or region named, when no city (a member or a province) is."""
    if any(p.kind in (PlaceKind.MEMBER, PlaceKind.PROVINCE) for p in places):
        return None
    chosen = {p for p in places if p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION)}
    if len(chosen) != 1:
        return None
    place = chosen.pop()
    return None if place.kind is PlaceKind.COUNTRY and place.key == TURKIYE else place


def _in_place(member: Member, place: Place) -> bool:
    return member.country == place.key if place.kind is PlaceKind.COUNTRY else member.region == place.key


def _place_name(a: Assistant, place: Place, lang: Lang) -> str:
    assert a.members is not None
    if place.kind is PlaceKind.COUNTRY:
        return country_name(place.key, lang)
    return a.members.directory.regions[place.key].name[lang]
