"""A question about the asker's own city, read with the city's name.

"Sa, Eskişehirliyim, bizim şehir ilk üyeymiş diye duydum, gerçekten öyle mi?", "Ben
Eskişehirliyim ... Türkiye'nin ilk öğrenen şehri bizmişiz, bu doğru mu?", "Hi, I'm a
teacher from Glasgow. Our city won some UNESCO prize recently, is that right and which
year?": the city is named once, where the asker says who they are, and the question
speaks of it as "bizim şehir", "bizmişiz", "our city". Read with the name in place of
those words ("Eskişehir ilk üyeymiş", "Glasgow won some UNESCO prize"), the question is
one the readings know: Türkiye's first member, the award's winners. When that reading
gets an answer it is given; else the city's own card when the question asks about its
membership (:func:`bot.asides.about_our_city`). Never instead of "I don't have that"
("Konyalıyım, şehrimizin belediye başkanı kim": the mayor is not in the sources).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.asides import about_our_city
from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.placeasked import beyond_the_card
from bot.replies import Reply, ReplyKind

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["our_city", "with_city"]

_WE_RE = re.compile(r"\b([Ww]e)['’]re\b")  # "we're the oldest": "we are the oldest"
_CITY_KINDS = (PlaceKind.MEMBER, PlaceKind.PROVINCE)  # a city, not a country or a region


def our_city(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to ``text`` read with its city's name in place of "our city" and its
    kin, when that reading answers; else :func:`bot.asides.about_our_city`."""
    if reply.kind not in (ReplyKind.NO_ANSWER, ReplyKind.SMALLTALK):
        named = with_city(a, text)
        if named is not None:
            retry = a.ask(named, force_lang=lang or reply.lang)
            agree = retry.kind == reply.kind == ReplyKind.ANSWER and retry.entry_id == reply.entry_id
            if agree and beyond_the_card(a, text):
                return reply  # two readings agree, on what the city's card does not say
            if retry.kind == ReplyKind.ANSWER and reply.kind != ReplyKind.ANSWER:
                return retry  # "Türkiye'nin ilk öğrenen şehri bizmişiz, bu doğru mu?"
    return about_our_city(a, text, reply, lang)


def with_city(a: Assistant, text: str) -> str | None:
    """``text`` with the one city it names in place of the words that stand for the
    asker's city ("bizim şehir", "şehrimiz", "bizmişiz", "our city", "we are"); None when
    it has none of them or names no city, or more than one."""
    chatter = a.understanding.smalltalk.chatter
    members = a.members
    if members is None or not chatter.city_words:
        return None
    text = _WE_RE.sub(r"\1 are", text)
    tokens = words(text)
    spans = chatter.city_word_spans([t.text for t in tokens])
    if not spans:
        return None
    directory = members.directory
    cities: set[str] = set()
    for _, _, found in directory.scan(tokens):
        cities |= {
            p.key if p.kind is PlaceKind.PROVINCE else directory.by_id[p.key].city
            for p in found
            if p.kind in _CITY_KINDS
        }
    if len(cities) != 1:
        return None
    name = cities.pop()
    written = text.split()
    for start, end in reversed(spans):
        first, last = tokens[start].index, tokens[end - 1].index
        mark = written[last][-1] if written[last][-1] in ",;:.!?" else ""
        written[first : last + 1] = [f"{name}{mark}"]
    return " ".join(written)
