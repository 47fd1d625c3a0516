"""The admission round with the most (fewest) new members: "Which year did the most cities
join the network?", "En çok şehrin katıldığı yıl hangisi?", "Hangi yıl en az şehir
katıldı?".

The member directory's rounds with an announced count (members.yaml batches) are compared;
the answer names the largest (smallest) with every announced round's count, says that the
first members (2015–2016) joined on a rolling basis with no round count, and gives that
round's reply (its source and list) below. Not read: one year's round, the network's size
at its largest (the facts), a country's or region's members. Used by :mod:`bot.memberroute`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.replies import Reply
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["rounds_ranked"]

_MOST_EN = frozenset(["most", "largest", "biggest"])
_LEAST_EN = frozenset(["fewest", "least", "smallest"])
_MOST_TR = ("cok", "fazla", "buyu", "kalabalik")  # after "en"
_LEAST_TR = ("az", "kucu")
_JOINED = ("join", "admit", "katil", "girdi", "giren", "alindi", "kabul")  # cities joining, not the network's size
_WHEN = frozenset(["year", "yil", "yili", "yilinda", "round", "intake", "tur", "turda", "when", "zaman", "sene"])


def rounds_ranked(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The round with the most (fewest) announced new members; None for another question."""
    members = a.members
    tokens = words(text)
    said = [t.text for t in tokens]
    if members is None or not any(w.startswith(_JOINED) for w in said) or not _WHEN & set(said):
        return None
    after_en = [w for i, w in enumerate(said) if i > 0 and said[i - 1] == "en"]
    most = bool(set(said) & _MOST_EN) or any(w.startswith(_MOST_TR) for w in after_en)
    least = bool(set(said) & _LEAST_EN) or any(w.startswith(_LEAST_TR) for w in after_en)
    if most == least or any(w.isdigit() and len(w) == 4 for w in said):
        return None
    directory = members.directory
    if any(p.kind is not PlaceKind.MEMBER for _, _, found in directory.scan(tokens) for p in found):
        return None  # "Almanya'dan en çok hangi yıl katıldı": a country's members
    rounds = [b for b in directory.data.batches if b.announced]
    if len(rounds) < 2:
        return None
    chosen = (max if most else min)(rounds, key=lambda b: b.announced or 0)
    counts = ", ".join(f"{b.year}: {b.announced}" for b in sorted(rounds, key=lambda b: b.year))
    key = "members_round_most" if most else "members_round_fewest"
    said_html = a.render.msg(key, lang, year=chosen.year, announced=chosen.announced, counts=counts)
    shown = members.shown(members.overview.batch(chosen.year, lang), lang)
    first, *rest = shown.messages
    return replace(shown, messages=(Html(f"{said_html}\n\n{first}"), *rest))
