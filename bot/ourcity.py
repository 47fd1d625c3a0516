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
_FROM = re.compile(r"'d[ae]n\b")  # a city's name with the ablative this module wrote
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
            if retry.kind == ReplyKind.ANSWER and _FROM.search(named) and not _FROM.search(text):
                return retry  # "Konyalıyım, bizden sonra kim katıldı?": after Konya, not Konya's card
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
    named_at = 0  # the written word that ends the city's name
    for _, end, found in directory.scan(tokens):
        cities |= {
            p.key if p.kind is PlaceKind.PROVINCE else directory.by_id[p.key].city
            for p in found
            if p.kind in _CITY_KINDS
        }
        named_at = tokens[end - 1].index
    if len(cities) != 1:
        return None
    name = cities.pop()
    written = text.split()
    for (
        start,
        end,
    ) in spans:  # "Bolu bizden sonra mı girdi?": "bizden" beside a name in its clause is no city of the asker
        between = written[named_at : tokens[start].index]
        if tokens[end - 1].text.endswith(("den", "dan")) and not any(w[-1] in ",;:.!?" for w in between):
            return None
    for start, end in reversed(spans):
        first, last = tokens[start].index, tokens[end - 1].index
        mark = written[last][-1] if written[last][-1] in ",;:.!?" else ""
        ending = _ablative(name) if tokens[end - 1].text.endswith(("den", "dan")) else ""  # "bizden": "Konya'dan"
        written[first : last + 1] = [f"{name}{ending}{mark}"]
    return " ".join(written)


def _ablative(name: str) -> str:
    """The ablative ending written after a city's name: "'dan" after a back vowel, else "'den"."""
    lowered = name.replace("İ", "i").replace("I", "ı").lower()  # Turkish capitals: "Iğdır" has no "i"
    vowels = [ch for ch in lowered if ch in "aıoueiöü"]
    return "'dan" if vowels and vowels[-1] in "aıou" else "'den"
