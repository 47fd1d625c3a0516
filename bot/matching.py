"""Fuzzy FAQ matching: folded key terms, rarity weights, an inverted index.

A question and every phrasing and keyword of every entry are reduced to *terms*
(:func:`bot.textnorm.terms`: folded, stop words gone, stemmed, Turkish and English
synonyms made one, so that "joined" meets "katıldı"). An entry's score (0..100) needs
two things at once:

* ``cover`` -- the weighted share of the question's terms that the entry's vocabulary
  (all its phrasings and keywords) explains. Terms weigh by rarity among the entries
  (idf): "medellin", "2024" or "komek" count much more than "sehir". Question words
  (:data:`~bot.textnorm.INTENT_WORDS`: "ne zaman", "nerede", "when is") weigh little.
  A word the content has never seen counts heavily against every entry, so that "where
  to eat in Konya?" is not taken for a question about Konya's membership; many unknown
  words together weigh less than their sum, and less still before the last clause
  (small talk: "Merhaba, yerel bir gazetede çalışıyorum: ...").
* ``fit`` -- for the entry's best phrasing, the share of that phrasing's terms the
  question contains. "İzmir hava durumu" names a city but fits only a third of
  "İzmir ne zaman üye oldu", so it is not answered with İzmir's membership.

``score = 100 * cover * fit ** Thresholds.fit_power``. The bot answers when the best
score reaches ``Thresholds.answer`` *and* leads the runner-up by ``Thresholds.margin``
(two entries that both fit stay a "did you mean"); from ``Thresholds.suggest`` it
offers the closest entries as buttons; below, it says it does not know.

An entry only becomes a candidate through a *key* term: question words and numbers
alone never carry a match ("kpss ne zaman", "what is 2+2"), unless a phrasing consists
of exactly those words ("Who are you?").

Speed (see benchmarks/ and docs/benchmarks.md): the content is indexed once (terms,
weights, postings from each term to the phrasings and entries that use it, every
spelling of every term for typo look-ups). A question touches only the phrasings that
share one of its key terms; when it has a *selective* word (one few entries know) and
every other entry provably scores below what is ever shown, only the entries with
that word are scored. The neighbours of a word (prefix/suffix relations, typos by
optimal string alignment distance, via rapidfuzz) are looked up once per distinct word,
and the answers to recent questions are remembered.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.lang import Lang
from bot.textnorm import (
    INTENT_WORDS,
    STOPWORDS_EN,
    STOPWORDS_TR,
    SYNONYMS,
    fold_question,
    folded_terms,
    is_ending,
    last_clause,
    looks_turkish,
    term,
    terms,
    tokens,
)

__all__ = ["Decision", "Match", "MatchResult", "Matcher", "Query", "SearchEntry", "Thresholds"]

_MAX_TERMS = 40
_SELECTIVE_SHARE = 0.15  # a word known to at most this share of the entries is selective
_CACHE_SIZE = 50_000  # word neighbours remembered
_RESULTS_SIZE = 2_048  # answers remembered


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a score is an answer, a suggestion, or nothing; and the scoring knobs.

    Tuned on tests/eval/questions.yaml (see tests/test_eval.py for what they measure).
    """

    answer: float = 40.0  # at least this, and ``margin`` ahead of the runner-up
    margin: float = 8.0
    suggest: float = 20.0  # at least this: "did you mean" buttons
    fit_power: float = 1.1  # how much a phrasing's unmatched terms cost
    unknown_weight: float = 2.2  # weight of an unknown word, relative to the rarest known word
    unknown_power: float = 0.7  # n unknown words weigh like n ** unknown_power of them
    preamble_weight: float = 0.35  # an unknown or half-known word before the last clause weighs less
    intent_weight: float = 0.35  # most a question word weighs, relative to the rarest known word


@dataclass(frozen=True, slots=True)
class _Phrasing:
    entry: int  # index into Matcher.entry_ids
    lang: str | None  # None for a keyword
    text: str
    vocab: tuple[int, ...]


@dataclass(slots=True)
class Query:
    """A question prepared once for scoring against every entry."""

    text: str
    words: list[str]  # all folded words, for language guessing
    terms: list[str]  # key terms (stop words gone, stemmed, synonyms made one)
    similar: list[dict[int, float]]  # per term: vocabulary id -> similarity 0..1
    weights: list[float]  # per term


@dataclass(frozen=True, slots=True)
class Match:
    entry_id: str
    score: float
    lang: str | None  # language of the phrasing that matched best (None: a keyword)
    phrasing: str


@dataclass(slots=True)
class SearchEntry:
    """Something the bot can answer: its phrasings (indexes into the matcher's list)
    and its vocabulary (every term of its phrasings and keywords)."""

    id: str
    phrasings: list[int] = field(default_factory=list)
    bag: set[int] = field(default_factory=set)


class Decision(StrEnum):
    ANSWER = "answer"  # confident: answer with the best entry
    SUGGEST = "suggest"  # close: offer the best entries as buttons
    NONE = "none"  # nothing close enough


@dataclass(frozen=True, slots=True)
class MatchResult:
    query: Query
    ranked: tuple[Match, ...]  # best first, one per entry
    decision: Decision
    lang: Lang | None  # language of the question, when its own words tell

    @property
    def best(self) -> Match | None:
        return self.ranked[0] if self.ranked else None


# Question words that are not stop words but tell the language.
_TR_HINTS = frozenset(["nasil", "kac", "kim", "nerede", "nerde", "zaman", "neden", "hangi", "nedir"])
_EN_HINTS = frozenset(["how", "many", "who", "where", "when", "why", "do", "does", "did"])


def _language_words(tr: Counter[str], en: Counter[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words that tell Turkish and English apart: each language's small words, and the
    content's words used in one language's phrasings at least three times as often."""
    tr_words = set(STOPWORDS_TR) | _TR_HINTS | {w for w, n in tr.items() if n >= 3 * en.get(w, 0)}
    en_words = set(STOPWORDS_EN) | _EN_HINTS | {w for w, n in en.items() if n >= 3 * tr.get(w, 0)}
    return frozenset(tr_words - en_words), frozenset(en_words - tr_words)


def _keep(found: dict[int, float], vid: int, similarity: float) -> None:
    """Record ``similarity`` for ``vid`` unless a better one is known."""
    if similarity > found.get(vid, 0.0):
        found[vid] = similarity


class Matcher:
    """An index over every entry's phrasings and keywords, built once."""

    def __init__(
        self,
        entries: Iterable[tuple[str, Iterable[tuple[str | None, str]], Iterable[str]]],
        thresholds: Thresholds | None = None,
    ) -> None:
        """``entries``: (id, [(language, phrasing)], [keyword]) for everything answerable.

        Keywords count as phrasings of their own ("GNLC", "Medellín Manifestosu"), so
        a keyword should identify its entry.
        """
        self.thresholds = thresholds or Thresholds()
        self._vocab: dict[str, int] = {}
        self.entries: dict[str, SearchEntry] = {}
        self.entry_ids: list[str] = []
        self._index: dict[str, int] = {}
        self.phrasings: list[_Phrasing] = []
        words_by_lang: dict[str, Counter[str]] = {"tr": Counter(), "en": Counter()}
        for entry_id, phrasings, keywords in entries:
            self._add_entry(entry_id, [*phrasings, *((None, keyword) for keyword in keywords)], words_by_lang)
        self._tr_words, self._en_words = _language_words(words_by_lang["tr"], words_by_lang["en"])
        self._words = list(self._vocab)
        self._build_weights()
        self._build_postings()
        self._build_lexicon()
        self._similar_cache: dict[str, dict[int, float]] = {}
        self._results: dict[tuple[str, int], MatchResult] = {}

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every term of every phrasing and keyword (what the content knows)."""
        return frozenset(self._vocab)

    # ------------------------------------------------------------------ index
    def _add_entry(
        self, entry_id: str, sources: list[tuple[str | None, str]], words_by_lang: dict[str, Counter[str]]
    ) -> None:
        entry = self.entries.get(entry_id)
        if entry is None:
            entry = self.entries[entry_id] = SearchEntry(entry_id)
            self._index[entry_id] = len(self.entry_ids)
            self.entry_ids.append(entry_id)
        index = self._index[entry_id]
        seen = {frozenset(self.phrasings[pid].vocab) for pid in entry.phrasings}
        for lang, text in sources:
            vocab = tuple(self._vocab.setdefault(t, len(self._vocab)) for t in terms(text))
            entry.bag.update(vocab)
            if lang in words_by_lang:
                words_by_lang[lang].update(set(tokens(text)))
            if vocab and frozenset(vocab) not in seen:  # "Eskisehir ..." and "Eskişehir ..." are one
                seen.add(frozenset(vocab))
                entry.phrasings.append(len(self.phrasings))
                self.phrasings.append(_Phrasing(index, lang, text, vocab))

    def _build_weights(self) -> None:
        """Rarity weights (idf over entries); question words capped; numbers and
        question words marked weak (they never make an entry a candidate)."""
        df = [0] * len(self._vocab)
        for entry in self.entries.values():
            for vid in entry.bag:
                df[vid] += 1
        n = max(len(self.entries), 1)
        top = math.log(1 + n)
        t = self.thresholds
        self._intent_cap = top * t.intent_weight
        self._unknown = top * t.unknown_weight
        self._weights = [math.log(1 + n / d) if d else top for d in df]
        intent = [word in INTENT_WORDS for word in self._words]
        for vid in range(len(self._weights)):
            if intent[vid]:
                self._weights[vid] = min(self._weights[vid], self._intent_cap)
        self._weak = [flag or word.isdigit() for flag, word in zip(intent, self._words, strict=True)]
        self._bags = [frozenset(self.entries[entry_id].bag) for entry_id in self.entry_ids]
        # Words few entries know: enough to find the candidates when a question has one.
        self._selective = [
            d <= max(2, n * _SELECTIVE_SHARE) and not weak for d, weak in zip(df, self._weak, strict=True)
        ]
        # An entry that provably scores below this is never shown nor changes a decision.
        self._unseen_floor = min(t.suggest, t.answer - t.margin)
        bag_postings: list[list[int]] = [[] for _ in self._vocab]
        for index, bag in enumerate(self._bags):
            for vid in bag:
                bag_postings[vid].append(index)
        self._bag_postings = [tuple(p) for p in bag_postings]

    def _build_postings(self) -> None:
        postings: list[list[int]] = [[] for _ in self._vocab]
        for pid, phrasing in enumerate(self.phrasings):
            for vid in set(phrasing.vocab):
                postings[vid].append(pid)
        self._postings = [tuple(p) for p in postings]
        self._phrasing_entry = [p.entry for p in self.phrasings]
        self._inverse_size = [1.0 / len(p.vocab) for p in self.phrasings]

    def _build_lexicon(self) -> None:
        """Every spelling that stands for a vocabulary word: the word itself and its
        synonyms ("coordinates" for "yurut"), for prefix and typo look-ups."""
        lexicon = dict(self._vocab)
        for surface, canonical in SYNONYMS.items():
            vid = self._vocab.get(canonical)
            if vid is not None and len(surface) >= 3:
                lexicon.setdefault(surface, vid)
        self._lexicon = lexicon
        self._sorted_spellings = sorted(lexicon)
        # For typo look-ups, spellings by length and first letter, and by length and
        # second letter: a typo rarely changes both of a word's first two letters.
        self._by_first: dict[tuple[int, str], list[str]] = {}
        self._by_second: dict[tuple[int, str], list[str]] = {}
        for word in lexicon:
            self._by_first.setdefault((len(word), word[0]), []).append(word)
            if len(word) > 1:
                self._by_second.setdefault((len(word), word[1]), []).append(word)
        self._anagrams: dict[str, list[str]] = {}
        for word in lexicon:
            if len(word) == 3:
                self._anagrams.setdefault("".join(sorted(word)), []).append(word)

    # ------------------------------------------------------------------ words
    def _similar(self, term: str) -> dict[int, float]:
        """Vocabulary words like ``term``, with a similarity 0..1 (cached)."""
        cached = self._similar_cache.get(term)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        vid = self._vocab.get(term)
        if vid is not None:
            found[vid] = 1.0
        if len(term) >= 3 and not term.isdigit():
            self._prefixes(term, found)
        if vid is None and not term.isdigit():
            for typo, similarity in self._typos(term).items():
                _keep(found, typo, similarity)
        if len(self._similar_cache) >= _CACHE_SIZE:
            self._similar_cache.clear()
        self._similar_cache[term] = found
        return found

    def _prefixes(self, term: str, found: dict[int, float]) -> None:
        """A longer word that is the term plus an ending ("katil" ~ "katilimci": often
        another word, a low similarity), or a known word the term extends by an ending
        ("konferansinda" ~ "konferans": an inflection the stemmer missed)."""
        lexicon = self._lexicon
        start = bisect.bisect_left(self._sorted_spellings, term)
        for word in self._sorted_spellings[start : start + 50]:
            if not word.startswith(term):
                break
            if word != term:
                _keep(found, lexicon[word], 0.45 + 0.35 * len(term) / len(word))
        for k in range(len(term) - 1, 2, -1):
            prefix_id = lexicon.get(term[:k])
            if prefix_id is not None:  # sure when the rest is an ending, else maybe ("yeni" + "r")
                _keep(found, prefix_id, (0.7 if is_ending(term[k:]) else 0.5) + 0.25 * k / len(term))

    def _typos(self, term: str) -> dict[int, float]:
        """Vocabulary words one to three edits (a transposition is one) away from
        ``term``, by its length, with a similarity that falls with the edits."""
        size = len(term)
        limit = 0 if size <= 3 else 1 if size <= 5 else 2 if size <= 9 else 3
        typos: dict[int, float] = {}
        if limit == 0:
            # Three letters: only a swap of two neighbours ("uey" ~ "uye").
            for word in self._anagrams.get("".join(sorted(term)), ()):
                if OSA.distance(term, word) == 1:
                    _keep(typos, self._lexicon[word], 0.75)
            return typos
        for length in range(size - limit, size + limit + 1):
            # A word of five letters or less keeps its first letter; a longer one its first or second.
            words = self._by_first.get((length, term[0]), [])
            if size > 5:
                words = words + [w for w in self._by_second.get((length, term[1]), ()) if w[0] != term[0]]
            for word, distance, _ in process.extract(term, words, scorer=OSA.distance, score_cutoff=limit, limit=8):
                if distance:
                    _keep(typos, self._lexicon[word], 0.95 * (1 - distance / max(size, len(word))))
        return typos

    def _term_weight(self, term: str, sims: dict[int, float]) -> float:
        """The weight of a question term: that of its closest vocabulary word (a question
        word stays light), or the fixed weight of an unknown word."""
        if not sims:
            return self._unknown
        closest = max(sims, key=lambda vid: (sims[vid], self._weights[vid]))
        if term in INTENT_WORDS:
            return min(self._weights[closest], self._intent_cap)
        similarity = sims[closest]  # a doubtful match ("mira" ~ "sira") is partly an unknown word
        return similarity * self._weights[closest] + (1 - similarity) * self._unknown

    def knows(self, token: str, similarity: float = 0.7) -> bool:
        """Whether a folded word means something to the content: a stop word, or a
        word like one of the vocabulary's (``similarity`` 0..1)."""
        found = term(token)
        if found is None:
            return True
        return max(self._similar(found).values(), default=0.0) >= similarity

    # ------------------------------------------------------------------ questions
    def prepare(self, text: str) -> Query:
        """Fold and tokenise a question, look up every term's near neighbours and weigh
        the terms (unknown small talk weighs less, see :class:`Thresholds`)."""
        t = self.thresholds
        folded = fold_question(text)
        found = folded_terms(folded)[:_MAX_TERMS]
        similar = [self._similar(term) for term in found]
        weights = [self._term_weight(term, sims) for term, sims in zip(found, similar, strict=True)]
        unknown = [i for i, sims in enumerate(similar) if not sims]
        if unknown:
            share = len(unknown) ** t.unknown_power / len(unknown)
            for i in unknown:
                weights[i] *= share
        doubtful = [i for i, sims in enumerate(similar) if max(sims.values(), default=0.0) < 1.0]
        if doubtful and len(found) > 2:
            # Small talk before the question itself: its unknown and half-known words weigh less.
            main = set(terms(last_clause(text)))
            for i in doubtful:
                if found[i] not in main:
                    weights[i] *= t.preamble_weight
        return Query(text, folded.split(), found, similar, weights)

    def guess_lang(self, query: Query) -> Lang | None:
        """ "tr" or "en" from the question's own words (the small words of each language,
        and the words mostly used in the content's phrasings of one language); then from
        Turkish letters; None when it cannot tell. Letters come second: "When did İzmir
        join the network?" is English."""
        tr = sum(1 for w in query.words if w in self._tr_words)
        en = sum(1 for w in query.words if w in self._en_words)
        if tr != en:
            return "tr" if tr > en else "en"
        if looks_turkish(query.text):
            return "tr"
        return None

    def _best_similarities(self, query: Query) -> dict[int, float]:
        """Vocabulary id -> the best similarity any question term has to it."""
        best: dict[int, float] = {}
        for sims in query.similar:
            for vid, s in sims.items():
                if s > best.get(vid, 0.0):
                    best[vid] = s
        return best

    def _fits(
        self, best_sim: dict[int, float], sources: Iterable[int], *, exact_only: bool = False
    ) -> dict[int, tuple[float, int]]:
        """The best (fit, phrasing) per entry index, for the entries that have a phrasing
        with one of the ``sources`` words: sums along the postings, other words added to
        the phrasings found."""
        postings = self._postings
        matched = [0.0] * len(self.phrasings)
        touched: list[int] = []
        sources = set(sources)
        for vid in sources:
            s = best_sim[vid]
            for pid in postings[vid]:
                if not matched[pid]:
                    touched.append(pid)
                matched[pid] += s
        for vid, s in best_sim.items():
            if vid not in sources:
                for pid in postings[vid]:
                    if matched[pid]:
                        matched[pid] += s
        best: dict[int, tuple[float, int]] = {}
        entry_of, inverse_size = self._phrasing_entry, self._inverse_size
        for pid in touched:
            fit = matched[pid] * inverse_size[pid]
            if exact_only and fit < 1.0 - 1e-9:
                continue
            entry = entry_of[pid]
            known = best.get(entry)
            if known is None or fit > known[0]:
                best[entry] = (fit, pid)
        return best

    def _entry_fits(
        self, best_sim: dict[int, float], key: set[int], entries: Iterable[int]
    ) -> dict[int, tuple[float, int]]:
        """The best (fit, phrasing) of each of ``entries``, phrasing by phrasing, among
        its phrasings with a ``key`` word (as :meth:`_fits` finds them)."""
        best: dict[int, tuple[float, int]] = {}
        phrasings, inverse_size = self.phrasings, self._inverse_size
        for entry in entries:
            top, top_pid = 0.0, -1
            for pid in self.entries[self.entry_ids[entry]].phrasings:
                vocab = phrasings[pid].vocab
                if key.isdisjoint(vocab):
                    continue
                fit = sum(best_sim.get(vid, 0.0) for vid in vocab) * inverse_size[pid]
                if fit > top:
                    top, top_pid = fit, pid
            if top_pid >= 0:
                best[entry] = (top, top_pid)
        return best

    def _candidate_fits(self, query: Query, total: float) -> dict[int, tuple[float, int]]:
        """Every entry that could score, with its best fit. Entries are found through
        the question's key words; when some of them are *selective* (known to few
        entries) and every entry without one provably scores below what is ever shown
        or answered, only the entries with a selective word are scored."""
        best_sim = self._best_similarities(query)
        key = [vid for vid in best_sim if not self._weak[vid]]
        if not key:  # only question words ("who are you?"): a phrasing may still match exactly
            return self._fits(best_sim, best_sim, exact_only=True)
        selective = {vid for vid in key if self._selective[vid]}
        if selective and len(selective) < len(best_sim):
            # The most an entry without a selective word could reach: 100 * cover, where
            # only the other words count.
            rest = sum(
                weight * max((s for vid, s in sims.items() if vid not in selective), default=0.0)
                for weight, sims in zip(query.weights, query.similar, strict=True)
            )
            if 100.0 * rest / total < self._unseen_floor:
                entries = {entry for vid in selective for entry in self._bag_postings[vid]}
                return self._entry_fits(best_sim, set(key), entries)
        return self._fits(best_sim, key)

    def _cover(self, entry: int, known: list[tuple[float, list[tuple[int, float]]]], total: float) -> float:
        """The weighted share of the question's terms the entry's vocabulary explains;
        ``known``: (weight, [(vocabulary id, similarity), best first]) per known term."""
        bag = self._bags[entry]
        covered = 0.0
        for weight, sims in known:
            for vid, s in sims:
                if vid in bag:
                    covered += weight * s
                    break
        return covered / total

    def _covers(
        self, entries: Iterable[int], known: list[tuple[float, list[tuple[int, float]]]], total: float
    ) -> dict[int, float]:
        """``cover`` for many entries at once, through the postings from each word to the
        entries that know it (cheaper than entry by entry when the entries are many)."""
        wanted = set(entries)
        covered = dict.fromkeys(wanted, 0.0)
        bag_postings = self._bag_postings
        for weight, sims in known:
            seen: set[int] = set()
            for vid, s in sims:
                gain = weight * s
                for entry in bag_postings[vid]:
                    if entry in wanted and entry not in seen:
                        seen.add(entry)
                        covered[entry] += gain
        return {entry: value / total for entry, value in covered.items()}

    def _rank(self, query: Query, limit: int) -> list[Match]:
        """The best ``limit`` entries by ``100 * cover * fit ** fit_power``. ``cover``
        is computed entry by entry only while an entry can still make the list (cover
        is at most 1, so its fit bounds its score), or for all candidates at once
        through the postings when that is cheaper."""
        power = self.thresholds.fit_power
        total = sum(query.weights)
        if not total:
            return []
        ids = self.entry_ids
        known = [
            (weight, sorted(sims.items(), key=lambda item: -item[1]))
            for weight, sims in zip(query.weights, query.similar, strict=True)
            if sims
        ]
        fits = self._candidate_fits(query, total)
        bulk = sum(len(self._bag_postings[vid]) for _, sims in known for vid, _ in sims)
        if bulk <= len(fits) * sum(len(sims) for _, sims in known):
            covers = self._covers(fits, known, total)
            scored = [(100.0 * fit**power * covers[entry], ids[entry], pid) for entry, (fit, pid) in fits.items()]
            best = heapq.nsmallest(limit, (item for item in scored if item[0] > 0), key=lambda i: (-i[0], i[1]))
        else:
            best = self._rank_lazily(fits, known, total, limit)
        return [
            Match(entry_id, score, self.phrasings[pid].lang, self.phrasings[pid].text) for score, entry_id, pid in best
        ]

    def _rank_lazily(
        self,
        fits: dict[int, tuple[float, int]],
        known: list[tuple[float, list[tuple[int, float]]]],
        total: float,
        limit: int,
    ) -> list[tuple[float, str, int]]:
        power = self.thresholds.fit_power
        ids = self.entry_ids
        candidates = sorted(
            ((fit**power, ids[entry], entry, pid) for entry, (fit, pid) in fits.items()), key=lambda c: (-c[0], c[1])
        )
        top: list[tuple[float, str, int]] = []  # min-heap of the best ``limit`` scores
        scored: list[tuple[float, str, int]] = []
        for bound, entry_id, entry, pid in candidates:
            if len(top) >= limit and 100.0 * bound < top[0][0]:
                break
            score = 100.0 * bound * self._cover(entry, known, total)
            if score > 0:
                scored.append((score, entry_id, pid))
                heapq.heappush(top, (score, entry_id, pid))
                if len(top) > limit:
                    heapq.heappop(top)
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored[:limit]

    def match(self, text: str, limit: int = 5) -> MatchResult:
        """Rank the entries for a question and decide what to do with the best. The
        answers to the most recent distinct questions are remembered (asked again, the
        same question costs a dictionary look-up)."""
        key = (text, limit)
        cached = self._results.get(key)
        if cached is not None:
            return cached
        result = self._match(text, limit)
        if len(self._results) >= _RESULTS_SIZE:
            self._results.pop(next(iter(self._results)))  # the oldest
        self._results[key] = result
        return result

    def clear_caches(self, *, words: bool = True) -> None:
        """Forget remembered answers, and with ``words`` the words' neighbours too
        (for measuring look-ups that are not cached)."""
        self._results.clear()
        if words:
            self._similar_cache.clear()

    def _match(self, text: str, limit: int) -> MatchResult:
        query = self.prepare(text)
        ranked = tuple(self._rank(query, max(limit, 2))) if query.terms else ()
        decision = Decision.NONE
        t = self.thresholds
        if ranked:
            top = ranked[0].score
            runner_up = ranked[1].score if len(ranked) > 1 else 0.0
            if top >= t.answer and top - runner_up >= t.margin:
                decision = Decision.ANSWER
            elif top >= t.suggest:
                decision = Decision.SUGGEST
        return MatchResult(query, ranked[:limit], decision, self.guess_lang(query))
