"""What a question is before the matcher looks for an entry: small talk, a topic the
content does not cover, an attribute of a known thing, or a follow-up.

The assistant asks, in this order: small talk ("teşekkürler") gets its own reply; a
topic the content does not cover ("KOMEK kurs ücretleri") an honest "I don't have that";
an attribute question ("Cork'ta hangi belge kabul edildi?") the attribute in a sentence
with its source and the whole entry one tap away; everything else goes to the matcher.
A short follow-up ("peki Bolu?", "and Hatay?") is read against the chat's last topic
(:mod:`bot.conversation`): the facts fill in what it lacks, or the last question is
asked again about the new name ("Konya ne zaman üye oldu?" -> "Bolu ne zaman üye oldu").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from bot.content import Content, Problem
from bot.conversation import Topic
from bot.factfinder import FOLLOW_UP_WORDS, FactAnswer, FactFinder
from bot.facts import FACTS_FILE, load_facts
from bot.factvalues import ValueFinder
from bot.honesty import NO_ANSWER_FILE, NoAnswer, NoAnswerTopic, load_no_answer
from bot.lang import Lang
from bot.matching import Matcher, Query
from bot.members.directory import Directory, words
from bot.phrases import PhraseIndex
from bot.smalltalk import SMALLTALK_FILE, SmallTalkKind, load_smalltalk
from bot.spelling import Correction, Speller, content_speller
from bot.textnorm import INTENT_WORDS, STOPWORDS, fold, fold_question, last_clause, terms
from bot.tghtml import Html, escape, escape_attr

__all__ = ["PLACE", "Understanding"]

_MAX_FOLLOW_UP_WORDS = 3  # a follow-up names a thing or an attribute, little else
# Words that ask something of the thing named: a question with one is more than a name
QUESTION_WORDS = frozenset(["nedir", "neydi", "kimdir", "nerede", "nedir?", "what", "who", "where", "when", "nasil"])
# "aynı yıl başka kim katıldı?", "which cities joined the same year?": the last thing's year
_SAME_YEAR = (
    ("ayni", "yil"),
    ("ayni", "yilda"),
    ("ayni", "sene"),
    ("ayni", "senede"),
    ("o", "yil"),
    ("o", "yilda"),
    ("o", "sene"),
    ("o", "senede"),
    ("same", "year"),
    ("that", "year"),
)
_OTHERS = frozenset(
    ["baska", "diger", "digerleri", "baskalari", "other", "others", "else", "also", "too", "with", "it"]
)
_YEAR_WORD = re.compile(r"20[1-3]\d")  # a year the network has or will have
_ACKNOWLEDGEMENTS = frozenset(["thanks", "hello"])  # small talk that may open a follow-up ("tamam", "ok")
PLACE = "_"  # where the thing's name stood in a remembered question ("_ ne zaman uye oldu")


def _phrases_in(nested: Sequence[object]) -> Iterator[tuple[str, ...]]:
    """The phrases (tuples of folded words) in nested tuples of them (no_answer.yaml's groups)."""
    for item in nested:
        if isinstance(item, tuple) and all(isinstance(word, str) for word in item):
            yield item
        elif isinstance(item, tuple | list):
            yield from _phrases_in(item)


class Understanding:
    """The readings of a question that come before the matcher, for one content."""

    def __init__(self, content: Content, matcher: Matcher, places: Directory | None = None) -> None:
        """``places``: the whole network's places (members, countries, provinces), so that
        "and Lyon?" after Hamburg or "peki Fransa?" after Germany's list are follow-ups."""
        self.content = content
        self.places = places
        self._knows = matcher.knows
        directory = content.directory
        self.facts, fact_problems = load_facts(directory, content.conferences, content.entry_ids(), content.cities)
        self.smalltalk, talk_problems = load_smalltalk(directory)
        self.no_answer: NoAnswer
        self.no_answer, honesty_problems = load_no_answer(directory)
        cities = {fold(n) for city in content.cities for n in (city.name, city.id, *city.aliases)}
        self.finder = FactFinder(self.facts, matcher.knows, cities)
        self.values = ValueFinder(self.facts)
        self.problems = [
            Problem(file, None, None, text)
            for file, found in ((FACTS_FILE, fact_problems), (SMALLTALK_FILE, talk_problems))
            for text in found
        ] + [Problem(NO_ANSWER_FILE, None, None, text) for text in honesty_problems]
        # Folded names of the things a follow-up may swap in: cities, and the facts' things.
        names = set(cities)
        names |= {" ".join(name) for entity in self.facts.entities for name in entity.names}
        self._names = sorted((n for n in names if n), key=lambda n: -len(n.split()))
        self._matcher = matcher
        self._speller: Speller | None = None  # built at the first question
        self._words: PhraseIndex[None] | None = None  # the words of the readings' phrases, for chatter
        self._directory: Directory | None = None

    # ------------------------------------------------------------------ spelling
    def know_places(self, directory: Directory) -> None:
        """The places of the member directory, for the speller."""
        self._directory = directory
        self._speller = None

    @property
    def speller(self) -> Speller:
        """The speller of this content (built at the first question)."""
        if self._speller is None:
            directory = self._directory
            chatter = self.smalltalk.chatter
            places = [*(directory.places_index if directory else ()), *self._names]
            self._speller = content_speller(
                (phrasing.text for phrasing in self._matcher.phrasings),
                [*self._phrases(), *chatter.phrases, *chatter.words],
                self._matcher.vocabulary,
                places,
                (lambda word: bool(directory.lookup(word, fuzzy=False))) if directory else (lambda word: False),
            )
        return self._speller

    def _phrases(self) -> list[tuple[str, ...]]:
        """The phrases of the readings before the matcher (facts, small talk, no_answer)."""
        facts = self.facts
        return [
            *(name for entity in facts.entities for name in entity.names),
            *(p for attribute in facts.attributes for p in attribute.phrases),
            *(p for kind in facts.kinds.values() for p in (*kind.phrases, *kind.excludes, *kind.requires)),
            *(p for kind in self.smalltalk.kinds for p in kind.phrases),
            *self.smalltalk.fillers,
            *_phrases_in([topic.groups for topic in self.no_answer.topics]),
            *_phrases_in([ask.groups for ask in self.no_answer.asks.values()]),
            *_phrases_in(list(self.no_answer.place_words.values())),
        ]

    def correct(self, text: str) -> Correction:
        """The question with its typos corrected (:mod:`bot.spelling`), for every reading."""
        return self.speller.correct(text)

    def spelled(self, text: str) -> tuple[str, Lang | None]:
        """The question to read (typos corrected) and, when it was corrected, the language
        of the question as written (the reply's language never comes from a correction)."""
        corrected = self.correct(text)
        if not corrected.changed:
            return text, None
        return corrected.text, self._matcher.guess_lang(Query(text, fold_question(text).split(), [], [], []))

    # ------------------------------------------------------------------ readings
    def small_talk(self, text: str) -> SmallTalkKind | None:
        return self.smalltalk.kind(text)

    def after_acknowledgement(self, text: str) -> str:
        """A follow-up without the small talk it opens with ("tamam da teması neydi",
        "süper, peki Bolu", "ok and when was that?"); the text itself when there is none."""
        words = text.split()
        for cut in range(min(3, len(words) - 1), 0, -1):
            talk = self.smalltalk.kind(" ".join(words[:cut]))
            if talk is not None and talk.id in _ACKNOWLEDGEMENTS:
                return " ".join(words[cut:])
        return text

    def uncovered(self, text: str) -> NoAnswerTopic | None:
        return self.no_answer.topic(text)

    def fact(self, text: str, lang: Lang, context: Topic | None) -> FactAnswer | None:
        found = self.finder.answer(text, lang, context)
        if found is not None:
            return found
        by_value = self.values.answer(text, lang)  # "which conference was about inclusion?"
        if by_value is None:
            return None
        things, kind, card, topic = by_value
        attribute = topic.attribute or ""
        shown = [(e, t) for e in things if (t := e.template(kind, attribute)) is not None]
        if not shown:
            return None
        html = Html("\n".join(e.render(t, lang) for e, t in shown))
        return FactAnswer(shown[0][0], attribute, html, card, topic)

    def fact_html(self, found: FactAnswer, lang: Lang, source_label: str) -> Html:
        """The short answer, with the source of its entry."""
        entry = self.content.faq.get(found.card)
        source = found.entity.value("source", lang) or (entry.source if entry else None)
        if not source:
            return found.html
        return Html(f'{found.html}\n\n🔗 <a href="{escape_attr(source)}">{source_label}</a>')

    def no_answer_html(self, topic: NoAnswerTopic, lang: Lang) -> Html:
        return self.no_answer.render(topic, lang)

    def missing_html(self, found: FactAnswer, lang: Lang, title: str) -> Html:
        """A thing known, this attribute of it not: say so, with the thing's entry a tap away
        (or what the finder says is known: "only the 2nd conference's attendance")."""
        if found.html:
            return found.html
        return Html(self.facts.missing[lang].replace("{title}", escape(title)))

    # ------------------------------------------------------------------ follow-ups
    def is_follow_up(self, text: str) -> bool:
        """Short, and opened by "peki/ya/and/what about", naming nothing ("ne zaman
        katıldı?", "when did it join?", "hâlâ üye mi?") or a name and one word more
        ("İstanbul yok mu?"): it may lean on the last topic."""
        folded = fold_question(text)
        words = folded.split()
        content = [w for w in words if w not in FOLLOW_UP_WORDS and w not in STOPWORDS]
        if _same_year_at(words) is not None:
            return True  # "the same year" refers back, however long the question
        if not content or len(content) > _MAX_FOLLOW_UP_WORDS:
            return False
        if self.opens_follow_up(text):
            return True
        names = self.names_in(folded)
        if not names:
            return True
        # A name and at most one word more the content knows ("İstanbul yok mu?", "Hatay da
        # mı?"): the name, asked as before; "Hamburg'da otel" asks something else
        named = " ".join(names).split()
        other = [w for w in content if w not in named]
        return len(other) <= 1 and all(self._knows(w, 0.99) for w in other)

    @staticmethod
    def opens_follow_up(text: str) -> bool:
        """Opened by "peki/ya/and/what about", or at most two words: it leans on the last
        topic whatever it could mean alone ("peki Bolu?", "teması?")."""
        words = fold_question(text).split()
        return bool(words) and (words[0] in FOLLOW_UP_WORDS or len(words) <= 2)

    def names_in(self, folded: str) -> list[str]:
        """The known names in a folded question (the facts' things and cities, then the
        network's places), longest first, each once."""
        padded, found = f" {folded} ", []
        for name in self._names:
            if f" {name} " in padded:
                found.append(name)
                padded = padded.replace(f" {name} ", " ")
        if self.places is not None and padded.strip():
            tokens = words(padded)
            for start, end, _ in self.places.scan(tokens):
                name = " ".join(t.text for t in tokens[start:end])
                if name not in found:
                    found.append(name)
        return found

    def after_chatter(self, text: str, *, strict: bool = True) -> str | None:
        """The question itself without the chatter before it: the last clause ("Selam,
        ödev hazırlıyorum; ...", "I'm writing a report: ..."). Chatter is at most one word
        the content knows; ``strict=False`` takes the last clause whatever comes before it
        (the caller checks that the whole question asks nothing else). None when there
        is no such clause. Words without punctuation are not cut: an unknown word at the
        start may be a name in a greeting or the very thing asked about ("Göbeklitepe ...")."""
        tail = last_clause(text)
        start = text.rfind(tail.strip()) if tail.strip() else -1
        if start <= 0 or len(tail.split()) < 2:
            return None
        if not strict:
            return tail
        known = [t for t in terms(text[:start]) if t not in INTENT_WORDS and self._knows(t, 0.99)]
        return tail if len(known) <= 1 else None

    def fact_terms(self) -> frozenset[str]:
        """The matcher terms of the words that name the facts' kinds and ask their
        attributes ("toplantı", "ödül", "teması"): none of them is a city's name."""
        facts = self.facts
        phrases = [
            *(p for k in facts.kinds.values() for p in k.phrases),
            *(p for a in facts.attributes for p in a.phrases),
        ]
        return frozenset(t for p in phrases for t in terms(" ".join(p)))

    def without_chatter(self, text: str) -> str | None:
        """The question without the chatter around it ("hocam kusura bakmayın bir şey
        soracağım komek ne zaman kuruldu": "komek ne zaman kuruldu"), or None when it has
        none (:mod:`bot.chatter`)."""
        return self.smalltalk.chatter.core(text, self._content_knows)

    def _content_knows(self, token: str) -> bool:
        """Whether a folded word means something to the content or names a place: it is
        never chatter."""
        if self._knows(token, 0.99):
            return True
        if self._words is None:
            facts = self.facts
            named = [
                *(name for entity in facts.entities for name in entity.names),
                *(p for attribute in facts.attributes for p in attribute.phrases),
                *(p for kind in facts.kinds.values() for p in (*kind.phrases, *kind.excludes, *kind.requires)),
            ]
            honesty = [*_phrases_in([t.groups for t in self.no_answer.topics])]
            honesty += [*_phrases_in([a.groups for a in self.no_answer.asks.values()])]
            # every word of the facts' phrases; of no_answer's only the words that ask alone ("ücret", not "sunum")
            words = {word for p in named for word in p} | {p[0] for p in honesty if len(p) == 1}
            self._words = PhraseIndex(((word,), None) for word in words)
        if self._words.has([token]):
            return True
        if self.places is None:
            return False
        if self.places.lookup(token, fuzzy=False):
            return True
        return any(self.places.places(token[:size]) for size in range(4, len(token)))  # "Konyalıyım"

    def names_only(self, text: str) -> bool:
        """Whether a follow-up only names something ("peki Konya?", "and China?", "ya Lyon?")."""
        words = fold_question(text).split()
        if any(w in QUESTION_WORDS for w in words):
            return False  # "KOMEK nedir?" asks about KOMEK, whatever was asked before
        said = [w for w in words if w not in FOLLOW_UP_WORDS and w not in STOPWORDS]
        if not said:
            return False
        if self._unknown_name(said):
            return True
        named = " ".join(self.names_in(" ".join(said))).split()
        return sorted(named) == sorted(said)

    def _unknown_name(self, content: list[str]) -> bool:
        """Words the content does not know, that may name a place it has no record of
        ("and Lyon?"): one or two words of letters, none known."""
        return 0 < len(content) <= 2 and all(
            len(w) >= 3
            and w.isalpha()
            and w not in STOPWORDS
            and not self._knows(w, 0.99)
            and not self.finder.names_an_order(w)  # "ilki", "sonuncusu": which one, not a place
            and not self.finder.reads(w)  # "which month?": an attribute, not a place
            for w in content
        )

    def topic_of_answer(self, entry: str, question: str, lang: Lang) -> Topic | None:
        """What to remember of an entry's answer: the thing it is the card of (for the
        facts' follow-ups), and the question without the names in it, to be asked again
        about the name a follow-up gives. None when the answer is about no one thing."""
        fact_topic = self.finder.topic_of_entry(entry, lang)
        folded = fold_question(question)
        names = self.names_in(folded)
        if not names and fact_topic is None:
            names = [w for w in folded.split() if _YEAR_WORD.fullmatch(w)][:1]  # "2024'te kaç şehir katıldı"
        if not names:
            return fact_topic
        rest = f" {folded} ".replace(f" {names[0]} ", f" {PLACE} ", 1)
        for name in names[1:]:
            rest = rest.replace(f" {name} ", " ")
        kind, entity = (fact_topic.kind, fact_topic.entity) if fact_topic else ("entry", entry)
        return Topic(kind, entity, None, lang, " ".join(rest.split()), names[0])

    def rewrites(self, text: str, context: Topic) -> list[str]:
        """The follow-up asked in full, most likely first: "peki Bolu?" after "Konya ne
        zaman üye oldu?" is "bolu ne zaman uye oldu" (also for a name the content does not
        know: "and Lyon?" after "Is Hamburg a member?" is "is lyon a member"); "peki hangi
        ay?" after it "konya hangi ay", then "konya hangi ay ne zaman uye oldu". Empty when
        the topic has nothing to add."""
        same = self.same_year(text, context)
        if same is not None:
            return [same]
        said = [w for w in fold_question(text).split() if w not in FOLLOW_UP_WORDS]
        if not said:
            return []
        content = [w for w in said if w not in STOPWORDS]
        names = self.names_in(" ".join(said))
        if _YEAR_WORD.fullmatch(context.name):  # "peki 2022'de?" after a year's answer: that year's
            names = [w for w in said if _YEAR_WORD.fullmatch(w)][:1]
            if names and PLACE in context.rest.split():
                return [context.rest.replace(PLACE, names[0], 1)]
        if names or self._unknown_name(content):
            if not context.rest:
                return []
            rest = context.rest
            asked = [_as_written(text)]
            named = " ".join(names).split()
            if names and all(w in named or self._knows(w, 0.99) for w in content):
                asked.append(names[0])  # "İstanbul yok mu?" after the list: İstanbul, asked as before
            return [rest.replace(PLACE, new, 1) if PLACE in rest.split() else f"{new} {rest}" for new in asked]
        if not context.name:
            return []
        name = context.name.title()  # a place's name, as a name: "Cork", not the word "cork"
        asked = [" ".join([name, *said])]
        if context.rest:
            asked.append(" ".join([name, *said, *(w for w in context.rest.split() if w != PLACE)]))
        return asked

    def same_year(self, text: str, context: Topic) -> str | None:
        """ "aynı yıl başka kim katıldı?" after Bursa: "turkiye 2022 kim katildi"; None when
        the follow-up does not say "the same year" or the last thing has no one year."""
        words = fold_question(text).split()
        at = _same_year_at(words)
        year = self._year_of(context)
        if at is None or year is None:
            return None
        asked = [w for i, w in enumerate(words) if i not in range(*at) and w not in _OTHERS | FOLLOW_UP_WORDS]
        where = ["turkiye"] if context.kind == "tr-member" else []
        return " ".join([*where, str(year), *asked])

    def _year_of(self, context: Topic) -> int | None:
        """The one year the last thing joined or took place in, if it has one."""
        if self.places is not None and context.entity in self.places.by_entry:
            joined = self.places.by_entry[context.entity].joined
            return joined.first if joined.exact else None
        return self.finder.year_of(context.entity)

    def entry_ids(self) -> Iterable[str]:
        """The ids of the replies these readings give (small talk)."""
        return (kind.entry_id for kind in self.smalltalk.kinds)


def _as_written(text: str) -> str:
    """The words of a follow-up as the person wrote them, without "peki/and/what about"
    and punctuation: a name the bot does not know is quoted as written ("Lyon")."""
    kept = [w.strip("?!.,;:…") for w in text.split() if not set(fold_question(w).split()) <= FOLLOW_UP_WORDS]
    return " ".join(w for w in kept if w)


def _same_year_at(words: Sequence[str]) -> tuple[int, int] | None:
    """Where "the same year" stands in folded words, as a (start, end) span."""
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in _SAME_YEAR:
            return i, i + 2
    return None
