"""The honest replies the guard (:mod:`bot.guard`) calls for, built for the assistant.

An answer that does not give what the question asks becomes "I don't have that" with
where to look and the entry a tap away (or "did you mean" for a name the entry does not
know); a question about now gets the content's date under its answer; a fact whose
entry leaves a word of the question unanswered gives way to a sure matcher answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from bot import callbacks, tghtml
from bot.conversation import Topic
from bot.factfinder import FactAnswer
from bot.guard import Rule
from bot.honesty import AskKind
from bot.lang import Lang
from bot.matching import Decision, MatchResult
from bot.members.countries import format_day
from bot.members.vocabulary import vocabulary
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.stopwords import INTENT_WORDS
from bot.textnorm import fold, fold_question, folded_terms, terms
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["guarded", "honest_html", "kind_fallback", "matcher_knows_better", "names_the_city", "with_as_of"]


def honest_html(a: Assistant, kind: AskKind, text: str, lang: Lang) -> Html:
    """The kind's "I don't have that" for ``text``, with the places it names."""
    as_of = format_day(a.guard.as_of, lang) if a.guard.as_of else ""
    return a.understanding.no_answer.render_ask(kind, text, lang, as_of=as_of)


def guarded(a: Assistant, text: str, reply: Reply, result: MatchResult, lang: Lang, *, names: bool = False) -> Reply:
    """``reply``, unless it does not answer what ``text`` asks: then an honest "I don't
    have that" with the entry a tap away, or for a name the entry does not know the
    closest entries as buttons."""
    if reply.kind != ReplyKind.ANSWER or not reply.entry_id:
        return reply
    verdict = a.guard.check(text, reply.entry_id, shown=reply.text, names=names)
    if verdict is None:
        return with_as_of(a, text, reply, lang)
    if verdict.rule == Rule.NAME or verdict.kind is None:
        return a.suggest_reply(result, lang)
    buttons: list[tuple[Button, ...]] = []
    if a.has_entry(reply.entry_id):
        buttons.append((Button(a.title(reply.entry_id, lang), data=callbacks.entry(reply.entry_id)),))
    buttons.append((a.menu_button(lang),))
    return reply_of(honest_html(a, verdict.kind, text, lang), lang, kind=ReplyKind.NO_ANSWER, buttons=tuple(buttons))


def kind_fallback(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """Nothing close, but ``text`` asks a price, a phone number, hours or a person of
    something a place is for ("KOMEK cumartesi açık mı"): not here, but there."""
    no_answer = a.understanding.no_answer
    asked = [kind for kind in no_answer.asked(text) if kind != AskKind.LATER]
    if not asked or not no_answer.places_for(text, ()):
        return None
    body = honest_html(a, asked[0], text, lang)
    return reply_of(body, lang, kind=ReplyKind.NO_ANSWER, buttons=((a.menu_button(lang),),))


def matcher_knows_better(
    a: Assistant, text: str, fact: FactAnswer, result: MatchResult, context: Topic | None = None
) -> bool:
    """Whether the matcher's sure answer, another entry, covers a word of the question
    that the fact's entry leaves unanswered ("UIL e-posta adresi": the address is UIL's,
    the e-mail address the contact entry's). Not for a fact read with the chat's last
    thing (``context``) that the question alone does not give: the matcher reads it
    without that thing ("kaçıncı üye?" after Ankara is Ankara's place, not the first
    Turkish member's entry)."""
    best = result.best
    if fact.relative:
        return False  # "and the next conference?" after the 1st: the 2nd, not the content's "next conference"
    if (
        context is not None
        and context.entity == fact.entity.id
        and a.understanding.fact(text, "en" if fact.topic.lang == "en" else "tr", None) is None
    ):
        return False
    if fact.weak and best is not None and best.entry_id != fact.card:
        # "ağda 1000 şehir mi var": KOMEK's claim, the matcher's entry, not the latest count
        figures = set(re.findall(r"\d+", best.phrasing))
        if result.decision == Decision.ANSWER or figures & set(re.findall(r"\d+", text)):
            return True
    if result.decision != Decision.ANSWER or best is None or best.entry_id == fact.card:
        return False
    if best.score < 99:
        # "How many thematic clusters does the network have?": the matcher's entry has the
        # clusters, the fact (the network's size) leaves them; what it leaves itself only asks
        asking = {*folded_terms(" ".join(INTENT_WORDS)), "do"}  # the words that ask (with the synonyms in use)
        naming = vocabulary().network_words | set(terms("küresel global unesco"))  # "Küresel ağda kaç şehir"
        named = {t for name in fact.entity.names for t in terms(" ".join(name))}  # "hayat boyu öğrenme enstitüsü"
        leaves = a.guard.leaves(text, fact.card, fact.html) - asking - naming - named
        return bool(leaves) and not a.guard.leaves(text, best.entry_id) - asking
    return not a.guard.leaves(text, best.entry_id) and bool(a.guard.leaves(text, fact.card, fact.html))


def with_as_of(a: Assistant, text: str, reply: Reply, lang: Lang) -> Reply:
    """An answer to a question about now ("Konya hâlâ üye mi?") that does not say as of
    when, with the date of the content's data under it."""
    no_answer = a.understanding.no_answer
    note, day = no_answer.as_of_note, a.guard.as_of
    if note is None or day is None:
        return reply
    dates = (format_day(day, lang), format_day(day, lang).split(" ", 1)[-1])  # "4 Aralık 2025", "Aralık 2025"
    if not a.guard.needs_as_of(text, reply.text, dates):
        return reply
    places = no_answer.places
    where = ", ".join(places[p][lang] for p in no_answer.places_for(text, ["uil"]) if p in places)
    line = note[lang].replace("{as_of}", tghtml.escape(dates[0])).replace("{where}", where)
    last = reply.messages[-1]
    if len(last) + len(line) + 2 > tghtml.MAX_MESSAGE:
        return replace(reply, messages=(*reply.messages, line))
    return replace(reply, messages=(*reply.messages[:-1], f"{last}\n\n{line}"))


def names_the_city(a: Assistant, text: str, entry_id: str) -> bool:
    """Whether a question the matcher answers with a city's card names that city (also
    with an ending: "Bolu'nun", "Konyalıyım"); True for any other entry. "2018'de kaç
    şehir katıldı?" is near Bolu's card (2018, joined) but does not ask about Bolu."""
    city = a.content.city_by_entry.get(entry_id)
    if city is None:
        return True
    folded = fold_question(text)
    tokens = folded.split()
    for name in (city.name, *city.aliases):
        words = fold(name).split()
        if len(words) > 1 and f" {' '.join(words)} " in f" {folded} ":
            return True
        if len(words) == 1 and any(t.startswith(words[0]) or _misspelt(t, words[0]) for t in tokens):
            return True
    return False


def _misspelt(token: str, name: str) -> bool:
    """Whether ``token`` starts with ``name`` written with one letter wrong, missing or
    extra ("sakaraya" for Sakarya, "eskisehr" for Eskişehir); names of five letters or more."""
    size = len(name)
    return size >= 5 and any(Levenshtein.distance(token[:n], name) <= 1 for n in (size - 1, size, size + 1))
