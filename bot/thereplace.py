"""A word that points at the one place a message names: "there", "orada", "is it ...".

"Kardeşim Almanya'da yaşıyor, orada öğrenen şehir var mı?", "My sister lives in Germany,
are there learning cities there?", "I'm moving to Cork, is it a learning city?": the
question points at the place the asker's story names. Read with that place's name in
place of the pointing word ("Almanya öğrenen şehir var mı", "is Cork a learning city"),
the question is one about that place; when that reading answers with the place's own
card (its members, the member's card, a province's "no"), that card is given: the
question is about the place, whatever the words around it leaned to. So is a sure answer
that speaks of the place ("I live near Cork. What came out of the conference there?": the
Cork conference) where the whole got none, or an unsure one. A message that names
no place, or more than one, is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.members.model import list_entry_id, province_entry_id
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import fold

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["the_place_pointed_at", "with_place"]

_THERE = frozenset(["orasi", "orada", "oranin", "oraya", "orasinin", "orasida", "there"])
_EXISTENTIAL = frozenset(["is", "are", "was", "were", "any", "isnt", "arent"])  # "are there ...": no place
_IT = frozenset(["it"])
_IT_ASKED = frozenset(["is", "was", "did", "does", "has", "isnt", "wasnt", "hasnt"])  # "is it a learning city"


def with_place(a: Assistant, text: str) -> tuple[str, str, str] | None:
    """``text`` with the one place it names in place of the words that point at it, the
    entry id of that place's card, and its name as written; None when nothing points, or
    no one place is named."""
    if a.members is None:
        return None
    tokens = words(text)
    folded = [t.text for t in tokens]
    if not (_THERE | _IT).intersection(folded):
        return None  # nothing points (most questions: no more reading)
    directory = a.members.directory
    there = [
        i
        for i, t in enumerate(folded)
        if t in _THERE and not (t == "there" and i > 0 and folded[i - 1] in _EXISTENTIAL)
    ]
    it = [
        i
        for i, t in enumerate(folded)
        if t in _IT and i > 0 and folded[i - 1] in _IT_ASKED and folded[max(0, i - 2)] != "what"
    ]
    if it:  # "it" is a place only when the message names no other thing ("... about KOMEK. what is it?")
        things = [n for n in a.understanding.names_in(" ".join(folded)) if not directory.lookup(n, fuzzy=False)]
        it = [] if things else it
    pointing = sorted(there + it)
    if not pointing:
        return None
    places: dict[tuple[PlaceKind, str], str] = {}
    for start, end, found in directory.scan(tokens):
        for p in found:
            if p.kind is not PlaceKind.REGION:
                places[(p.kind, p.key)] = " ".join(dict.fromkeys(t.raw for t in tokens[start:end]))
    if len(places) != 1:
        return None
    (kind, key), name = next(iter(places.items()))
    if kind is PlaceKind.MEMBER:
        card = directory.by_id[key].entry_id
    elif kind is PlaceKind.COUNTRY:
        card = list_entry_id(country=key)
    else:
        card = province_entry_id(key)
    written = text.split()
    for i in reversed(pointing):
        at = tokens[i].index
        mark = written[at][-1] if written[at][-1] in ",;:.!?" else ""
        written[at] = f"{name}{mark}"
    return " ".join(written), card, name


def the_place_pointed_at(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The card of the one place ``text`` names and points at ("orada", "there", "is it"),
    when reading it with the place's name answers with that card; else ``reply``."""
    if reply.kind in (ReplyKind.NO_ANSWER, ReplyKind.SMALLTALK):
        return reply
    found = with_place(a, text)
    if found is None:
        return reply
    named, card, name = found
    if reply.entry_id == card:
        return reply
    if reply.kind == ReplyKind.ANSWER and reply.score >= SURE_SCORE and fold(name) in fold(" ".join(reply.messages)):
        return reply  # "where is it based, Hamburg right?" after UIL: UIL's place, which is Hamburg
    retry = a.ask(named, force_lang=lang or reply.lang)
    if retry.kind != ReplyKind.ANSWER:
        return reply
    if retry.entry_id == card:
        return retry
    # "I live near Cork. What came out of the conference there?": a sure answer about the place
    about = fold(name) in fold(" ".join(retry.messages))
    sure = retry.score >= SURE_SCORE and (reply.kind != ReplyKind.ANSWER or reply.score < SURE_SCORE)
    return retry if sure and about else reply
