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

import re
from typing import TYPE_CHECKING

from bot.awardplaces import place_winners
from bot.conversation import Topic
from bot.countryawards import country_award
from bot.followups import POINTING
from bot.hostplaces import held_where
from bot.lang import Lang
from bot.matching import Decision, MatchResult
from bot.memberawards import member_award
from bot.memberorder import beside_member
from bot.members.directory import TURKIYE, Directory, Place, PlaceKind, Word, words
from bot.members.model import TURKIYE_MEMBERS_ENTRY, Member
from bot.members.questions import Ask, MemberQuestion
from bot.regionrank import regions_ranked
from bot.replies import Reply
from bot.roundrank import rounds_ranked
from bot.textnorm import STOPWORDS, fold_question
from bot.unescostates import unesco_state

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["TURKIYE_MEMBERS_ENTRY", "members_first", "turkiye_list"]

_WHAT = frozenset(["ne", "neler", "what", "hangi", "which"])  # "Cork'ta ne kabul edildi?": a document
_WHEN = frozenset(["zaman", "when", "yil", "yilinda", "year"])
# Words that ask only where a member is: its card says ("which country is Bouaké in")
_WHERE = frozenset(["which", "what", "where", "country", "located", "hangi", "nerede", "nerde", "neresi"])
_WHERE |= frozenset(["ulke", "ulkede", "ulkesi", "ulkenin"])
_REGION = frozenset(["region", "bolge", "bolgede", "bolgesi", "bolgesinde", "unesco"])
_WHERE |= _REGION  # a member's card says its UNESCO region (not a curated Turkish city's: "Konya hangi bölgede")
_CONFERENCE = "conference"  # the facts' kind of the conferences (content/facts.yaml)
_HAPPENED = frozenset(["happened", "happen", "oldu", "olmustu", "yapildi", "held"])  # an event in the place
_LOCATIVE = re.compile(r"[dt][ae][.,;:!?]*$")  # "Nijerya'da", "Almanyada": a place checked


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
    state = unesco_state(a, text, lang)  # "When did Türkiye join UNESCO?": not the network's
    if state is not None:
        return state
    region = _region_of_a_country(a, text, members.directory, lang) if context is None else None
    if region is not None:
        return region  # "Which UNESCO region is Egypt in?"
    awarded = member_award(a, text, lang)  # "Did Dublin win an award?": its note says 2021
    if awarded is not None:
        return awarded
    from_place = place_winners(a, text, lang) or country_award(a, text, lang, context)  # "which of them won?"
    if from_place is not None:
        return from_place
    held = held_where(a, text, lang)  # "Afrika'da hiç konferans yapıldı mı?", "First ICLC held outside Asia?"
    if held is not None:
        return held
    beside = beside_member(a, text, lang, context)  # "Which German city joined before Bonn?"
    if beside is not None:
        return beside
    ranked = regions_ranked(a, text, lang) or rounds_ranked(a, text, lang)  # "most members", "most joined"
    if ranked is not None:
        return ranked
    city = early is not None and early.ask is Ask.CITY
    if early is not None and early.abroad and not (city and _asks_a_document(a, text, lang, context)):
        if city and context is not None and POINTING.intersection(fold_question(text).split()):
            return None  # "where is it based, Hamburg right?" after UIL: its place checked, not Hamburg's card
        return members.answer(early, lang)
    if a.understanding.between.answer(text, lang) is not None:
        return None  # "Hatay'dan sonra ve Bursa'dan önce kimler?": those between, not the two compared
    return members.compared(text, lang)


def turkiye_list(
    a: Assistant, text: str, early: MemberQuestion | None, result: MatchResult, lang: Lang
) -> Reply | None:
    """The FAQ's list of Türkiye's members for a question about them that the matcher is
    not sure of, or answers with an entry that does not speak of Türkiye ("Türkiye'de kaç
    üye şehir var toplam": not the network's size); None otherwise."""
    if early is None or not early.turkiye_only:
        return None
    best = result.best
    if result.decision == Decision.ANSWER and (
        best is None or best.entry_id == TURKIYE_MEMBERS_ENTRY or a.guard.check(text, best.entry_id, names=True) is None
    ):
        return None
    if TURKIYE_MEMBERS_ENTRY not in a.content.faq:
        return None
    return a.entry_reply(TURKIYE_MEMBERS_ENTRY, lang, score=best.score if best else 0.0)


def _only_a_name(a: Assistant, text: str) -> Member | None:
    """The one member a message names and says nothing else of, but where it is, or a
    country checked as its place ("Brescia", "Kazan?", "which country is Bouaké in",
    "Brescia nerede", "Is Melton in Australia?", "Ibadan Nijerya'da mı": its card says)."""
    if a.members is None:
        return None
    directory = a.members.directory
    tokens = words(text)
    scanned = directory.scan(tokens)
    spans = [(s, e, {p.key for p in found if p.kind is PlaceKind.MEMBER}) for s, e, found in scanned]
    named = [(s, e, keys) for s, e, keys in spans if keys]
    placed = [(s, e) for s, e, found in scanned if _checked_place(text, tokens, s, e, found)]
    if len(named) != 1 or len(spans) != 1 + len(placed) or len(placed) > 1 or len(named[0][2]) != 1:
        return None
    if placed and a.understanding.fact(text, "en", None) is not None:
        return None  # "Yeonsu is in Japan?": the conference's place, which the facts check
    start, end, keys = named[0]
    said = set(range(start, end)) | {i for s, e in placed for i in range(s, e)}
    rest = [t.text for i, t in enumerate(tokens) if i not in said]
    if any(w not in _WHERE and w not in STOPWORDS for w in rest):
        return None
    member = directory.by_id[keys.pop()]
    if _HAPPENED.intersection(rest) and _hosted(a, member):
        return None  # "What happened in Medellín?", "Pekin'de ne oldu?": its conference, not its card
    return None if member.curated and _REGION.intersection(rest) else member


def _hosted(a: Assistant, member: Member) -> bool:
    """Whether a conference of the facts was held in ``member``'s city."""
    name = tuple(fold_question(member.city.split(" (")[0]).split())
    facts = a.understanding.facts
    return any(name in e.names for e in facts.entities if e.kind == _CONFERENCE)


# Words a question about a country's region may say besides its name and where-words
_REGION_REST = frozenset(
    [
        "network", "ag", "agda", "agin", "agdaki", "gnlc", "for", "the", "member", "members", "city", "cities",
        "uye", "uyeleri", "sehir", "sehirleri", "learning", "ogrenen", "belong", "belongs", "belonged", "part",
        "ait", "grouped", "gruplanir", "does", "do", "is", "to", "in", "of", "yer", "alir", "aliyor", "bulunuyor",
    ]
)  # fmt: skip


def _region_of_a_country(a: Assistant, text: str, directory: Directory, lang: Lang) -> Reply | None:
    """ "Which UNESCO region is Egypt in?", "Mısır hangi UNESCO bölgesinde": the one country
    named, asked for its region (Türkiye's is the FAQ's answer on the regions)."""
    tokens = words(text)
    if not any(t.text in _REGION and t.text != "unesco" for t in tokens):
        return None  # no word of a region: nothing to scan for
    scanned = directory.scan(tokens)
    if len(scanned) != 1 or any(p.kind is not PlaceKind.COUNTRY for p in scanned[0][2]) or len(scanned[0][2]) != 1:
        return None
    code = scanned[0][2][0].key
    start, end, _ = scanned[0]
    rest = {t.text for i, t in enumerate(tokens) if not start <= i < end}
    if code == TURKIYE or not rest & (_REGION - {"unesco"}) or not rest <= _WHERE | STOPWORDS | _REGION_REST:
        return None
    assert a.members is not None
    return a.members.country_region(code, lang)


def _checked_place(text: str, tokens: list[Word], start: int, end: int, found: list[Place]) -> bool:
    """Whether a country is named as the place checked: "in Australia", "Nijerya'da"."""
    if not found or any(p.kind is not PlaceKind.COUNTRY for p in found):
        return False
    if start > 0 and tokens[start - 1].text == "in":
        return True
    return bool(_LOCATIVE.search(text.split()[tokens[end - 1].index].lower()))


def _asks_a_document(a: Assistant, text: str, lang: Lang, context: Topic | None) -> bool:
    """ "Cork'ta ne kabul edildi?": what was adopted there, not whether the city was
    admitted ("Cork ne zaman kabul edildi?")."""
    words = set(fold_question(text).split())
    if not words & _WHAT or words & _WHEN:
        return False
    fact = a.understanding.fact(text, lang, context)
    return fact is not None and fact.attribute == "outcome"
