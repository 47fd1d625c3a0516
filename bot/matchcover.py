"""The matcher's ``cover``: the weighted share of a question's terms an entry explains.

``known`` is, per term of the question the vocabulary knows, its weight and the
vocabulary words it is close to (id, similarity), best first; an entry's *bag* is the
set of its vocabulary ids. Kept apart from :mod:`bot.matching`, which ranks with it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

__all__ = ["Known", "cover_many", "cover_one"]

Known = list[tuple[float, list[tuple[int, float]]]]


def cover_one(bag: Collection[int], known: Known, total: float) -> float:
    """The weighted share of the question's terms one entry's vocabulary explains."""
    covered = 0.0
    for weight, sims in known:
        for vid, s in sims:
            if vid in bag:
                covered += weight * s
                break
    return covered / total


def cover_many(
    bag_postings: Sequence[Collection[int]], entries: Iterable[int], known: Known, total: float
) -> dict[int, float]:
    """``cover`` for many entries at once, through the postings from each word to the
    entries that know it (cheaper than entry by entry when the entries are many)."""
    wanted = set(entries)
    covered = dict.fromkeys(wanted, 0.0)
    for weight, sims in known:
        seen: set[int] = set()
        for vid, s in sims:
            gain = weight * s
            for entry in bag_postings[vid]:
                if entry in wanted and entry not in seen:
                    seen.add(entry)
                    covered[entry] += gain
    return {entry: value / total for entry, value in covered.items()}
