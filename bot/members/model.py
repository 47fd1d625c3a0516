"""The member data: cities with their country, UNESCO region and admission year (or range)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bot.lang import Lang
from bot.textnorm import fold

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "NOT_LISTED",
    "NO_MEMBERS",
    "TURKIYE",
    "TURKIYE_MEMBERS_ENTRY",
    "TURKIYE_REGION",
    "Batch",
    "Joined",
    "JoinedKind",
    "Lapses",
    "Member",
    "MemberData",
    "Province",
    "Region",
    "Stated",
    "list_entry_id",
    "parse_list_entry_id",
    "province_entry_id",
]

FIRST_YEAR = 2015  # the network opened for membership in September 2015
LAST_YEAR = 2030  # the latest year a question may name
TURKIYE = "TR"
TURKIYE_REGION = "europe-north-america"  # Türkiye's UNESCO region
NOT_LISTED = "not-listed"  # the entry id of "not in the list I keep"
TURKIYE_MEMBERS_ENTRY = "members-turkey"  # the FAQ's list of Türkiye's members (content/faq.yaml)
NO_MEMBERS = "members-none"  # the entry id of a list that is empty (the list I keep has none)
_LIST_ID = re.compile(r"^members(?:-c-([A-Z]{2}))?(?:-r-([a-z][a-z-]*?))?(?:-y-(\d{4}))?$")

_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")
_BEFORE = re.compile(r"^before\s+(\d{4})$")


class JoinedKind(StrEnum):
    YEAR = "year"  # the admission batch is known
    RANGE = "range"  # documented as a member, the batch only bounded: "2015-2016"
    BEFORE = "before"  # "before 2017": a member by then, the batch not found


@dataclass(frozen=True, slots=True)
class Joined:
    """When a city joined, as precisely as the source says, never more."""

    kind: JoinedKind
    first: int  # earliest possible year
    last: int  # latest possible year
    text: str  # as written in the data: "2019", "2015-2016", "before 2017"

    @property
    def exact(self) -> bool:
        return self.kind is JoinedKind.YEAR

    def covers(self, year: int) -> bool:
        """Whether the city may have joined in ``year``."""
        return self.first <= year <= self.last

    @classmethod
    def parse(cls, value: object, *, until: int) -> Joined:
        """``2019``, ``"2015-2016"`` or ``"before 2017"``; ValueError says what is wrong."""
        text = str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
        if m := _YEAR.match(text):
            year = int(m.group(1))
            _check_year(year, until)
            return cls(JoinedKind.YEAR, year, year, text)
        if m := _RANGE.match(text):
            first, last = int(m.group(1)), int(m.group(2))
            _check_year(first, until)
            _check_year(last, until)
            if first >= last:
                raise ValueError(f"{text!r} is not a range (the first year must be before the last)")
            return cls(JoinedKind.RANGE, first, last, f"{first}-{last}")
        if m := _BEFORE.match(text):
            year = int(m.group(1))
            _check_year(year, until + 1)
            if year <= FIRST_YEAR:
                raise ValueError(f"{text!r} is before the network opened ({FIRST_YEAR})")
            return cls(JoinedKind.BEFORE, FIRST_YEAR, year - 1, f"before {year}")
        raise ValueError(f'joined must be a year (2019), a range ("2015-2016") or "before 2017", not {value!r}')


def list_entry_id(country: str | None = None, region: str | None = None, year: int | None = None) -> str:
    """The entry id of a list: ``members-c-DE``, ``members-r-africa``, ``members-c-DE-y-2024``."""
    parts = [f"c-{country}" if country else "", f"r-{region}" if region else "", f"y-{year}" if year else ""]
    return "-".join(["members", *(p for p in parts if p)])


def parse_list_entry_id(entry_id: str) -> tuple[str | None, str | None, int | None] | None:
    """(country, region, year) of a list's entry id; None for any other id."""
    m = _LIST_ID.match(entry_id)
    if m is None or entry_id == "members":
        return None
    return m.group(1), m.group(2), int(m.group(3)) if m.group(3) else None


def province_entry_id(name: str) -> str:
    """The entry id of a Turkish province's "no": ``province-kayseri``."""
    return "province-" + "-".join(fold(name).split())


def _check_year(year: int, until: int) -> None:
    if not FIRST_YEAR <= year <= until:
        raise ValueError(f"year {year} is outside {FIRST_YEAR}-{until}")


@dataclass(frozen=True, slots=True)
class Member:
    id: str  # unique, from the folded name: "nam-gu-busan"
    city: str  # as the source gives it
    country: str  # ISO 3166 code
    region: str  # a Region id
    joined: Joined
    source: str | None  # URL; None when the source has no URL (then ``citation``)
    note: str = ""  # research note, English, verbatim
    unverified: bool = False  # current membership not verified (may have lapsed)
    aliases: tuple[str, ...] = ()
    curated: str | None = None  # cities.yaml id (Türkiye): that entry answers
    line: int | None = None
    citation: str = ""  # the source, when it has no URL
    # what the sources say about its current status (not part of its identity)
    status_note: Mapping[Lang, str] | None = field(default=None, hash=False, compare=False)

    @property
    def entry_id(self) -> str:
        """The answer's id (for logs, evaluation and buttons); Türkiye's are cities.yaml's."""
        return f"city-{self.curated}" if self.curated else f"member-{self.id}"


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name: Mapping[Lang, str]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Batch:
    """An admission round and what UIL announced for it."""

    year: int
    date: date
    announced: int | None = None  # cities announced
    countries: int | None = None
    source: str | None = None
    note: str = ""
    entry: str | None = None  # the FAQ entry that answers this round's count (the latest round's)
    first_countries: tuple[str, ...] = ()  # countries that joined for the first time in this round
    first_countries_source: str | None = None
    capitals: tuple[str, ...] = ()  # the capital cities the round's announcement named (members' names)
    capitals_source: str | None = None


@dataclass(frozen=True, slots=True)
class Stated:
    """A country's member total as a source states it (the list does not hold every member)."""

    country: str
    count: int | None  # the figure; None when the source only says "more than"
    more_than: int | None  # "more than 10"
    as_of: date  # the first day of the month (or year) it refers to
    month: bool  # whether ``as_of`` names a month (else only the year)
    source: str | None  # URL, or None with a citation
    citation: str = ""
    note: Mapping[Lang, str] | None = field(default=None, hash=False, compare=False)  # what it counts


@dataclass(frozen=True, slots=True)
class Lapses:
    """What the sources show of members leaving the network (counts that fell)."""

    facts: tuple[Mapping[Lang, str], ...]
    citation: Mapping[Lang, str]  # where the figures come from
    entry: str | None = None  # the FAQ entry it answers beside


@dataclass(frozen=True, slots=True)
class Province:
    """One of Türkiye's 81 provinces (for a clear "no" to "Kayseri öğrenen şehir mi?")."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MemberData:
    as_of: date
    network_members: int
    network_countries: int
    source: str
    members: tuple[Member, ...]
    regions: tuple[Region, ...]
    batches: tuple[Batch, ...] = ()
    country_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    plain_words: frozenset[str] = frozenset()
    # other names of a city whose districts are members ("Seul" for Seoul: Eunpyeong-gu (Seoul), ...)
    city_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    provinces: tuple[Province, ...] = ()
    stated: Mapping[str, Stated] = field(default_factory=dict)  # by country code
    lapses: Lapses | None = field(default=None, hash=False, compare=False)

    def entry_ids(self, curated: frozenset[str] = frozenset(), curated_years: Iterable[int] = ()) -> set[str]:
        """Every id a membership answer can carry: each member abroad (Türkiye's are
        cities.yaml's), each province's "no" (``curated``: the folded names of Türkiye's
        members, which have none; ``curated_years``: the years they joined), "not listed",
        and each list that has members, by country, region and year and their pairs."""
        ids = {m.entry_id for m in self.members if not m.curated} | {NOT_LISTED, NO_MEMBERS}
        for p in self.provinces:
            if not {fold(n) for n in (p.name, *p.aliases)} & curated:
                ids.add(province_entry_id(p.name))
        places = [(m.country, m.region, range(m.joined.first, m.joined.last + 1)) for m in self.members]
        places += [(TURKIYE, TURKIYE_REGION, range(year, year + 1)) for year in curated_years]
        for country, region, joined in places:
            for year in [None, *joined]:
                ids |= {list_entry_id(country=country, year=year), list_entry_id(region=region, year=year)}
                if year is not None:
                    ids.add(list_entry_id(year=year))
        return ids
