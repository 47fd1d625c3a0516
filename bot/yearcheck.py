"""A year checked of a member's joining: "Ankara 2024'te mi katıldı?", "Did Hatay join in
2019?", "Bolu 2019'da üye miydi?". The member's card says its year; before it, yes or no:
"Hayır: Ankara ağa 2024 yılında değil, 2025 yılında katıldı." A join checked ("katıldı",
"join") is right when the year is the member's; a membership at a time ("üye miydi", "a
member in 2019") when the member had joined by then. Only for a member whose year is known
exactly (not a range), and only for a question that checks (a particle, a tag, "did ...").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.factchecks import network_years
from bot.members.model import JoinedKind, Member
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["year_checked"]

_TR_CHECKS = ("mi", "mu", "miydi", "muydu", "mıydı", "degil", "dogru", "teyit", "emin")
_EN_FIRST = frozenset(["did", "was", "is", "has", "had"])
_EN_TAGS = frozenset(["right", "correct", "true", "didnt", "didn", "wasnt", "wasn", "isnt", "isn"])
_JOIN = ("katil", "gir", "kabul", "dahil", "join", "admitted", "accepted", "enter", "uye ol", "became", "become")
_MEMBER = ("uye", "member")


def year_checked(a: Assistant, text: str, reply: Reply) -> Reply:
    """``reply`` (a member's card) with yes or no first, when ``text`` checks a year of its joining."""
    if reply.kind != ReplyKind.ANSWER or not reply.entry_id or a.members is None:
        return reply
    tokens = fold_question(text).split()
    years = sorted(set(network_years(tokens)))
    if len(years) != 1 or not _checks(tokens):
        return reply
    member = next((m for m in a.members.directory.by_id.values() if m.entry_id == reply.entry_id), None)
    if member is None or member.joined.kind is not JoinedKind.YEAR:
        return reply
    said = " ".join(tokens)
    joined, year = member.joined.first, years[0]
    if any(w in said for w in _JOIN):
        key = "year_check_joined_yes" if year == joined else "year_check_joined_no"
    elif any(w in said for w in _MEMBER):
        key = "year_check_member_yes" if year >= joined else "year_check_member_no"
    else:
        return reply
    return _led(a, reply, key, member, year)


def _checks(tokens: list[str]) -> bool:
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
