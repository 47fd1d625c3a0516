"""A short follow-up the matcher is unsure of, settled by the chat's last answer.

"Türkiye'de?" after "Başvuru nereye gönderiliyor?", "any from Turkey?" after the 2024
award winners, "kazananlar?" after the award: alone, the matcher offers several entries
(how Turkish cities join, whether a Turkish city won the award, Türkiye's members). The
last answer's entry says which one the follow-up means: the entry itself or one of its
``related`` entries (curated in content/faq.yaml), else one with a tag of the last
entry ("Türkiye'den?" after the network's size: Türkiye's members). The best ranked of
the offered entries that is such an entry answers; otherwise the "did you mean" stays.
Used by :mod:`bot.leaning`, only for a question that leans on the context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.conversation import Topic
from bot.lang import Lang
from bot.members.model import list_entry_id, parse_list_entry_id
from bot.replies import Reply, ReplyKind

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["by_the_last_answer", "entry_topic", "more_of"]


def by_the_last_answer(a: Assistant, text: str, reply: Reply, context: Topic) -> Reply | None:
    """The answer to a follow-up offered as "did you mean" (``reply``), when one of the
    entries offered is the chat's last entry or related to it; None otherwise."""
    if reply.kind != ReplyKind.SUGGEST or not context.entry or context.entry not in a.content.faq:
        return None
    if not context.entity and not a.understanding.follow.names_only(text):
        return None  # after an answer about no one thing, only a place asked again ("Türkiye'de?")
    last = a.content.faq[context.entry]
    near = {context.entry, *last.related}
    chosen = next((entry for entry in reply.suggestions if entry in near), None)
    if (
        chosen is None and last.tags and context.entity
    ):  # then an entry of the same topic ("Türkiye'den?" after the network's size)
        tags = set(last.tags)
        chosen = next((e for e in reply.suggestions if e in a.content.faq and tags & set(a.content.faq[e].tags)), None)
    if chosen is None or chosen not in a.content.faq:
        return None
    verdict = a.guard.check(text, chosen)
    if verdict is not None:  # a kind of information the entry does not give, a name it does not know
        return None
    return a.entry_reply(chosen, reply.lang, score=reply.score)


def entry_topic(a: Assistant, entry_id: str, lang: Lang) -> Topic | None:
    """What to remember of an answer about no one thing: a list of members ("Which UK
    cities?", for "and in 2025?"), or a FAQ entry, by its id only (no thing to ask about
    again: "Türkiye'de?" after how to join is settled by it, nothing else leans on it)."""
    if parse_list_entry_id(entry_id) is not None:
        return Topic("entry", entry_id, None, lang, entry=entry_id)
    if entry_id in a.content.faq:
        return Topic("entry", "", None, lang, entry=entry_id)
    return None


def more_of(a: Assistant, text: str, context: Topic, lang: Lang) -> Reply:
    """ "hangileri?", "tell me more" after an answer: the whole card of the last entry; "başka?",
    "any others?" after a member of one year: the others of that year (as "aynı yıl kimler?")."""
    assert context.entry is not None
    members = a.members
    member = members.directory.by_entry.get(context.entry) if members is not None else None
    if member is not None and member.curated is None:  # "Hamburg üye mi?" >> "başka?": Germany's
        return a.entry_reply(list_entry_id(country=member.country), lang)
    same_year = a.understanding.follow.same_year(text, context) if member is not None else None
    if same_year is not None:  # "İzmir 2020'de mi girdi?" >> "başka?": Türkiye's that year
        retry = a.ask(same_year, force_lang=lang)
        if retry.kind == ReplyKind.ANSWER:
            return retry
    return a.entry_reply(context.entry, lang)
