"""Whether the entry chosen for a question answers what the question asks.

The matcher and the fact finder pick the nearest entry; near is not always right.
"KOMEK'te İngilizce kursu ne kadar?" is near "KOMEK nedir?", "Yeni üyeler ne zaman
açıklanacak?" near the latest intake, "Jubail konferansında kim konuştu?" near the
Jubail conference; each answer would be confident and wrong. Before an answer is given
the guard checks two things:

* the *kind of information* asked (content/no_answer.yaml, ``asks``: a price, a phone
  number, opening hours, who holds a post, something after the content's date) must be
  one the entry gives: one of its own phrasings asks it, or its answer holds it (an
  amount of money, a phone number, a time of day, the year asked);
* a *name* in the question (a city, a country, a conference, an organisation) must be
  one the entry knows: "İzmir'de programı kim yürütüyor?" is not answered with who runs
  the network. (Only for the matcher's answers: the fact finder reads names itself.)

A question that fails gets an honest reply instead (:mod:`bot.assistant`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.clauses import asking_part, asks, clauses
from bot.content import Content
from bot.honesty import AskKind, NoAnswer
from bot.lang import LANGS
from bot.matching import Matcher
from bot.members.countries import country_codes, country_name
from bot.textnorm import fold, fold_question, last_clause, terms

__all__ = ["Guard", "Rule", "Verdict", "content_guard"]


class Rule(StrEnum):
    ASKS = "asks"  # asks a kind of information the entry does not give
    NAME = "name"  # names a thing the entry is not about


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a question must not be answered with the entry chosen."""

    rule: Rule
    kind: AskKind | None = None  # for ASKS
    word: str = ""  # the year asked (LATER) or the name the entry does not know (NAME)


# What an answer holds when it gives a kind of information (folded text).
_EVIDENCE: dict[AskKind, re.Pattern[str]] = {
    AskKind.PRICE: re.compile(r"\d[\d.,]*\s?(?:tl|try|lira|eur|euro|usd|dolar|dollar)s?\b|\bucretsiz\b|free of charge"),
    AskKind.PHONE: re.compile(r"\+\s?\d{2,3}[\d\s()-]{6,}\d|\b0\s?\d{3}\s?\d{3}\s?\d{2}\s?\d{2}\b"),
    AskKind.HOURS: re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\bsaat\s\d"),
}
_YEAR = re.compile(r"^((?:19|20)\d\d)[a-z]{0,8}$")  # "2026", "2026da", "2026daki"
# Turkish future tense: "açılacak", "yapılacak mı", "açıklanacakları"; not the polite
# "olacaktı" of "bir sorum olacaktı".
_MINE = ("m", "miz", "muz")  # a word of the asker's ("sorum", "ricam", "sorumuz")
_FUTURE = re.compile(r"^\w{2,}[ae]c[ae](?:k|klar|kler|kmi|kmis|ktir|kdir|gi|gini|klari|kleri)$")
_THIS_YEAR = (("bu", "yil"), ("bu", "sene"), ("this", "year"), ("bu", "yilki"), ("bu", "seneki"))
_NEXT_YEAR: tuple[tuple[str, ...], ...] = (("next", "year"), ("gelecek", "yil"), ("gelecek", "sene"))
_NEXT_YEAR += (("onumuzdeki", "yil"), ("onumuzdeki", "sene"), ("seneye",))
_SAID = 256  # replies whose terms are remembered (an entry's reply is checked against many questions)
_NAME_SHARE = 0.15  # a name's word known to more entries than this share is not a name (Türkiye, UNESCO)


def _has(tokens: list[str], phrases: Iterable[tuple[str, ...]]) -> bool:
    for phrase in phrases:
        size = len(phrase)
        if size > 1 and phrase[0] not in tokens:  # its first word must be there as it is
            continue
        for i in range(len(tokens) - size + 1):
            head = all(tokens[i + j] == phrase[j] for j in range(size - 1))
            if head and tokens[i + size - 1].startswith(phrase[-1]):
                return True
    return False


def _future_tense(tokens: list[str]) -> bool:
    """Whether a question is in the future tense; "bir sorum olacak", "basit bir soru olacak"
    (I'll have a question: "olacak" after a word of the asker's, or after "soru") ask
    nothing about the future."""
    return any(
        len(t) >= 6
        and _FUTURE.match(t)
        and not (t == "olacak" and i > 0 and (tokens[i - 1].endswith(_MINE) or tokens[i - 1] == "soru"))
        and not (i + 1 < len(tokens) and tokens[i + 1] == "bir")  # "başvuracak bir belediye": who would apply
        for i, t in enumerate(tokens)
    )


@dataclass(frozen=True, slots=True)
class _Evidence:
    groups: dict[AskKind, frozenset[int]]  # what the entry's own phrasings ask
    future: bool  # a phrasing in the future tense ("ne zaman açılacak")
    text: str  # everything the entry says and is asked, folded
    terms: frozenset[str]  # the terms of that, and the matcher's for the entry


class Guard:
    """Checks chosen entries against questions, for one content."""

    def __init__(
        self,
        no_answer: NoAnswer,
        phrasings: Callable[[str], Iterable[str]],
        answer: Callable[[str], str],
        vocabulary: Callable[[str], frozenset[str]],
        entries: Iterable[str],
        names: Iterable[str],
        as_of: datetime.date | None,
        today: datetime.date | None = None,
    ) -> None:
        """``phrasings``, ``answer`` and ``vocabulary``: an entry's questions and keywords,
        its answer text (both languages), the matcher's terms for it; ``entries`` every
        entry id; ``names`` the names of things (cities, countries, conferences);
        ``as_of`` the date of the content's data; ``today`` for tests."""
        self.no_answer = no_answer
        self._phrasings, self._answer, self._vocabulary = phrasings, answer, vocabulary
        self.as_of = as_of
        self._today = today
        ids = list(entries)
        counts: dict[str, int] = {}
        for entry in ids:
            for word in vocabulary(entry):
                counts[word] = counts.get(word, 0) + 1
        common = max(2.0, len(ids) * _NAME_SHARE)
        name_terms = {found[0] for name in names if (found := terms(name))}  # "Jubail Industrial City": jubail
        self._names = frozenset(t for t in name_terms if counts.get(t, 0) <= common and not t.isdigit())
        self._ids = tuple(ids)
        self._evidence: dict[str, _Evidence] = {}
        self._said: dict[tuple[str, str], frozenset[str]] = {}  # (entry, reply) -> the terms both say

    def warm(self) -> None:
        """Gather every entry's evidence now (otherwise at the entry's first check)."""
        for entry in self._ids:
            self._entry(entry)

    # ------------------------------------------------------------------ the question
    def _years(self, tokens: list[str]) -> list[int]:
        """Years after the content's data that the question asks about: written out
        ("2026'da"), or "this year"/"next year" when that is after it."""
        if self.as_of is None:
            return []
        years = [int(m.group(1)) for t in tokens if (m := _YEAR.match(t))]
        this_year, next_year = _has(tokens, _THIS_YEAR), _has(tokens, _NEXT_YEAR)
        if this_year or next_year:
            today = self._today or datetime.date.today()
            years += [today.year] if this_year else []
            years += [today.year + 1] if next_year else []
        return sorted({y for y in years if y > self.as_of.year})

    def _entry(self, entry: str) -> _Evidence:
        found = self._evidence.get(entry)
        if found is None:
            questions = list(self._phrasings(entry))
            groups: dict[AskKind, set[int]] = {}
            for question in questions:
                for kind, matched in self.no_answer.asked(question).items():
                    groups.setdefault(kind, set()).update(matched)
            future = any(_future_tense(fold_question(q).split()) for q in questions)
            text = fold(" ".join([*questions, self._answer(entry)]))
            said = frozenset(terms(text)) | self._vocabulary(entry)
            found = _Evidence({k: frozenset(v) for k, v in groups.items()}, future, text, said)
            self._evidence[entry] = found
        return found

    # ------------------------------------------------------------------ the check
    def check(self, text: str, entry: str, *, shown: str = "", names: bool = False) -> Verdict | None:
        """Why ``text`` must not be answered with ``entry`` (whose reply says ``shown``),
        or None when it may. ``names``: also check the names in the question (for the
        matcher's answers)."""
        tokens = fold_question(text).split()
        evidence = self._entry(entry)
        # "Medellín'deki konferansın teması? Seneye Kolombiya'ya gideceğim": the story's year is not asked
        story = self._asked_after_a_story(text)
        asked_tokens = fold_question(story).split() if story is not None else tokens
        for year in self._years(asked_tokens):  # the entry's own words: a reply may echo the year asked
            if str(year) not in evidence.text:
                return Verdict(Rule.ASKS, AskKind.LATER, str(year))
        said = ""  # what the entry and its reply say, folded when a pattern needs it
        asked = self.no_answer.asked(text)
        if _future_tense(tokens) and AskKind.LATER not in asked:
            asked[AskKind.LATER] = frozenset()
        if story is not None:
            # "I'm visiting Eskişehir next month, is it ...?", "dün telefonda UNESCO'dan bahsetti.
            # Sakarya ne zaman üye olmuştu?": what the story holds is not what is asked
            in_story = [kind for kind in asked if kind not in self.no_answer.asked(story)]
            for kind in in_story:
                del asked[kind]
        for kind, groups in asked.items():
            if kind == AskKind.LATER:
                if not (evidence.future or evidence.groups.get(kind)):
                    return Verdict(Rule.ASKS, kind)
                continue
            pattern = _EVIDENCE.get(kind)
            if groups & evidence.groups.get(kind, frozenset()):
                continue
            if pattern is not None:
                said = said or f"{evidence.text} {fold(shown)}"
                if pattern.search(said):
                    continue
            return Verdict(Rule.ASKS, kind)
        if names:  # the question itself, not what is said before it ("I work in Portugal; how ...?") or after it
            asking = next((c for c in reversed(clauses(text)) if asks(c)), "")  # "...? I'd like to contact them"
            question = f"{asking} {last_clause(text)}" if asking not in last_clause(text) else last_clause(text)
            left = self.leaves(question, entry, shown)
            for word in terms(question):
                if word in self._names and word in left:
                    return Verdict(Rule.NAME, word=word)
        return None

    @staticmethod
    def _asked_after_a_story(text: str) -> str | None:
        """The clauses of ``text`` that ask, when another tells a story and they ask nothing later."""
        story = asking_part(text)
        return story if story is not None and not _future_tense(fold_question(story).split()) else None

    def needs_as_of(self, text: str, shown: str, dates: Iterable[str]) -> bool:
        """Whether an answer saying ``shown`` to ``text``, which asks about the present,
        should say as of when its facts are: it names none of ``dates`` (the content's
        date as written in the replies, "4 Aralık 2025", "December 2025")."""
        if self.no_answer.as_of_note is None or not self.no_answer.asks_now(text):
            return False
        said = fold(shown)
        return not any(fold(date) in said for date in dates)

    def leaves(self, text: str, entry: str, shown: str = "") -> frozenset[str]:
        """The terms of ``text`` that ``entry`` neither is asked with nor says (nor its
        reply, ``shown``): what an answer with it would leave unanswered."""
        said = self._said.get((entry, shown))
        if said is None:
            evidence = self._entry(entry)
            said = evidence.terms | set(terms(shown)) if shown else evidence.terms
            if len(self._said) >= _SAID:
                self._said.clear()
            self._said[entry, shown] = said
        return frozenset(t for t in terms(text) if t not in said)


def content_guard(
    content: Content,
    matcher: Matcher,
    no_answer: NoAnswer,
    names: Iterable[str] = (),
    today: datetime.date | None = None,
) -> Guard:
    """The guard for one content: entries' phrasings from the matcher, answers from the
    FAQ and the cities; names of cities (also the whole network's), provinces, countries
    and ``names``; the date of the member data."""

    def answer(entry: str) -> str:
        faq = content.faq.get(entry)
        if faq is not None:
            return " ".join((*faq.answer.values(), *faq.title.values()))
        city = content.city_by_entry.get(entry)
        if city is not None:
            return " ".join(
                (city.name, *city.aliases, str(city.joined), *city.country.values(), *(city.note or {}).values())
            )
        return ""

    every = [*names, *(country_name(code, lang) for code in country_codes() for lang in LANGS)]
    for city in content.cities:
        every += [city.name, *city.aliases]
    members = content.members
    if members is not None:
        every += [n for m in members.members for n in (m.city, *m.aliases)]
        every += [n for p in members.provinces for n in (p.name, *p.aliases)]
        every += [n for aliases in members.country_aliases.values() for n in aliases]
    as_of = members.as_of if members is not None else _date(content.cities_as_of)
    return Guard(
        no_answer, matcher.entry_phrasings, answer, matcher.entry_terms, matcher.entry_ids, every, as_of, today
    )


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
