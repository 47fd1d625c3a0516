"""A country's award winners asked after that country's members: "Which Moroccan cities
are learning cities?" then "which of them won an award?", "bunlardan ödül alan var mı?".

The chat's last answer was a country's list (``members-c-XX``); a question about winning
the award that names no place but refers back to them ("them", "bunlardan") is asked as
the same question about that country, which :mod:`bot.awardplaces` answers (its winners
from there, each with its year and source, or a plain none). Used by
:mod:`bot.memberroute`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.awardplaces import place_winners
from bot.conversation import Topic
from bot.lang import Lang
from bot.members.countries import country_name
from bot.members.directory import TURKIYE, words
from bot.members.model import parse_list_entry_id
from bot.replies import Reply

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["country_award"]

_THEM = frozenset(["them", "those", "these", "bunlardan", "onlardan", "bunlarin", "onlarin", "icinden", "any"])


def country_award(a: Assistant, text: str, lang: Lang, context: Topic | None) -> Reply | None:
    """The award's winners from the country of the chat's last list, for a question that
    refers back to its members; None otherwise."""
    if a.members is None or context is None or not {t.text for t in words(text)} & _THEM:
        return None
    parts = parse_list_entry_id(context.entry)
    if parts is None or not parts[0] or parts[1] or parts[2] or parts[0] == TURKIYE:
        return None
    if any(found for _, _, found in a.members.directory.scan(words(text))):
        return None  # a place named: the question as it is
    return place_winners(a, f"{text} {country_name(parts[0], 'en')}", lang)
