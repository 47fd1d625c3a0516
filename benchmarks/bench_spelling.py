"""How often the spelling pass (bot/spelling.py) corrects right, corrects wrong, or leaves
a word, on words rather than on the evaluation sets:

* made-up slips of the words of the content's phrasings (four letters or more): one of
  a letter left out, a letter for a key next to it, a letter added (repeated or next
  to a neighbour), two neighbours swapped, at a random place after the first letter;
* a letter left out of the stem of a Turkish word of the content with an ending;
* real words the content does not know, which must stay as they are: wordfreq's words
  between zipf 3 and 3.5 with the common-word guard moved to 3.5 (they stand for the
  rarer real words the guard cannot know), and the cities of CLDR's time zones (Babel)
  that the members' list does not have.

Deterministic (seeded). Run: ``.venv/bin/python benchmarks/bench_spelling.py``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable

from common import ROOT, print_header, table

sys.path.insert(0, str(ROOT))

from babel import Locale

from bot.commonwords import common_words, frequent_words
from bot.services import load_assistant
from bot.spelling import Speller
from bot.textnorm import STOPWORDS, fold, term

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_ENDINGS = ("de", "da", "nin", "in", "ler", "lerin", "den", "dan", "ye", "ya", "si", "sinin", "deki", "daki")


def _neighbours(letter: str) -> list[str]:
    found = []
    for row, keys in enumerate(_ROWS):
        if letter in keys:
            column = keys.index(letter) + (0, 0.3, 0.8)[row]
            for other_row, others in enumerate(_ROWS):
                for i, other in enumerate(others):
                    x = i + (0, 0.3, 0.8)[other_row]
                    if other != letter and (
                        (other_row == row and abs(x - column) == 1)
                        or (abs(other_row - row) == 1 and abs(x - column) < 1)
                    ):
                        found.append(other)
    return found or [letter]


def _slip(word: str, kind: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(word))
    if kind == "omit":
        return word[:i] + word[i + 1 :]
    if kind == "key":
        return word[:i] + rnd.choice(_neighbours(word[i])) + word[i + 1 :]
    if kind == "add":
        return word[:i] + rnd.choice([word[i - 1], *_neighbours(word[i - 1])]) + word[i:]
    i = rnd.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _score(speller: Speller, cases: Iterable[tuple[str, str]]) -> tuple[int, float, float, float]:
    """(cases, right, wrong, left) for (typo, intended word) pairs; a typo that is itself
    a known or common word is skipped (no speller can tell)."""
    right = wrong = left = 0
    for typo, meant in cases:
        if speller.knows(typo) or typo in common_words():
            continue
        found = speller.correct_word(typo)
        if found is None:
            left += 1
        elif found.replace(" ", "") == meant or term(found) == term(meant):
            right += 1
        else:
            wrong += 1
    total = right + wrong + left
    return total, right / total, wrong / total, left / total


def main() -> None:
    print_header("Spelling pass: corrections on made-up slips and on real words")
    assistant = load_assistant(ROOT / "content")
    speller = assistant.understanding.speller
    rnd = random.Random(7)
    words = sorted(
        {w for p in assistant.matcher.phrasings for w in fold(p.text).split() if w.isalpha() and len(w) >= 4}
    )
    slips = [(_slip(w, kind, rnd), w) for w in words for kind in ("omit", "key", "add", "swap")]
    turkish = sorted(
        {
            w
            for p in assistant.matcher.phrasings
            if p.lang == "tr"
            for w in fold(p.text).split()
            if w.isalpha() and len(w) >= 5 and w not in STOPWORDS
        }
    )
    inflected = []
    for w in turkish:
        ending, i = rnd.choice(_ENDINGS), rnd.randrange(1, len(w) - 1)
        inflected.append((w[:i] + w[i + 1 :] + ending, w + ending))
    rows = []
    for name, cases in (
        ("slips of the content's words", slips),
        ("a stem's letter left out, with an ending", inflected),
    ):
        total, right, wrong, left = _score(speller, cases)
        rows.append((name, total, f"{right:.1%}", f"{wrong:.1%}", f"{left:.1%}"))
    print(table(("typos", "words", "right", "wrong", "left"), rows))

    guarded = common_words(3.5)
    blind = sorted({w for w in frequent_words() or () if w not in guarded and w.isalpha() and not speller.knows(w)})
    speller.clear()
    speller._common_words = guarded  # measuring only: the guard moved
    changed = [w for w in blind if speller.correct_word(w)]
    speller._common_words = None
    speller.clear()
    cities = {
        data["city"] for loc in ("en", "tr") for data in Locale.parse(loc).time_zones.values() if data.get("city")
    }
    city_words = sorted({w for c in cities for w in fold(c).split() if not speller.knows(w)})
    moved = [(w, speller.correct_word(w)) for w in city_words if speller.correct_word(w)]
    print()
    print(
        table(
            ("real words the content does not know", "words", "changed"),
            [
                ("wordfreq, zipf 3-3.5, guard at 3.5", len(blind), f"{len(changed) / len(blind):.1%}"),
                ("CLDR time zone cities not listed", len(city_words), f"{len(moved)} {moved}"),
            ],
        )
    )


if __name__ == "__main__":
    main()
