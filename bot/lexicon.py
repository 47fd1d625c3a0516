"""Looking up the content's words: a question's word and the vocabulary words like it
(itself, a synonym, a longer or shorter form, a typo), with a similarity 0..1."""

from __future__ import annotations

import bisect

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.commonwords import common_words
from bot.textnorm import SYNONYMS, is_ending

__all__ = ["Lexicon", "keep_best"]

_CACHE_SIZE = 50_000  # word neighbours remembered


def keep_best(found: dict[int, float], vid: int, similarity: float) -> None:
    """Record ``similarity`` for ``vid`` unless a better one is known."""
    if similarity > found.get(vid, 0.0):
        found[vid] = similarity


class Lexicon:
    """The spellings of a matcher's vocabulary (word -> id), indexed for look-ups."""

    def __init__(self, vocab: dict[str, int]) -> None:
        """Every spelling that stands for a vocabulary word: the word itself and its
        synonyms ("coordinates" for "yurut"), for prefix and typo look-ups."""
        self._vocab = vocab
        self._similar_cache: dict[str, dict[int, float]] = {}
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

    def similar(self, term: str) -> dict[int, float]:
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
                keep_best(found, typo, similarity)
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
                keep_best(found, lexicon[word], 0.45 + 0.35 * len(term) / len(word))
        common: bool | None = None
        for k in range(len(term) - 1, 2, -1):
            prefix_id = lexicon.get(term[:k])
            if prefix_id is None:
                continue
            if is_ending(term[k:]):  # an inflection the stemmer missed
                keep_best(found, prefix_id, 0.7 + 0.25 * k / len(term))
                continue
            if 2 * k <= len(term):  # a common English word is a word in its own right: "wondered" is not "won"
                if common is None:
                    common = term in common_words(langs=("en",))
                if common:
                    continue
            keep_best(found, prefix_id, 0.5 + 0.25 * k / len(term))  # maybe ("yeni" + "r")

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
                    keep_best(typos, self._lexicon[word], 0.75)
            return typos
        for length in range(size - limit, size + limit + 1):
            # A word of five letters or less keeps its first letter; a longer one its first or second.
            words = self._by_first.get((length, term[0]), [])
            if size > 5:
                words = words + [w for w in self._by_second.get((length, term[1]), ()) if w[0] != term[0]]
            for word, distance, _ in process.extract(term, words, scorer=OSA.distance, score_cutoff=limit, limit=8):
                if distance:
                    keep_best(typos, self._lexicon[word], 0.95 * (1 - distance / max(size, len(word))))
        return typos

    def clear(self) -> None:
        """Forget the remembered neighbours."""
        self._similar_cache.clear()
