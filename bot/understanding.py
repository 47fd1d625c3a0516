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

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from bot.clauses import asking_part
from bot.content import Content, Problem
from bot.conversation import Topic
from bot.factbetween import Between
from bot.factchecks import network_years
from bot.factevery import Every
from bot.factfinder import FactAnswer, FactFinder
from bot.factfit import asks_of_a_country, asks_of_elsewhere, kind_asked, said
from bot.factnow import figure_now
from bot.factpositions import both_ends
from bot.factreach import reached
from bot.facts import FACTS_FILE, Entity, load_facts
from bot.factvalues import ValueFinder
from bot.followups import FollowUps
from bot.honesty import NO_ANSWER_FILE, AskKind, NoAnswer, NoAnswerTopic, load_no_answer
from bot.lang import Lang
from bot.matching import Matcher, Query
from bot.members.directory import Directory, words
from bot.phrases import PhraseIndex
from bot.smalltalk import SMALLTALK_FILE, SmallTalkKind, load_smalltalk
from bot.spelling import Correction, Speller, content_speller
from bot.textnorm import INTENT_WORDS, STOPWORDS, fold, fold_question, last_clause, sentences, terms
from bot.tghtml import Html, escape, escape_attr
from bot.yesno import fact_place_checked, fact_year_checked

__all__ = ["Understanding"]

_KNOWN_WORDS = 20_000  # words whose meaning to the content is remembered (then it starts afresh)
_WHY = frozenset(["neden", "niye", "nicin", "why"])  # a reason asked: the facts hold none
_CLOSINGS = frozenset(["thanks", "bye", "hello"])  # small talk said after the question ("Thanks a lot!", "İyi günler.")


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
        self.between = Between(self.facts, self.finder.kind_words)  # "2019 ile 2022 arasında", "between X and Y"
        self.every = Every(self.facts, self.finder.kind_words)  # "konferansların temaları neler?"
        self._entity_names = PhraseIndex((name, e.id) for e in self.facts.entities for name in e.names)
        self._entities = {e.id: e for e in self.facts.entities}
        self._by_card: dict[str, list[Entity]] = {}
        for entity in self.facts.entities:
            self._by_card.setdefault(entity.card, []).append(entity)
        self.values = ValueFinder(self.facts, self.finder.kind_words)
        self.problems = [
            Problem(file, None, None, text)
            for file, found in ((FACTS_FILE, fact_problems), (SMALLTALK_FILE, talk_problems))
            for text in found
        ] + [Problem(NO_ANSWER_FILE, None, None, text) for text in honesty_problems]
        # Folded names of the things a follow-up may swap in: cities, and the facts' things.
        names = set(cities)
        names |= {" ".join(name) for entity in self.facts.entities for name in entity.names}
        self._names = sorted((n for n in names if n), key=lambda n: -len(n.split()))
        self._names_from: dict[str, list[int]] = {}  # a name's first word -> where names starting so are
        for index, name in enumerate(self._names):
            self._names_from.setdefault(name.split()[0], []).append(index)
        self._matcher = matcher
        self._speller: Speller | None = None  # built at the first question
        self._words: PhraseIndex[None] | None = None  # the words of the readings' phrases, for chatter
        self._known_words: dict[str, bool] = {}  # folded word -> _content_knows(word)
        self._directory: Directory | None = None
        self.follow = FollowUps(self.smalltalk, self.finder, self.names_in, self._knows, places)

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
        """The question to read (typos corrected, a thanks or greeting before it left out)
        and, when it was corrected, the language of the question as written (the reply's
        language never comes from a correction)."""
        corrected = self.correct(text)
        asked = self.smalltalk.after_greeting(corrected.text) or corrected.text  # "Thanks! One more: ..."
        asked = self._before_closing(asked) or asked  # "how to join? Thanks a lot!"
        if not corrected.changed:
            return asked, None
        return asked, self.written_lang(text)

    def written_lang(self, text: str) -> Lang | None:
        """The language ``text``'s own words tell, as written; None when they do not."""
        return self._matcher.guess_lang(Query(text, fold_question(text).split(), [], [], []))

    def _before_closing(self, text: str) -> str | None:
        """``text`` without the thanks, goodbye or chatter in sentences of their own after
        the question ("how to join? Thanks a lot!", "... nedir? Çok sağ olun."); None when
        it ends with none, or is nothing else."""
        said = sentences(text)
        k = len(said)
        while k > 1 and ((kind := self.smalltalk.kind(said[k - 1])) is not None and kind.id in _CLOSINGS):
            k -= 1
        rest = " ".join(said[:k])
        return rest if k < len(said) and self.smalltalk.kind(rest) is None else None

    # ------------------------------------------------------------------ readings
    def small_talk(self, text: str) -> SmallTalkKind | None:
        return self.smalltalk.kind(text)

    def uncovered(self, text: str) -> NoAnswerTopic | None:
        """The topic the content lacks that ``text`` asks about; the asker's own people
        ("müdürüm Bursa'nın hangi yıl üye olduğunu sordu") and what the asker needs the
        answer for ("projemiz için lazım") are not what is asked about."""
        found = self.no_answer.topic(text)
        if found is None:
            return None
        if found.id == AskKind.LATER and (story := asking_part(text)) is not None:
            found = self.no_answer.topic(story)  # "I'm visiting Eskişehir next month, is it a learning city?"
            if found is None:
                return None
        tokens, chatter = fold_question(text).split(), self.smalltalk.chatter
        purpose = chatter.purpose(tokens)  # "projemiz için": what the asker needs it for
        purpose |= chatter.titled_askers(tokens, self._content_knows)  # "müdür bey soruyor": who asks
        purpose |= chatter.phrased(tokens)  # "bir AB projesi yazıyoruz": what the asker is doing
        kept = [t for i, t in enumerate(tokens) if t not in chatter.my_people and i not in purpose]
        if not any(t not in STOPWORDS and t not in INTENT_WORDS and self.knows(t) for t in kept):
            return found  # "Belediye başkanımız kim?": the asker's people are what is asked
        return found if len(kept) == len(tokens) else self.no_answer.topic(" ".join(kept))

    def fact(self, text: str, lang: Lang, context: Topic | None) -> FactAnswer | None:
        if (gap := self.between.gap(text, lang)) is not None:
            return gap  # "Beşinci konferans dördüncüden kaç yıl sonra yapıldı?"
        ends = both_ends(fold_question(text).split())  # "Türkiye'nin en eski ve en yeni üyesi"
        if ends is not None and (both := self._both_ends(ends, lang)) is not None:
            return both
        found = self.between.answer(text, lang) or self.finder.answer(text, lang, context)
        if found is not None and not kind_asked(self.facts, self.finder.kind_words, found, text, context):
            found = None  # "Good evening, I'm a librarian in Limerick. When did Limerick become a member?"
        if found is not None and self.facts.kinds[found.entity.kind].named_by_others:
            named = [n for n in found.entity.names if said(n, fold_question(text).split())]
            if len(named) == 1:  # "Did Cuenca win the award?" >> "when did it join?": Cuenca's
                found = replace(found, topic=replace(found.topic, name=" ".join(named[0])))
        if (
            found is not None
            and context is not None
            and found.entity.id == context.entity
            and asks_of_elsewhere(self.names_in, text, found)
        ):
            return None  # "türkiyeden kaç tane" after the network's count: Türkiye's, not the network's
        if found is not None and asks_of_a_country(self.places, text, found):
            return None  # "Muhtarım, mahallede soran oldu. Almanya'da kaç tane üye şehir var?"
        if found is not None and context is None and self._only_in_the_story(text, found.entity):
            return None  # "KOMEK'in sitesindeki listede Balıkesir'i göremedim. Biz üye değil miyiz?"
        if found is not None:
            found = figure_now(self.facts, found, text)  # "the network has 356 cities, correct?": today's card
            things = [self._entities[e] for _, _, e in self._entity_names.find(fold_question(text).split())]
            found = fact_year_checked(self.facts, text, found, lang, things)  # "ilk konferans 2014'te miydi?": "Hayır."
            found = fact_place_checked(self.facts, text, found, lang)  # "UIL Paris'te mi?": "Hayır."
            if not found.missing and _WHY.intersection(fold_question(text).split()):
                # "Eskişehir neden ilk üye oldu?": the sources give no reasons; what they say, after that
                found = replace(found, html=Html(f"{self.content.messages.render('member_why', lang)} {found.html}"))
            return found
        # "ağ ne zaman 300 üyeye ulaştı"; "which conference was about ...?"
        found = reached(self.facts, text, lang) or self.values.answer(text, lang)
        return found or (self.every.answer(text, lang) if context is None else None)  # "konferansların temaları"

    def story_only(self, text: str, entry_id: str) -> bool:
        """Whether ``entry_id`` is the card of a thing ``text`` names only in its story
        ("KOMEK'in sitesindeki listede Balıkesir'i göremedim. Biz üye değil miyiz?")."""
        things = self._by_card.get(entry_id, [])  # every thing of it ("2. konferans" is one, KOMEK's role another)
        return bool(things) and all(self._only_in_the_story(text, e) for e in things)

    def _only_in_the_story(self, text: str, entity: Entity) -> bool:
        """Whether ``entity`` is named only in a clause that asks nothing, and the clauses
        that ask neither name it, its kind, nor point back at it."""
        asked = asking_part(text)
        if asked is None:
            return False
        tokens = fold_question(asked).split()
        kinds = {k for _, _, k in self.finder.kind_words.find(tokens)}
        if _POINTERS.intersection(tokens) or entity.kind in kinds:
            return False
        own = [t for t in tokens if t not in STOPWORDS and t not in INTENT_WORDS and self._content_knows(t)]
        if len(own) < _OWN_WORDS:
            return False  # "..., emin misin?", "Who's right?": a tag that makes the story the question
        return entity.id not in {e for _, _, e in self._entity_names.find(tokens)}

    def _both_ends(self, ends: tuple[list[str], list[str]], lang: Lang) -> FactAnswer | None:
        """The first one's answer and the latest one's, in one, when both are of one kind."""
        first, latest = (self.finder.answer(" ".join(words), lang) for words in ends)
        if first is None or latest is None or first.missing or latest.missing or first.html == latest.html:
            return None
        if first.entity.kind != latest.entity.kind:
            return None
        card = self.facts.kinds[first.entity.kind].cards.get("all", first.card)
        return replace(latest, html=Html(f"{first.html} {latest.html}"), card=card)

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

    def names_in(self, folded: str) -> list[str]:
        """The known names in a folded question (the facts' things and cities, then the
        network's places), longest first, each once."""
        padded, found = f" {folded} ", []
        starting = {i for word in set(folded.split()) for i in self._names_from.get(word, ())}
        for name in [self._names[i] for i in sorted(starting)]:  # only these can be in it
            key = f" {name} "
            if key in padded:
                found.append(name)
                padded = padded.replace(key, " ")
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
        if network_years(fold_question(text[:start]).split()) and not network_years(fold_question(tail).split()):
            return None  # "Eskişehir girdiğinde, yani 2016'da, ağda kaç şehir vardı?": the year is asked about
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

    def people_terms(self) -> frozenset[str]:
        """The matcher terms of the one-word chatter about who asks or told ("torunum",
        "müdürüm", "ödev"): none of them is a city's name ("Torunum ... ne oluyor?")."""
        return frozenset(t for w in self.smalltalk.chatter.words if len(w) == 1 for t in terms(w[0]))

    def without_chatter(self, text: str) -> str | None:
        """The question without the chatter around it ("hocam kusura bakmayın bir şey
        soracağım komek ne zaman kuruldu": "komek ne zaman kuruldu"), or None when it has
        none (:mod:`bot.chatter`)."""
        return self.smalltalk.chatter.core(text, self._content_knows)

    def only_chatter(self, text: str) -> bool:
        """Whether ``text`` is chatter alone ("could you help?"): no question to retry with."""
        return self.smalltalk.chatter.only_chatter(text, self._content_knows)

    def says_our_city(self, text: str) -> bool:
        """Whether ``text`` speaks of the asker's own city ("şehrimiz", "our city")."""
        return self.smalltalk.chatter.says_our_city(text)

    def about_asker(self, text: str) -> tuple[str, str] | None:
        """What the asker says about themselves and the question after it
        (:meth:`bot.chatter.Chatter.statement`), or None."""
        return self.smalltalk.chatter.statement(text, self._content_knows)

    def knows(self, token: str) -> bool:
        """Whether a folded word means something to the content or names a place."""
        return self._content_knows(token)

    def _content_knows(self, token: str) -> bool:
        """Whether a folded word means something to the content or names a place: it is
        never chatter (remembered per word: the readings ask it of every word)."""
        known = self._known_words.get(token)
        if known is None:
            if len(self._known_words) >= _KNOWN_WORDS:
                self._known_words.clear()
            known = self._known_words[token] = self._means_something(token)
        return known

    def _means_something(self, token: str) -> bool:
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

    def entry_ids(self) -> Iterable[str]:
        """The ids of the replies these readings give (small talk)."""
        return (kind.entry_id for kind in self.smalltalk.kinds)


# Words by which a question points at what was said before it ("Bu konferans nerede?", "What was adopted there?")
_POINTERS = frozenset(
    ["bu", "o", "su", "orada", "orasi", "onun", "bunun", "it", "its", "there", "that", "this", "they"]
)
_OWN_WORDS = 2  # words the content knows that the clauses after a story need to ask on their own
