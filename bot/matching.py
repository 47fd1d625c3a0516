"""Fuzzy FAQ matching: folded tokens, rarity weights, rapidfuzz for typos.

Each :class:`SearchEntry` knows how to score itself against a :class:`Query`: the
share of the question's weighted words it explains, and the share of its own
phrasing's words the question contains, taking the best of its phrasings. Rare words
("medellin", "2024", "komek") weigh much more than words every entry shares
("sehir", "when"), so common words cannot carry a match on their own, and words the
content has never seen count against a match, so that "where to eat in Konya?" is
not taken for a question about Konya's membership.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.textnorm import STOPWORDS_EN, STOPWORDS_TR, content_tokens, looks_turkish, tokens

__all__ = ["Thresholds", "SearchEntry", "Query", "Match", "MatchResult", "Matcher"]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a score is an answer, a suggestion, or nothing."""

    answer: float = 65.0  # at least this, and ``margin`` ahead of the runner-up
    margin: float = 2.0
    suggest: float = 42.0  # at least this: "did you mean" buttons
    unknown_weight: float = 0.5  # weight of an unknown word, relative to the rarest known word
    query_share: float = 0.6  # how much the entry's whole vocabulary counts against its best phrasing


@dataclass(frozen=True, slots=True)
class _Phrasing:
    lang: str | None
    text: str
    vocab: tuple[int, ...]


@dataclass(slots=True)
class Query:
    """A question prepared once for scoring against every entry."""

    text: str
    words: list[str]  # all folded words, for language guessing
    terms: list[str]  # content tokens (stop words gone, stemmed)
    similar: list[dict[int, float]]  # per term: vocabulary id -> similarity 0..1
    weights: list[float]  # per term


@dataclass(frozen=True, slots=True)
class Match:
    entry_id: str
    score: float
    lang: str | None  # language of the phrasing that matched best
    phrasing: str


@dataclass(slots=True)
class SearchEntry:
    """Something the bot can answer, with the ways people ask for it.

    ``phrasings`` are whole questions; ``bag`` is every word of them plus the entry's
    keywords, so that a question's words can be explained by any of its phrasings.
    """

    id: str
    phrasings: list[_Phrasing] = field(default_factory=list)
    bag: set[int] = field(default_factory=set)

    def score(self, query: Query, weights: Sequence[float], share: float) -> Match:
        """How well this entry answers ``query`` (0..100).

        Three parts: the weighted share of the question's words that the entry's
        vocabulary explains (``share`` of the score), and for its best phrasing the
        share of the question's words that phrasing explains and the share of the
        phrasing's words the question contains (the rest, half each).
        """
        total_q = sum(query.weights)
        if not total_q:
            return Match(self.id, 0.0, None, "")
        tops: list[dict[int, float]] = []
        covered_bag = 0.0
        for sims, weight in zip(query.similar, query.weights):
            mine = {vid: s for vid, s in sims.items() if vid in self.bag}
            tops.append(mine)
            covered_bag += weight * max(mine.values(), default=0.0)
        best_value, best = 0.0, None
        for phrasing in self.phrasings:
            covered_q = 0.0
            for mine, weight in zip(tops, query.weights):
                top = 0.0
                for vid in phrasing.vocab:
                    s = mine.get(vid)
                    if s is not None and s > top:
                        top = s
                covered_q += weight * top
            covered_p = 0.0
            total_p = 0.0
            for vid in phrasing.vocab:
                w = weights[vid]
                total_p += w
                top = 0.0
                for mine in tops:
                    s = mine.get(vid)
                    if s is not None and s > top:
                        top = s
                covered_p += w * top
            value = covered_q / total_q + covered_p / total_p
            if value > best_value:
                best_value, best = value, phrasing
        score = 100.0 * (share * covered_bag / total_q + (1 - share) * best_value / 2)
        return Match(self.id, score, best.lang if best else None, best.text if best else "")


@dataclass(frozen=True, slots=True)
class MatchResult:
    query: Query
    ranked: tuple[Match, ...]  # best first, one per entry
    decision: str  # "answer", "suggest" or "none"
    lang: str | None  # language of the question, when its own words tell

    @property
    def best(self) -> Match | None:
        return self.ranked[0] if self.ranked else None


class Matcher:
    """An index over every entry's phrasings."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[tuple[str | None, str]], Iterable[str]]],
                 thresholds: Thresholds | None = None) -> None:
        """``entries``: (id, [(language, phrasing)], [keyword]) for everything answerable."""
        self.thresholds = thresholds or Thresholds()
        self._vocab: dict[str, int] = {}
        self.entries: dict[str, SearchEntry] = {}
        words_by_lang: dict[str, set[str]] = {"tr": set(STOPWORDS_TR), "en": set(STOPWORDS_EN)}
        for entry_id, phrasings, keywords in entries:
            entry = self.entries.setdefault(entry_id, SearchEntry(entry_id))
            for lang, text in phrasings:
                vocab = tuple(self._vocab.setdefault(t, len(self._vocab)) for t in content_tokens(text))
                if vocab:
                    entry.phrasings.append(_Phrasing(lang, text, vocab))
                    entry.bag.update(vocab)
                if lang in words_by_lang:
                    words_by_lang[lang].update(tokens(text))
            for keyword in keywords:
                entry.bag.update(self._vocab.setdefault(t, len(self._vocab)) for t in content_tokens(keyword))
        self._only_tr = frozenset(words_by_lang["tr"] - words_by_lang["en"])
        self._only_en = frozenset(words_by_lang["en"] - words_by_lang["tr"])
        self._words = list(self._vocab)
        self._sorted_words = sorted(self._vocab)
        df = [0] * len(self._vocab)
        postings: list[set[str]] = [set() for _ in self._vocab]
        for entry in self.entries.values():
            for vid in entry.bag:
                df[vid] += 1
                postings[vid].add(entry.id)
        n = max(len(self.entries), 1)
        self._weights = [math.log(1 + n / d) for d in df]
        self._unknown = math.log(1 + n) * self.thresholds.unknown_weight
        self._postings = [frozenset(p) for p in postings]
        self._similar_cache: dict[str, dict[int, float]] = {}

    # -- query side
    def _similar(self, term: str) -> dict[int, float]:
        cached = self._similar_cache.get(term)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        vid = self._vocab.get(term)
        if vid is not None:
            found[vid] = 1.0
        if len(term) >= 3 and not term.isdigit():
            # The term is a stem of a longer word ("uye" ~ "uyelig"), or a longer word
            # of which a known word is the stem ("konferansinda" ~ "konferan").
            start = bisect.bisect_left(self._sorted_words, term)
            for word in self._sorted_words[start:start + 50]:
                if not word.startswith(term):
                    break
                if word != term:
                    found[self._vocab[word]] = max(found.get(self._vocab[word], 0.0), 0.7 + 0.25 * len(term) / len(word))
            for k in range(len(term) - 1, 3, -1):
                prefix_id = self._vocab.get(term[:k])
                if prefix_id is not None:
                    found[prefix_id] = max(found.get(prefix_id, 0.0), 0.7 + 0.25 * k / len(term))
        if len(term) >= 4 and not term.isdigit():
            cutoff = 85 if len(term) <= 5 else 78
            for word, ratio, index in process.extract(term, self._words, scorer=fuzz.ratio,
                                                      score_cutoff=cutoff, limit=8):
                if word != term:
                    found[index] = max(found.get(index, 0.0), 0.92 * ratio / 100)
        if len(self._similar_cache) > 50_000:
            self._similar_cache.clear()
        self._similar_cache[term] = found
        return found

    def prepare(self, text: str) -> Query:
        """Fold and tokenise a question, and look up every word's near neighbours."""
        terms = content_tokens(text)[:40]
        similar = [self._similar(t) for t in terms]
        weights = [
            max((self._weights[vid] * s for vid, s in sims.items()), default=0.0) if sims else self._unknown
            for sims in similar
        ]
        # A known word weighs at least as much as its best neighbour's rarity; an
        # unknown one weighs a fixed, high amount.
        weights = [w if w > 0 else self._unknown for w in weights]
        return Query(text, tokens(text), terms, similar, weights)

    def guess_lang(self, query: Query) -> str | None:
        """"tr" or "en" from the question's own words, or None when it cannot tell."""
        if looks_turkish(query.text):
            return "tr"
        tr = sum(1 for w in query.words if w in self._only_tr)
        en = sum(1 for w in query.words if w in self._only_en)
        if tr != en:
            return "tr" if tr > en else "en"
        return None

    def match(self, text: str, limit: int = 5) -> MatchResult:
        """Rank the entries for a question and decide what to do with the best."""
        query = self.prepare(text)
        candidates: set[str] = set()
        for sims in query.similar:
            for vid in sims:
                candidates |= self._postings[vid]
        t = self.thresholds
        scored = [self.entries[e].score(query, self._weights, t.query_share) for e in candidates]
        scored.sort(key=lambda m: (-m.score, m.entry_id))
        ranked = tuple(m for m in scored[:limit] if m.score > 0)
        decision = "none"
        if ranked:
            top = ranked[0].score
            runner_up = ranked[1].score if len(ranked) > 1 else 0.0
            if top >= t.answer and top - runner_up >= t.margin:
                decision = "answer"
            elif top >= t.suggest:
                decision = "suggest"
        return MatchResult(query, ranked, decision, self.guess_lang(query))

    def top(self, text: str, limit: int = 5) -> list[Match]:
        """The best entries for ``text`` above the suggestion threshold."""
        result = self.match(text, limit)
        return [m for m in result.ranked if m.score >= self.thresholds.suggest]
