"""When the network reached a size: "Ağ ne zaman 300 üyeye ulaştı?", "when did the
network have 230 members", "When did GNLC pass 100 cities?".

The facts hold the network's counts over time (kind ``members``: 115 cities in August
2016, 230 in September 2020, ...). A question asking *when* a number of member cities
was reached is read against them: a count the sources give is its date; a number
between two counts is "between these two" (the sources date no crossing); one below the
earliest count is "before then"; one above the latest is "not as far as I know", with
the latest count. The wording is the kind's ``ranges`` (reached, between, earliest,
not_yet) in content/facts.yaml. Joining ("when did 72 cities join"), Türkiye's members,
a conference's attendance, people and countries are other questions, and a question
that names a year checks that year's count (the fact finder's).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factchecks import YEAR
from bot.facts import Entity, FactBase
from bot.textnorm import fold_question
from bot.tghtml import Html, escape

__all__ = ["reached"]

_KIND = "members"
_NUMBER = re.compile(r"^(\d{2,4})$")
_MEMBERS = ("sehir", "sehr", "uye", "kent", "city", "cities", "member")  # folded prefixes
# "when" asks only before an auxiliary ("when did it reach"; not "... say 1000 cities when it lists fewer")
_WHEN_AFTER = {"when": frozenset(["did", "was", "were", "has", "had", "does", "is", "will"])}
_WHEN_AFTER |= {"ne": frozenset(["zaman", "vakit"]), "hangi": frozenset(["yil", "yilda", "yilinda", "tarihte"])}
_WHEN_AFTER |= {"what": frozenset(["year", "date"]), "which": frozenset(["year"])}
# Other questions with a number and members in them (folded prefixes)
_OTHER = (
    "katil", "gir", "join", "admit", "kabul", "turk", "turkiye", "odul", "award", "konferans", "conference",
    "kisi", "people", "person", "participant", "nufus", "population", "milyon", "million", "ulke", "countr",
    "yeni", "new", "basvur", "appl",
)  # fmt: skip


def reached(facts: FactBase, text: str, lang: str) -> FactAnswer | None:
    """The answer to when the network reached a number of member cities; None when
    ``text`` asks no such thing."""
    tokens = fold_question(text).split()
    figure = _figure(tokens)
    if figure is None or not _asks_when(tokens) or any(YEAR.match(t) for t in tokens):
        return None
    if not any(t.startswith(_MEMBERS) for t in tokens) or any(t.startswith(_OTHER) for t in tokens):
        return None
    kind = facts.kinds.get(_KIND)
    counts = sorted(
        (e for e in facts.of_kind(_KIND) if not e.upcoming and _cities(e)),
        key=lambda e: int(e.value("year", "en") or 0),
    )
    if kind is None or not counts:
        return None
    exact = next((e for e in counts if _cities(e) == figure), None)
    if exact is not None:
        return _answer(kind.ranges.get("reached"), exact, lang, figure, {})
    if figure < _cities(counts[0]):
        return _answer(kind.ranges.get("earliest"), counts[0], lang, figure, {})
    if figure > _cities(counts[-1]):
        return _answer(kind.ranges.get("not_yet"), counts[-1], lang, figure, {})
    after = next(e for e in counts if _cities(e) > figure)
    before = counts[counts.index(after) - 1]
    extra = {"before": str(_cities(before)), "before_as_of": before.value("as_of", lang) or ""}
    return _answer(kind.ranges.get("between"), after, lang, figure, extra)


def _answer(
    template: Mapping[str, str] | None, entity: Entity, lang: str, figure: int, extra: dict[str, str]
) -> FactAnswer | None:
    text = template.get(lang) if template is not None else None
    if text is None:
        return None
    values = {
        "figure": str(figure),
        "cities": str(_cities(entity)),
        "countries": entity.value("countries", lang) or "",
        "as_of": entity.value("as_of", lang) or "",
        "after": str(_cities(entity)),
        "after_as_of": entity.value("as_of", lang) or "",
        **extra,
    }
    for name, value in values.items():
        text = text.replace("{" + name + "}", escape(value))
    return FactAnswer(entity, "reached", Html(text), entity.card, Topic(_KIND, entity.id, "reached", lang))


def _cities(entity: Entity) -> int:
    value = entity.value("cities", "en")
    return int(value) if value and value.isdigit() else 0


def _figure(tokens: list[str]) -> int | None:
    numbers = [int(m.group(1)) for t in tokens if (m := _NUMBER.match(t)) and not YEAR.match(t)]
    return numbers[0] if len(numbers) == 1 and numbers[0] >= 10 else None


def _asks_when(tokens: list[str]) -> bool:
    return "nezaman" in tokens or any(
        t in _WHEN_AFTER and tokens[i + 1] in _WHEN_AFTER[t] for i, t in enumerate(tokens[:-1])
    )
