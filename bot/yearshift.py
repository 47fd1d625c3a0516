"""A year counted from the last thing's: "what about two years later?" after the count of
September 2022 is the count of 2024; "peki bir yıl önce?", "ertesi yıl?", "the year
before?".

:func:`shifted_year` rewrites such a follow-up with the year itself ("what about 2024?",
"peki 2021?"), which the facts then read with the chat's last topic as "peki
2020'de?" is. Only when the last thing has one year (a count, a conference, a member)."""

from __future__ import annotations

import re

from bot.conversation import Topic
from bot.followups import FollowUps
from bot.textnorm import fold_question

__all__ = ["shifted_year"]

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBERS |= {"bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5}
_COUNT = r"(\d|a|an|one|two|three|four|five|bir|iki|uc|dort|bes)"
# "two years later", "a year earlier", "iki yıl sonra", "bir sene önce(si)"
_SHIFT = re.compile(
    rf"\b{_COUNT} (?:years?|yil|sene) (later|after|earlier|before|sonra|sonrasi|sonrasinda|once|oncesi|oncesinde)\b"
)
# "the year after", "the following year", "ertesi yıl", "bir önceki yıl"
_NEXT = re.compile(r"\b(?:the (?:year after|following year|next year)|ertesi (?:yil|sene)|bir sonraki (?:yil|sene))\b")
_PREVIOUS = re.compile(r"\b(?:the (?:year before|previous year)|bir onceki (?:yil|sene)|onceki (?:yil|sene))\b")
_LATER = frozenset(["later", "after", "sonra", "sonrasi", "sonrasinda"])


def shifted_year(follow: FollowUps, text: str, context: Topic) -> str | None:
    """``text`` with the year it counts from the last thing's written out, or None when it
    counts none (or the last thing has no one year)."""
    folded = fold_question(text)
    found = _SHIFT.search(folded)
    if found is not None:
        count = _NUMBERS.get(found.group(1)) or int(found.group(1))
        by = count if found.group(2) in _LATER else -count
        span = found.span()
    elif (step := _NEXT.search(folded) or _PREVIOUS.search(folded)) is not None:
        by = 1 if _NEXT.search(folded) else -1
        span = step.span()
    else:
        return None
    year = follow.year_of(context) or _its_year(follow, context)
    if year is None:
        return None
    return f"{folded[: span[0]]}{year + by}{folded[span[1] :]}".strip()


def _its_year(follow: FollowUps, context: Topic) -> int | None:
    """The year field of a thing ordered by something else (a conference, by its number)."""
    entity = next((e for e in follow.finder.facts.entities if e.id == context.entity), None)
    value = entity.value("year", "en") if entity is not None else None
    return int(value) if value and value.isdigit() else None
