"""A past figure checked as if it were today's: "The network has 356 cities, correct?",
"Şu an ağda 356 şehir var değil mi?", "I read the GNLC has 356 members. Is that current?".

The fact finder reads the figure as the thing it belongs to (the 2024 count) and says so
("As of 2024, the network had 356 cities ... The latest count: 425 ..."): the right
reply. But the question asks about now, so the entry a tap away is the latest thing's
(the current count's card), not the one of the year the figure comes from. A question
that names a year or asks in the past ("2024'te 356 şehir mi vardı?", "did it have 356
cities in 2024?") keeps the figure's own card.
"""

from __future__ import annotations

from dataclasses import replace

from bot.factanswer import FactAnswer
from bot.factchecks import YEAR
from bot.facts import FactBase
from bot.textnorm import fold_question

__all__ = ["figure_now"]

# Words that ask about the past ("had", "vardı", "miydi"): the figure's own time is asked about
_PAST = frozenset(["had", "was", "were", "used", "vardi", "varmis", "idi", "miydi", "muydu", "olmustu", "once"])


def figure_now(facts: FactBase, found: FactAnswer, text: str) -> FactAnswer:
    """``found`` with the latest thing's card, when the question checks a figure of an
    earlier thing of an ordered kind and names neither a year nor the past; else ``found``."""
    entity = found.entity
    if entity.latest or entity.upcoming or found.missing:
        return found
    tokens = fold_question(text).split()
    if any(YEAR.match(t) for t in tokens) or _PAST.intersection(tokens):
        return found
    figures = {str(value) for value in entity.fields.values() if isinstance(value, int)}
    if not figures.intersection(tokens):
        return found
    latest = next((e for e in facts.of_kind(entity.kind) if e.latest), None)
    if latest is None or latest.card == found.card:
        return found
    return replace(found, card=latest.card)
