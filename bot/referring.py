"""A last question that points back at what the message said before it.

"I'm researching climate policy and somebody mentioned a learning cities conference
about climate. Which one was that?": the question ("Which one was that?") names nothing;
what it asks about is in the statement just before it ("a learning cities conference
about climate"), after what the asker says about themselves ("I'm researching climate
policy and ..."). Read together, the statement's last part and the question are a plain
question. Its answer is taken when it is the very entry the whole message's "did you
mean" offered first: two readings agree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.clauses import asks, clauses
from bot.lang import Lang
from bot.replies import Reply, ReplyKind
from bot.textnorm import fold_question

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["names_the_network", "points_back", "referent_and_question", "the_referred_question"]

# Words that point back ("Which one was that?", "hangi toplantıydı o?", "bunlar nelerdi?")
_BACK = frozenset(["that", "it", "this", "those", "these", "they", "them", "o", "bu", "bunlar", "onlar", "su"])
# Words of a question about the asker's own place ("when did we join?", "is it a member?")
_OURS = frozenset(["we", "our", "us", "there", "biz", "bizim", "bize", "bizi", "orasi", "orada", "oranin", "burasi"])
_MAX_WORDS = 6  # a question that points back is short
_NETWORK = frozenset(["network", "networks", "programme", "program", "ag"])
_NETWORK_ENDINGS = frozenset(["", "a", "da", "dan", "i", "in", "ina", "inda", "indan", "imiz", "daki", "ini"])
# Where a statement's parts join ("I'm researching climate policy and somebody mentioned ...")
_JOIN = re.compile(r"\s+(?:and|but|ve|ama|fakat)\s+", re.I)


def referent_and_question(a: Assistant, text: str) -> str | None:
    """The last part of the statement before the last question, and that question, when
    the question is short, points back and names nothing; else None."""
    parts = clauses(text)
    if len(parts) < 2:
        return None
    question, before = parts[-1], parts[-2]
    words = fold_question(question).split()
    if not asks(question) or len(words) > _MAX_WORDS or not _BACK.intersection(words):
        return None
    if a.understanding.names_in(fold_question(question)) or asks(before):
        return None
    referent = _JOIN.split(before)[-1]
    if len(referent.split()) < 2 or (len(parts) == 2 and referent == before):
        return None  # the message is already the statement and the question alone
    return f"{referent} {question}"


def the_referred_question(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to the last question read with what it points back at, when the whole
    message's "did you mean" offered that answer first; else ``reply``."""
    if reply.kind != ReplyKind.SUGGEST or not reply.suggestions:
        return reply
    asked = referent_and_question(a, text)
    if asked is None:
        return reply
    retry = a.ask(asked, force_lang=lang or reply.lang)
    agrees = retry.entry_id == reply.suggestions[0] and a.guard.check(text, retry.entry_id) is None
    return retry if retry.kind == ReplyKind.ANSWER and agrees else reply


def points_back(a: Assistant, question: str, *, own_name: bool = False) -> bool:
    """Whether a question points back at what the message says before it ("Which
    conference was that?", "is it a member?", "when did we join?", "şehrimiz").
    ``own_name``: "it" in a question that names its own thing is that thing ("What is
    UIL and what does it have to do with learning cities?"); "there", "we" still point back."""
    said = fold_question(question).split()
    # "bu ağda", "this network": the network itself, not a thing the story named
    words = {w for i, w in enumerate(said) if not (w in _BACK and i + 1 < len(said) and _the_network(said[i + 1]))}
    if "there" in words and all(_there_is(said, i) for i, w in enumerate(said) if w == "there"):
        words.discard("there")  # "How many learning cities were there in 2016?": there are, not that place
    if own_name and words & _BACK and a.understanding.names_in(" ".join(said)):
        words -= _BACK
    return bool(words & (_BACK | _OURS)) or a.understanding.says_our_city(question)


_BE = frozenset(["is", "are", "was", "were", "be", "been", "have", "has", "had", "s", "will"])


def _there_is(said: list[str], at: int) -> bool:
    """Whether "there" at ``at`` says that something is ("were there", "there are", "have there been")."""
    return (at > 0 and said[at - 1] in _BE) or (at + 1 < len(said) and said[at + 1] in _BE)


def names_the_network(text: str) -> bool:
    """Whether ``text`` names the network ("ağını", "this network", "GNLC")."""
    return any(_the_network(w) or w == "gnlc" for w in fold_question(text).split())


def _the_network(word: str) -> bool:
    """Whether a folded word is the network ("ağda", "ağın", "network")."""
    return word in _NETWORK or (word.startswith("ag") and word[2:] in _NETWORK_ENDINGS)
