"""The short answer to an attribute question (:mod:`bot.factfinder` and its helpers)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation import Topic
from bot.facts import Entity
from bot.tghtml import Html

__all__ = ["FactAnswer"]


@dataclass(frozen=True, slots=True)
class FactAnswer:
    entity: Entity
    attribute: str
    html: Html
    card: str  # the faq entry with the full answer
    topic: Topic  # what to remember for follow-ups
    missing: bool = False  # the thing is known, this attribute of it is not: say so
    relative: bool = False  # found by its place after or before another ("Medellín'den sonraki"): no "later" question
    weak: bool = False  # read from a figure the content also knows elsewhere: the matcher's sure answer wins
