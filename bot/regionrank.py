"""The UNESCO regions by how many members the list holds: "Which region has the most
members?", "En az üyesi olan bölge hangisi?", "Which is the largest region in the
network?".

No source ranks the regions; the member directory holds part of the network (351 of 425
members), so the answer is the list's counts per region, largest first, with that caveat,
and the regions' entry one tap away. A question about one region or country, or that asks
no most or fewest, is not read here. Used by :mod:`bot.memberroute`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.callbacks import entry as entry_data
from bot.lang import Lang
from bot.members.countries import format_day
from bot.members.directory import PlaceKind, words
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.tghtml import Html

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["regions_ranked"]

REGIONS_ENTRY = "unesco-regions"  # the five regions (content/faq.yaml)
_REGION = ("region", "bolge")
_MOST_EN = frozenset(["most", "largest", "biggest"])
_LEAST_EN = frozenset(["fewest", "least", "smallest"])
_MOST_TR = ("cok", "fazla", "kalabalik", "buyu", "genis")  # after "en": "en çok", "en kalabalık", "en büyüğü"
_LEAST_TR = ("az", "kucu")  # "en az", "en küçük"


def regions_ranked(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The regions by the list's member counts, for a question asking the region with the
    most (fewest) members; None otherwise."""
    members = a.members
    tokens = words(text)
    said = [t.text for t in tokens]
    if members is None or not any(w.startswith(_REGION) for w in said):
        return None
    if any(w.startswith(("ulke", "countr")) for w in said):
        return None  # "Bölgede en çok üyesi olan ülke": countries, not the regions
    after_en = [w for i, w in enumerate(said) if i > 0 and said[i - 1] == "en"]
    most = bool(set(said) & _MOST_EN) or any(w.startswith(_MOST_TR) for w in after_en)
    least = bool(set(said) & _LEAST_EN) or any(w.startswith(_LEAST_TR) for w in after_en)
    if most == least:
        return None
    directory = members.directory
    if any(p.kind in (PlaceKind.REGION, PlaceKind.COUNTRY) for _, _, found in directory.scan(tokens) for p in found):
        return None  # "Avrupa bölgesinde en çok üyesi olan ülke": one region's countries
    counts = sorted(((len(directory.in_region(r)), r) for r in directory.regions), reverse=not least)
    lines = [
        a.render.msg("members_region_line", lang, region=directory.regions[r].name[lang], count=n) for n, r in counts
    ]
    key = "members_regions_fewest" if least else "members_regions_most"
    as_of = format_day(directory.data.as_of, lang)
    head = a.render.msg(key, lang, region=directory.regions[counts[0][1]].name[lang], count=counts[0][0])
    caveat = a.render.msg(
        "members_regions_caveat", lang, count=directory.count, total=directory.data.network_members, as_of=as_of
    )
    body = Html(f"{head}\n" + "\n".join(lines) + f"\n\n{caveat}")
    buttons: list[tuple[Button, ...]] = []
    if REGIONS_ENTRY in a.content.faq:
        buttons.append((Button(a.title(REGIONS_ENTRY, lang), data=entry_data(REGIONS_ENTRY)),))
    buttons.append((a.menu_button(lang),))
    entry = REGIONS_ENTRY if REGIONS_ENTRY in a.content.faq else None
    return reply_of(body, lang, kind=ReplyKind.ANSWER, buttons=tuple(buttons), entry_id=entry, score=100.0)
