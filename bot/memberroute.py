"""Which membership questions the member directory answers before the facts and the
matcher read them, and which after.

``Assistant._ask`` asks :func:`members_first` right after small talk and the topics the
content lacks: a question about members abroad ("Almanya'dan kaç şehir üye?") or
comparing members ("Ankara mı önce katıldı İzmir mi?") is the directory's, unless it asks
what was adopted in a member city ("Cork'ta ne kabul edildi?": the Cork Call to Action,
not Cork's admission). :func:`turkiye_list` is asked when nothing else answered: a
question about Türkiye's members gets the FAQ's list whatever else weighs on the matcher
("How many Turkish cities are members now").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation import Topic
from bot.lang import Lang
from bot.matching import Decision, MatchResult
from bot.memberawards import member_award
from bot.members.directory import PlaceKind, words
from bot.members.model import TURKIYE_MEMBERS_ENTRY, Member
from bot.members.questions import Ask, MemberQuestion
from bot.replies import Reply
from bot.textnorm import STOPWORDS, fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["TURKIYE_MEMBERS_ENTRY", "members_first", "turkiye_list"]

_WHAT = frozenset(["ne", "neler", "what", "hangi", "which"])  # "Cork'ta ne kabul edildi?": a document
_WHEN = frozenset(["zaman", "when", "yil", "yilinda", "year"])
# Words that ask only where a member is: its card says ("which country is Bouaké in")
_WHERE = frozenset(["which", "what", "where", "country", "located", "hangi", "nerede", "nerde", "neresi"])
_WHERE |= frozenset(["ulke", "ulkede", "ulkesi", "ulkenin"])  # not the region: the card does not say it


def members_first(
    a: Assistant, text: str, early: MemberQuestion | None, lang: Lang, context: Topic | None
) -> Reply | None:
    """The directory's answer to a question about members abroad or comparing members,
    before anything else reads it; None otherwise."""
    members = a.members
    if members is None:
        return None
    named = _only_a_name(a, text) if context is None else None  # "Brescia", "Sakarya?": that card
    if named is not None:
        return a.entry_reply(named.entry_id, lang)  # a curated Turkish city's card, or the member's
    awarded = member_award(a, text, lang)  # "Did Dublin win an award?": its note says 2021
    if awarded is not None:
        return awarded
    if early is not None and early.abroad and not (early.ask is Ask.CITY and _asks_a_document(a, text, lang, context)):
        return members.answer(early, lang)
    return members.compared(text, lang)


def turkiye_list(a: Assistant, early: MemberQuestion | None, result: MatchResult, lang: Lang) -> Reply | None:
    """The FAQ's list of Türkiye's members for a question about them that the matcher is
    not sure of; None otherwise."""
    if early is None or not early.turkiye_only or result.decision == Decision.ANSWER:
        return None
    if TURKIYE_MEMBERS_ENTRY not in a.content.faq:
        return None
    best = result.best
    return a.entry_reply(TURKIYE_MEMBERS_ENTRY, lang, score=best.score if best else 0.0)


def _only_a_name(a: Assistant, text: str) -> Member | None:
    """The one member a message names and says nothing else of, but where it is
    ("Brescia", "Kazan?", "which country is Bouaké in", "Brescia nerede")."""
    if a.members is None:
        return None
    directory = a.members.directory
    tokens = words(text)
    spans = [(s, e, {p.key for p in found if p.kind is PlaceKind.MEMBER}) for s, e, found in directory.scan(tokens)]
    named = [(s, e, keys) for s, e, keys in spans if keys]
    if len(named) != 1 or len(spans) != 1 or len(named[0][2]) != 1:
        return None
    start, end, keys = named[0]
    rest = [t.text for i, t in enumerate(tokens) if not start <= i < end]
    if any(w not in _WHERE and w not in STOPWORDS for w in rest):
        return None
    return directory.by_id[keys.pop()]


def _asks_a_document(a: Assistant, text: str, lang: Lang, context: Topic | None) -> bool:
    """ "Cork'ta ne kabul edildi?": what was adopted there, not whether the city was
    admitted ("Cork ne zaman kabul edildi?")."""
    words = set(fold_question(text).split())
    if not words & _WHAT or words & _WHEN:
        return False
    fact = a.understanding.fact(text, lang, context)
    return fact is not None and fact.attribute == "outcome"
