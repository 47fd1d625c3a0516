"""What the matcher takes and gives: thresholds, prepared questions, matches and the
decision, and the words that tell Turkish from English."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from bot.lang import Lang
from bot.textnorm import STOPWORDS_EN, STOPWORDS_TR

__all__ = ["Decision", "Match", "MatchResult", "Phrasing", "Query", "SearchEntry", "Thresholds", "language_words"]


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
class Phrasing:
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
_EN_HINTS = frozenset(["how", "many", "who", "where", "when", "why", "do", "does", "did", "one", "them", "among"])


def language_words(tr: Counter[str], en: Counter[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Words that tell Turkish and English apart: each language's small words, and the
    content's words used in one language's phrasings at least three times as often."""
    tr_words = set(STOPWORDS_TR) | _TR_HINTS | {w for w, n in tr.items() if n >= 3 * en.get(w, 0)} - _EN_HINTS
    en_words = set(STOPWORDS_EN) | _EN_HINTS | {w for w, n in en.items() if n >= 3 * tr.get(w, 0)} - _TR_HINTS
    return frozenset(tr_words - en_words), frozenset(en_words - tr_words)
