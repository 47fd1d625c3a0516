"""Looking members up: by name, alias or exonym (folded the Turkish way), by country,
region and year; and finding the places a question names.

Türkiye's members are cities.yaml's curated entries (their year and source are those
answers'); members.yaml's Türkiye rows only keep the research record. Every other member
comes from members.yaml. Countries are every CLDR territory (in Turkish and English,
through Babel) plus members.yaml's extra names; regions are the UNESCO regions; Turkish
provinces make a Turkish city that is not a member a clear "no".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.content.model import City
from bot.lang import LANGS
from bot.members.countries import country_codes, country_name
from bot.members.model import TURKIYE, TURKIYE_REGION, Batch, Joined, JoinedKind, Member, MemberData, Province, Region
from bot.textnorm import STOPWORDS, fold

__all__ = ["TURKIYE", "Directory", "Place", "PlaceKind", "Word", "words"]

_MAX_NAME_WORDS = 6
_SCANNED = 512  # questions whose places a directory remembers (each is scanned by several readings)
_REMEMBERED_WORDS = 20_000  # words whose longest name a directory remembers
# Turkish case endings written without an apostrophe ("Almanyadan", "Kahirede"), longest first.
_ENDINGS = tuple(
    sorted(
        {
            "da", "de", "ta", "te", "dan", "den", "tan", "ten", "nda", "nde", "ndan", "nden",
            "daki", "deki", "taki", "teki", "ndaki", "ndeki", "ya", "ye", "a", "e", "yi", "yu", "i", "u",
            "nin", "nun", "in", "un", "yla", "yle", "la", "le", "li", "lu", "lar", "ler", "s",
            "liyim", "luyum", "liyiz", "luyuz", "lilar", "liler", "lulur", "lular", "dir", "dur",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip


class PlaceKind(StrEnum):
    MEMBER = "member"
    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"  # a Turkish province that is not a member


@dataclass(frozen=True, slots=True)
class Place:
    """Something a name stands for; ``key`` is a member id, country code, region id or province name."""

    kind: PlaceKind
    key: str


@dataclass(frozen=True, slots=True)
class Word:
    """A folded token of a question, with where it came from."""

    text: str  # folded
    alt: str  # folded without apostrophes ("xian" for "Xi'an"); = text when there were none
    capital: bool  # the word it came from starts with a capital letter
    index: int  # which whitespace-separated word of the question
    raw: str  # that word, trimmed of punctuation and of an apostrophe suffix


def words(text: str) -> list[Word]:
    """The folded tokens of ``text``, each with its source word."""
    return list(_words(text))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[Word, ...]:  # a question is read several times
    result: list[Word] = []
    for index, raw in enumerate(text.split()):
        pairs, capital, trimmed = _word_parts(raw)
        for token, alt in pairs:
            result.append(Word(token, alt, capital, index, trimmed))
    return tuple(result)


@lru_cache(maxsize=8192)
def _word_parts(raw: str) -> tuple[tuple[tuple[str, str], ...], bool, str]:
    """A whitespace-free word's folded tokens (each with its form without apostrophes),
    whether it starts with a capital letter, and the word trimmed (words recur from
    question to question)."""
    trimmed = raw.strip('.,;:!?()[]"“”«»…').split("'")[0].split("’")[0]
    folded = fold(raw).split()
    plain = fold(raw.replace("'", "").replace("’", "")).split() if "'" in raw or "’" in raw else folded
    alts = plain if len(plain) == len(folded) else folded
    capital = next((ch.isupper() for ch in raw if ch.isalpha()), False)
    return tuple(zip(folded, alts, strict=True)), capital, trimmed


def _keys(name: str) -> set[str]:
    """The folded keys a name is found under ("Xi'an": "xi an", "xian"; not "xi")."""
    keys = {fold(name)}
    if "'" in name or "’" in name:
        plain = name.replace("’", "'")
        keys |= {fold(plain.replace("'", "")), fold(plain.replace("'", " "))}
    return {k for k in keys if len(k.replace(" ", "")) >= 3 or k.isdigit()}


class Directory:
    """Every member we can source, indexed for look-ups."""

    def __init__(self, data: MemberData, cities: Sequence[City] = ()) -> None:
        self.data = data
        curated = [_from_city(city) for city in cities]
        others = [m for m in data.members if m.country != TURKIYE]
        self.members: tuple[Member, ...] = tuple(sorted([*curated, *others], key=_order))
        self.by_id = {m.id: m for m in self.members}
        self.by_entry = {m.entry_id: m for m in self.members}
        self.regions = {r.id: r for r in data.regions}
        self._places: dict[str, list[Place]] = {}
        for m in self.members:
            names = [m.city, *m.aliases]
            if m.curated:
                city = next(c for c in cities if c.id == m.curated)
                names += [city.id, *city.aliases]
                names += [a for row in data.members if row.curated == m.curated for a in row.aliases]
            self._add(names, Place(PlaceKind.MEMBER, m.id))
        for code in sorted(country_codes()):
            names = [country_name(code, lang) for lang in LANGS]
            self._add([*names, *data.country_aliases.get(code, ())], Place(PlaceKind.COUNTRY, code))
        # Two-letter short forms ("UK"), taken as written, in capitals. ("US" is not one of the
        # names: "us" is a word, and "tell US" is written so; "USA", "ABD" and "Amerika" are.)
        self._capitals: dict[str, list[Place]] = {}
        for code, short in data.country_aliases.items():
            for name in short:
                if len(name) == 2 and name.isupper():
                    self._capitals.setdefault(fold(name), []).append(Place(PlaceKind.COUNTRY, code))
        # ... and in lower case too when the short form is no word ("which uk cities are members")
        self._any_case = frozenset(k for k in self._capitals if k not in STOPWORDS)
        for region in data.regions:
            self._add([*region.name.values(), *region.aliases], Place(PlaceKind.REGION, region.id))
        member_keys = {k for k, places in self._places.items() if any(p.kind is PlaceKind.MEMBER for p in places)}
        for province in data.provinces:
            names = [province.name, *province.aliases]
            if not any(k in member_keys for n in names for k in _keys(n)):
                self._add(names, Place(PlaceKind.PROVINCE, province.name))
        self.provinces = {p.name: p for p in data.provinces}
        self._fuzzy_keys = [k for k, places in self._places.items() if len(k) >= 5 and _has_member(places)]
        # The first word of every name, and how many words the longest name starting with it has.
        self._first: dict[str, int] = {}
        for key in self._places:
            first, *rest = key.split()
            self._first[first] = max(self._first.get(first, 0), len(rest) + 1)
        self._scanned: dict[tuple[Word, ...], tuple[tuple[int, int, list[Place]], ...]] = {}
        self._longest_by_word: dict[tuple[str, str], int] = {}  # (text, alt) -> _longest

    def _add(self, names: Iterable[str], place: Place) -> None:
        for name in names:
            for key in _keys(name):
                places = self._places.setdefault(key, [])
                if place not in places:
                    places.append(place)

    @property
    def places_index(self) -> dict[str, list[Place]]:
        """Every folded name and what it stands for (read-only; for measurements)."""
        return self._places

    # ------------------------------------------------------------------ facts
    @property
    def count(self) -> int:
        """How many members the list holds (of ``data.network_members``)."""
        return len(self.members)

    def country_count(self) -> int:
        return len({m.country for m in self.members})

    def turkiye(self) -> list[Member]:
        return self.in_country(TURKIYE)

    def in_country(self, code: str) -> list[Member]:
        return [m for m in self.members if m.country == code]

    def in_region(self, region: str) -> list[Member]:
        return [m for m in self.members if m.region == region]

    def joined_in(self, year: int) -> tuple[list[Member], list[Member]]:
        """Those known to have joined in ``year``, and those whose range includes it."""
        exact = [m for m in self.members if m.joined.exact and m.joined.first == year]
        maybe = [m for m in self.members if not m.joined.exact and m.joined.covers(year)]
        return exact, maybe

    def batch(self, year: int) -> Batch | None:
        return next((b for b in self.data.batches if b.year == year), None)

    # ------------------------------------------------------------------ names
    def places(self, key: str) -> list[Place]:
        """What a folded name stands for (several: "tunus" is Tunis and Tunisia)."""
        return self._places.get(key, [])

    def lookup(self, name: str, *, fuzzy: bool = True) -> list[Place]:
        """Places for a name as someone types it: folded, with a Turkish ending dropped
        ("Almanyadan"), then (``fuzzy``) the closest member name for a typo."""
        key = fold(name)
        if not key:
            return []
        found = self._places.get(key) or self._places.get(fold(name.replace("'", "")))
        if found:
            return found
        if name.strip().isupper() and key in self._capitals:
            return self._capitals[key]
        for stem in _stems(key):
            if stem in self._places:
                return self._places[stem]
        if fuzzy and len(key) >= 5:
            best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=86)
            if best is not None:
                return [p for p in self._places[best[0]] if p.kind is PlaceKind.MEMBER]
        return []

    def find_members(self, name: str, *, fuzzy: bool = True) -> list[Member]:
        """The members a name may mean (two for "Nam-gu": Busan's and Ulsan's)."""
        return [self.by_id[p.key] for p in self.lookup(name, fuzzy=fuzzy) if p.kind is PlaceKind.MEMBER]

    def find_country(self, name: str) -> str | None:
        return next((p.key for p in self.lookup(name, fuzzy=False) if p.kind is PlaceKind.COUNTRY), None)

    def find_region(self, name: str) -> Region | None:
        found = next((p.key for p in self.lookup(name, fuzzy=False) if p.kind is PlaceKind.REGION), None)
        return self.regions.get(found) if found else None

    def find_province(self, name: str) -> Province | None:
        found = next((p.key for p in self.lookup(name, fuzzy=False) if p.kind is PlaceKind.PROVINCE), None)
        return self.provinces.get(found) if found else None

    def complete(self, prefix: str, limit: int = 5) -> list[Member]:
        """Members whose name or alias starts with ``prefix`` (inline queries)."""
        key = fold(prefix)
        if len(key) < 3:
            return []
        found: dict[str, Member] = {}
        for name, places in self._places.items():
            if name.startswith(key):
                for p in places:
                    if p.kind is PlaceKind.MEMBER:
                        found.setdefault(p.key, self.by_id[p.key])
        return sorted(found.values(), key=lambda m: (fold(m.city) != key, len(m.city), fold(m.city)))[:limit]

    def scan(self, tokens: Sequence[Word]) -> list[tuple[int, int, list[Place]]]:
        """The places named in a question: (first token, end token, places), longest
        names first, not overlapping. A name that is also an everyday word ("Sur",
        "Van") counts only when written with a capital letter (remembered for the most
        recent questions)."""
        key = tuple(tokens)
        known = self._scanned.get(key)
        if known is None:
            if len(self._scanned) >= _SCANNED:
                self._scanned.clear()
            known = self._scanned[key] = tuple(self._scan(key))
        return list(known)

    def _scan(self, tokens: Sequence[Word]) -> list[tuple[int, int, list[Place]]]:
        spans: list[tuple[int, int, list[Place]]] = []
        # "UK", "US" in capitals, unless the whole question is ("CAN YOU HELP US JOIN").
        shouting = all(w.raw.isupper() for w in tokens if any(ch.isalpha() for ch in w.raw))
        i = 0
        while i < len(tokens):
            written = (tokens[i].raw.isupper() and not shouting) or tokens[i].text in self._any_case
            capitals = self._capitals.get(tokens[i].text) if written else None
            if capitals:
                spans.append((i, i + 1, capitals))
                i += 1
                continue
            longest = self._longest(tokens[i])
            for size in range(min(longest, len(tokens) - i), 0, -1):
                places = self._span(tokens[i : i + size])
                if places:
                    spans.append((i, i + size, places))
                    i += size
                    break
            else:
                i += 1
        return self._with_their_country(tokens, spans)

    def _with_their_country(
        self, tokens: Sequence[Word], spans: list[tuple[int, int, list[Place]]]
    ) -> list[tuple[int, int, list[Place]]]:
        """The spans, with a member whose name is an everyday word written in lower case
        when the question names its country too ("kazan rusya ogrenen sehir mi")."""
        countries = {p.key for _, _, places in spans for p in places if p.kind is PlaceKind.COUNTRY}
        if not countries:
            return spans
        taken = {i for start, end, _ in spans for i in range(start, end)}
        added = False
        for i, word in enumerate(tokens):
            if i in taken or word.capital:
                continue
            places = self._places.get(word.text) or next(
                (self._places[s] for s in _stems(word.text) if s in self._places), None
            )
            found = [p for p in places or () if p.kind is PlaceKind.MEMBER and self.by_id[p.key].country in countries]
            if found:
                spans.append((i, i + 1, found))
                added = True
        return sorted(spans, key=lambda s: s[0]) if added else spans

    def _longest(self, word: Word) -> int:
        """How many words a name starting with ``word`` can have (0: none starts so;
        remembered per word)."""
        key = (word.text, word.alt)
        known = self._longest_by_word.get(key)
        if known is None:
            if len(self._longest_by_word) >= _REMEMBERED_WORDS:
                self._longest_by_word.clear()
            known = self._longest_by_word[key] = self._longest_of(word)
        return known

    def _longest_of(self, word: Word) -> int:
        first = self._first
        longest = max(first.get(word.text, 0), first.get(word.alt, 0))
        if not longest and not word.text.isdigit():
            longest = (
                1
                if any(s in first for s in _stems(word.text))
                or (word.alt != word.text and any(s in first for s in _stems(word.alt)))
                else 0
            )
        return min(longest, _MAX_NAME_WORDS)

    def _span(self, part: Sequence[Word]) -> list[Place]:
        head = " ".join(w.text for w in part[:-1])
        last = part[-1]
        for form in dict.fromkeys((last.text, last.alt)):
            key = f"{head} {form}" if head else form
            places = self._places.get(key)
            if places is None and not form.isdigit():
                places = next((self._places[s] for s in _stems(key) if s in self._places), None)
            if places:
                if len(part) == 1 and not last.capital and _plain(key, self.data.plain_words):
                    return []
                return places
        return []


def _plain(key: str, plain_words: frozenset[str]) -> bool:
    return key in plain_words or any(s in plain_words for s in _stems(key))


_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _ending in _ENDINGS:
    _ENDINGS_BY_LAST.setdefault(_ending[-1], ())
    _ENDINGS_BY_LAST[_ending[-1]] += (_ending,)


@lru_cache(maxsize=8192)
def _stems(key: str) -> tuple[str, ...]:
    """``key`` without one Turkish ending, when at least three letters stay (remembered:
    each word of a question is looked up several times)."""
    if not key:
        return ()
    return tuple(
        key[: -len(e)] for e in _ENDINGS_BY_LAST.get(key[-1], ()) if key.endswith(e) and len(key) - len(e) >= 3
    )


def _has_member(places: list[Place]) -> bool:
    return any(p.kind is PlaceKind.MEMBER for p in places)


def _order(m: Member) -> tuple[int, int, str]:
    return (m.joined.first, m.joined.last, fold(m.city))


def _from_city(city: City) -> Member:
    """A curated Türkiye entry as a member (its year and URL are the answer's)."""
    return Member(
        id=city.id,
        city=city.name,
        country=TURKIYE,
        region=TURKIYE_REGION,
        joined=Joined(JoinedKind.YEAR, city.joined, city.joined, str(city.joined)),
        source=city.url,
        aliases=city.aliases,
        curated=city.id,
    )
