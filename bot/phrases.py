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

__all__ = ["PhraseIndex", "word_matches"]

T = TypeVar("T")

# Endings a name may carry in Turkish, beyond the case endings: "Konyalı", "Konyalıyım".
_NAME_ENDINGS = frozenset(["li", "lu", "liyim", "luyum", "liyiz", "luyuz", "lilar", "lular", "liler", "lisin", "lusun"])


def word_matches(token: str, word: str) -> bool:
    """Whether the folded ``token`` is ``word``, or ``word`` with endings."""
    if token == word:
        return True
    if len(word) < 2 or not token.startswith(word):
        return False
    rest = token[len(word) :]
    return (
        rest in _NAME_ENDINGS or is_ending(rest) or (word[-1] in "aeiou" and rest[:1] in "ny" and is_ending(rest[1:]))
    )


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
                self._by_first.setdefault(phrase[0], []).append((phrase, payload))

    def find(self, tokens: list[str]) -> list[tuple[int, int, T]]:
        """Every (start, end, payload) where a phrase occurs, in order of start."""
        found: list[tuple[int, int, T]] = []
        count = len(tokens)
        for i, token in enumerate(tokens):
            for k in range(1, len(token) + 1):
                candidates = self._by_first.get(token[:k])
                if candidates is None or not self._matches(token, token[:k]):
                    continue
                for phrase, payload in candidates:
                    size = len(phrase)
                    if i + size <= count and all(self._matches(tokens[i + j], phrase[j]) for j in range(1, size)):
                        found.append((i, i + size, payload))
        return found

    def has(self, tokens: list[str]) -> bool:
        return bool(self.find(tokens))
