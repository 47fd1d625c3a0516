"""Which thing has a value: "which conference was about inclusion?", "iklim eylemi temalı
konferans hangisi?".

The fact finder reads a thing and asks for one of its values; this reads it the other way
round. A question that names a kind ("konferans"), asks which one ("hangi", "which") and
says it is about something ("temalı", "konulu", "about", "themed") is answered with the one thing of
the kind whose theme holds every word of that something; when two or three do (the 1st
and the 4th conference are both about inclusion), with each of them. None, or more than
three: no answer, the matcher takes the question.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factorder import card_for
from bot.facts import Entity, FactBase
from bot.lang import LANGS
from bot.phrases import PhraseIndex
from bot.textnorm import fold, fold_question, term
from bot.tghtml import Html

__all__ = ["ValueFinder"]

_FIELD = "theme"
# "about": the words that say the rest is the thing's theme
_ABOUT = frozenset(
    [
        "tema",
        "temasi",
        "temali",
        "temasiyla",
        "konulu",
        "konusu",
        "konusunda",
        "odakli",
        "odaklanan",
        "uzerine",
        "hakkindaki",
        "about",
        "theme",
        "themed",
        "focused",
        "focusing",
        "ilgili",
        "related",
        "dealt",
        "dealing",
        "concerned",
    ]
)
_ABOUT_STEMS = ("tema", "konulu", "odakli", "uzerine", "ilgili")  # "temalıydı", "konuluydu", "ilgiliydi"
_WHICH = frozenset(["hangi", "hangisi", "hangisiydi", "hangisinde", "hangileri", "which", "what"])
_MAX_FOUND = 3  # more things than this share the words: too vague to list
_MOST_OF = 0.4  # the share of a theme's words a question gives to mean that theme alone
_MIN_WORD = 4  # shorter words do not pick a theme


class ValueFinder:
    """The things of a kind whose theme holds the words a question gives (their overview
    card, the kind's "times" card, when there are several)."""

    def __init__(self, facts: FactBase, kind_words: PhraseIndex[str]) -> None:
        """``kind_words``: the kinds' words (the fact finder's index of them)."""
        self._facts = facts
        self._kind_words = kind_words
        self._themes: dict[str, list[tuple[Entity, tuple[frozenset[str], ...]]]] = {}
        for entity in facts.entities:
            words = tuple(w for lang in LANGS if (w := _theme_terms(entity.value(_FIELD, lang) or "")))
            if words:
                self._themes.setdefault(entity.kind, []).append((entity, words))

    def answer(self, text: str, lang: str) -> FactAnswer | None:
        """The theme of each thing whose theme holds the question's words (one to three),
        with the card to offer; None otherwise."""
        tokens = fold_question(text).split()
        about = {t for t in tokens if t in _ABOUT or t.startswith(_ABOUT_STEMS)}
        if not tokens or len(tokens) > 16 or not _WHICH & set(tokens) or not about:
            return None
        spans = self._kind_words.find(tokens)
        named = {kind for _, _, kind in spans if kind in self._themes}
        if len(named) != 1:
            return None
        (kind_id,) = named
        used = {i for start, end, kind in spans if kind == kind_id for i in range(start, end)}  # "konferans"
        wanted = _query_terms(t for i, t in enumerate(tokens) if i not in used and t not in _WHICH and t not in about)
        if not wanted:
            return None
        holding: list[tuple[float, Entity]] = []  # (the share of the theme the words are, the thing)
        for entity, texts in self._themes[kind_id]:
            shares = [len(wanted) / len(words) for words in texts if _holds(words, wanted)]
            if shares:
                holding.append((max(shares), entity))
        if not 0 < len(holding) <= _MAX_FOUND:
            return None
        holding.sort(key=lambda found: found[0], reverse=True)
        found = [entity for _, entity in holding]
        if len(found) > 1 and holding[0][0] >= _MOST_OF and holding[1][0] < holding[0][0]:
            found = found[:1]  # the words are most of one theme ("sürdürülebilir öğrenen şehirler"): that one
        kind = self._facts.kinds[kind_id]
        shown = [(e, t) for e in found if (t := e.template(kind, _FIELD)) is not None]
        if not shown:
            return None
        card = card_for(kind, found[0], _FIELD, None) if len(found) == 1 else kind.cards.get("times", found[0].card)
        topic = Topic(kind_id, found[0].id if len(found) == 1 else "", _FIELD, lang)
        html = Html("\n".join(e.render(t, lang) for e, t in shown))
        return FactAnswer(shown[0][0], _FIELD, html, card, topic)


def _theme_terms(text: str) -> frozenset[str]:
    return frozenset(t for w in fold(text).split() if (t := term(w.strip(".,:;–-"))))


def _query_terms(tokens: Iterable[str]) -> list[str]:
    return [t for w in tokens if len(w) >= _MIN_WORD and (t := term(w)) is not None and len(t) >= 3]


def _holds(theme: frozenset[str], wanted: Sequence[str]) -> bool:
    """Whether every word asked is one of the theme's (or shares its first five letters)."""
    return all(w in theme or any(len(w) >= 5 and t[:5] == w[:5] for t in theme) for w in wanted)
