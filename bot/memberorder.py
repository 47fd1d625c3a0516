"""The members of a country that joined before (after) one of them: "Which German city
joined before Bonn?", "Bonn'dan önce Almanya'dan kimler katıldı?", and after "When did
Bonn join?", "which German city came before it?".

A question that names one member abroad (Türkiye's are the facts' order), a word for
before or after, and the member's own country ("German", "Almanya'dan"; not the whole
network: "Which cities joined after Cork?") is answered from the member directory: its
country's members whose years (or ranges of years) are all before (after) the member's,
with the caveat that the list is incomplete, and the country's list one tap away. Used
by :mod:`bot.memberroute`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation import Topic
from bot.lang import Lang
from bot.members.countries import country_name, flag, format_day
from bot.members.directory import PlaceKind, words
from bot.members.model import Member, list_entry_id
from bot.members.overview import Shown
from bot.members.replies import ListFilter
from bot.replies import Reply
from bot.textnorm import STOPWORDS
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["beside_member"]

_BEFORE = frozenset(["before", "prior", "earlier", "once", "onceki", "oncesinde", "oncekiler"])
_AFTER = frozenset(["after", "later", "sonra", "sonraki", "sonrasinda", "sonrakiler"])
# What else such a question may say: which city joined (came), who
_ASKS = frozenset(["which", "what", "who", "city", "cities", "town", "towns", "member", "members", "one", "ones"])
_ASKS |= frozenset(["joined", "join", "came", "come", "become", "became", "hangi", "hangisi", "hangileri", "kim"])
_ASKS |= frozenset(["kimler", "sehir", "sehirler", "sehri", "kent", "kentler", "uye", "uyeler", "katildi", "katilan"])
_ASKS |= frozenset(["katilanlar", "girdi", "giren", "geldi", "gelen", "vardi", "it", "o", "ondan", "onu", "from"])
_MAX_LINES = 15


def beside_member(a: Assistant, text: str, lang: Lang, context: Topic | None = None) -> Reply | None:
    """The members of one member's country before (after) it; None for any other question.
    ``context``: after an answer about one member abroad, "which German city came before
    it?" is about that member."""
    members = a.members
    if members is None:
        return None
    tokens = words(text)
    said = {t.text for t in tokens}
    before, after = bool(said & _BEFORE), bool(said & _AFTER)
    if before == after:
        return None
    directory = members.directory
    scanned = directory.scan(tokens)
    named = {p.key for _, _, found in scanned for p in found if p.kind is PlaceKind.MEMBER}
    countries = {p.key for _, _, found in scanned for p in found if p.kind is PlaceKind.COUNTRY}
    if not named and context is not None and context.entry in directory.by_entry:
        named = {directory.by_entry[context.entry].id}  # "which German city came before it?"
    if len(named) != 1:
        return None
    member = directory.by_id[named.pop()]
    place_words = {i for s, e, _ in scanned for i in range(s, e)}
    rest = {t.text for i, t in enumerate(tokens) if i not in place_words} - STOPWORDS
    if member.curated or countries != {member.country} or not rest <= _ASKS | _BEFORE | _AFTER:
        return None
    if any(p.kind is PlaceKind.MEMBER and p.key != member.id for _, _, found in scanned for p in found):
        return None  # two members named: the directory's comparison
    others = [m for m in directory.in_country(member.country) if m.id != member.id]
    if before:
        chosen = sorted((m for m in others if m.joined.last < member.joined.first), key=_year)
    else:
        chosen = sorted((m for m in others if m.joined.first > member.joined.last), key=_year)
    return members.shown(_shown(a, member, chosen, before, lang), lang)


def _year(m: Member) -> tuple[int, int]:
    return m.joined.first, m.joined.last


def _shown(a: Assistant, member: Member, chosen: list[Member], before: bool, lang: Lang) -> Shown:
    assert a.members is not None
    replies, directory = a.members.replies, a.members.directory
    what = f"{flag(member.country)} {country_name(member.country, lang)}"
    key = ("members_before_one" if before else "members_after_one") if chosen else "members_beside_none"
    text = a.render.msg(key, lang, what=what, name=member.city, joined=replies.joined(member, lang))
    lines = [replies.line(m, lang, with_country=False) for m in chosen[:_MAX_LINES]]
    if len(chosen) > _MAX_LINES:
        lines.append(Html("…"))
    if lines:
        text += "\n" + Html("\n").join(lines)
    as_of = format_day(directory.data.as_of, lang)
    caveat = a.render.msg(
        "members_order_caveat", lang, count=directory.count, total=directory.data.network_members, as_of=as_of
    )
    whole = ListFilter(country=member.country)
    return Shown(f"{text}\n\n{caveat}", list_entry_id(member.country), (whole,))
