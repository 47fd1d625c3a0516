"""The one country a chatty question about members asks about.

"Avrupa'da hangi ülkelerden var merak ettim, mesela İsviçre'den var mı?", "küçük ilçeler
de üye olabiliyor mu, örneğin Kore'de ilçeler var mı?": the example is the question one
can answer: that country's members. "My professor claims Slovenia has three learning
cities. Which ones would those be?": the question refers back to the country the
statement names. In both the whole message, with its story words, gets no answer; the
member directory's card of that country (its members, with their sources) is given.
A message that names more than one country, or a city of its own, is left alone ("Is
Hamburg the only German city, for example?").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.clauses import clauses
from bot.lang import Lang
from bot.members.directory import TURKIYE, PlaceKind, words
from bot.members.model import TURKIYE_MEMBERS_ENTRY
from bot.members.vocabulary import vocabulary
from bot.placeasked import beyond_the_card
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question, folded_terms, sentences

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["the_country_asked"]

# Words that begin an example ("mesela İsviçre'den var mı?", "for example Poland?")
_EXAMPLE: tuple[tuple[str, ...], ...] = (
    ("mesela",),
    ("ornegin",),
    ("misal",),
    ("sozgelimi",),
    ("for", "example"),
    ("for", "instance"),
)
_EXAMPLE += (("such", "as"), ("like",), ("eg",), ("e", "g"))
# A question that refers back to the members a statement speaks of ("Which ones would those be?")
_WHICH = frozenset(["hangileri", "hangileriymis", "hangileridir", "isimleri", "kimler"])
_WHICH_ONES: tuple[tuple[str, ...], ...] = (
    ("which", "ones"),
    ("which", "are", "they"),
    ("what", "are", "they"),
    ("which", "cities"),
)
_WHICH_ONES += (("hangi", "sehirler"), ("name", "them"), ("what", "are", "their", "names"))
_WHICH_ONES += (
    ("how", "many", "are", "there"),
    ("how", "many"),
    ("kac", "tane"),
)  # "how many are there?": them, counted
_CITIES = frozenset(["sehir", "sehirler", "sehri", "kent", "city", "cities", "town", "towns", "member", "members"])


def the_country_asked(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The members of the one country ``text`` gives as an example, or that its last
    question refers back to, when the whole got no answer; or that its last question refers
    back to, when the whole's answer is an entry of another thing that the message names
    no word of (a conference read from its country alone); else ``reply``."""
    if a.members is None:
        return reply
    if reply.kind == ReplyKind.ANSWER and reply.entry_id is not None and not a.members.has_entry(reply.entry_id):
        # "My friend says Ireland has a few learning cities. Which ones?": not the conference Ireland hosted
        if beyond_the_card(a, text) or not a.has_entry(reply.entry_id) or reply.entry_id.startswith("city-"):
            return reply
        code = _referred_country(a, text)
    elif reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK):
        code = _example_country(a, text) or _referred_country(a, text)
    else:
        return reply
    if code is None or not a.members.has_entry(f"members-c-{code}"):
        return reply
    if code == TURKIYE and a.has_entry(TURKIYE_MEMBERS_ENTRY):
        return a.entry_reply(TURKIYE_MEMBERS_ENTRY, lang or reply.lang)  # Türkiye's: the FAQ's list
    found = a.members.entry_reply(f"members-c-{code}", lang or reply.lang)
    return found if found is not None else reply


def _example_country(a: Assistant, text: str) -> str | None:
    """The country of a clause that begins with an example word, in a message about
    members ("..., mesela İsviçre'den var mı?")."""
    if not _about_members(text):
        return None
    for clause in clauses(text):
        tokens = fold_question(clause).split()
        if any(tuple(tokens[: len(p)]) == p for p in _EXAMPLE):
            return _one_country(a, text, clause)
    return None


def _referred_country(a: Assistant, text: str) -> str | None:
    """The country the sentences before the last name, when the last asks which ones
    they are and names no place ("... Slovenia has three learning cities. Which ones?")."""
    said = sentences(text)
    if len(said) < 2:
        said = clauses(text)  # "I'm writing an article about Korea's learning cities, how many are there?"
    if len(said) < 2 or not said[-1].rstrip().endswith("?"):
        return None
    last = fold_question(said[-1]).split()
    padded = f" {' '.join(last)} "
    if not (_WHICH.intersection(last) or any(f" {' '.join(p)} " in padded for p in _WHICH_ONES)):
        return None
    if _places(a, said[-1]) or not _CITIES.intersection(fold_question(" ".join(said[:-1])).split()):
        return None
    return _one_country(a, text, " ".join(said[:-1]))


def _about_members(text: str) -> bool:
    """Whether a message speaks of members, cities or countries of the network."""
    v = vocabulary()
    said = set(folded_terms(fold_question(text)))
    return bool(said & (v.listing | v.country)) or bool(_CITIES.intersection(fold_question(text).split()))


def _places(a: Assistant, text: str) -> list[tuple[PlaceKind, str]]:
    """The places ``text`` names, as (kind, key), each once."""
    assert a.members is not None
    found: dict[tuple[PlaceKind, str], None] = {}
    for _, _, places in a.members.directory.scan(words(text)):
        found.update(((p.kind, p.key), None) for p in places)
    return list(found)


def _one_country(a: Assistant, text: str, part: str) -> str | None:
    """The code of the one country ``part`` names, when the whole message names no
    other country and no member city but where the asker says they are."""
    named = _places(a, text)
    countries = {key for kind, key in named if kind is PlaceKind.COUNTRY}
    split = a.understanding.about_asker(text)  # "I'm a student in Ankara.": where the asker is
    asked = _places(a, split[1]) if split is not None else named
    if len(countries) != 1 or any(kind is PlaceKind.MEMBER for kind, _ in asked):
        return None
    code = countries.pop()
    return code if (PlaceKind.COUNTRY, code) in _places(a, part) else None
