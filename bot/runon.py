"""Words typed in a hurry: a letter held down ("nasıllll", "uyeeee", "joinnn") and words
run together without spaces ("howdoesacityjoin", "turkiyedekiogrenensehirler"). The
speller (:mod:`bot.spelling`) reads a word it does not know with these after its own
one-slip readings."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from bot.textnorm import fold, is_ending

__all__ = ["held_down", "name_apart", "run_together"]

_HELD = re.compile(r"(.)\1{2,}")  # a letter three times or more
_RUN_TOGETHER = 12  # a word this long or longer may be words run together
_LONGEST = 20  # no piece of a run-together word is longer
_SMALL = frozenset(["a", "is", "of", "in", "ne", "mi", "mu", "ve", "da", "de"])  # small words run in with others


def held_down(word: str, knows: Callable[[str], bool], correct: Callable[[str], str | None]) -> str | None:
    """A folded word with a letter held down, three times or more: the letter once or
    twice when ``knows`` knows that word ("nasil", "uye"), else ``correct``'s correction
    of it with the letter once; None when no letter is held down."""
    if not _HELD.search(word):
        return None
    once, twice = _HELD.sub(r"\1", word), _HELD.sub(r"\1\1", word)
    return next((w for w in (once, twice) if knows(w)), None) or correct(once)


def run_together(word: str, words: Container[str]) -> str | None:
    """Three to five of ``words`` run together in a folded word of twelve letters or more:
    the one way to split it with the fewest words, each of three letters or more and no
    ending, or a small word ("a", "ne"); None when there is no such way or more than one."""
    if len(word) < _RUN_TOGETHER:
        return None
    best: list[list[list[str]]] = [[] for _ in range(len(word) + 1)]  # the fewest-word splits of word[:i], two at most
    best[0] = [[]]
    for i in range(1, len(word) + 1):
        for k in range(max(0, i - _LONGEST), i):
            piece = word[k:i]
            known = piece in _SMALL or (len(piece) >= 3 and piece in words and not is_ending(piece))
            if not known or not best[k]:
                continue
            size = len(best[k][0]) + 1
            if best[i] and size > len(best[i][0]):
                continue
            if best[i] and size < len(best[i][0]):
                best[i] = []
            best[i] = (best[i] + [[*split, piece] for split in best[k]])[:2]
    found = best[len(word)]
    return " ".join(found[0]) if len(found) == 1 and 3 <= len(found[0]) <= 5 else None


def name_apart(text: str, names: Container[str]) -> str:
    """``text`` with a place's name written in two or three pieces (voice typing: "eski
    sehir", "kon ya", "afyon kara hisar") written as one word, when the pieces together,
    folded, are one of ``names`` and no piece alone is."""
    words = text.split()
    folded = [fold(w).strip("?!.,;:") for w in words]
    i, out = 0, []
    while i < len(words):
        for size in (3, 2):
            parts = folded[i : i + size]
            whole = len(parts) == size and all(p.isalpha() for p in parts) and "".join(parts) in names
            if whole and not any(p in names for p in parts):
                last = words[i + size - 1]
                out.append("".join(parts) + last[len(last.rstrip("?!.,;:")) :])  # "kon ya?": "konya?"
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out) if len(out) < len(words) else text
