"""Why a place is not there: "istanbul neden yok", "neden Antalya yok?", "why isn't Istanbul
there?", "why is Izmir missing?".

Only a place's name, a word that asks why and a word of absence: the question of
:func:`bot.members.questions.recognise` "İstanbul neden üye değil?" without its membership
word. A place that is no member gets its card after "the sources do not say why"; a member
(it is there after all) its card alone.
"""

from __future__ import annotations

from bot.members.directory import Directory, PlaceKind, words
from bot.members.questions import Ask, MemberQuestion

__all__ = ["why_absent"]

_WHY = frozenset(["neden", "niye", "nicin", "why"])
_ABSENT = frozenset(["yok", "degil", "missing", "absent", "not", "isnt", "arent", "left", "out"])
_BESIDE = frozenset(["listede", "listesinde", "aralarinda", "there", "in", "on", "the", "list", "is", "it", "mi", "ki"])


def why_absent(text: str, directory: Directory) -> MemberQuestion | None:
    """The membership question of a message that asks only why a place is not there; else None."""
    tokens = words(text)
    if not any(w.text in _WHY for w in tokens):
        return None  # no "why": the common case, without a scan
    spans = directory.scan(tokens)
    if len(spans) != 1 or len(tokens) > 8:
        return None
    start, end, places = spans[0]
    rest = {w.text for i, w in enumerate(tokens) if not start <= i < end}
    if not rest & _WHY or not rest & _ABSENT or not rest <= _WHY | _ABSENT | _BESIDE:
        return None
    members = [directory.by_id[p.key] for p in places if p.kind is PlaceKind.MEMBER]
    if members:
        return MemberQuestion(Ask.CITY, members=(members[0],))
    province = next((directory.provinces[p.key] for p in places if p.kind is PlaceKind.PROVINCE), None)
    return MemberQuestion(Ask.CITY, province=province, why=True) if province is not None else None
