"""Two questions in one message: the answer that holds both.

"What exactly is UIL and where is it?", "How many Turkish cities are in the network, and
which one was first?": the readings answer one attribute, that of the question asked
last (where UIL is: Hamburg; the first Turkish member: Eskişehir). The first question,
read alone, is about the whole thing (what UIL is, Türkiye's members), and its answer
already says what the second asks (UIL's card says it is in Hamburg; the list of
Türkiye's members begins with Eskişehir). Then that answer is given: it answers both.
The two answers must be entries the content relates (what UIL is and its address): two
questions about two things are left alone.
When the first question's answer does not hold what the whole's says, the whole's
answer stays ("Konya ne zaman katıldı, kaçıncı üye?": the card does not give its rank).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.clauses import asks, clauses
from bot.factchecks import OR_WORDS
from bot.lang import Lang
from bot.referring import points_back
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import fold, fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["both_asked", "each_answered", "questions"]

_BOLD = re.compile(r"<b>(.*?)</b>", re.S)
_TAGS = re.compile(r"<[^>]+>")
# A second question joined to the first in one clause ("what is UIL and where is it?")
_JOINED = re.compile(
    r"\s+(?:and|ve|bir de)\s+(?=(?:what|where|when|which|who|how|is|are|was|were|did|does|ne|nerede|hangi|kaç|kim)\b)",
    re.I,
)
_TWO = 2  # two questions in one message, no more
# The questions being read now as the follow-up of the one thing they name ("... aynı yıl ...")
_READING: ContextVar[frozenset[str]] = ContextVar("same_year_reading", default=frozenset())
_TURKIYE = frozenset(["turk", "turkiye", "turkey", "turkish"])  # the country of the one city named, no thing of its own
_MIN_VALUE = 3  # a bold value shorter than this ("2.") is no sign of what an answer holds
# A second question asked only if the first's answer is no ("..., değilse nasıl başvururuz?")
_IF_NOT = frozenset(["degilse", "olmadiysa", "otherwise", "değilse"])


def questions(text: str) -> list[str]:
    """The parts of ``text`` that ask, in order: its asking clauses, each split where a
    second question is joined to it ("what exactly is UIL and where is it?")."""
    parts = [piece for clause in clauses(text) for piece in _JOINED.split(clause) if piece.strip()]
    return [p for p in parts if asks(p)]


def both_asked(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to the first of two questions in ``text`` when it holds what the whole
    message's answer says (the values it gives in bold), or when the whole was refused
    only for being two questions (:func:`each_answered`); else both answers, when each
    question alone gets one of its own (:func:`_each_its_answer`); else ``reply``."""
    if reply.kind == ReplyKind.NO_ANSWER:
        return each_answered(a, text, reply, lang)
    asked = questions(text) if reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK, ReplyKind.ANSWER) else []
    if len(asked) == _TWO and a.understanding.follow.names_only(_without_or(asked[1])):
        return reply  # "Ankara mı önce katıldı, İzmir mi?": one question between two things
    if len(asked) == _TWO and _IF_NOT.intersection(fold_question(asked[1]).split()[:2]):
        found = _if_not(a, asked, lang or reply.lang)  # "Antalya üye mi, değilse nasıl başvururuz?"
        if found is not None:
            return found
    found = _one_holds_both(a, asked, reply, lang)
    if found is reply and len(asked) == _TWO:
        return _each_its_answer(a, asked, reply, lang) or reply
    return found


def _if_not(a: Assistant, asked: list[str], lang: Lang) -> Reply | None:
    """The first question's sure answer, then the second's when the first says the place
    is not a member ("Antalya üye mi, değilse nasıl başvururuz?": not a member, and how to
    join); the first's alone when it is ("Bolu üye mi, değilse ..."); None when it is not sure."""
    first = a.ask(asked[0], force_lang=lang)
    if first.kind != ReplyKind.ANSWER or first.score < SURE_SCORE:
        return None
    if a.members is None or not a.members.not_a_member(first.entry_id):
        return first
    then = a.ask(asked[1], force_lang=lang)
    if then.kind != ReplyKind.ANSWER or then.entry_id == first.entry_id:
        return first
    return replace(first, messages=(*first.messages, *then.messages), buttons=then.buttons)


def _without_or(question: str) -> str:
    """``question`` (folded) without the "yoksa", "or" it begins with ("yoksa İzmir mi?")."""
    words = fold_question(question).split()
    while words and words[0] in OR_WORDS:
        words = words[1:]
    return " ".join(words)


def _each_its_answer(a: Assistant, asked: list[str], reply: Reply, lang: Lang | None) -> Reply | None:
    """ "Ağa üye olmanın şartları neler? Bir de üye olunca rapor vermek gerekiyor mu?": two
    questions about two entries, each answered alone: both answers, the first's first
    ("When was the network founded? And where is UIL?": not when UIL was founded); None
    when either is not answered alone, or both get the same entry."""
    if any(points_back(a, question) for question in asked):
        return None  # "bu ne demek?", "can we apply?": a question that leans on the rest is not one alone
    first, second = (a.ask(question, force_lang=lang or reply.lang) for question in asked)
    ids = (first.entry_id, second.entry_id)
    if _goes_on_from(a, first, second, asked[1], reply):
        return first  # "Gaziantep öğrenen şehir mi, değilse nasıl olabilir?": its status (which says how to join)
    if first.kind != ReplyKind.ANSWER or second.kind != ReplyKind.ANSWER or None in ids or ids[0] == ids[1]:
        return None
    # the whole's answer stays the answer (its buttons) when it is one of the two: else it mixed them
    main = reply if reply.kind == ReplyKind.ANSWER and reply.entry_id in ids else first
    return replace(main, messages=(*first.messages, *second.messages))


def _goes_on_from(a: Assistant, first: Reply, second: Reply, question: str, reply: Reply) -> bool:
    """Whether the second question only goes on from the first, which alone gets a sure
    answer while the whole got none: it names nothing of its own and is not answered alone,
    nor refused (a question the content lacks keeps the whole's reply)."""
    return (
        reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK)
        and first.kind == ReplyKind.ANSWER
        and first.score >= SURE_SCORE
        and second.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK)
        and not a.understanding.names_in(fold_question(question))
    )


def _one_holds_both(a: Assistant, asked: list[str], reply: Reply, lang: Lang | None) -> Reply:
    """The first question's answer when it holds what the whole's says (or the same year's
    members, or two facts of one thing); else ``reply``."""
    same_year = _then_the_same_year(a, asked, reply, lang) if len(asked) == _TWO else None
    if len(asked) == 1 and reply.kind != ReplyKind.ANSWER:  # "Sakarya ile aynı yıl hangi şehirler katıldı?"
        same_year = _the_same_year_as(a, asked[0], lang or reply.lang)  # the question's, not the name's ("Izmir")
    if same_year is not None or reply.kind != ReplyKind.ANSWER:
        return same_year or reply
    if reply.entry_id is None or reply.score < SURE_SCORE or len(asked) < _TWO:
        return reply  # the readings' sure answer to one of the questions (a fact: one attribute)
    merged = _two_facts(a, asked, reply, lang or reply.lang)  # "Pekin konferansı ne zaman, hangi belge çıktı?"
    if merged is not None:
        return merged
    values = [fold(_TAGS.sub("", v)) for v in _BOLD.findall(" ".join(reply.messages))]
    values = [v for v in values if len(v) >= _MIN_VALUE]
    if not values:
        return reply
    retry = a.ask(asked[0], force_lang=lang or reply.lang)
    if retry.kind != ReplyKind.ANSWER or retry.entry_id in (None, reply.entry_id):
        return reply
    if not _related(a, reply.entry_id, retry.entry_id):  # two questions about one thing, not two things
        return reply
    held = fold(_TAGS.sub(" ", " ".join(retry.messages)))
    return retry if all(v in held for v in values) else reply


def _two_facts(a: Assistant, asked: list[str], reply: Reply, lang: Lang) -> Reply | None:
    """``reply`` (one attribute of a thing) with the other attribute the two questions ask
    of the same thing: "Pekin konferansı hangi tarihlerdeydi, bir de hangi belge çıktı?"
    gets the dates and the document; None when the questions ask one attribute or two things."""
    first = a.understanding.fact(asked[0], lang, None)
    if first is None or first.missing or first.card != reply.entry_id:
        return None
    said = reply.messages[0]
    if first.html not in said:  # the whole answered the second question: the first's first
        return replace(reply, messages=(f"{first.html} {said}", *reply.messages[1:]))
    second = a.understanding.fact(asked[1], lang, first.topic)  # "bir de teması?": of the same thing
    if second is None or second.missing or second.card != reply.entry_id or second.html in said:
        return None
    return replace(reply, messages=(said.replace(first.html, f"{first.html} {second.html}", 1), *reply.messages[1:]))


def _then_the_same_year(a: Assistant, asked: list[str], reply: Reply, lang: Lang | None) -> Reply | None:
    """ "When did Bursa join, and was anyone else from Turkey in the same batch?": the
    first question's answer, then the second read as its follow-up (that year's others);
    None unless the whole was answered with the first's answer alone, or not at all."""
    if not a.understanding.follow.says_same_year(asked[1]):
        return None

    def goes_on(first: Reply) -> bool:
        return reply.kind != ReplyKind.ANSWER or reply.entry_id == first.entry_id

    first, second = _in_turn(a, asked[0], asked[1], lang, goes_on=goes_on)
    if second is None or second.kind != ReplyKind.ANSWER or second.messages == first.messages:
        return None
    return replace(second, messages=(*first.messages, *second.messages))


def _the_same_year_as(a: Assistant, question: str, lang: Lang | None) -> Reply | None:
    """ "Sakarya ile aynı yıl hangi şehirler katıldı?": the question read as a follow-up of
    the one thing it names (its card first, kept out of the reply)."""
    names = [n for n in a.understanding.names_in(fold_question(question)) if n not in _TURKIYE]  # "... Türk şehirleri"
    if len(names) != 1 or not a.understanding.follow.says_same_year(question) or question in _READING.get():
        return None  # not again while it is read as that follow-up (it would ask itself without end)
    token = _READING.set(_READING.get() | {question})
    try:
        _, found = _in_turn(a, names[0], question, lang)
    finally:
        _READING.reset(token)
    return found if found is not None and found.kind == ReplyKind.ANSWER else None


def _in_turn(
    a: Assistant, first: str, then: str, lang: Lang | None, *, goes_on: Callable[[Reply], bool] = lambda r: True
) -> tuple[Reply, Reply | None]:
    """``first`` asked, then ``then`` as its follow-up when ``first`` was answered (and
    ``goes_on`` says so), in a conversation of the two alone, forgotten after."""
    chat = ("same year", first, then)
    try:
        asked = a.ask(first, force_lang=lang, chat=chat)
        if asked.kind != ReplyKind.ANSWER or not goes_on(asked):
            return asked, None
        return asked, a.ask(then, force_lang=lang or asked.lang, chat=chat)
    finally:
        a.conversations.forget(chat)


def _related(a: Assistant, one: str, other: str | None) -> bool:
    """Whether the content relates two entries (either lists the other as related)."""
    faq = a.content.faq
    return other is not None and (
        (one in faq and other in faq[one].related) or (other in faq and one in faq[other].related)
    )


def each_answered(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The first question's answer, when the whole message was refused although each of
    its questions, read alone, is answered ("When was the network founded and who runs
    it?": the network's history has no one who runs it, so the whole asked for a person
    its answer lacks). A question the content lacks keeps the refusal ("... and how much
    does membership cost?"), as does a message that names a topic the content lacks."""
    if a.understanding.uncovered(text) is not None:
        return reply
    asked = questions(text)
    if len(asked) != _TWO:
        return reply
    first, second = asked
    names = a.understanding.names_in(fold_question(first))
    if not a.understanding.names_in(fold_question(second)):
        second = " ".join([*names, second])  # "who runs it?": the network, named in the first
    replies = [a.ask(q, force_lang=lang or reply.lang) for q in (first, second)]
    if all(r.kind == ReplyKind.ANSWER for r in replies):
        return replies[0]
    return reply
