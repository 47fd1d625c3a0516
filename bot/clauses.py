"""The one clause of a chatty message that asks what the whole message leans to.

"Good morning, I work for a city council in Ireland. Where can I find what Cork conference
produced?", "İyi günler, belediye basın biriminden yazıyorum. Öğrenen şehirler ağına kaç
ülke üye, son rakam lazım bize": the whole message, with every word the content does not
know counting against every entry, gets only "did you mean" with the right entry first.
Read alone, one of its clauses is a plain question the content answers. When that
clause's answer is the very entry the whole message leaned to, two readings agree: the
clause's answer is given. A clause whose answer is another entry changes nothing (the
words around it may be what the question is about), nor does a clause the content has
no answer for. The member directory's answers (a country's members, a member abroad) are
unknown to the matcher, so it cannot lean to them: a clause that names the place and gets
such an answer is taken when every other clause that asks goes on from it ("I wonder
whether any Ukrainian cities are in the network too, and which was the first one?").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.factchecks import network_years
from bot.factpairs import PARTICLES
from bot.lang import Lang
from bot.replies import Reply, ReplyKind
from bot.stopwords import INTENT_WORDS
from bot.textnorm import EMOJI, fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["asking_part", "asks", "clauses", "the_asking_clauses", "the_leaning_clause"]

# where a clause of a message ends; not after a written ordinal ("Pekin Bildirgesi 2. konferansta mı ...?")
_CLAUSE = re.compile(
    r"(?<=[,;:!?…])\s+|(?<!\b\d\.)(?<!\b\d\d\.)(?<=\.)\s+|\s+[—–-]+\s+"
    rf"|(?<=[{EMOJI}])\s+"  # after an emoji ("project 😅 how ...")
    r"|\s+(?=(?:ama|fakat|ancak|but)\s)"  # before "but": "KOMEK'in listesinde 6 şehir var ama gerçekte kaç?"
)
_MIN_WORDS = 2  # a clause shorter than this asks nothing alone ("Sağolun", "True?")
# The words of a question tag after a statement ("hasn't it?", "değil mi?", "right?", "doğru mu?")
_TAG = frozenset(
    [
        "degil",
        "mi",
        "mu",
        "dogru",
        "oyle",
        "sahi",
        "gercekten",
        "right",
        "correct",
        "true",
        "it",
        "isnt",
        "isn",
        "hasnt",
        "hasn",
        "wasnt",
        "wasn",
        "doesnt",
        "doesn",
        "didnt",
        "didn",
        "arent",
        "aren",
        "is",
        "was",
        "that",
    ]
)
# Words that make a clause a question without a question mark ("ağa kaç ülke üye, ...")
_ASKING = INTENT_WORDS | PARTICLES | {"ne", "neler", "nedir", "neydi", "hangi", "hangisi", "what", "which", "whats"}
_ASKING |= {"whether", "acaba"}  # "I wonder whether any Ukrainian cities are in the network"
# English yes/no questions begin with a verb ("Are there Ukrainian cities in the network, ...")
_EN_FIRST = frozenset(["are", "is", "was", "were", "do", "does", "did", "can", "could", "has", "have", "will"])
_AND_OR = frozenset(["and", "or", "ve", "veya", "yoksa", "peki"])  # a clause that goes on from the one before


def clauses(text: str) -> list[str]:
    """The clauses of a message that may ask, as written (their punctuation kept); a
    short question tag after one makes it a question ("Turkey has six learning
    cities, hasn't it?", "Hatay 2019'da katıldı, değil mi?")."""
    pieces = [c.strip() for c in _CLAUSE.split(text.strip()) if c.strip()]
    found = []
    for i, piece in enumerate(pieces):
        if len(piece.split()) < _MIN_WORDS:
            continue
        tagged = i + 1 < len(pieces) and _is_tag(pieces[i + 1])
        found.append(f"{piece.rstrip(',;:')}?" if tagged and not asks(piece) else piece)
    return found


def the_leaning_clause(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer of the clause of ``text`` that, read alone (with the place names the
    rest gives when it names none), answers with the entry the whole message's "did you
    mean" offered first; else ``reply``."""
    if reply.kind not in (ReplyKind.SUGGEST, ReplyKind.FALLBACK):
        return reply
    leaning = reply.suggestions[0] if reply.suggestions else None
    parts = clauses(text)
    if len(parts) < 2:
        return reply
    for part in parts:
        if not asks(part) or a.understanding.uncovered(part) is not None or a.understanding.only_chatter(part):
            continue  # "I'm a researcher looking at growth of city networks." asks nothing
        rest = " ".join(p for p in parts if p is not part)
        asked = part if a.understanding.names_in(fold_question(part)) else _named(a, part, rest)
        retry = a.ask(asked, force_lang=lang or reply.lang)
        story = not any(asks(p) for p in parts if p is not part)  # the rest only tells the asker's story
        if asked != part and retry.entry_id != leaning and leaning is not None and story:
            retry = a.ask(part, force_lang=lang or reply.lang)  # "..., my manager in Bogotá wants to know": not Bogotá
            asked = part
        agrees = leaning is not None and retry.entry_id == leaning and a.guard.check(text, leaning) is None
        if retry.kind == ReplyKind.ANSWER and agrees:
            return retry
        if asked == part and retry.kind == ReplyKind.ANSWER and _the_directorys(a, retry.entry_id):
            others = [p for p in parts if p is not part and asks(p)]
            if all((fold_question(p).split() or [""])[0] in _AND_OR for p in others):
                return retry  # "Are there any Azerbaijani cities in the network, or is it just Turkey nearby?"
    return reply


def _the_directorys(a: Assistant, entry_id: str | None) -> bool:
    """Whether an answer is the member directory's (a member abroad, a country's members),
    which the matcher does not know and cannot lean to."""
    if entry_id is None or a.members is None or a.has_entry(entry_id):
        return False
    return a.members.has_entry(entry_id)


def the_asking_clauses(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to the clauses of ``text`` that ask, when what the content has no
    answer for is only in the others ("UNESCO'nun bu enstitüsü hangi ülkede, belki staj
    için başvururum": the internship is the asker's plan; "Balıkesir'de yaşıyorum,
    KOMEK'in sitesinde bizi göremedim, yoksa üye değil miyiz?"); else ``reply``. A clause
    that asks for what the content lacks keeps the honest reply ("KOMEK'te çalışıyorum,
    kurs ücretleri ne kadar?")."""
    if reply.kind != ReplyKind.NO_ANSWER or a.understanding.uncovered(text) is None:
        return reply
    parts = clauses(text)
    asking = [p for p in parts if asks(p)]
    if not asking or len(asking) == len(parts):
        return reply
    question = " ".join(asking)
    if a.understanding.uncovered(question) is not None or a.understanding.only_chatter(question):
        return reply
    rest = " ".join(p for p in parts if p not in asking)
    asked = question if a.understanding.names_in(fold_question(question)) else _named(a, question, rest)
    retry = a.ask(asked, force_lang=lang or reply.lang)
    return retry if retry.kind == ReplyKind.ANSWER else reply


def _is_tag(piece: str) -> bool:
    """Whether a piece of a message is a question tag alone ("hasn't it?", "değil mi?")."""
    words = fold_question(piece).split()
    return piece.endswith("?") and bool(words) and all(w in _TAG for w in words)


def asking_part(text: str) -> str | None:
    """The clauses of ``text`` that ask, when another one tells the asker's story ("I'm
    visiting Eskişehir next month, is it a learning city?": when the visit happens is not
    what is asked). None when every clause asks, or none does."""
    said = clauses(text)
    asking = [c for c in said if asks(c)]
    return " ".join(asking) if asking and len(asking) < len(said) else None


def asks(clause: str) -> bool:
    """Whether a clause is a question: a question mark, a question word or particle, or
    in English a verb first ("Are there Ukrainian cities in the network, and ...?")."""
    words = fold_question(clause).split()
    if words.count("kimi") > 1:  # "kimi Konya dedi kimi Eskişehir": some said one, some the other
        words = [w for w in words if w != "kimi"]
    return clause.rstrip().endswith("?") or bool(_ASKING.intersection(words)) or (bool(words) and words[0] in _EN_FIRST)


def _named(a: Assistant, question: str, rest: str) -> str:
    """``question`` with the place names ``rest`` gives (not the other things it names:
    "KOMEK'in sitesinde bizi göremedim" is where the asker looked, not what is asked)."""
    places = a.understanding.places
    named = a.understanding.names_in(fold_question(rest))
    there = bool(_THERE.intersection(fold_question(question).split()))  # "what was adopted there?": all it names
    names = [n for n in named if there or places is None or places.lookup(n, fuzzy=False)]
    # "Eskişehir girdiğinde, yani 2016'da, ağda kaç şehir vardı?": the one year the rest gives
    years = set(network_years(fold_question(rest).split()))
    if len(years) == 1 and not network_years(fold_question(question).split()):
        names.append(str(years.pop()))
    return " ".join([*names, question])


# Words by which a question points at a thing the story named ("What was adopted there?")
_THERE = frozenset(["there", "orada", "orda", "oradaki", "burada"])
