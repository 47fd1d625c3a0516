"""Finding known phrases in a folded question, each word possibly with a Turkish ending.

"Cork'ta", "konferansının", "Konyalıyım", "dördüncüsü": a phrase's word matches a
question word that is the word itself or the word plus endings (:func:`bot.textnorm.is_ending`,
and the "from the place" endings -lı/-lıyım). A :class:`PhraseIndex` finds every phrase of
a list in a question with a dictionary look-up per prefix of each word, whatever the size
of the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from bot.textnorm import is_ending

__all__ = ["PhraseIndex", "alternates", "word_matches"]

T = TypeVar("T")

_REMEMBERED = 20_000  # question words whose phrases an index remembers (then it starts afresh)
_FOUND = 1_024  # token lists whose phrases an index remembers (several readings look up the same words)

# Endings a name may carry in Turkish, beyond the case endings: "Konyalı", "Konyalıyım".
_NAME_ENDINGS = frozenset(["li", "lu", "liyim", "luyum", "liyiz", "luyuz", "lilar", "lular", "liler", "lisin", "lusun"])


_VOWELS = "aeiou"
_SOFTENED = {"t": "d", "k": "g", "p": "b"}  # folded: "kayıt" -> "kaydı", "renk" -> "rengi", "kitap" -> "kitabı"


def alternates(word: str) -> tuple[str, ...]:
    """The other stems a Turkish word takes before an ending that starts with a vowel:
    its last consonant softened ("kayıt" -> "kayıd-"), its last vowel dropped ("şehir"
    -> "şehr-", "isim" -> "ism-"), or both ("kayıt" -> "kayd-": "kaydı")."""
    if len(word) < 3 or word[-1] in _VOWELS or not word.isalpha():
        return ()
    found = []
    soft = _SOFTENED.get(word[-1])
    if soft:
        found.append(word[:-1] + soft)
    if len(word) >= 4 and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        found.append(word[:-2] + word[-1])
        if soft:
            found.append(word[:-2] + soft)
    return tuple(found)


def word_matches(token: str, word: str) -> bool:
    """Whether the folded ``token`` is ``word``, or ``word`` with endings (also after
    the stem changes of :func:`alternates`: "kaydı" is "kayıt" with an ending)."""
    if token == word:
        return True
    if len(word) < 2:
        return False
    if token.startswith(word):
        rest = token[len(word) :]
        return (
            rest in _NAME_ENDINGS
            or is_ending(rest)
            or (word[-1] in _VOWELS and rest[:1] in "ny" and is_ending(rest[1:]))
        )
    for stem in alternates(word):
        rest = token[len(stem) :]
        if token.startswith(stem) and rest[:1] in _VOWELS and is_ending(rest):
            return True
    return False


class PhraseIndex(Generic[T]):
    """Phrases (tuples of folded words) with a payload each, found in token lists."""

    def __init__(
        self, items: Iterable[tuple[tuple[str, ...], T]] = (), matches: Callable[[str, str], bool] = word_matches
    ) -> None:
        """``matches(token, word)``: whether a question word is a phrase's word (by
        default :func:`word_matches`; ``str.__eq__`` for exact words)."""
        self._matches = matches
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        for phrase, payload in items:
            if phrase:
                for first in dict.fromkeys((phrase[0], *alternates(phrase[0]))):
                    self._by_first.setdefault(first, []).append((phrase, payload))
        self._lengths = sorted({len(first) for first in self._by_first} - {0})  # of the keys, to try only those
        # the keys' starts as long as the shortest key: a word that has none of them starts no phrase
        self._shortest = self._lengths[0] if self._lengths else 1
        self._heads = frozenset(first[: self._shortest] for first in self._by_first if first)
        # token -> the phrases whose first word it is, in the order find tries them (``matches`` is pure)
        self._starting: dict[str, tuple[tuple[tuple[str, ...], T], ...]] = {}
        self._pairs: dict[tuple[str, str], bool] = {}  # (question word, phrase word) -> matches
        self._found: dict[tuple[str, ...], tuple[tuple[int, int, T], ...]] = {}  # tokens -> what find found

    def _starting_with(self, token: str) -> tuple[tuple[tuple[str, ...], T], ...]:
        """The phrases whose first word ``token`` is, by prefix of ``token`` (shortest
        first), remembered per token (:meth:`_find` looks there first)."""
        found: list[tuple[tuple[str, ...], T]] = []
        verdicts: dict[str, bool] = {}  # phrase word -> whether token is it (phrases share first words)
        for k in self._lengths:
            if k > len(token):
                break
            head = token[:k]
            candidates = self._by_first.get(head)
            if candidates is not None:
                for phrase, payload in candidates:
                    same = verdicts.get(phrase[0])
                    if same is None:
                        same = verdicts[phrase[0]] = self._matches(token, phrase[0])
                    if same:
                        found.append((phrase, payload))
        if len(self._starting) >= _REMEMBERED:
            self._starting.clear()
        self._starting[token] = result = tuple(found)
        return result

    def find(self, tokens: list[str]) -> list[tuple[int, int, T]]:
        """Every (start, end, payload) where a phrase occurs, in order of start
        (remembered for the most recent token lists)."""
        key = tuple(tokens)
        known = self._found.get(key)
        if known is None:
            if len(self._found) >= _FOUND:
                self._found.clear()
            known = self._found[key] = tuple(self._find(tokens))
        return list(known)

    def _find(self, tokens: list[str]) -> list[tuple[int, int, T]]:
        found: list[tuple[int, int, T]] = []
        count = len(tokens)
        starting, heads, shortest = self._starting, self._heads, self._shortest
        for i, token in enumerate(tokens):
            phrases = starting.get(token)
            if phrases is None:  # a word whose start no key has starts none of the phrases
                phrases = self._starting_with(token) if token[:shortest] in heads else ()
            for phrase, payload in phrases:
                size = len(phrase)
                if size == 1 or (i + size <= count and self._rest_matches(tokens, i, phrase)):
                    found.append((i, i + size, payload))
        return found

    def _rest_matches(self, tokens: list[str], start: int, phrase: tuple[str, ...]) -> bool:
        """Whether the words after ``start`` are the phrase's words after its first
        (each pair of question word and phrase word looked at once)."""
        pairs = self._pairs
        for j in range(1, len(phrase)):
            pair = (tokens[start + j], phrase[j])
            same = pairs.get(pair)
            if same is None:
                if len(pairs) >= _REMEMBERED:
                    pairs.clear()
                same = pairs[pair] = self._matches(*pair)
            if not same:
                return False
        return True

    def has(self, tokens: list[str]) -> bool:
        return bool(self.find(tokens))
