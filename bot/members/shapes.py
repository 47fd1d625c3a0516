"""The words that give a membership question its shape beyond "is X a member" and "which
members": the first or latest member of a country or region ("Almanya'nın ilk öğrenen
şehri", "Çin'in en son katılan üyesi", "which German city joined first", "the newest
members in Latin America") and the country with the most members ("en çok üyesi olan
ülke", "which country has the most learning cities").

Found on the folded tokens (not the matcher's terms: "ilk" and "first" are one synonym
there, "en son" is joined), so that the words can be taken out of the question before the
rest is checked against the membership vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from bot.members.directory import Word

__all__ = ["Order", "lapse_words", "most_words", "order_words"]


class Order(StrEnum):
    FIRST = "first"
    LAST = "last"


# One word enough: "ilk", "first", "oldest", "newest", "sonuncu".
_FIRST_ALONE = frozenset(["ilk", "ilki", "ilkti", "birinci", "first", "earliest", "oldest", "founding"])
_LAST_ALONE = frozenset(["son", "sonuncu", "newest", "latest", "last", "recent", "recently", "youngest"])
# After "en" (a superlative in Turkish): "en eski", "en erken", "en önce", "en son", "en yeni", "en geç".
_FIRST_AFTER_EN = frozenset(["eski", "eskisi", "eskileri", "erken", "once"])
_LAST_AFTER_EN = frozenset(["son", "sonu", "yeni", "yenisi", "yenileri", "gec", "sonra"])  # "en yenileri?"
# Members leaving: "ağdan ayrılan", "üyeliği düşen", "çıkarıldı", "azaldı", "left", "lapsed", "removed".
_LAPSE_PREFIXES = ("ayril", "cikaril", "cikart", "dusen", "dustu", "dusmus", "dusur", "azal", "kaybet")
_LAPSE_WORDS = frozenset(
    [
        "cikti",
        "cikan",
        "cikmis",
        "left",
        "leave",
        "leaving",
        "lapsed",
        "lapse",
        "lapses",
        "lapsing",
        "removed",
        "dropped",
        "withdrew",
        "withdrawn",
        "expelled",
        "lost",
        "quit",
        "decreased",
        "fell",
        "shrank",
        "shrunk",
    ]
)
_CAN = frozenset(["can", "could", "may", "might"])
# "en çok", "en fazla", "most" (not "most recent"), "the largest number".
_MOST_AFTER_EN = frozenset(["cok", "fazla"])


def order_words(tokens: Sequence[Word]) -> tuple[Order | None, set[int]]:
    """Whether the question asks for the first or the latest, and the tokens that say so
    ("en" included); (None, set()) when it asks neither or both."""
    found: dict[Order, set[int]] = {}
    for i, w in enumerate(tokens):
        before = tokens[i - 1].text if i > 0 else ""
        if w.text in _FIRST_ALONE or (before == "en" and w.text in _FIRST_AFTER_EN):
            found.setdefault(Order.FIRST, set()).update({i, i - 1} if before == "en" else {i})
        elif w.text in _LAST_ALONE or (before == "en" and w.text in _LAST_AFTER_EN):
            if w.text.startswith("recent") and before == "most":
                found.setdefault(Order.LAST, set()).add(i - 1)
            found.setdefault(Order.LAST, set()).update({i, i - 1} if before == "en" else {i})
    if len(found) != 1:
        return None, set()
    order, where = next(iter(found.items()))
    return order, {i for i in where if i >= 0}


def most_words(tokens: Sequence[Word]) -> set[int]:
    """The tokens of "en çok", "en fazla", "most", "the largest number of"; empty when the
    question has none ("most recent" is an order, not a count)."""
    where: set[int] = set()
    for i, w in enumerate(tokens):
        before = tokens[i - 1].text if i > 0 else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if before == "en" and w.text in _MOST_AFTER_EN:
            where |= {i - 1, i}
        elif w.text == "most" and not after.startswith("recent"):
            where.add(i)
        elif w.text in ("largest", "highest", "greatest") and after == "number":
            where |= {i, i + 1}
    return where


def lapse_words(tokens: Sequence[Word]) -> set[int]:
    """The tokens that speak of members leaving or counts falling ("ağdan ayrılan şehir",
    "have any cities left", "üye sayısı neden azaldı"); "sona erdi" too."""
    if any(w.text in _CAN for w in tokens):
        return set()  # "can a city be removed?": the rules, not what happened
    where: set[int] = set()
    for i, w in enumerate(tokens):
        before = tokens[i - 1].text if i > 0 else ""
        if w.text.startswith(_LAPSE_PREFIXES) and ("abil" in w.text or "ebil" in w.text):
            return set()  # "çıkarılabilir mi", "ayrılabilir mi"
        if w.text in _LAPSE_WORDS or w.text.startswith(_LAPSE_PREFIXES):
            where.add(i)
        elif before == "sona" and w.text.startswith("er"):
            where |= {i - 1, i}
        elif w.text == "out" and i - 1 in where:  # "dropped out", "left out"
            where.add(i)
    return where
