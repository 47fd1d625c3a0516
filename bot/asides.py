"""A question read without what the asker says about themselves first, or with it.

"belediyede halkla ilişkilerde çalışıyorum, ağın kaç üyesi var" is a question about the
network's size; "halkla ilişkiler" (public relations, a topic the content has no answer
for) is only where the asker works. When the whole question gets "I don't have that",
``Assistant.ask`` calls :func:`after_statement`: the question after the statement
(:meth:`bot.chatter.Chatter.statement`) is asked alone, with the names the statement
gives ("İzmir'de çalışıyorum, şehrimiz ne zaman üye oldu": İzmir), and its answer is
taken when it is one. The question after it must not be one the content lacks either
("KOMEK'te çalışıyorum, kurs ücretleri ne kadar" stays "I don't have that").

The other way round, "Yozgat belediyesinde çalışıyorum, İngilizcem iyi değil: what year
our city accepted?" asks about the city the statement names: :func:`about_our_city`
gives that member's card when the question speaks of "our city" ("şehrimiz") and of
membership, and the reading alone found nothing better.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.afterasker import the_rest_agrees
from bot.clauses import the_asking_clauses, the_leaning_clause
from bot.conversation import Topic
from bot.countryasked import the_country_asked
from bot.lang import Lang
from bot.leaning import AskOne
from bot.members.directory import PlaceKind, words
from bot.members.vocabulary import STILL_WORDS, vocabulary
from bot.referring import names_the_network, points_back, the_referred_question
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import fold_question, folded_terms, last_clause, sentences

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["about_our_city", "after_statement", "the_asking_part", "the_question_sentence"]


# Words that ask about a membership: with "our city", the city's card answers
_MEMBERSHIP = frozenset(["ne", "zaman", "zamandan", "yil", "yili", "sene", "when", "since", "year", "still", "hala"])


def after_statement(
    a: Assistant, text: str, reply: Reply, topic: Topic | None, lang: Lang | None, *, read: AskOne
) -> tuple[Reply, Topic | None]:
    """The answer to the question after what the asker says about themselves, when only
    that statement held what the content has no answer for; else the answer to the
    clauses that ask, when only the others hold it (:mod:`bot.clauses`); else ``reply``."""
    found, found_topic = _after_statement(a, text, reply, topic, lang, read=read)
    if found is not reply:
        return found, found_topic
    return the_asking_clauses(a, text, reply, lang), topic


def _after_statement(
    a: Assistant, text: str, reply: Reply, topic: Topic | None, lang: Lang | None, *, read: AskOne
) -> tuple[Reply, Topic | None]:
    split = a.understanding.about_asker(text)
    if split is None:
        return reply, topic
    said, asked = split
    asked = a.understanding.without_chatter(asked) or asked  # "müdürüm Bursa'nın hangi yıl ... sordu"
    if a.understanding.uncovered(asked) is not None:
        # "belediyede yeni başladım, müdür bir dosya verdi, bu ağ neyin nesi?": the last clause asks
        clause = last_clause(asked).strip()
        if clause == asked.strip() or len(clause.split()) < 2 or a.understanding.uncovered(clause) is not None:
            return reply, topic
        said, asked = f"{said} {asked[: asked.rfind(clause)]}", clause
    named = _with_names(a, asked, said)
    of_its_own = not points_back(a, asked) and not a.understanding.only_chatter(asked)  # not "Can you help?"
    if named != asked and of_its_own:  # "I volunteer in Konya. What are the network's aims?"
        alone, alone_topic = read(asked, lang, None)
        if alone.kind == ReplyKind.ANSWER:
            return alone, alone_topic
    retry, retry_topic = read(named, lang, None)
    if retry.kind == ReplyKind.ANSWER:
        return retry, retry_topic
    return reply, topic


def about_our_city(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The card of the one member a question names, when it asks about "our city"
    ("şehrimiz", "our city") and its membership and the reading alone gave no answer or
    another entry's; else ``reply``. Never instead of "I don't have that"."""
    members = a.members
    if members is None or reply.kind in (ReplyKind.NO_ANSWER, ReplyKind.SMALLTALK):
        return reply
    if not a.understanding.says_our_city(text):
        return reply
    tokens = words(text)
    named = {p.key for _, _, found in members.directory.scan(tokens) for p in found if p.kind is PlaceKind.MEMBER}
    if len(named) != 1:
        return reply
    member = members.directory.by_id[named.pop()]
    if reply.kind == ReplyKind.ANSWER and reply.entry_id == member.entry_id:
        return reply
    v = vocabulary()
    said = set(folded_terms(" ".join(w.text for w in tokens)))
    folded = {w.text for w in tokens}
    if not (said & (v.membership | v.status | v.learning_city) or folded & (_MEMBERSHIP | STILL_WORDS)):
        return reply  # "our city Konya: where is KOMEK?" asks something else
    if a.understanding.uncovered(text) is not None or a.guard.check(text, member.entry_id) is not None:
        return reply
    return members.members_reply((member,), lang or reply.lang)


def the_question_sentence(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """In a message of several sentences ("Hello! I'm from Cork originally and I remember a
    big UNESCO event in town. Which conference was that?"), the one sentence that asks,
    read alone (with the names the others give when it names none), when the whole got
    only "did you mean" or nothing and that sentence gets a sure answer; else that sentence
    without those names, when it does not point back at them ("I work for a municipality in
    Portugal. Could you walk me through how a city becomes a member?"); else ``reply``."""
    said = sentences(text)
    asking = [s for s in said if s.rstrip().endswith("?")]
    if len(said) < 2 or len(asking) != 1:
        return reply
    question = asking[0]
    others = " ".join(s for s in said if s is not question)
    if a.understanding.uncovered(question) is not None:
        return reply
    named = _with_names(a, question, others)
    retry = a.ask(named, force_lang=lang or reply.lang)
    if retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE:
        return retry
    if named != question and not points_back(a, question):  # "I work in Portugal. How does a city join?"
        retry = a.ask(question, force_lang=lang or reply.lang)
        if retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE:
            return retry
    return _with_the_kind(a, question, others, _in_the_network(a, question, others, reply, lang), lang)


# The network, named in full for a question that points back at it ("Is Istanbul part of it?")
_NETWORK = {"tr": "öğrenen şehirler ağı", "en": "learning cities network"}
_INSIDE = frozenset(["icinde", "icine"])  # "İstanbul da içinde mi?"
_THE = {"tr": "", "en": "the "}  # "how many got it" -> "how many got the award"
_IT = frozenset(["it", "this", "that", "bu", "o", "bunun", "onun", "buna", "ona"])  # left out for the network's name


def _in_the_network(a: Assistant, question: str, others: str, reply: Reply, lang: Lang | None) -> Reply:
    """ "I read about the learning cities network. Is Istanbul part of it?": a question that
    names a place and points back, after sentences about the network, read with the
    network named; its sure answer, else ``reply``."""
    folded = fold_question(question)
    if not (points_back(a, question) or (_INSIDE | _IT) & set(folded.split())) or not a.understanding.names_in(folded):
        return reply
    if not names_the_network(others):
        return reply
    lang = lang or reply.lang
    kept = [w for w in question.split() if not set(fold_question(w).split()) & _IT]
    retry = a.ask(f"{' '.join(kept)} {_NETWORK[lang]}", force_lang=lang)
    return retry if retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE else reply


def _with_the_kind(a: Assistant, question: str, others: str, reply: Reply, lang: Lang | None) -> Reply:
    """ "A colleague told me the award only goes to a handful of cities each round. Any idea
    how many got it in 2021?": a question that points back ("it") at the one kind of thing
    the sentences before it name, read with that thing's words; its sure answer, else ``reply``."""
    if reply.kind == ReplyKind.ANSWER:
        return reply
    kind_words = a.understanding.finder.kind_words
    folded = fold_question(question).split()
    if not _IT & set(folded) or kind_words.has(folded):
        return reply
    story, kinds = fold_question(others).split(), a.understanding.facts.kinds
    found = [(s, e, k) for s, e, k in kind_words.find(story) if not kinds[k].requires]  # not "cities" for Türkiye's
    found = [f for f in found if not kinds[f[2]].weak] or found  # "the award ... cities": the award
    if len({k for _, _, k in found}) != 1:
        return reply
    start, end, _ = found[-1]
    thing = " ".join(story[start:end])
    kept = [
        w if not set(fold_question(w).split()) & _IT else _THE[lang or reply.lang] + thing for w in question.split()
    ]
    retry = a.ask(" ".join(kept), force_lang=lang or reply.lang)
    return retry if retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE else reply


def the_asking_part(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer of the one sentence that asks (:func:`the_question_sentence`), else of
    the clause that asks what the whole leans to (:mod:`bot.clauses`), else the members
    of the one country it asks about (:mod:`bot.countryasked`); else ``reply``."""
    found = the_leaning_clause(a, text, the_question_sentence(a, text, reply, lang), lang)
    found = the_rest_agrees(a, text, found, lang)  # "... kursuna gidiyorum, hocamız KOMEK UNESCO üyesi dedi, ..."
    found = the_referred_question(a, text, found, lang)  # "... a conference about climate. Which one was that?"
    return the_country_asked(a, text, found, lang)  # "..., mesela İsviçre'den var mı?"


def _with_names(a: Assistant, question: str, rest: str) -> str:
    """``question`` with the place names the rest of the message gives, when it names none
    itself ("İzmir'de çalışıyorum, şehrimiz ne zaman üye oldu?")."""
    if a.understanding.names_in(fold_question(question)):
        return question
    return " ".join([*a.understanding.names_in(fold_question(rest)), question])
