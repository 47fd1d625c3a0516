"""Correcting typos in a question before anything reads it.

The readings before the matcher (small talk, uncovered topics, facts, members) need
the words of the content exactly: "balıkesr ne zamn katıldı" names no city and asks no
attribute, so it fell to the matcher's "did you mean". A :class:`Speller` knows every
word the content knows (the matcher's phrasings and keywords, the facts' names and
attribute words, the places of the member directory, small talk, the uncovered topics,
stop and question words, synonyms) and rewrites each *unknown* word of a question into
the one known word it most likely was:

* two known words run together: "howmany" -> "how many", "varmı" -> "var mı";
* one likely slip away for words of four to seven letters (a letter left out, two
  letters swapped, a letter for a key next to it or a vowel for a vowel, a letter
  added next to itself or a neighbouring key): "zamn" -> "zaman", "joun" -> "join";
  two edits (optimal string alignment, the first three letters kept) for longer ones:
  "balıkesr" -> "balikesir"; none for three letters or less;
* one slip inside the stem before a Turkish ending or question particle:
  "konfreansında" -> "konferansında", "katlmışmı" -> "katılmış mı".

It is careful, because a wrong correction turns a question the bot would have refused
or offered buttons for into a confident wrong answer. Never changed: a known word (also
with an ending), a stop word, a number, and a *common* word of Turkish or English
(wordfreq's lists: "yemek" is no typo of "Yemen", "yenir" none of "yeni"), also with
endings ("vergilerin" is no "verilerin"). An unknown word with no close candidate stays
as it is: it still counts against every entry, so "Konya'da nerede yemek yenir" stays
refused. The candidate must be the only one at its distance that means its thing
(words that are one for the matcher, "şehir"/"şehri", count as one), with the word's
first letter. Words are looked up once (cached).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Container, Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.commonwords import common_words
from bot.phrases import word_matches
from bot.runon import held_down, name_apart, run_together
from bot.textnorm import INTENT_WORDS, STOPWORDS, SYNONYMS, fold, fold_question, is_ending, term

__all__ = ["Correction", "Speller", "content_speller"]


_MIN_LENGTH = 4  # shorter words are never corrected, nor corrected into
_MIN_NAME = 5  # a place's name this long may be written in pieces
_LONG = 8  # from this length two edits are allowed, one below
_MAX_LENGTH = 30  # longer "words" are no words of a question: left alone
_MAX_ENDING = 10  # Turkish endings looked for, at most this long
_CACHE_SIZE = 20_000
_MY_FUTURE = re.compile(r"[ae]c[ae][gk][iu]m[iu]n?$")  # "yazacağımı", "gideceğimi" (folded): no "yazacağı mı"
# Question particles written together with the word before them: "varmı", "üyemi".
_PARTICLES = frozenset(
    ["mi", "mu", "misin", "musun", "midir", "mudur", "miydi", "muydu", "miyiz", "muyuz", "misiniz", "musunuz"]
)
_CHUNK = re.compile(r"(\s+)")
# A Turkish case ending written apart from the year before it ("2024 te", "2019 da")
_DETACHED = re.compile(r"\b((?:19|20)\d\d) (da|de|ta|te|dan|den|tan|ten|daki|deki|taki|teki|ya|ye)\b", re.IGNORECASE)
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Correction:
    """A question as corrected, with the words changed."""

    text: str  # the question to read: the original text with the corrected words put in
    changes: tuple[tuple[str, str], ...]  # (folded word, its correction)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class Speller:
    """The known words of one content, indexed for corrections."""

    def __init__(
        self,
        words: Iterable[str],
        is_known: Callable[[str], bool] = lambda word: False,
        places: Iterable[str] = (),
        common: Container[str] | None = None,
    ) -> None:
        """``words``: every folded word the content knows (phrases are split into words);
        ``places``: the words of the places' names (a typo may be corrected into one, two
        words run together are never split into one); ``is_known``: whether another
        folded word means something to the content even though it is not among them (the
        matcher's stems, a place with an ending); ``common``: the common words of Turkish
        and English, never corrected (by default :func:`common_words`, read at the first
        word that has a candidate)."""
        own = {w for phrase in words for w in phrase.split() if w}
        self._words = frozenset(own)
        self._names = frozenset(w for phrase in places for w in phrase.split() if len(w) >= _MIN_NAME)
        known = own | {w for phrase in places for w in phrase.split() if w}
        known |= STOPWORDS
        self._known = frozenset(known)
        self._is_known = is_known
        self._meaning: dict[str, str] = {}
        self._by_first: dict[tuple[int, str], list[str]] = {}  # (length, first letter) -> words
        for word in sorted(self._known):
            if len(word) >= _MIN_LENGTH and word.isalpha():
                self._by_first.setdefault((len(word), word[0]), []).append(word)
        self._cache: dict[str, str | None] = {}
        self._pieces: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}  # piece -> _piece(piece)
        self._common_words = common

    # ------------------------------------------------------------------ words
    def knows(self, word: str) -> bool:
        """Whether a folded word is known as it is: a word of the content, a stop word, a
        number, a word of the content with an ending ("konferansında"), or known to
        ``is_known``; a word of three letters or less counts as known (never corrected)."""
        if not _MIN_LENGTH <= len(word) <= _MAX_LENGTH or word in self._known or not word.isalpha():
            return True
        if term(word) is None or self._is_known(word):
            return True
        return any(
            word[:k] in self._known and word_matches(word, word[:k])
            for k in range(len(word) - 1, max(2, len(word) - _MAX_ENDING - 1), -1)
        )

    def _means(self, word: str) -> str:
        """What a known word stands for: its matcher term (synonyms and stems made one)."""
        found = self._meaning.get(word)
        if found is None:
            found = self._meaning[word] = term(word) or ""  # stop words all mean nothing
        return found

    def correct_word(self, word: str) -> str | None:
        """The correction of one folded word (possibly two words, "var mi"), or None when
        it is known or has no one likely correction (cached)."""
        if word in self._cache:
            return self._cache[word]
        found = None
        if not self.knows(word):
            found = held_down(word, self.knows, self.correct_word) or self._particle(word)
            if found is None:  # a candidate first: the common words are read only when one is found
                found = self._closest(word, _limit(len(word))) or self._split(word) or self._stem_typo(word)
                found = found or run_together(word, self._words)
                if found is not None and (self._common(word) or self._inflected(word)):
                    found = None
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = found
        return found

    def _particle(self, word: str) -> str | None:
        """A known word and a question particle written together: "varmi", "katildimi"; not
        a future participle with "my" and an ending ("yazacağımı": what I will write)."""
        if _MY_FUTURE.search(word):
            return None
        for particle in _PARTICLES:
            head = word[: -len(particle)]
            if word.endswith(particle) and len(head) >= 3 and self._exact(head):
                return f"{head} {particle}"
        return None

    def _split(self, word: str) -> str | None:
        """Two words of the content's own (not places; three letters or more, then four or
        more that are no ending: "amacsiz" is no "amac siz") run together ("howmany"): the
        only such split."""
        words = self._words
        splits = [
            f"{word[:k]} {word[k:]}"
            for k in range(3, len(word) - 3)
            if word[:k] in words and word[k:] in words and not is_ending(word[k:])
        ]
        return splits[0] if len(splits) == 1 else None

    def _exact(self, word: str) -> bool:
        """A word the content knows as it is, or with an ending."""
        return word in self._known or (len(word) >= _MIN_LENGTH and word.isalpha() and self.knows(word))

    def _closest(self, word: str, limit: int) -> str | None:
        """The one known word at most ``limit`` edits away with the same first letter: one
        likely slip (:func:`_plausible`), or two (:func:`_two_slips`)."""
        size = len(word)
        if size < _MIN_LENGTH or not limit:
            return None
        found: list[tuple[int, str]] = []
        for first in _ALIKE.get(
            word[0], ()
        ):  # "kork" is "cork", "sity" is "city": the first letter for one that sounds alike
            if (alike := first + word[1:]) in self._known:
                found.append((1, alike))
        for length in range(max(size - limit, _MIN_LENGTH), size + limit + 1):
            candidates = self._by_first.get((length, word[0]), ())
            for known, distance, _ in process.extract(
                word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=None
            ):
                if _plausible(word, known) if distance < 2 else _two_slips(word, known):
                    found.append((int(distance), known))
        return self._only(word, found)

    def _only(self, word: str, candidates: list[tuple[int, str]]) -> str | None:
        """The candidate at the smallest distance when all at that distance mean one thing;
        of its spellings the one with the same letters ("waht": "what", not "want"), then
        the shortest."""
        if not candidates:
            return None
        best = min(distance for distance, _ in candidates)
        letters = sorted(word)
        nearest = sorted(
            {w for distance, w in candidates if distance == best}, key=lambda w: (sorted(w) != letters, len(w), w)
        )
        if len({self._means(w) for w in nearest}) != 1:
            return None
        return nearest[0]

    def _stem_typo(self, word: str) -> str | None:
        """One typo inside the stem before an ending or a particle (its last letter kept):
        the stem corrected, the ending kept ("konfreansinda" -> "konferansinda",
        "katlmismi" -> "katilmis mi")."""
        for k in range(len(word) - 1, max(_MIN_LENGTH, len(word) - _MAX_ENDING - 1), -1):
            stem, rest = word[:k], word[k:]
            particle = rest in _PARTICLES
            if not (particle or is_ending(rest)):
                continue
            fixed = self._closest(stem, 1)
            # The stem's last letter kept ("gondermel|iyiz" is no "gondermek"), the stem no common word.
            if fixed is not None and fixed[-1] == stem[-1] and not self._common(stem):
                return f"{fixed} {rest}" if particle else fixed + rest
        return None

    def _inflected(self, word: str) -> bool:
        """Whether ``word`` is a common word of four letters or more with Turkish endings
        (two letters or more, not vowels alone: "temasai" may be a typo): a word in its
        own right ("vergilerin" is no typo of "verilerin")."""
        return any(
            is_ending(rest) and not _VOWELS.issuperset(rest) and self._common(word[:k])
            for k in range(len(word) - 2, max(3, len(word) - _MAX_ENDING - 1), -1)
            if (rest := word[k:])
        )

    def _common(self, word: str) -> bool:
        """Whether ``word`` is a common word of Turkish or English (a word in its own
        right, not a typo of a word the content knows: "yemek" is not "Yemen")."""
        if self._common_words is None:
            self._common_words = common_words()
        return word in self._common_words

    def warm(self) -> None:
        """Read the common words now (otherwise at the first word that needs them)."""
        if self._common_words is None:
            self._common_words = common_words()

    def clear(self) -> None:
        """Forget the corrections looked up (for measuring look-ups that are not cached)."""
        self._cache.clear()
        self._pieces.clear()

    # ------------------------------------------------------------------ questions
    def correct(self, text: str) -> Correction:
        """``text`` with every unknown word that has one likely correction corrected; the
        rest of the text (punctuation, capitals, known words) as it was."""
        changes: list[tuple[str, str]] = []
        if any(map(str.isdigit, text)):  # "2024 te": the ending written apart from its year
            joined = _DETACHED.sub(r"\1'\2", text)
            if joined != text:
                changes.append((text, joined))
                text = joined
        together = name_apart(text, self._names)  # "eski sehir", "kon ya": a place's name in pieces
        if together != text:
            changes.append((text, together))
            text = together
        pieces = _CHUNK.split(text)
        for i, piece in enumerate(pieces):
            if not piece or piece.isspace():
                continue
            fixed = self._pieces.get(piece)
            if fixed is None:
                if len(self._pieces) >= _CACHE_SIZE:
                    self._pieces.clear()
                fixed = self._pieces[piece] = self._piece(piece)
            if fixed[1]:
                pieces[i] = fixed[0]
                changes += fixed[1]
        return Correction("".join(pieces) if changes else text, tuple(changes))

    def _piece(self, piece: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """A whitespace-free piece of a question corrected, and the words changed (none:
        the piece as it was)."""
        lead, core, trail = _edge(piece)
        words = fold_question(piece).split()
        fixed = [self.correct_word(w) for w in words]
        if not any(fixed):
            return piece, ()
        new = " ".join(f or w for w, f in zip(words, fixed, strict=True))
        if core[:1].isupper():
            new = new[:1].upper() + new[1:]
        return f"{lead}{new}{trail}", tuple((w, f) for w, f in zip(words, fixed, strict=True) if f is not None)


# A letter typed for another is most often a key next to it (the letters of QWERTY and of
# the Turkish Q keyboard, whose own letters fold to theirs), or a vowel for a vowel ("konfarans").
_ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.3), ("zxcvbnm", 0.8))
_KEYS: dict[str, list[tuple[int, float]]] = {}
for _row, (_letters, _offset) in enumerate(_ROWS):
    for _column, _letter in enumerate(_letters):
        _KEYS.setdefault(_letter, []).append((_row, _column + _offset))
_VOWELS = frozenset("aeiou")
# Letters that sound alike, written for one another ("conferense", "sity", "Mexiko")
_SOUNDS = frozenset(frozenset(pair) for pair in ("cs", "ck", "kq", "sz", "iy", "vw"))
_ALIKE: dict[str, tuple[str, ...]] = {}
for _pair in _SOUNDS:
    for _a, _b in (tuple(_pair), tuple(_pair)[::-1]):
        _ALIKE[_a] = (*_ALIKE.get(_a, ()), _b)


def _near(a: str, b: str) -> bool:
    """Whether two letters are keys next to each other, both vowels, or sound alike."""
    if (a in _VOWELS and b in _VOWELS) or frozenset((a, b)) in _SOUNDS:
        return True
    return any(
        (r1 == r2 and abs(x1 - x2) == 1) or (abs(r1 - r2) == 1 and abs(x1 - x2) < 1)
        for r1, x1 in _KEYS.get(a, ())
        for r2, x2 in _KEYS.get(b, ())
    )


def _plausible(typed: str, known: str) -> bool:
    """Whether ``typed`` is ``known`` with one likely slip: a letter left out, two letters
    swapped, a letter for a key next to it (or a vowel for a vowel), or a letter added
    that repeats or is next to a letter beside it ("citty"). At the end of a word only a
    letter left out ("wher") or doubled ("hamburgg"), or in a word of five letters or
    less a consonant for a key next to it: another change there is another ending, not
    a slip ("edildik" is no "edildi", "alto" no "alti")."""
    i = next((k for k, (x, y) in enumerate(zip(typed, known, strict=False)) if x != y), min(len(typed), len(known)))
    if i >= max(len(typed), len(known)) - 1:
        if len(typed) > len(known):
            return typed[i] == typed[i - 1]
        if len(typed) >= 6:
            return len(typed) < len(known)
        return len(typed) < len(known) or (typed[i] not in _VOWELS and _near(typed[i], known[i]))
    if len(typed) < len(known):
        return True
    if len(typed) > len(known):
        extra = typed[i]
        beside = [typed[k] for k in (i - 1, i + 1) if 0 <= k < len(typed)]
        return any(extra == b or _near(extra, b) for b in beside)
    if i + 1 < len(typed) and typed[i] == known[i + 1] and typed[i + 1] == known[i]:
        return True
    return _near(typed[i], known[i])


def _two_slips(typed: str, known: str) -> bool:
    """Whether two edits may be slips: the first three letters kept, and the words differ
    before their last three letters (else it is another ending: "alabildim", "alabilir")."""
    same = next((k for k, (x, y) in enumerate(zip(typed, known, strict=False)) if x != y), len(known))
    return same >= 3 and same < min(len(typed), len(known)) - 2


def _limit(size: int) -> int:
    """The edits allowed in a word of ``size`` letters."""
    return 0 if size < _MIN_LENGTH else 1 if size < _LONG else 2


def _edge(piece: str) -> tuple[str, str, str]:
    """The punctuation before and after a whitespace-free piece of text, and its core."""
    found = _EDGE.match(piece)
    if found is None:  # pragma: no cover - the pattern matches every string
        return "", piece, ""
    return found.group(1), found.group(2), found.group(3)


def content_speller(
    texts: Iterable[str],
    phrases: Iterable[Iterable[str]],
    vocabulary: Collection[str],
    places: Iterable[str] = (),
    is_place: Callable[[str], bool] = lambda word: False,
) -> Speller:
    """The speller of one content: ``texts`` (the matcher's phrasings and keywords, as
    written), ``phrases`` (folded words: the facts', small talk's, the uncovered topics'),
    ``vocabulary`` (the matcher's terms: a word whose term is one of them is known),
    ``places`` (the folded names of places) and ``is_place`` (whether a folded word names
    a place, also with an ending)."""
    words = {w for text in texts for w in fold(text).split()}
    words |= {w for phrase in phrases for w in phrase}
    words |= INTENT_WORDS | set(SYNONYMS)
    terms = frozenset(vocabulary)

    def is_known(word: str) -> bool:
        return term(word) in terms or is_place(word)

    return Speller(words, is_known, places)
