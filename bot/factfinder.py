"""Reading a question against the facts: which thing, which attribute.

A question names a thing (:class:`~bot.facts.Entity`) by a name ("Cork", "UIL"), or by
its kind and a position: an ordinal ("3. konferans", "dördüncüsü", "third"), a year ("2021
ödülü"), first or latest ("ilk/son/en yeni/latest"), or next ("bir sonraki": the upcoming
one, or an honest "not known"). It asks an attribute by one of its words ("ne zaman",
"hangi ülke", "teması", "kaç"); the longest phrase the thing can answer wins. Both must be
found, and no word of the question may be unknown to the content, or the matcher takes it:
"Cork'ta nerede kalınır?" names a conference city and asks "where", but not "kalınır".

In a conversation, a short follow-up borrows what it lacks from the last topic: after
a question about the first conference's place, "peki dördüncüsü?" is the fourth's place
and "ya teması?" the first's theme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot import factorder, factpositions
from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factchecks import OR_WORDS, YEAR, checks_a_place, named_beside_places, one_of_two
from bot.factcompare import compared
from bot.factorder import all_beside, card_for, checked, for_the_kind, locate, nearest, range_fact, relative
from bot.factpairs import Pair, owner_kind, pair_fact, ranked_pair, read_pair
from bot.factpositions import ORDINAL_WORDS, RELATIONS, named_before_rank, next_to, only_now, position, written_ordinals
from bot.factrank import Ranking
from bot.facts import Entity, FactBase, Kind
from bot.phrases import PhraseIndex
from bot.textnorm import STOPWORDS, fold_question
from bot.tghtml import Html

__all__ = ["FOLLOW_UP_WORDS", "FactAnswer", "FactFinder"]

_NEAREST = frozenset(["ilk", "first", "son", "last", "hemen"])  # the nearest after a year: "2019'dan sonraki ilk"
# Words that ask which things, not a figure: "2022'de hangi şehirler üye oldu"
_WHICH_WORDS = frozenset(["hangi", "hangileri", "hangisi", "which", "kim", "kimler", "who", "liste", "listesi", "list"])
# Words that open a follow-up ("peki Bolu?", "and Hatay?", "what about the fourth?").
FOLLOW_UP_WORDS = frozenset(["peki", "ya", "and", "what", "about", "how", "bir", "de", "da", "o", "onun", "its", "the"])
# "orada ne kabul edildi?", "ondan sonra hangisi?": the last topic's thing
FOLLOW_UP_WORDS |= frozenset(["orada", "orda", "oradaki", "orasi", "there", "then", "zaman", "that", "it"])
FOLLOW_UP_WORDS |= frozenset(["ondan", "bundan", "sundan", "onlardan", "one"])


@dataclass(slots=True)
class _Reading:
    """What a question says: the thing (or its kind and position) and the attributes."""

    entity: Entity | None = None
    kind: Kind | None = None
    position: tuple[str, int] | None = None  # ("rank", n) | ("year", y) | ("latest", 0) | ("next", 0)
    attributes: list[tuple[int, str]] | None = None  # (phrase length, attribute id)
    used: set[int] | None = None  # token positions explained
    ambiguous: bool = False
    relation: tuple[str, Entity] | None = None  # ("after" | "before", the thing named)
    since: str | None = None  # "after" | "before" the year named: every thing of the kind on that side
    by_attribute: bool = False  # the kind is the only one that answers the attribute asked, not named
    pair: Pair | None = None  # two things the question checks together ("Cork'ta Pekin Bildirgesi mi?")
    nearest: bool = False  # the first after (the last before) the year named: "2019'dan sonraki ilk konferans"
    related: list[tuple[int, int, str]] | None = None  # where "after/before" words stand: (start, end, side)


class FactFinder:
    """Answers attribute questions from a :class:`FactBase`."""

    def __init__(
        self, facts: FactBase, is_known: Callable[[str], bool] = lambda token: True, others: Iterable[str] = ()
    ) -> None:
        """``is_known``: whether the content knows a folded word; ``others``: names of
        things outside the facts (cities): a question naming one is not about a kind."""
        self.facts = facts
        self._is_known = is_known
        self._others = tuple(tuple(name.split()) for name in others if name)
        self._entities = {e.id: e for e in facts.entities}
        self._generic = {a.id: a.generic for a in facts.attributes}

        self._names = PhraseIndex((name, e) for e in facts.entities for name in e.names)
        self._kind_words = PhraseIndex((p, k.id) for k in facts.kinds.values() for p in k.phrases)
        self._excludes = PhraseIndex((p, k.id) for k in facts.kinds.values() for p in k.excludes)
        self._attribute_words = PhraseIndex(
            (p, (order, a)) for order, a in enumerate(facts.attributes) for p in a.phrases
        )
        self._requires = PhraseIndex((p, k.id) for k in facts.kinds.values() for p in k.requires)
        self._rank_words = PhraseIndex((p, None) for a in facts.attributes if a.id == "rank" for p in a.phrases)
        self._other_names = PhraseIndex((name, None) for name in self._others)
        self._ranking = Ranking(
            facts, self._kind_words, self._excludes, self._attribute_words, is_known, FOLLOW_UP_WORDS
        )

    # ------------------------------------------------------------------ reading
    def _read(self, tokens: list[str], text: str = "", also: str | None = None) -> _Reading:
        reading = _Reading(attributes=[], used=set())
        assert reading.used is not None and reading.attributes is not None
        named_span = range(0)
        ranked_after: tuple[int, int, str] | None = None
        related = reading.related = RELATIONS.find(tokens)
        # "Konya kaçıncı üye?", "Bolu dördüncü üye mi?": a member's place in the order
        kinds_named = [self.facts.kinds[k] for _, _, k in self._kind_words.find(tokens)]
        other_kind = any(not (k.relations_only or k.weak) for k in kinds_named)  # "ikinci konferansta Konya"
        ranked = self._rank_words.has(tokens) or (any(t in ORDINAL_WORDS for t in tokens) and not other_kind)
        spans = [
            (s, e, entity)
            for s, e, entity in self._names.find(tokens)
            if related or ranked or not self.facts.kinds[entity.kind].relations_only or entity.kind == also
        ]
        spans = named_beside_places(text, tokens, spans)  # "Medellín Kolombiya'da mı Meksika'da mı?"
        pair = read_pair(self.facts, tokens, spans) if spans and not related else None
        pair = pair or (ranked_pair(self.facts, tokens, spans, self._kind_words) if spans and not related else None)
        if pair is not None:
            reading.pair, reading.entity = pair, pair.given
            reading.kind = self.facts.kinds[pair.given.kind]
            for s, e in pair.spans:
                reading.used.update(range(s, e))
        elif spans:
            longest = max(e - s for s, e, _ in spans)
            best = {entity.id: (s, e, entity) for s, e, entity in spans if e - s == longest}
            if len(best) == 1:
                s, e, reading.entity = next(iter(best.values()))
                reading.used.update(range(s, e))
                reading.kind = self.facts.kinds[reading.entity.kind]
                named_span = range(s, e)
                reading.used.update(i for s, e, o in spans if o is reading.entity for i in range(s, e))  # its aliases
            else:
                reading.ambiguous = True
        now = factpositions.latest_counted(tokens)  # "the latest member count" is no question about the newest members
        excluded = {kind for s, e, kind in self._excludes.find(tokens) if not now.issuperset(range(s, e))}
        required = {kind for _, _, kind in self._requires.find(tokens)}
        words: dict[str, set[int]] = {}
        own_kind = reading.kind.id if reading.kind is not None else None
        for s, e, kind_id in self._kind_words.find(tokens):
            needs = self.facts.kinds[kind_id].requires
            # "Bolu'dan sonra hangisi geldi": the named thing's kind needs no other word
            if kind_id not in excluded and (not needs or kind_id in required or kind_id == own_kind):
                words.setdefault(kind_id, set()).update(range(s, e))
        for s, e, kind_id in self._requires.find(tokens):
            if kind_id in words:
                words[kind_id].update(range(s, e))
        kinds = [(self.facts.kinds[k], named) for k, named in words.items()]
        reading.position = position(tokens, reading.used)
        placed_by = reading.position[0] if reading.position else None
        named_order = self.facts.kinds[reading.entity.kind].order if reading.entity is not None else None
        if reading.entity is not None and reading.pair is None and placed_by in ("year", "rank") and named_order:
            # "Did Cork win the award in 2024?", "Was the 3rd conference in Glasgow?": Cork, Glasgow only places
            others = [k for k, _ in kinds if not k.weak and k.order and k.id != reading.entity.kind]
            if len(others) == 1 and reading.entity.kind not in words:
                reading.used.difference_update(named_span)
                reading.entity, reading.kind = None, others[0]
        named_kind = self.facts.kinds[reading.entity.kind] if reading.entity is not None else None
        by_name = bool(related) and next_to(related[0][:2], named_span, tokens)  # not "reports after joining"
        if reading.entity is not None and by_name and named_kind and (named_kind.relations_only or named_kind.order):
            # "Konya'dan sonra kim katıldı?", "Cork'tan önceki konferans": the one after/before
            s, e, label = related[0]
            reading.used.update(range(s, e))
            reading.relation = (label, reading.entity)
            reading.entity = None
            if reading.position is not None and reading.position[0] == "next":
                reading.position = None  # "Medellín'den sonraki": after Medellín, not the upcoming one
        elif related and reading.position is not None and reading.position[0] in ("year", "rank"):
            years = [
                (i, int(m.group(1))) for i, t in enumerate(tokens) if (m := YEAR.match(t)) and i not in reading.used
            ]
            if reading.position[0] == "year" or (reading.position == ("rank", 1) and years):
                s, e, label = related[0]  # "2020'den sonra katılanlar": every one after that year
                reading.used.update(range(s, e))
                reading.since = label
                # "2019'dan sonraki ilk konferans", "the first conference after 2015": only the nearest one
                reading.nearest = reading.position[0] == "rank" or any(t in _NEAREST for t in tokens)
                if reading.position[0] == "rank":
                    reading.used.add(years[0][0])
                    reading.position = ("year", years[0][1])
            elif reading.position[0] == "rank" and reading.entity is None:
                ranked_after = related[0]  # "ilk konferanstan sonraki", "the conference after the third one"
        if reading.kind is None and kinds:
            strong = [(k, f) for k, f in kinds if not k.weak] or kinds
            placed = reading.position is not None and reading.position[0] in ("rank", "year")
            if len(strong) > 1 and placed:  # "6. konferansta hangi belge": the conference's document, not the 6th
                here = {k.id for k, _ in strong}
                strong = [(k, f) for k, f in strong if owner_kind(self.facts, k) not in here] or strong
            if len(strong) > 1 and reading.position is not None:  # "6th conference's document": the one placed
                strong = [(k, f) for k, f in strong if locate(self.facts, k, reading.position) is not None] or strong
            if len({k.id for k, _ in strong}) == 1:
                reading.kind = strong[0][0]
            else:
                reading.ambiguous = True
        anchor = locate(self.facts, reading.kind, reading.position) if ranked_after and reading.kind else None
        if anchor is not None and ranked_after is not None:  # the one after (before) the one at that place
            reading.used.update(range(ranked_after[0], ranked_after[1]))
            reading.relation, reading.position = (ranked_after[2], anchor), None
        said = reading.kind.id if reading.kind is not None else None
        kind_said = {i for kind, named in kinds if kind.id == said for i in named}  # "kuruluş": an organisation
        reading.used |= kind_said
        found = [
            (a.generic, e - s, order, s, a.id)
            for s, e, (order, a) in self._attribute_words.find(tokens)
            if not a.seen_at(tokens, e)  # "sitesinde", "sitesi ... diyor": where seen
        ]
        if reading.entity is None and (reading.kind is None or reading.kind.weak) and not reading.ambiguous:
            # "how many nominations per country": only the award's templates answer nominations
            asked = {a for generic, _, _, _, a in found if not generic}
            owners = {k.id for k in self.facts.kinds.values() if asked & set(k.templates) and k.id not in excluded}
            ordered = reading.position is None or all(self.facts.kinds[o].order for o in owners)  # "which joined last?"
            if len(owners) == 1 and ordered and not any(self.facts.kinds[o].requires for o in owners):
                if reading.kind is not None and reading.kind.id not in owners:
                    reading.used -= kind_said  # "üyelik şartları": a word of another kind, unexplained
                reading.kind, reading.by_attribute = self.facts.kinds[owners.pop()], True
        # A specific attribute first, then the longest phrase; the thing's name asks nothing.
        named = set(reading.used)
        for _, size, _, start, attribute_id in sorted(found, key=lambda item: (item[0], -item[1], item[2], item[3])):
            span = range(start, start + size)
            taken = named - kind_said if size > 1 and reading.entity is not None else named  # "KOMEK'in kuruluş yılı"
            after_year = attribute_id == "year" and start > 0 and YEAR.match(tokens[start - 1]) is not None
            if not taken.intersection(span) and not after_year:  # "2020 yılında" names the year, asks none
                reading.attributes.append((size, attribute_id))
                reading.used.update(span)
        return reading

    @property
    def kind_words(self) -> PhraseIndex[str]:
        """The kinds' words ("konferans", "award"), to the kind each names."""
        return self._kind_words

    def reads(self, word: str) -> bool:
        """Whether a folded word is one of the facts' attribute or kind words ("month")."""
        return self._attribute_words.has([word]) or self._kind_words.has([word])

    # ------------------------------------------------------------------ answering
    def answer(self, text: str, lang: str, context: Topic | None = None) -> FactAnswer | None:
        """The short answer to ``text``, or None when it is not an attribute question
        the facts can answer (the matcher takes it then)."""
        tokens = one_of_two(written_ordinals(text, fold_question(text).split()))  # "6." a rank, "6 şehir" a count
        if not tokens or len(tokens) > 30:
            return None
        ranked = self._ranking.fact(tokens, lang)  # "en uzun konferans", "hangi yıl en çok şehir ödül aldı"
        ranked = ranked or compared(self.facts, self._names, tokens, lang)  # "Cork mu önce Medellín mi?"
        if ranked is not None:
            return ranked
        tokens = factpositions.without_unesco_of_the_network(tokens) if context is not None else tokens
        reading = self._read(tokens, text, also=context.of_one if context else None)  # "ya Hatay?" after Bolu's rank
        if reading.ambiguous:
            return None
        assert reading.used is not None and reading.attributes is not None
        if context is not None and reading.position is None:  # "and now?" after 2020's count: the latest
            reading.position = only_now(tokens, reading.used, FOLLOW_UP_WORDS, self.facts.kinds.get(context.kind))
        unexplained = [t for i, t in enumerate(tokens) if i not in reading.used and t not in STOPWORDS]
        related = reading.related or []
        carried = FOLLOW_UP_WORDS | {tokens[i] for s, e, _ in related for i in range(s, e)}  # "the one before?"
        unknown = [t for t in unexplained if t not in carried and not self._is_known(t)]
        thing = context is not None and bool(context.entity) and context.kind in self.facts.kinds
        said = [t for t in unexplained if t not in FOLLOW_UP_WORDS and t not in OR_WORDS]  # "... yoksa Meksika'da mı?"
        if unknown and not checks_a_place(text, tokens, unknown, reading, context=thing, said=said):
            return None
        if not unknown and not reading.attributes and 1 <= len(said) <= 2:
            checks_a_place(text, tokens, said, reading)  # "UIL Paris'te mi?": a word the content knows
        if reading.by_attribute and [t for t in unexplained if t not in FOLLOW_UP_WORDS]:
            return None  # "başvuruda belediye başkanının rolü": a role, but of nothing the facts know
        if reading.pair is not None:
            return pair_fact(self.facts, reading.pair, [a for _, a in reading.attributes], lang)
        short = len([t for t in unexplained if t not in FOLLOW_UP_WORDS]) <= 1 and len(tokens) <= 6
        follow = context if short and context is not None and context.kind in self.facts.kinds else None
        entity = reading.entity
        placing = reading.position if reading.position and reading.position[0] not in ("latest", "value") else None
        if entity is not None and placing is not None and reading.kind:  # not "Yeonsu 3 gün mü sürdü": its days
            placed = locate(self.facts, reading.kind, reading.position)  # "2. konferans Pekin'de mi?": the 2nd
            # "Pekin Bildirgesi 2015'te mi?": the Beijing Declaration's year, unless the named
            # thing can be set right by its rank ("Cork konferansı 2015'te miydi?": Cork hosted the 3rd)
            by_year = placing[0] == "year" and entity.template(reading.kind, "rank") is None
            if placed is not None and placed.kind == entity.kind and not by_year:
                entity = placed
        after_last = reading.position is None or reading.position[0] == "next"  # "ondan sonraki": not the upcoming
        same_kind = reading.kind is None or reading.kind.weak or (follow is not None and reading.kind.id == follow.kind)
        if entity is None and reading.relation is None and same_kind and follow is not None and after_last:
            # "ondan önceki Türk şehri", "and the next one?": by the last thing
            last = self._entities.get(follow.entity)
            opened = tokens[0] in ("and", "peki", "ya")
            same = reading.kind is None or (opened and reading.kind.id == follow.kind)
            upcoming = same and reading.position == ("next", 0)  # "and the next conference?": after the last one
            side = related[0][2] if related else None
            if side and reading.kind and not reading.kind.weak and not opened and {"sonraki", "next"} & set(tokens):
                side = None  # "bir sonraki konferans ne zaman?" asked afresh: the upcoming one
            label = factorder.relation_to_last(self.facts, side, upcoming, last)
            if label and last is not None:
                reading.relation, reading.position = (label, last), None
        if entity is None and reading.relation is not None:
            if (every := all_beside(self.facts, reading.relation, tokens, lang)) is not None:
                return every  # "Bolu'dan önce kimler katıldı?": all of them
            entity = relative(self.facts, *reading.relation)
            if entity is None:
                return factorder.none_before(self.facts, reading.relation, lang)  # "Eskişehir'den önce?": none
        if entity is None and reading.since is not None and reading.kind is not None and reading.position is not None:
            if not reading.nearest:
                return range_fact(self.facts, reading.kind, reading.since, reading.position[1], lang)
            entity = nearest(self.facts, reading.kind, reading.since, reading.position[1])
            if entity is None:
                return None
            reading.position = None
        if entity is None and self._other_names.has(tokens):
            return None  # "Konya'nın üyelik yılı kaç?" is about Konya, not the network's size
        weak_kind = reading.kind is None or reading.kind.weak
        if entity is None and follow is not None and reading.attributes and reading.position is None and weak_kind:
            entity = self._entities.get(follow.entity)  # "since when is it a member?" after KOMEK: KOMEK's
        weak = False
        if entity is None:
            kind = reading.kind or (self.facts.kinds[follow.kind] if follow and reading.position else None)
            if kind is not None:
                entity = locate(self.facts, kind, reading.position)
                value = reading.position[1] if reading.position and reading.position[0] == "value" else None
                if entity is None and value is not None:
                    # "ağda 5000 şehir var, değil mi?": the latest figure; a figure the content
                    # knows ("1000 şehir" is KOMEK's claim) is the matcher's when it is sure
                    entity = locate(self.facts, kind, None)
                    weak = self._is_known(str(value))
            if entity is None and kind is not None and reading.position is not None and reading.position[0] == "rank":
                # "8. konferans ne zaman": none held nor planned
                beyond = factorder.past_the_last(self.facts, kind, lang)
                if beyond is not None:
                    return beyond
            gap = factorder.no_such_year(self.facts, kind, None if entity else reading.position, lang)
            if gap is not None:
                return gap  # "2018'de ödül verildi mi": none that year
            if entity is None and follow is not None and reading.attributes and reading.position is None:
                entity = self._entities.get(follow.entity)  # "sonuç belgesi neydi?" after Medellín
        whole: str | None = None  # what is asked of a whole kind ("ödül kaç kez verildi", "kaç tane belge var")
        if entity is None and reading.kind is not None:
            entity, whole = for_the_kind(self.facts, reading.kind, [a for _, a in reading.attributes])
        if entity is None and follow is not None and not follow.entity and reading.position is None:
            # "kaç kez verildi?" after the award's card: the kind's own attributes
            entity, whole = for_the_kind(self.facts, self.facts.kinds[follow.kind], [a for _, a in reading.attributes])
        if entity is None:
            return None
        kind = self.facts.kinds[entity.kind]
        wanted = [a for _, a in reading.attributes]
        if (
            kind.default
            and (reading.position or reading.relation or reading.nearest)
            and not entity.template(kind, wanted[0] if wanted else "")
        ):
            wanted = [kind.default, *wanted]
        if set(wanted) <= {"which"} and reading.nearest and (kind.default or kind.fallback):
            wanted = [*wanted, kind.default or kind.fallback or ""]  # "2019'dan sonraki ilk konferans (hangisi)"
        if not wanted and follow is not None:  # "peki dördüncüsü?"; "KOMEK ne zaman kuruldu?" >> "peki UIL?"
            wanted = factpositions.carried(follow, entity, kind, self._generic)
        dated = reading.position is not None and reading.position[0] in ("year", "value")
        if not wanted and kind.of_year and dated and not _WHICH_WORDS & set(tokens):
            wanted = [kind.of_year]  # "2020'de ağda 230 şehir mi vardı": that year's count; not "hangi şehirler"
        if not wanted and reading.position is not None:
            wanted = checked(entity, kind, reading.position)
            if not wanted and reading.entity is not None and reading.position[0] == "rank":
                wanted = ["rank"]  # "Medellín 5. konferans mıydı?": which one it was
        in_order = reading.relation is not None or (
            reading.position is not None and reading.position[0] in ("rank", "latest")
        )
        if not wanted and reading.entity is None and kind.fallback and in_order:
            wanted = [kind.fallback]  # "What is the oldest conference?", "Which conference was held before Cork?"
        if reading.position is not None and reading.position[0] == "year" and len(wanted) > 1:
            # "2020 yılında kaç il üye oldu": "yılında" is the year named, "kaç" the question
            wanted = [a for a in wanted if a not in ("year", "when")] or wanted
        specific = [a for a in wanted if not self._generic.get(a, False)]
        asked = [whole] if whole else specific or wanted  # "how many declarations were adopted": how many
        if set(specific) == {"which"} and reading.position is None:  # "which city hosted it?": which, then where
            asked = [*specific, *(a for a in wanted if a not in specific)]
        plain = not [t for t in unexplained if t not in carried]  # nothing else said
        only_which = set(wanted) == {"which"}
        no_which = only_which and not any(o.knows(kind, "which") for o in self.facts.of_kind(kind.id))
        # "2019'da ödül alan şehirler hangileri?": nothing asked but which, of a kind's words only
        unheard = no_which and all(self._kind_words.has([t]) for t in unexplained if t not in carried)
        unheard = unheard or (no_which and in_order)  # "en son yapılan konferans hangisiydi?": the latest one
        if kind.fallback and (unheard or (plain and (reading.relation is not None or only_which))):
            # "ilk konferans hangisiydi" (no "which" for a conference), "Cork'tan önceki
            # konferans": the words asked first, then the kind's fallback (its dates)
            asked = [
                *asked,
                *(a for a in wanted if a not in asked),
                *([] if kind.fallback in asked else [kind.fallback]),
            ]
        for attribute in asked:  # "kaç yılında kuruldu" asks the founding, not "how many"
            topic = Topic(entity.kind, entity.id, attribute, lang)
            template = entity.template(kind, attribute)
            if template is not None:
                place = None if reading.relation else reading.position
                card = card_for(kind, entity, attribute, place, asked=attribute in {a for _, a in reading.attributes})
                html = entity.render(template, lang)
                named = reading.entity
                correction = named.template(kind, "rank") if named and named.kind == entity.kind else None
                if named is not None and named.id != entity.id and correction is not None:
                    # "Cork hosted the fourth, didn't it?": Cork hosted the 3rd; the 4th was Medellín's
                    html = Html(f"{named.render(correction, lang)} {html}")
                    if reading.position is not None and (
                        reading.position[0] == "year"
                        or (reading.position != ("rank", 1) and named_before_rank(tokens, named.names))
                    ):  # not "was Konya the first Turkish member?": the first's
                        card = named.card  # "Was the Cork conference in 2019?", "Medellín hosted the 3rd?": about it
                by_place = reading.relation is not None or reading.nearest  # found by its place: no "later" question
                return FactAnswer(entity, attribute, html, card, topic, relative=by_place, weak=weak)
            # Known for other things of the kind, not for this one: "how many attended the
            # Medellín conference?" (known for the 2nd only) is honestly not known.
            if any(other.knows(kind, attribute) for other in self.facts.of_kind(kind.id)):
                return FactAnswer(entity, attribute, Html(""), entity.card, topic, missing=True)
        return None
