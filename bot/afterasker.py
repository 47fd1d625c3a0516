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

from bot.clauses import asks
from bot.lang import Lang
from bot.referring import points_back
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import INTENT_WORDS, STOPWORDS, fold_question, sentences, terms

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["the_leading_question", "the_rest_agrees", "the_sure_question_sentence"]

_SURE = 90.0  # the score of an answer read alone that is surely the one meant
_MIN_KNOWN = 2  # words of its own the content knows, for a question that names nothing


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


def the_sure_question_sentence(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The sure answer of the last sentence of ``text`` when it is the one that asks, names
    what it asks about and points back at nothing, and the whole's answer was not sure
    ("KOMEK'in kurslarını çok seviyorum. Ağda kaç ülke var?": the network's countries, not
    KOMEK); else ``reply``."""
    if reply.kind != ReplyKind.ANSWER:
        return reply
    said = sentences(text)
    if len(said) < 2 or not said[-1].rstrip().endswith("?"):
        return reply
    question, story = said[-1], said[:-1]
    if reply.score >= SURE_SCORE and not _drawn_away(a, question, story):
        return reply  # a sure answer stays, unless the story's names drew it ("kimi Konya dedi kimi Eskişehir")
    if any(asks(s) for s in story) or points_back(a, question) or a.understanding.says_our_city(text):
        return reply
    if not a.understanding.names_in(fold_question(question)) and not _known_words(a, question):
        return reply  # "Which one?": the question leans on the story
    retry = a.ask(question, force_lang=lang or reply.lang)
    if retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE and retry.entry_id != reply.entry_id:
        return retry
    return reply


def _drawn_away(a: Assistant, question: str, said: list[str]) -> bool:
    """Whether the rest of the message (``said``) names places or things the question does not."""
    names = set(a.understanding.names_in(fold_question(" ".join(said))))
    return bool(names - set(a.understanding.names_in(fold_question(question))))


def the_leading_question(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer of the first sentence of ``text`` when it is the one that asks and the
    rest is a remark after it ("Ödüle hangi şehirler başvurabiliyor? Bizim belediye yeni
    üye sayılır, boşuna uğraşmayalım diye soruyorum", "Türkiye'den ilk üye olan şehir
    hangisi? Eşim Konya diyor ben Eskişehir diyorum"): read alone, when it names what it
    asks about and points back at nothing. It replaces a "did you mean" or nothing with an
    answer, and an answer that names the remark gives drew away with a sure answer of
    another entry; else ``reply``."""
    if reply.kind not in (ReplyKind.ANSWER, ReplyKind.SUGGEST, ReplyKind.FALLBACK):
        return reply
    said = sentences(text)
    if len(said) < 2 or not said[0].rstrip().endswith("?"):
        return reply
    question, remark = said[0], said[1:]
    if any(asks(s) for s in remark) or points_back(a, question) or a.understanding.says_our_city(text):
        return reply
    if not a.understanding.names_in(fold_question(question)) and not _known_words(a, question):
        return reply  # "Ne zaman kuruldu? KOMEK'i soruyorum": the question leans on the remark
    retry = a.ask(question, force_lang=lang or reply.lang)
    if retry.kind != ReplyKind.ANSWER or retry.entry_id == reply.entry_id:
        return reply
    if reply.kind != ReplyKind.ANSWER:
        return retry
    # an answer stays unless it was not sure, or the remark's names drew it away ("Eşim Konya
    # diyor"), not its words about the thing asked ("... ertelenmiş miydi? Mayıs'ta olacaktı galiba")
    if reply.score < SURE_SCORE and retry.score > reply.score:
        return retry  # "what's the email for the team? need to cc them on our application": not how to apply
    quiet = not _says_anything(a, " ".join(remark))  # "... kaç gün sürdü? Sunumda kullanacağım."
    return retry if retry.score >= SURE_SCORE and (quiet or _drawn_away(a, question, remark)) else reply


def _says_anything(a: Assistant, remark: str) -> bool:
    """Whether a remark has a word the content knows besides its chatter ("Sunumda
    kullanacağım", "Hocamız ödev verdi de" say nothing of the content's)."""
    understanding = a.understanding
    if understanding.only_chatter(remark):
        return False
    left = fold_question(understanding.without_chatter(remark) or remark).split()
    story = understanding.people_terms()  # "öğrencilerime", "sunumda": the asker's people and work
    return any(t not in STOPWORDS and understanding.knows(t) and not set(terms(t)) <= story for t in left)


def _known_words(a: Assistant, text: str) -> bool:
    """Whether ``text`` has at least two words of its own that the content knows."""
    words = [t for t in fold_question(text).split() if t not in STOPWORDS and t not in INTENT_WORDS]
    return sum(a.understanding.knows(t) for t in words) >= _MIN_KNOWN
