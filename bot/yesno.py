"""Yes or no before an answer that checks a year or a place.

A member's joining: "Ankara 2024'te mi katıldı?", "Did Hatay join in 2019?", "Bolu 2019'da
üye miydi?". The member's card says its year; before it, yes or no: "Hayır: Ankara ağa 2024
yılında değil, 2025 yılında katıldı." A join checked ("katıldı", "join") is right when the
year is the member's; a membership at a time ("üye miydi", "a member in 2019") when the
member had joined by then. Only for a member whose year is known exactly (not a range).

A fact's year or place: "ilk konferans 2014'te miydi?", "UIL Paris'te mi?": the facts'
"Evet."/"Hayır." (content/facts.yaml ``confirm``) before the short answer.

Only for a question that checks (a particle, a tag, "did ...", "değil mi").

A member and a year with nothing but the check ("Hatay 2018 değil miydi?", "bolu 2017 mi",
"Cork in 2015, right?") asks the year it joined: its card, with yes or no first.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.factanswer import FactAnswer
from bot.factchecks import network_years
from bot.facts import Entity, FactBase
from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.members.model import JoinedKind, Member
from bot.members.vocabulary import YEAR
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold, fold_question
from bot.tghtml import Html, to_plain

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["checks_yes_no", "fact_place_checked", "fact_year_checked", "year_checked"]

_TR_CHECKS = ("mi", "mu", "miydi", "muydu", "mıydı", "degil", "dogru", "teyit", "emin")
_EN_FIRST = frozenset(["did", "was", "is", "has", "had"])
_EN_TAGS = frozenset(["right", "correct", "true", "didnt", "didn", "wasnt", "wasn", "isnt", "isn"])
_JOIN = ("katil", "gir", "kabul", "dahil", "join", "admitted", "accepted", "enter", "uye ol", "became", "become")
_MEMBER = ("uye", "member")


def year_checked(a: Assistant, text: str, reply: Reply) -> Reply:
    """``reply`` (a member's card) with yes or no first, when ``text`` checks a year of its
    joining; a reply that answered nothing, when ``text`` is only a member, a year and a check."""
    if reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK):
        return _bare_check(a, text, reply.lang) or reply
    if reply.kind != ReplyKind.ANSWER or not reply.entry_id or a.members is None:
        return reply
    said = {w[reply.lang] for w in a.understanding.facts.confirm.values() if reply.lang in w}
    if any(to_plain(m).startswith(tuple(said)) for m in reply.messages[:1]):
        return reply  # the facts said yes or no already ("Türkiye'nin üçüncü üyesi 2019'da mı katıldı?")
    tokens = fold_question(text).split()
    years = sorted(set(network_years(tokens)))
    if len(years) != 1 or not checks_yes_no(tokens):
        return reply
    member = next((m for m in a.members.directory.by_id.values() if m.entry_id == reply.entry_id), None)
    if member is None or member.joined.kind is not JoinedKind.YEAR:
        return reply
    asked = " ".join(tokens)
    joined, year = member.joined.first, years[0]
    if any(w in asked for w in _JOIN):
        key = "year_check_joined_yes" if year == joined else "year_check_joined_no"
    elif any(w in asked for w in _MEMBER):
        key = "year_check_member_yes" if year >= joined else "year_check_member_no"
    else:  # "Hatay 2019'da mı?": the year it joined
        bare = _bare_check(a, text, reply.lang)
        return bare if bare is not None and bare.entry_id == reply.entry_id else reply
    return _led(a, reply, key, member, year)


# What may stand beside the member and the year in a bare check ("Hatay 2018 değil miydi?")
_BARE = frozenset(["mi", "mu", "miydi", "muydu", "degil", "degilmi", "degilmiydi", "dogru", "dogrumu", "yanlis"])
_BARE |= frozenset(["emin", "misin", "yoksa", "ya", "peki", "yilinda", "yilindami", "yili", "yil", "senesinde"])
_BARE |= frozenset(["sene", "right", "correct", "true", "wasnt", "isnt", "not", "was", "is", "in", "it", "or", "so"])


def _bare_check(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The card of the one member ``text`` names, yes or no first, when the rest is one year and a check."""
    if a.members is None:
        return None
    tokens = words(text)
    if not any(YEAR.match(w.text) for w in tokens):
        return None  # no year: the common case, without a scan
    spans = a.members.directory.scan(tokens)
    named = {p.key for _, _, places in spans for p in places if p.kind is PlaceKind.MEMBER}
    provinces = {p.key for _, _, places in spans for p in places if p.kind is PlaceKind.PROVINCE}
    taken = {i for start, end, _ in spans for i in range(start, end)}
    rest = [w.text for i, w in enumerate(tokens) if i not in taken]
    years = [int(m.group(1)) for t in rest if (m := YEAR.match(t))]
    others = [t for t in rest if not YEAR.match(t)]
    if len(years) != 1 or not checks_yes_no(others) or not set(others) <= _BARE or len(spans) != 1:
        return None
    if not named and len(provinces) == 1:  # "istanbul 2018 mi": no member, as its card says
        return a.members.province_reply(provinces.pop(), lang)
    if len(named) != 1:
        return None
    member = a.members.directory.by_id[named.pop()]
    card = a.members.entry_reply(member.entry_id, lang)
    if card is None or card.kind != ReplyKind.ANSWER or member.joined.kind is not JoinedKind.YEAR:
        return None
    key = "year_check_joined_yes" if years[0] == member.joined.first else "year_check_joined_no"
    return _led(a, card, key, member, years[0])


def checks_yes_no(tokens: list[str]) -> bool:
    """Whether folded ``tokens`` ask yes or no: a particle or a tag, "did"/"was" first."""
    return (
        any(t.startswith(_TR_CHECKS) for t in tokens)
        or (bool(tokens) and tokens[0] in _EN_FIRST)
        or bool(_EN_TAGS.intersection(tokens))
    )


def _led(a: Assistant, reply: Reply, key: str, member: Member, year: int) -> Reply:
    city = member.city.split(" (")[0]
    lead = a.render.msg(key, reply.lang, city=city, year=year, joined=member.joined.first)
    first, *rest = reply.messages
    return replace(reply, messages=(Html(f"{lead}\n\n{first}"), *rest))


_WHEN = frozenset(["when", "year"])  # the facts' attributes a year answers


def fact_year_checked(
    facts: FactBase, text: str, found: FactAnswer, lang: str, named: Collection[Entity] = ()
) -> FactAnswer:
    """``found`` (a thing's date) with the facts' yes or no first, when ``text`` checks its
    year ("ilk konferans 2014'te miydi?": "Hayır. 1. konferans 2013 yılında yapıldı ...").
    ``named``: the things ``text`` names; one of the kind that is not ``found`` is the one
    checked ("Cork konferansı 2015'te miydi?": no, though the 2015 one is shown)."""
    tokens = fold_question(text).split()
    years = sorted(set(network_years(tokens)))
    others = list({e.id: e for e in named if e.kind == found.entity.kind and e.id != found.entity.id}.values())
    checked = others[0] if len(others) == 1 and found.entity not in named else found.entity
    year = checked.value("year", "en") or ""
    if found.missing or found.attribute not in _WHEN or len(years) != 1 or not year.isdigit():
        return found
    if not checks_yes_no(tokens):
        return found
    words = facts.confirm.get("yes" if int(year) == years[0] else "no")
    if words is None or lang not in words:
        return found
    return replace(found, html=Html(f"{words[lang]} {found.html}"))


_WHERE = frozenset(["where", "country"])  # the facts' attributes a place answers
_PLACE_FIELDS = ("city", "country", "address", "where")
_LOCATIVE = ("nda", "nde", "da", "de", "ta", "te")


def fact_place_checked(facts: FactBase, text: str, found: FactAnswer, lang: str) -> FactAnswer:
    """``found`` (where a thing is or was) with the facts' yes or no first, when ``text``
    checks one place ("UIL Paris'te mi?": "Hayır. UIL Hamburg, Almanya merkezlidir ...")."""
    if found.missing or found.attribute not in _WHERE:
        return found
    tokens = fold_question(text).split()
    if not checks_yes_no(tokens):
        return found
    places = list(dict.fromkeys(p for w in text.split() if (p := _place_in(w))))
    if len(places) != 1:
        return found
    said = " ".join(fold(found.entity.value(f, lang) or "") for f in _PLACE_FIELDS)
    words = facts.confirm.get("yes" if places[0] in said.split() else "no")
    if words is None or lang not in words:
        return found
    return replace(found, html=Html(f"{words[lang]} {found.html}"))


def _place_in(word: str) -> str | None:
    """The place a written word says something is in ("Paris'te", "pariste", "Riyad'da"), folded; else None."""
    head, _, tail = word.replace("’", "'").strip(",.;:!?").partition("'")
    folded = fold(head)
    if tail:
        return folded if fold(tail) in _LOCATIVE and folded.isalpha() else None
    ending = next((e for e in _LOCATIVE if folded.endswith(e) and len(folded) - len(e) >= 4), None)
    return folded[: -len(ending)] if ending and folded.isalpha() else None
