"""Conferences by where they were held: "Was a learning cities conference ever held in
Türkiye?", "Afrika'da hiç konferans yapıldı mı?", "Which conferences were held in Latin
America?", "First ICLC held outside Asia?", "Asya dışındaki ilk konferans hangisiydi?",
"İstanbul'da konferans yapıldı mı?" (a member or a Turkish province that hosted none).

A question that names the conferences (not one of them: no ordinal, no year, no host
city) and a country or a UNESCO region as the place they were held in ("in Africa",
"Türkiye'de") or not ("outside Asia", "Avrupa dışında") is answered from the list of
conferences: yes or no, with the ones held there, or the hosts when there were none; the
first (last) one held outside the place when first (last) is asked. A host's region is the
region of its country's members in the member directory; a region question is not
answered when a host's region is unknown. A question about something else that was at a
conference ("KOMEK Meksika'daki konferansa katıldı mı?") is not read here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.callbacks import entry as entry_data
from bot.content import Conference
from bot.facts import Attribute
from bot.lang import Lang
from bot.members.countries import country_name
from bot.members.directory import Place, PlaceKind, Word, words
from bot.phrases import PhraseIndex
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.textnorm import fold
from bot.tghtml import Html, escape_attr

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["held_where"]

OVERVIEW = "conferences-overview"  # the conferences' list (content/faq.yaml)
_CONFERENCE = ("konferans", "conference", "iclc", "zirve", "summit", "kongre", "congress")
_OUTSIDE_EN = frozenset(["outside", "beyond"])
_OUTSIDE_TR = ("disinda", "disi", "haricinde", "harici")  # "Asya dışında", "Avrupa dışındaki"
_IN_EN = frozenset(["in", "at"])
_FIRST = frozenset(["ilk", "first", "earliest"])
_LAST = frozenset(["son", "last", "latest", "recent", "sonuncu"])
# A question about one conference: its rank or year ("3. konferans Asya'da mıydı?") is the facts'
_ONE = re.compile(
    r"^(\d+(?:\.|st|nd|rd|th)?|(?:19|20)\d\d\w*|ikinci\w*|ucuncu\w*|dorduncu\w*|besinci\w*|altinci\w*"
    r"|second|third|fourth|fifth|sixth)$"
)
# The one to come is not known by its place ("Is the next conference in Europe?")
_FUTURE = frozenset(["next", "upcoming", "will", "planned", "gelecek", "sonraki", "yapilacak", "olacak", "planlanan"])
# A yes-or-no question ("yapıldı mı?", "was there ...?"): its answer opens with "No."
_YES_NO = frozenset(["mi", "mu", "miydi", "muydu", "mudur", "midir", "did", "was", "were", "is", "has", "have"])
# Which ones, not whether: "Which conferences were held in Latin America?" gets no "Yes."
_WHICH = frozenset(["which", "what", "where", "list", "hangi", "hangileri", "hangisi", "nerede", "nerelerde", "neler"])
_WHICH |= frozenset(["how", "many", "kac", "hangisi", "hangisiydi"])  # "Avrupa'da kaç konferans yapıldı?"
# The place named as the host: "Has Türkiye ever hosted the conference?", "ev sahipliği yaptı mı"
_HOSTED = ("host", "sahipli", "sahibi")
_OF_ONE = frozenset(["theme", "outcome", "participants", "duration", "format", "role"])  # what one was like
_WHERE = frozenset(["where", "country", "status", "times", "count"])  # where one was held, how many were
_LOCATIVE = re.compile(r"[dt][ae](ki)?[.,;:!?]*$")  # "Türkiye'de", "Afrika'daki"
_BARE_LOCATIVE = re.compile(r"n?[dt][ae](ki)?$")  # folded "konyada", "cinde"
# Who took part in one ("KOMEK Meksika'daki konferansa katıldı mı?") is not where they were held
# (Konya, whom KOMEK represented, is asked of as a place: "Konya'da konferans yapıldı mı?")
_OTHER_THINGS = ("komek", "uil", "katil", "attend", "represent", "temsil", "particip")


def held_where(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The answer to a question about the conferences held in (or outside) a country or a
    region; None for any other question."""
    members = a.members
    conferences = a.content.conferences
    tokens = words(text)
    if members is None or not conferences or not any(t.text.startswith(_CONFERENCE) for t in tokens):
        return None
    if any(_ONE.match(t.text) or t.text.startswith(_OTHER_THINGS) or t.text in _FUTURE for t in tokens):
        return None
    if _asks_another_thing(a, [t.text for t in tokens]):
        return None  # "meksikadaki konferans kaç gün sürmüş": the one held there, asked of
    directory = members.directory
    folded = f" {' '.join(t.text for t in tokens)} "
    if any(f" {name} " in folded for c in conferences for name in _host_names(a, c)):
        return None  # "Was the Cork conference held in Ireland?": the facts check one conference
    asked: tuple[Place, bool] | None = None  # the place, and whether the question is about outside it
    city: Place | None = None  # a city that hosted none ("İstanbul'da konferans yapıldı mı?")
    hosting = any(t.text.startswith(_HOSTED) for t in tokens)
    for start, end, places in directory.scan(tokens):
        kinds = {p.kind for p in places}
        inside = _inside(text, tokens, start, end) or _bare_locative(a, tokens[end - 1], places)
        if not kinds & {PlaceKind.COUNTRY, PlaceKind.REGION}:
            if kinds & {PlaceKind.MEMBER, PlaceKind.PROVINCE} and (inside or hosting):
                city = places[0] if city is None else None  # one city, not two
            continue
        place = next(p for p in places if p.kind in (PlaceKind.REGION, PlaceKind.COUNTRY))
        outside = _outside(text, tokens, start, end)
        if asked is not None or (not outside and not hosting and not inside):
            return None
        asked = (place, outside)
    said = {t.text for t in tokens}
    if asked is None and city is not None and _a_host(a, city):
        return None  # "Meksiko'daki konferans": a host city by another of its names, the facts' one conference
    if asked is None and city is not None and not said & (_WHICH | _FIRST | _LAST):
        # a city the conferences' hosts do not name (those are the facts'), no one conference asked: it hosted none
        items, where = _items(a, list(conferences), lang), _where(a, city, lang)
        key = "conference_held_none" if said & _YES_NO else "conference_held_none_which"
        return _reply(a, a.render.msg(key, lang, where=where, items=items), OVERVIEW, lang)
    if asked is None:
        return None
    place, outside = asked
    regions = {c.number: _region(a, c) for c in conferences}
    if place.kind is PlaceKind.REGION and None in regions.values():
        return None
    by_region = place.kind is PlaceKind.REGION
    there = [c for c in conferences if (regions[c.number] if by_region else _code(a, c)) == place.key]
    where = _where(a, place, lang)
    said = {t.text for t in tokens}
    if outside:
        others = [c for c in conferences if c not in there]
        if not others:
            return None
        if said & (_FIRST | _LAST):
            one = others[0] if said & _FIRST else others[-1]
            key = "conference_first_outside" if said & _FIRST else "conference_last_outside"
            body = a.render.msg(key, lang, where=where, **_fields(one, lang))
            return _reply(a, body, one.entry, lang)
        items = _items(a, others, lang)
        return _reply(a, a.render.msg("conference_held_outside", lang, where=where, items=items), OVERVIEW, lang)
    if said & (_FIRST | _LAST) and not said & _WHICH:
        return None  # "Was the first conference held in Asia?": the facts check the first one
    if said & (_FIRST | _LAST) and there:  # "Which was the first conference in Latin America?"
        one = there[0] if said & _FIRST else there[-1]
        key = "conference_first_in" if said & _FIRST else "conference_last_in"
        return _reply(a, a.render.msg(key, lang, where=where, **_fields(one, lang)), one.entry, lang)
    if there and place.kind is PlaceKind.COUNTRY:
        fact = a.understanding.fact(text, lang, None)
        if fact is not None and fact.attribute not in _WHERE:
            return None  # "İrlanda'daki konferans hangi tarihlerde": the one held there, asked of
    if not there:
        items = _items(a, list(conferences), lang)
        key = "conference_held_none_which" if said & _WHICH else "conference_held_none"  # no "No." to "which"
        return _reply(a, a.render.msg(key, lang, where=where, items=items), OVERVIEW, lang)
    items = _items(a, there, lang)
    key = "conference_held_which" if said & _WHICH else "conference_held_some"
    body = a.render.msg(key, lang, where=where, count=len(there), items=items)
    return _reply(a, body, there[0].entry if len(there) == 1 else OVERVIEW, lang)


def _asks_another_thing(a: Assistant, tokens: list[str]) -> bool:
    """Whether ``tokens`` ask what a conference was like (its theme, length, document), not where."""
    return bool(_other_asks(a.understanding.facts.attributes).find(tokens))


@lru_cache(maxsize=4)
def _other_asks(attributes: tuple[Attribute, ...]) -> PhraseIndex[str]:
    """The words of the attributes in ``_OF_ONE``, in one index (once per fact base)."""
    return PhraseIndex((phrase, at.id) for at in attributes if at.id in _OF_ONE for phrase in at.phrases)


def _a_host(a: Assistant, city: Place) -> bool:
    """Whether the member or province ``city`` is one of the conferences' host cities."""
    assert a.members is not None
    directory = a.members.directory
    name = directory.by_id[city.key].city if city.kind is PlaceKind.MEMBER else directory.provinces[city.key].name
    return any(fold(name.split(" (")[0]) in _host_names(a, c) for c in a.content.conferences)


def _host_names(a: Assistant, conference: Conference) -> set[str]:
    """A host city's folded names: in full ("mexico city"), without what is in brackets
    ("yeonsu") and by its first word unless that is a country ("jubail", not "mexico")."""
    assert a.members is not None
    names = set()
    for name in conference.city.values():
        names |= {fold(name), fold(name.split("(")[0])}
        first = fold(name).split()[0]
        if not any(p.kind is PlaceKind.COUNTRY for p in a.members.directory.lookup(first, fuzzy=False)):
            names.add(first)
    return names


def _outside(text: str, tokens: list[Word], start: int, end: int) -> bool:
    """ "outside Asia", "Asya dışında(ki)", "not in China"."""
    if start > 0 and tokens[start - 1].text in _OUTSIDE_EN:
        return True
    if start > 1 and tokens[start - 1].text in _IN_EN and tokens[start - 2].text in ("not", "except"):
        return True
    return end < len(tokens) and tokens[end].text.startswith(_OUTSIDE_TR)


def _inside(text: str, tokens: list[Word], start: int, end: int) -> bool:
    """ "in Africa", "Türkiye'de", "Afrika'daki"."""
    if start > 0 and tokens[start - 1].text in _IN_EN:
        return True
    last = text.split()[tokens[end - 1].index]
    _, apostrophe, ending = last.replace("’", "'").partition("'")
    return bool(apostrophe) and bool(_LOCATIVE.search(fold(ending)))  # "'DAKİ" folded: no dotted i's mark


def _bare_locative(a: Assistant, word: Word, places: list[Place]) -> bool:
    """ "konyada", "turkiyede": a locative ending written without an apostrophe, the rest the place itself."""
    ending = _BARE_LOCATIVE.search(word.text)
    if ending is None or a.members is None:
        return False
    keys = {p.key for p in places}
    return any(p.key in keys for p in a.members.directory.lookup(word.text[: ending.start()], fuzzy=False))


def _code(a: Assistant, conference: Conference) -> str | None:
    assert a.members is not None
    places = a.members.directory.lookup(conference.country["en"], fuzzy=False)
    return next((p.key for p in places if p.kind is PlaceKind.COUNTRY), None)


def _region(a: Assistant, conference: Conference) -> str | None:
    """The UNESCO region of a conference's host country: that of its members."""
    assert a.members is not None
    code = _code(a, conference)
    found = {m.region for m in a.members.directory.in_country(code)} if code else set()
    return found.pop() if len(found) == 1 else None


def _where(a: Assistant, place: Place, lang: Lang) -> Html:
    assert a.members is not None
    directory = a.members.directory
    if place.kind is PlaceKind.REGION:
        return a.render.msg("conference_held_region", lang, region=directory.regions[place.key].name[lang])
    if place.kind is PlaceKind.MEMBER:
        return a.render.msg("conference_held_country", lang, country=directory.by_id[place.key].city)
    if place.kind is PlaceKind.PROVINCE:
        return a.render.msg("conference_held_country", lang, country=directory.provinces[place.key].name)
    return a.render.msg("conference_held_country", lang, country=country_name(place.key, lang))


def _items(a: Assistant, conferences: list[Conference], lang: Lang) -> Html:
    return Html(", ").join(a.render.msg("conference_held_item", lang, **_fields(c, lang)) for c in conferences)


_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def _fields(conference: Conference, lang: Lang) -> dict[str, object]:
    return {
        "number": conference.number,
        "ordinal": _ORDINALS.get(conference.number, f"{conference.number}th"),
        "city": conference.city[lang],
        "country": conference.country[lang],
        "year": conference.year,
        "dates": conference.dates[lang],
    }


def _reply(a: Assistant, body: Html, card: str, lang: Lang) -> Reply:
    entry = a.content.faq.get(card)
    if entry is not None and entry.source:
        body = Html(f'{body}\n\n🔗 <a href="{escape_attr(entry.source)}">{a.render.msg("source_label", lang)}</a>')
    buttons = [(Button(a.title(card, lang), data=entry_data(card)),)]
    if card != OVERVIEW and OVERVIEW in a.content.faq:
        buttons.append((Button(a.title(OVERVIEW, lang), data=entry_data(OVERVIEW)),))
    buttons.append((a.menu_button(lang),))
    return reply_of(body, lang, kind=ReplyKind.ANSWER, buttons=tuple(buttons), entry_id=card, score=100.0)
