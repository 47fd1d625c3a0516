"""A question read without what the asker says about themselves first.

"belediyede halkla ilişkilerde çalışıyorum, ağın kaç üyesi var" is a question about the
network's size; "halkla ilişkiler" (public relations, a topic the content has no answer
for) is only where the asker works. When the whole question gets "I don't have that",
``Assistant.ask`` calls :func:`after_statement`: the question after the statement
(:meth:`bot.chatter.Chatter.statement`) is asked alone, with the names the statement
gives ("İzmir'de çalışıyorum, şehrimiz ne zaman üye oldu": İzmir), and its answer is
taken when it is one. The question after it must not be one the content lacks either
("KOMEK'te çalışıyorum, kurs ücretleri ne kadar" stays "I don't have that").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation import Topic
from bot.lang import Lang
from bot.leaning import AskOne
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["after_statement"]


def after_statement(
    a: Assistant, text: str, reply: Reply, topic: Topic | None, lang: Lang | None, *, read: AskOne
) -> tuple[Reply, Topic | None]:
    """The answer to the question after what the asker says about themselves, when only
    that statement held what the content has no answer for; else ``reply``."""
    split = a.understanding.about_asker(text)
    if split is None:
        return reply, topic
    said, asked = split
    if a.understanding.uncovered(asked) is not None:
        return reply, topic
    names = a.understanding.names_in(fold_question(said))
    retry, retry_topic = read(" ".join([*names, asked]), lang, None)
    if retry.kind == ReplyKind.ANSWER:
        return retry, retry_topic
    return reply, topic
