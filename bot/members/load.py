"""Reading and checking ``members.yaml`` and ``provinces.yaml``.

Every problem names the file, the line and the entry: a missing or bad source URL, an
unknown country code (codes are checked against CLDR through Babel), an unknown region,
a duplicate city, an admission year that is neither a year, a range nor "before YEAR"
(and a "range" that is not one), a Türkiye row without its cities.yaml entry.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from bot.content.checker import Checker
from bot.content.yamllines import LineDict, line_of
from bot.lang import LANGS
from bot.members.countries import country_codes
from bot.members.figures import ID, MEMBERS_FILE, Check, lapses, stated, texts
from bot.members.model import Batch, Joined, Member, MemberData, Province, Region
from bot.textnorm import fold
from bot.urls import valid_url

__all__ = ["MEMBERS_FILE", "PROVINCES_FILE", "load_members", "member_id"]

PROVINCES_FILE = "provinces.yaml"
_MEMBER_KEYS = frozenset(
    {"city", "country", "region", "joined", "source", "citation", "note", "status", "status_note", "aliases", "curated"}
)
_STATUSES = frozenset({"unverified"})
# With these bounds every member's answer fits in one message (the longest is checked at start-up).
_MAX_URL = 1000
_MAX_NOTE = 1500
TURKIYE = "TR"


def member_id(city: str) -> str:
    """The id of a member from its name: ``"Nam-gu (Busan)"`` -> ``"nam-gu-busan"``."""
    return "-".join(fold(city.replace("'", "")).split())[:48]


def load_members(checker: Checker, curated: Collection[str] = ()) -> MemberData | None:
    """Load ``members.yaml`` and ``provinces.yaml`` from the checker's directory, adding
    every problem to it. ``curated``: the ids of cities.yaml, which Türkiye's rows must
    name. None when the files cannot be read at all."""
    c = Check(checker)
    data = c.read(MEMBERS_FILE)
    provinces = _provinces(c)
    if data is None:
        return None
    f = MEMBERS_FILE
    as_of = _day(c, data, "as_of")
    counts = {}
    for key in ("network_members", "network_countries"):
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            c.problem(f, data, None, f"{key} must be a positive number")
            value = 0
        counts[key] = value
    source = data.get("source")
    if not valid_url(source):
        c.problem(f, data, None, f"source must be an http(s) URL, not {source!r}")
    regions = _regions(c, data)
    members = _members(c, data, {r.id for r in regions}, set(curated), until=(as_of or date.today()).year)
    if as_of is None:
        return None
    return MemberData(
        as_of=as_of,
        network_members=counts["network_members"],
        network_countries=counts["network_countries"],
        source=str(source),
        members=members,
        regions=regions,
        batches=_batches(c, data),
        country_aliases=_country_aliases(c, data),
        plain_words=frozenset(fold(w) for w in c.strings(f, data, "plain_words", None)),
        city_aliases=_city_aliases(c, data),
        provinces=provinces,
        stated=stated(c, data),
        lapses=lapses(c, data),
    )


def _day(c: Check, item: LineDict, key: str, entry: str | None = None) -> date | None:
    value = item.get(key)
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        c.problem(MEMBERS_FILE, item, entry, f"{key} must be a date (YYYY-MM-DD), not {value!r}")
        return None


def _regions(c: Check, data: LineDict) -> tuple[Region, ...]:
    raw = data.get("regions")
    if not isinstance(raw, list) or not raw:
        c.problem(MEMBERS_FILE, data, None, "regions must be a non-empty list")
        return ()
    regions = []
    for item in raw:
        rid = item.get("id") if isinstance(item, LineDict) else None
        if not isinstance(rid, str) or not ID.match(rid):
            c.problem(MEMBERS_FILE, item, None, f"region id must be lower-case letters, digits and '-', not {rid!r}")
            continue
        name = item.get("name")
        if not isinstance(name, Mapping) or not all(isinstance(name.get(lang), str) for lang in LANGS):
            c.problem(MEMBERS_FILE, item, rid, "name must have tr and en")
            continue
        regions.append(Region(rid, {lang: name[lang] for lang in LANGS}, c.strings(MEMBERS_FILE, item, "aliases", rid)))
    return tuple(regions)


def _batches(c: Check, data: LineDict) -> tuple[Batch, ...]:
    raw = data.get("batches", [])
    if not isinstance(raw, list):
        c.problem(MEMBERS_FILE, data, None, "batches must be a list")
        return ()
    batches = []
    for item in raw:
        if not isinstance(item, LineDict) or not isinstance(item.get("year"), int):
            c.problem(MEMBERS_FILE, item, None, "a batch needs a year")
            continue
        entry = f"batch {item['year']}"
        day = _day(c, item, "date", entry)
        numbers = [item.get(k) for k in ("announced", "countries")]
        if any(n is not None and (not isinstance(n, int) or n <= 0) for n in numbers):
            c.problem(MEMBERS_FILE, item, entry, "announced and countries must be positive numbers")
            continue
        src = item.get("source")
        if src is not None and not valid_url(src):
            c.problem(MEMBERS_FILE, item, entry, f"source must be an http(s) URL, not {src!r}")
        entry_id = item.get("entry")
        if entry_id is not None and not (isinstance(entry_id, str) and ID.match(entry_id)):
            c.problem(MEMBERS_FILE, item, entry, f"entry must be an entry id, not {entry_id!r}")
            entry_id = None
        firsts = tuple(str(code) for code in item.get("first_countries", []) or [])
        for code in firsts:
            if code not in country_codes():
                c.problem(MEMBERS_FILE, item, entry, f"unknown country code {code!r} in first_countries")
        first_src = item.get("first_countries_source")
        if firsts and not valid_url(first_src):
            c.problem(MEMBERS_FILE, item, entry, "first_countries needs first_countries_source (an http(s) URL)")
        capitals = tuple(str(name) for name in item.get("capitals", []) or [])
        capitals_src = item.get("capitals_source")
        if capitals and not valid_url(capitals_src):
            c.problem(MEMBERS_FILE, item, entry, "capitals needs capitals_source (an http(s) URL)")
        if day is not None:
            batches.append(
                Batch(
                    item["year"],
                    day,
                    numbers[0],
                    numbers[1],
                    src,
                    str(item.get("note", "")),
                    entry_id,
                    firsts,
                    str(first_src) if firsts and valid_url(first_src) else None,
                    capitals,
                    str(capitals_src) if capitals and valid_url(capitals_src) else None,
                )
            )
    return tuple(batches)


def _country_aliases(c: Check, data: LineDict) -> dict[str, tuple[str, ...]]:
    return _names_of(c, data, "countries", "a country's names", known=country_codes())


def _city_aliases(c: Check, data: LineDict) -> dict[str, tuple[str, ...]]:
    return _names_of(c, data, "city_aliases", "a city's other names")


def _names_of(
    c: Check, data: LineDict, key: str, what: str, *, known: Collection[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """``key``'s mapping of a name (a country code among ``known``, a city) to a list of names."""
    raw = data.get(key, {})
    if not isinstance(raw, LineDict):
        c.problem(MEMBERS_FILE, data, None, f"{key} must map each one to {what}")
        return {}
    result = {}
    for name, names in raw.items():
        if known is not None and name not in known:
            c.problem(MEMBERS_FILE, raw, str(name), f"unknown country code {name!r}")
        elif not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            c.problem(MEMBERS_FILE, raw, str(name), f"{what} must be a list")
        else:
            result[str(name)] = tuple(names)
    return result


def _members(c: Check, data: LineDict, regions: set[str], curated: set[str], *, until: int) -> tuple[Member, ...]:
    f = MEMBERS_FILE
    raw = data.get("members")
    if not isinstance(raw, list) or not raw:
        c.problem(f, data, None, "members must be a non-empty list")
        return ()
    members: list[Member] = []
    seen: dict[str, int | None] = {}
    region_of: dict[str, tuple[str, str]] = {}
    for item in raw:
        city = item.get("city") if isinstance(item, LineDict) else None
        if not isinstance(city, str) or not city.strip() or len(city) > 80:
            c.problem(f, item, None, "a member needs a city name (at most 80 characters)")
            continue
        entry = city = city.strip()
        mid = member_id(city)
        ok = True
        if not mid:
            c.problem(f, item, entry, "the city name has no letters")
            continue
        if mid in seen:
            c.problem(f, item, entry, f"duplicate city (also on line {seen[mid]})")
            continue
        seen[mid] = line_of(item)
        for key in set(item) - _MEMBER_KEYS:
            c.problem(f, item, entry, f"unknown field {key!r}")
        country = item.get("country")
        if country not in country_codes():
            c.problem(f, item, entry, f"unknown country code {country!r} (ISO 3166, e.g. DE)")
            ok = False
        region = item.get("region")
        if region not in regions:
            c.problem(f, item, entry, f"unknown region {region!r} (one of: {', '.join(sorted(regions))})")
            ok = False
        elif isinstance(country, str):
            other = region_of.setdefault(country, (region, city))
            if other[0] != region:
                c.problem(f, item, entry, f"{country} is in region {other[0]!r} for {other[1]}, here {region!r}")
        try:
            joined = Joined.parse(item.get("joined"), until=until)
        except ValueError as exc:
            c.problem(f, item, entry, f"joined: {exc}")
            ok = False
        source = item.get("source")
        citation = item.get("citation")
        if citation is not None and (not isinstance(citation, str) or not citation.strip() or source is not None):
            c.problem(f, item, entry, "citation is text, for a source without a URL (then no source)")
            ok = False
        if (source is None or source == "") and citation is None:
            c.problem(f, item, entry, "missing source (every member needs the URL it comes from, or a citation)")
            ok = False
        elif source is not None and (not valid_url(source) or len(source) > _MAX_URL):
            c.problem(f, item, entry, f"bad source URL {source!r} (an http(s) URL of at most {_MAX_URL} characters)")
            ok = False
        note = item.get("note", "")
        if not isinstance(note, str) or len(note) > _MAX_NOTE:
            c.problem(f, item, entry, f"note must be text of at most {_MAX_NOTE} characters")
            ok = False
        status = item.get("status")
        if status is not None and status not in _STATUSES:
            c.problem(f, item, entry, f"status must be one of {sorted(_STATUSES)}, not {status!r}")
        link = item.get("curated")
        if country == TURKIYE and link not in curated:
            c.problem(f, item, entry, f"a Türkiye row must name its cities.yaml id in curated, not {link!r}")
            ok = False
        elif country != TURKIYE and link is not None:
            c.problem(f, item, entry, "only Türkiye's rows are curated in cities.yaml")
            ok = False
        aliases = c.strings(f, item, "aliases", entry)
        status_note = texts(c, item, "status_note", entry)
        if ok:
            members.append(
                Member(
                    mid,
                    city,
                    str(country),
                    str(region),
                    joined,
                    str(source) if source else None,
                    note.strip(),
                    status == "unverified",
                    aliases,
                    str(link) if link else None,
                    line_of(item),
                    str(citation or "").strip(),
                    status_note,
                )
            )
    _check_aliases(c, members)
    return tuple(members)


def _check_aliases(c: Check, members: list[Member]) -> None:
    """An alias may be shared ("Nam-gu" is in Busan and in Ulsan) but may not be another member's name."""
    names = {fold(m.city): m for m in members}
    for m in members:
        for alias in m.aliases:
            other = names.get(fold(alias))
            if other is not None and other is not m:
                c.problem(MEMBERS_FILE, m.line, m.city, f"alias {alias!r} is the name of another member ({other.city})")


def _provinces(c: Check) -> tuple[Province, ...]:
    f = PROVINCES_FILE
    data = c.read(f)
    if data is None:
        return ()
    raw = data.get("provinces")
    if not isinstance(raw, list):
        c.problem(f, data, None, "provinces must be a list")
        return ()
    result: list[Province] = []
    seen: set[str] = set()
    for item in raw:
        name = item.get("province") if isinstance(item, LineDict) else None
        if not isinstance(name, str) or not name.strip():
            c.problem(f, item, None, "a province needs a name")
            continue
        if fold(name) in seen:
            c.problem(f, item, name, "duplicate province")
            continue
        seen.add(fold(name))
        result.append(Province(name.strip(), c.strings(f, item, "aliases", name)))
    if len(result) != 81:
        c.problem(f, data, None, f"Türkiye has 81 provinces, the file lists {len(result)}")
    return tuple(result)
