"""A question read against the chat's last topic, when it leans on it.

``Assistant.ask`` first answers a question on its own; with a context (the chat's last
topic, :mod:`bot.conversation`) it then calls :func:`leaning`: "the same year" is the
last thing's year; a question that leans on the context ("ne zaman katıldı?", "peki
Bolu?") is read with it, or asked again in full about the thing named before; a fresh
full question the content has almost word for word keeps its own answer. The words are
:mod:`bot.followups`'; this module only decides which reading wins.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.amongfollow import among_the_last
from bot.conversation import Topic
from bot.lang import Lang
from bot.memberfollow import member_follow_up
from bot.relatedfollow import by_the_last_answer
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import fold_question
from bot.yearshift import shifted_year

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["SURE_ALONE", "AskOne", "leaning"]

SURE_ALONE = 95.0  # the score at which a question that names nothing is taken as asked afresh
# One question, in a language (or None), with a context (or None): the reply and the topic
AskOne = Callable[[str, Lang | None, Topic | None], tuple[Reply, Topic | None]]


def leaning(
    a: Assistant,
    text: str,
    reply: Reply,
    topic: Topic | None,
    context: Topic,
    lang: Lang | None,
    *,
    ask: AskOne,
    read: AskOne,
) -> tuple[Reply, Topic | None]:
    """The reply to ``text`` (already answered alone as ``reply``) with the chat's last
    topic: ``ask`` answers one question as it is, ``read`` without the chatter around it."""
    follow = a.understanding.follow
    among = among_the_last(a, text, context, lang or reply.lang)  # "was Cork among them?" after 2024's winners
    if among is not None:
        return among, context
    same_year = follow.same_year(text, context)  # "aynı yıl kimler katıldı?": that year's
    if same_year is not None:
        retry, retry_topic = ask(same_year, lang or reply.lang, None)
        if retry.kind == ReplyKind.ANSWER:
            return retry, retry_topic or _topic(a, retry, same_year)
    shifted = shifted_year(follow, text, context)  # "what about two years later?" after 2022's count
    if shifted is not None:
        retry, retry_topic = ask(shifted, lang or reply.lang, context)
        if retry.kind == ReplyKind.ANSWER:
            return retry, retry_topic or _topic(a, retry, shifted)
    listed = member_follow_up(a, text, context, lang or reply.lang)  # "and in 2025?" after a country's list
    if listed is not None:
        return listed
    placed = _its_place_in_its_country(a, text, context)  # "kaçıncı Türk üyesi?" after Ankara
    follow_up = placed or follow.is_follow_up(text)
    if placed or not (reply.kind == ReplyKind.ANSWER and _stands_alone(a, text, reply, follow_up)):
        # A fresh full question wins over the context; what leans on it is read with it
        reply, topic = read(text, lang, context)
    if follow_up and (reply.kind != ReplyKind.ANSWER or follow.names_only(text)):
        # "peki Konya?" after Hamburg: Konya's membership, not the nearest entry naming Konya
        said = a.understanding.without_chatter(text) or text  # "and what about Izmir, my hometown?": Izmir
        for full in follow.rewrites(said, context):
            retry, retry_topic = ask(full, lang or reply.lang, None)
            if retry.kind == ReplyKind.ANSWER:
                return retry, retry_topic or _topic(a, retry, full)  # the question in full, to lean on next
    if follow_up and reply.score < SURE_SCORE and context.name and context.entry:
        # "ne zamandan beri?" after "Hamburg üye mi?": Hamburg's, when the question alone was not sure
        for full in follow.rewrites(a.understanding.without_chatter(text) or text, context):
            retry, retry_topic = ask(full, lang or reply.lang, None)
            if retry.kind == ReplyKind.ANSWER and retry.entry_id == context.entry and retry.score >= SURE_SCORE:
                return retry, retry_topic or _topic(a, retry, full)
    settled = by_the_last_answer(a, text, reply, context) if follow_up else None  # "Türkiye'de?" after how to join
    if settled is not None:
        return settled, None
    return reply, topic


# "kaçıncı Türk üyesi?" after Ankara: a place in an order, of no thing named but the last one's country
_RANK = ("kacinci", "sirada")
_RANK_EN = (("what", "position"), ("which", "position"), ("what", "number"), ("in", "order"), ("which", "number"))
_TURKIYE = frozenset(["turk", "turkiye", "turkey", "turkish", "ulkemiz", "ulkemizden"])


def _its_place_in_its_country(a: Assistant, text: str, context: Topic) -> bool:
    """Whether ``text`` asks the last Turkish member's place in Türkiye's order, naming
    no thing but Türkiye ("kaçıncı Türk üyesi?", "Türkiye'den kaçıncı üye oldu?", "which
    Turkish member was it, in order?"): it leans on the last member, as "kaçıncı üye?" does."""
    if context.kind != "tr-member" or not context.entity:
        return False
    words = fold_question(text).split()
    ranked = any(w.startswith(_RANK) for w in words) or bool(set(_RANK_EN) & set(pairwise(words)))
    names = a.understanding.names_in(" ".join(words))
    return ranked and bool(names) and all(set(n.split()) <= _TURKIYE for n in names)


def _topic(a: Assistant, reply: Reply, question: str) -> Topic | None:
    """What to remember of an answer to ``question`` (see ``FollowUps.topic_of_answer``)."""
    if not reply.entry_id:
        return None
    return a.understanding.follow.topic_of_answer(reply.entry_id, question, reply.lang)


def _stands_alone(a: Assistant, text: str, reply: Reply, follow_up: bool) -> bool:
    """Whether a question answered without the chat's context keeps that answer: it does
    not lean on the context, or it names nothing ("ağda kaç şehir var" after Konya) but
    is not opened as a follow-up ("peki ...", two words) and the content has it almost
    word for word ("kaç şehir aldı?" after the award is the award's)."""
    if not follow_up:
        return True
    if a.understanding.follow.opens_follow_up(text):
        return False
    best = a.matcher.match(text).best  # the content's own phrasing, not a loose reading
    return best is not None and best.entry_id == reply.entry_id and best.score >= SURE_ALONE
