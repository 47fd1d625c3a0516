"""Fuzzy FAQ matching: folded key terms, rarity weights, an inverted index.

An entry's score (0..100) is ``100 * cover * fit ** Thresholds.fit_power``: ``cover`` is
the weighted share of the question's terms the entry's vocabulary explains (rare terms
weigh more, question words little, unknown words count against), ``fit`` the share of
the entry's best phrasing that the question contains. The bot answers from
``Thresholds.answer`` with a ``margin`` over the runner-up, suggests from
``Thresholds.suggest``. How and why, and what makes it fast: docs/matching.md.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from itertools import repeat
from operator import itemgetter

from bot.lang import Lang
from bot.lexicon import Lexicon
from bot.matchcover import cover_many, cover_one
from bot.matchtypes import (
    Decision,
    Match,
    MatchResult,
    Phrasing,
    Query,
    SearchEntry,
    Thresholds,
    language_words,
)
from bot.textnorm import (
    INTENT_WORDS,
    fold_question,
    folded_terms,
    last_clause,
    looks_turkish,
    term,
    terms,
    tokens,
)

__all__ = ["Decision", "Match", "MatchResult", "Matcher", "Query", "SearchEntry", "Thresholds"]

_MAX_TERMS = 40
_SELECTIVE_SHARE = 0.15  # a word known to at most this share of the entries is selective
_RESULTS_SIZE = 2_048  # answers remembered
# A question closed by Turkish's question particle is Turkish, English words inside ("izmir learning city mi")
_TR_PARTICLES = frozenset(["mi", "mu", "miydi", "muydu", "midir", "mudur", "misin", "musun"])


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
        self.phrasings: list[Phrasing] = []
        words_by_lang: dict[str, Counter[str]] = {"tr": Counter(), "en": Counter()}
        for entry_id, phrasings, keywords in entries:
            self._add_entry(entry_id, [*phrasings, *((None, keyword) for keyword in keywords)], words_by_lang)
        self._tr_words, self._en_words = language_words(words_by_lang["tr"], words_by_lang["en"])
        self._words = list(self._vocab)
        self._build_weights()
        self._build_postings()
        self._lexicon = Lexicon(self._vocab)
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
                self.phrasings.append(Phrasing(index, lang, text, vocab))

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
        self._vocab_sets = [frozenset(p.vocab) for p in self.phrasings]

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

    def entry_terms(self, entry_id: str) -> frozenset[str]:
        """The terms of an entry's phrasings and keywords (none for an id not indexed)."""
        index = self._index.get(entry_id)
        return frozenset(self._words[vid] for vid in self._bags[index]) if index is not None else frozenset()

    def entry_phrasings(self, entry_id: str) -> tuple[str, ...]:
        """An entry's phrasings and keywords as written (none for an id not indexed)."""
        entry = self.entries.get(entry_id)
        return tuple(self.phrasings[pid].text for pid in entry.phrasings) if entry is not None else ()

    def knows(self, token: str, similarity: float = 0.7) -> bool:
        """Whether a folded word means something to the content: a stop word, or a
        word like one of the vocabulary's (``similarity`` 0..1)."""
        found = term(token)
        if found is None:
            return True
        return max(self._lexicon.similar(found).values(), default=0.0) >= similarity

    # ------------------------------------------------------------------ questions
    def prepare(self, text: str) -> Query:
        """Fold and tokenise a question, look up every term's near neighbours and weigh
        the terms (unknown small talk weighs less, see :class:`Thresholds`)."""
        t = self.thresholds
        folded = fold_question(text)
        found = folded_terms(folded)[:_MAX_TERMS]
        similar = [self._lexicon.similar(term) for term in found]
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
        # a name written with a capital ("Is Hamburg one of them?") tells no language
        names = {t for w in query.text.split()[1:] if w[:1].isupper() for t in fold_question(w).split()}
        said = [w for w in query.words if w not in names]
        tr = sum(1 for w in said if w in self._tr_words)
        en = sum(1 for w in said if w in self._en_words)
        if said and said[-1] in _TR_PARTICLES:
            return "tr"
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
        others = [(vid, s) for vid, s in best_sim.items() if vid not in sources]
        if len(touched) * len(others) < sum(len(postings[vid]) for vid, _ in others):
            # Fewer phrasings found than the other words' postings (question words are in
            # hundreds): each found phrasing adds the other words it has, in the same order.
            vocab_sets = self._vocab_sets
            for pid in touched:
                if matched[pid]:
                    words, fit = vocab_sets[pid], matched[pid]
                    for vid, s in others:
                        if vid in words:
                            fit += s
                    matched[pid] = fit
        else:
            for vid, s in others:
                for pid in postings[vid]:
                    if matched[pid]:
                        matched[pid] += s
        entry_of, inverse_size = self._phrasing_entry, self._inverse_size
        top, top_pid = [-1.0] * len(self.entry_ids), [-1] * len(self.entry_ids)  # per entry index (fits are > 0)
        for pid in touched:
            fit = matched[pid] * inverse_size[pid]
            if exact_only and fit < 1.0 - 1e-9:
                continue
            entry = entry_of[pid]
            if fit > top[entry]:  # the first of equal fits stays
                top[entry], top_pid[entry] = fit, pid
        return {entry: (top[entry], pid) for entry, pid in enumerate(top_pid) if pid >= 0}

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
                fit = sum(map(best_sim.get, vocab, repeat(0.0))) * inverse_size[pid]
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
            (weight, sorted(sims.items(), key=itemgetter(1), reverse=True))  # stable: ties as they were
            for weight, sims in zip(query.weights, query.similar, strict=True)
            if sims
        ]
        fits = self._candidate_fits(query, total)
        bulk = sum(len(self._bag_postings[vid]) for _, sims in known for vid, _ in sims)
        if bulk <= len(fits) * sum(len(sims) for _, sims in known):
            covers = cover_many(self._bag_postings, fits, known, total)
            scored = [(100.0 * fit**power * covers[entry], ids[entry], pid) for entry, (fit, pid) in fits.items()]
            best = sorted((item for item in scored if item[0] > 0), key=lambda i: (-i[0], i[1]))[:limit]
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
            score = 100.0 * bound * cover_one(self._bags[entry], known, total)
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
            self._lexicon.clear()

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
