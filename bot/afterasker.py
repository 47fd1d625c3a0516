"""The question after what the asker says about themselves, when two readings agree.

"Ya şimdi ben KOMEK'te seramik kursuna gidiyorum, hocamız KOMEK UNESCO üyesi dedi, doğru
mu bu, kaçtan beri?": what the asker says about themselves (:meth:`bot.chatter.Chatter.statement`,
up to "gidiyorum") holds words of other entries (KOMEK's courses), and the whole message
gets only "did you mean", with KOMEK's membership first. The rest, read alone (with the
place names the statement gives when it names none), answers with that very entry: it is
given. Another entry changes nothing (:func:`bot.asides.after_statement` reads the rest
alone only when the whole got no answer at all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["the_rest_agrees"]

_SURE = 90.0  # the score of an answer read alone that is surely the one meant


def the_rest_agrees(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to ``text`` after what the asker says about themselves, when it is the
    entry the whole message's "did you mean" offered first; else ``reply``."""
    if reply.kind != ReplyKind.SUGGEST or not reply.suggestions:
        return reply
    split = a.understanding.about_asker(text)
    if split is None:
        return reply
    said, asked = split
    if not a.understanding.names_in(fold_question(asked)):
        asked = " ".join([*a.understanding.names_in(fold_question(said)), asked])
    retry = a.ask(asked, force_lang=lang or reply.lang)
    agrees = retry.entry_id == reply.suggestions[0] and a.guard.check(text, retry.entry_id) is None
    return retry if retry.kind == ReplyKind.ANSWER and agrees and retry.score >= _SURE else reply
