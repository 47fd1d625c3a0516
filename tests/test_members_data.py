"""The member data (issue 10): content/members.yaml and provinces.yaml, their checks, and
that the curation kept every row of the research table as it was."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from babel import Locale

from bot.content import ContentError, load_content
from bot.members.countries import country_codes, country_name, flag, format_day
from bot.members.load import member_id
from bot.members.model import FIRST_YEAR, Joined, JoinedKind, MemberData
from bot.textnorm import fold
from bot.urls import valid_url

ROOT = Path(__file__).resolve().parent.parent
# The research table next to the repository (shared/ beside the work tree or the CI clone).
TSV_CANDIDATES = [p / "shared" / "research" / "gnlc-members.tsv" for p in (ROOT.parent, ROOT.parent.parent)]
TSV = next((p for p in TSV_CANDIDATES if p.exists()), None)
UNESCO_NAMES = {
    "Republic of Korea": "KR",
    "Viet Nam": "VN",
    "Russian Federation": "RU",
    "Republic of Moldova": "MD",
    "Côte d'Ivoire": "CI",
    "Cabo Verde": "CV",
    "Bosnia and Herzegovina": "BA",
    "Türkiye": "TR",
    "Iran": "IR",
}


@pytest.fixture(scope="module")
def data(content_dir: Path) -> MemberData:
    members = load_content(content_dir).members
    assert members is not None
    return members


def test_babel_gives_the_country_names() -> None:
    assert Locale("tr").territories["DE"] == "Almanya"
    assert country_name("DE", "tr") == "Almanya" and country_name("DE", "en") == "Germany"
    assert country_name("KR", "tr") == "Güney Kore"
    assert "DE" in country_codes() and "EU" not in country_codes() and "001" not in country_codes()
    assert flag("DE") == "🇩🇪"
    assert format_day(__import__("datetime").date(2025, 12, 4), "tr") == "4 Aralık 2025"
    assert format_day(__import__("datetime").date(2025, 12, 4), "en") == "4 December 2025"


def test_every_row_has_a_source_a_valid_country_and_region(data: MemberData) -> None:
    regions = {r.id for r in data.regions}
    assert len(data.members) >= 340
    for m in data.members:
        assert (m.source and valid_url(m.source)) or (m.source is None and m.citation), m.city
        assert m.country in country_codes(), m.city
        assert m.region in regions, m.city
    assert data.network_members == 425 and data.network_countries == 91
    assert str(data.as_of) == "2025-12-04"


def test_no_duplicate_city(data: MemberData) -> None:
    ids = [m.id for m in data.members]
    assert len(ids) == len(set(ids))
    keys = [(fold(m.city), m.country) for m in data.members]
    assert len(keys) == len(set(keys))


def test_a_country_is_in_one_region(data: MemberData) -> None:
    regions: dict[str, set[str]] = {}
    for m in data.members:
        regions.setdefault(m.country, set()).add(m.region)
    assert all(len(r) == 1 for r in regions.values())


def test_ranges_stay_ranges(data: MemberData) -> None:
    kinds = {k: [m for m in data.members if m.joined.kind is k] for k in JoinedKind}
    assert len(kinds[JoinedKind.RANGE]) >= 40 and len(kinds[JoinedKind.BEFORE]) >= 8
    gelsenkirchen = next(m for m in data.members if m.city == "Gelsenkirchen")
    assert (gelsenkirchen.joined.kind, gelsenkirchen.joined.text) == (JoinedKind.RANGE, "2015-2016")
    nairobi = next(m for m in data.members if m.city == "Nairobi")
    assert nairobi.joined.text == "before 2017" and nairobi.joined.last == 2016 and nairobi.unverified


def test_turkiye_rows_point_to_the_curated_entries(content_dir: Path, data: MemberData) -> None:
    content = load_content(content_dir)
    ids = {c.id for c in content.cities}
    rows = [m for m in data.members if m.country == "TR"]
    assert rows and all(m.curated in ids for m in rows)
    assert all(m.curated is None for m in data.members if m.country != "TR")
    assert len(data.provinces) == 81
    provinces = {fold(n) for p in data.provinces for n in (p.name, *p.aliases)}
    assert all(fold(c.name) in provinces for c in content.cities)


@pytest.mark.skipif(TSV is None, reason="the research table (shared/research) is not next to the repository")
def test_every_research_row_is_kept_as_it_was(data: MemberData) -> None:
    """Same city, country, year or range, source and note for every row of the table."""
    assert TSV is not None
    rows = list(csv.DictReader(TSV.open(encoding="utf-8"), delimiter="\t"))
    english = {name: code for code, name in Locale("en").territories.items()} | UNESCO_NAMES
    by_id = {m.id: m for m in data.members}
    assert len(rows) == len(data.members)
    for row in rows:
        m = by_id[member_id(row["city"])]
        assert m.city == row["city"]
        assert m.country == english[row["country"]], row["city"]
        assert m.joined.text == row["joined"], row["city"]  # "2015-2016" and "before 2017" stay as they are
        assert m.note == row["note"], row["city"]
        if valid_url(row["source_url"]):
            assert m.source == row["source_url"], row["city"]
        else:  # a source without a URL is kept as its citation
            assert m.source is None and m.citation and m.citation in row["source_url"], row["city"]


@pytest.mark.parametrize(
    ("value", "kind", "first", "last"),
    [
        (2019, JoinedKind.YEAR, 2019, 2019),
        ("2015-2016", JoinedKind.RANGE, 2015, 2016),
        ("2015 - 2018", JoinedKind.RANGE, 2015, 2018),
        ("before 2017", JoinedKind.BEFORE, FIRST_YEAR, 2016),
    ],
)
def test_joined_parses(value: object, kind: JoinedKind, first: int, last: int) -> None:
    joined = Joined.parse(value, until=2025)
    assert (joined.kind, joined.first, joined.last) == (kind, first, last)
    assert joined.exact == (kind is JoinedKind.YEAR)


@pytest.mark.parametrize("value", ["2016-2016", "2018-2016", "2015-", "around 2016", "2030", "before 2015", True, None])
def test_joined_refuses_what_is_not_a_year_or_a_range(value: object) -> None:
    with pytest.raises(ValueError):
        Joined.parse(value, until=2025)


def _break(content_copy: Path, old: str, new: str) -> None:
    path = content_copy / "members.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(content_copy: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    return [str(p) for p in info.value.problems]


def _line(content_copy: Path, needle: str) -> int:
    """The line of the member item that contains ``needle``."""
    text = (content_copy / "members.yaml").read_text(encoding="utf-8")
    start = text.rindex("- city:", 0, text.index(needle) + len("- city:"))
    return text.count("\n", 0, start) + 1


HAMBURG = "- city: Hamburg\n  country: DE\n  region: europe-north-america\n  joined: 2019\n"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (HAMBURG, HAMBURG.replace("country: DE", "country: XX"), "unknown country code 'XX'"),
        (HAMBURG, HAMBURG.replace("joined: 2019", "joined: 2019-2019"), "is not a range"),
        (HAMBURG, HAMBURG.replace("joined: 2019", "joined: 2019-2016"), "is not a range"),
        (HAMBURG, HAMBURG.replace("joined: 2019", "joined: about 2019"), "joined: joined must be a year"),
        (HAMBURG, HAMBURG.replace("region: europe-north-america", "region: europe"), "unknown region 'europe'"),
        ("- city: Bonn\n", "- city: Hamburg\n", "duplicate city"),
        ("  curated: eskisehir\n", "  curated: kayseri\n", "a Türkiye row must name its cities.yaml id"),
    ],
)
def test_check_reports_file_line_and_entry(content_copy: Path, old: str, new: str, message: str) -> None:
    line = _line(content_copy, old)
    _break(content_copy, old, new)
    problems = _problems(content_copy)
    assert any(p.startswith(f"members.yaml:{line}: entry ") and message in p for p in problems), problems


def test_check_reports_a_missing_source_and_a_bad_url(content_copy: Path) -> None:
    text = (content_copy / "members.yaml").read_text(encoding="utf-8")
    hamburg = text.index("- city: Hamburg\n")
    source = text.index("  source:", hamburg)
    end = text.index("\n", source) + 1
    text = text[:source] + text[end:]
    bonn = text.index("- city: Bonn\n")
    bonn_source = text.index("  source:", bonn)
    bonn_end = text.index("\n", bonn_source) + 1
    text = text[:bonn_source] + "  source: not a url\n" + text[bonn_end:]
    (content_copy / "members.yaml").write_text(text, encoding="utf-8")
    problems = _problems(content_copy)
    assert any("entry 'Hamburg': missing source" in p for p in problems), problems
    assert any("entry 'Bonn': bad source URL 'not a url'" in p for p in problems), problems


def test_check_reports_an_alias_that_is_another_members_name(content_copy: Path) -> None:
    _break(content_copy, "- city: Hamburg\n", "- city: Hamburg\n  aliases: [Bonn]\n")
    assert any("alias 'Bonn' is the name of another member" in p for p in _problems(content_copy))


def test_check_needs_the_provinces(content_copy: Path) -> None:
    path = content_copy / "provinces.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - {province: Kayseri}\n", ""), encoding="utf-8")
    assert any("81 provinces" in p for p in _problems(content_copy))
