"""A term in quotes and a question of what it is.

"Torunum "UNESCO öğrenen şehir" diye bir şey söyledi, bu tam olarak ne oluyor?", "My
grandson mentioned something called a "learning city". What is that exactly?": the
question asks what the quoted term is, and points at it ("bu", "that") or asks nothing
else; the story around it (KOMEK's courses, the grandson) is not the question. The term
is read alone, as "X nedir?" / "What is X?".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.clauses import asks, clauses
from bot.lang import Lang
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import STOPWORDS, fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["the_quoted_term", "what_is_quoted"]

_MARKS = '"“”«»„'
# A term in double quotes, or in single ones that stand apart from the words around them
# (not the apostrophe of a Turkish ending: "KOMEK'te")
_QUOTED = re.compile(
    rf"[{_MARKS}]([^{_MARKS}]{{2,60}})[{_MARKS}]|(?:^|(?<=\s))['‘’]([^'‘’]{{2,60}})['‘’](?=[\s,.!?:;]|$)"
)
_MAX_WORDS = 6  # a term, not a sentence in quotes
# What asks what a thing is (folded), and the words that may stand beside it
_WHAT = (
    ("ne", "demek"),
    ("nedir",),
    ("ne", "oluyor"),
    ("ne", "anlama", "geliyor"),
    ("neymis",),
    ("neyin", "nesi"),
    ("bu", "ne"),
    ("o", "ne"),
    ("su", "ne"),
    ("what", "is"),
    ("whats",),
    ("what", "does", "it", "mean"),
    ("what", "does", "that", "mean"),
    ("what", "does", "this", "mean"),
    ("what", "is", "meant"),
)
_BESIDE = frozenset(
    [
        "demek",
        "oluyor",
        "anlama",
        "geliyor",
        "nesi",
        "mean",
        "means",
        "meant",
        "does",
        "do",
        "exactly",
        "actually",
        "really",
    ]
)
_BESIDE |= frozenset(["bu", "o", "su", "it", "that", "this", "tam", "olarak", "yani", "acaba", "peki", "ki"])


def what_is_quoted(text: str) -> str | None:
    """The one term ``text`` quotes, when its last question asks only what that is; else None."""
    found = {(m.group(1) or m.group(2)).strip() for m in _QUOTED.finditer(text)}
    if len(found) != 1:
        return None
    term = found.pop()
    if not term or len(term.split()) > _MAX_WORDS or any(mark in term for mark in "?!"):
        return None
    asking = [c for c in clauses(text) if asks(c)]
    if not asking:
        return None
    words = fold_question(_QUOTED.sub(" ", asking[-1])).split()
    if not any(_has(words, what) for what in _WHAT):
        return None
    if any(w not in STOPWORDS and w not in _BESIDE for w in words):
        return None  # "'öğrenen şehir' olan Konya ne zaman katıldı?" asks something else
    return term


def _has(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


# The question of what a term is, asked two ways: "nedir" reads a name ("GNLC nedir?"),
# "ne demek" a phrase ("UNESCO öğrenen şehir ne demek?")
_ASKED = {"tr": ("{} nedir?", "{} ne demek?"), "en": ("What is {}?", "What does {} mean?")}


def the_quoted_term(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to what the quoted term is (:func:`what_is_quoted`), read alone: instead
    of another entry's answer or of nothing at all; its "did you mean" instead of an answer
    that was not sure; else ``reply``."""
    if reply.kind == ReplyKind.SMALLTALK:
        return reply
    term = what_is_quoted(text)
    if term is None:
        return reply
    lang = lang or reply.lang
    retry = reply
    for shape in _ASKED[lang]:
        retry = a.ask(shape.format(term), force_lang=lang)
        if retry.kind == ReplyKind.ANSWER:
            return retry if retry.entry_id != reply.entry_id else reply
    sure = reply.kind == ReplyKind.ANSWER and reply.score >= SURE_SCORE
    if retry.kind == ReplyKind.SUGGEST and reply.kind == ReplyKind.ANSWER and not sure:
        return retry
    return reply
