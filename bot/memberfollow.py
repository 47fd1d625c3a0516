"""A short follow-up to a list of members, read with the list's filter.

After "Which cities in Colombia are members?", "and in 2025?" is Colombia's members of
2025; after "Fas'tan hangi şehirler üye?", "2022'de hangileri katıldı?" is Morocco's of
2022, not the world's; "ya Fransa?" keeps the year and takes France; "kaç tane?", "from
how many countries?", "hepsi bu mu?" get the same list again (it says how many). The
list is the one the last answer showed (its entry id, ``members-c-DE-y-2020``; after the
network's size, "and in Africa?" is Africa's list); the
follow-up may say a year, a country or a region and the membership words of the list,
nothing else: a city named, or any other word, is another question.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from bot.conversation import Topic
from bot.lang import Lang
from bot.members.countries import country_name
from bot.members.directory import TURKIYE, PlaceKind, words
from bot.members.model import NO_MEMBERS, parse_list_entry_id
from bot.members.replies import ListFilter
from bot.members.shapes import order_words
from bot.members.vocabulary import COUNT_WORDS, LIST_WORDS, YEAR, vocabulary
from bot.replies import Reply, ReplyKind
from bot.textnorm import STOPWORDS, fold, folded_terms, term

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["member_follow_up"]

_NETWORK_COUNT = "member-count"  # the network's size (content/faq.yaml): a place after it is that place's list
_MAX_WORDS = 10  # a follow-up is short: "which of them came in with the February 2024 batch?"
# Words of a follow-up that ask nothing of their own ("peki", "and", "what about", "hepsi bu mu")
_FOLLOW = frozenset(
    [
        *("peki", "ya", "and", "what", "about", "how", "then", "only", "sadece", "hepsi", "bu", "mu", "that", "all"),
        *("it", "one", "ones", "tane"),
    ]
)


# Words that refer back to the list ("hangileri", "bunlardan", "which of them")
_REFERS = frozenset(
    [
        *("hangileri", "hangisi", "bunlardan", "onlardan", "bunlarin", "onlarin", "them", "those", "these", "its"),
        *("uyesi", "uyeleri", "sehri", "sehirleri", "kenti", "kentleri"),  # "kaç üyesi var?": its members
        *("they", "onlar", "bunlar"),  # "when did they join?": the list's years
    ]
)


@cache
def _subject() -> frozenset[str]:
    """The terms that say what a list is of ("şehir", "üye", "cities"): a question with
    one asks afresh, unless it refers back."""
    said = ("sehir", "kent", "uye", "city", "cities", "member", "members")
    return frozenset(t for word in said for t in folded_terms(word))


def member_follow_up(a: Assistant, text: str, context: Topic, lang: Lang) -> tuple[Reply, Topic] | None:
    """The list the last answer showed, with what a short follow-up changes in its
    filter (a year, a country or a region), and the topic to remember; None when the
    last answer was no list or the follow-up asks something else."""
    members = a.members
    listed = parse_list_entry_id(context.entry or context.entity)
    network = listed is None and context.entry == _NETWORK_COUNT  # "How many members?" >> "and in Africa?"
    if network:
        listed = (None, None, None)
    if members is None or listed is None:
        return None
    tokens = words(text)
    if not tokens or len(tokens) > _MAX_WORDS:
        return None
    country, region, year = listed
    spans = members.directory.scan(tokens)
    taken = {i for start, end, _ in spans for i in range(start, end)}
    places = [p for _, _, found in spans for p in found]
    if any(p.kind in (PlaceKind.MEMBER, PlaceKind.PROVINCE) for p in places):
        return None  # "peki Münih?": a city's own question
    countries = {p.key for p in places if p.kind is PlaceKind.COUNTRY}
    regions = {p.key for p in places if p.kind is PlaceKind.REGION}
    years = set()
    for i, w in enumerate(tokens):
        found = YEAR.match(w.text)
        if i not in taken and found is not None and 2013 <= int(found.group(1)) <= 2030:
            years.add(int(found.group(1)))
            taken.add(i)
    if len(countries) > 1 or len(regions) > 1 or len(years) > 1 or (network and not (countries or regions)):
        return None  # after the network's count, a year alone is its count then (the facts')
    if network and countries == {TURKIYE}:
        return None  # "Türkiye'den?": the FAQ's list of Türkiye's members
    order, order_at = order_words(tokens)  # "which one joined first?", "ilki hangisi?", "and the last one?"
    taken |= order_at
    rest = [w.text for i, w in enumerate(tokens) if i not in taken]
    v = vocabulary()
    known = v.allowed | v.listing
    asks = [w for w in rest if w in LIST_WORDS or w in COUNT_WORDS or term(w) in v.how_many | v.asks_list]
    plain = STOPWORDS | _FOLLOW | _REFERS | LIST_WORDS | COUNT_WORDS
    if any(word not in plain and not set(folded_terms(word)) <= known for word in rest):
        return None  # "peki teması?", "and the mayor?": another question
    refers = any(w in _REFERS for w in rest)
    if not (countries or regions or years or asks or order or refers):
        return None
    subject = {t for word in rest for t in folded_terms(word)} & _subject()
    if subject and not refers:
        return None  # "Which cities joined in 2024?" is a question of its own; "hangileri katıldı?" leans
    if order is not None and not (countries or regions or years) and (country or region) and not year:
        shown = members.shown(members.overview.order(country, region, order, lang), lang)
        return shown, context  # the list stays what a next follow-up filters
    switched = bool(countries or regions)  # another place: the year is kept only where it has members
    if countries:
        country, region = countries.pop(), None
    elif regions:
        country, region = None, regions.pop()
    if years:
        year = years.pop()
    reply = members.list_reply(ListFilter(country, region, year), 0, lang)
    if reply.entry_id == NO_MEMBERS and year is not None and not years and switched:
        reply = members.list_reply(ListFilter(country, region, None), 0, lang)  # "ya Fransa?" after Germany's 2020
    if reply.kind != ReplyKind.ANSWER or not reply.entry_id:
        return None
    # The place's name and the question's shape stay, for the next follow-up ("ilki hangisi?")
    name = fold(country_name(country, lang)) if country and switched else context.name
    return reply, Topic(context.kind, reply.entry_id, None, lang, context.rest, name, reply.entry_id)
