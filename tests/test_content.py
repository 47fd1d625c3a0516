"""Content loading and `check`: the shipped content is valid, broken content is
reported precisely (file, line, entry, field)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.content import ContentError, load_content
from bot.services import load_assistant
from bot.textnorm import fold, terms, use_synonyms

SHARED = Path(__file__).resolve().parents[2] / "shared"


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_assistant(directory)
    return [str(p) for p in info.value.problems]


def test_shipped_content_is_valid_and_complete(content_dir: Path) -> None:
    content = load_content(content_dir)
    assert len(content.faq) >= 40
    for entry in content.faq.values():
        assert len(entry.questions["tr"]) >= 5, entry.id
        assert len(entry.questions["en"]) >= 3, entry.id
    # Every Turkish member in the fact sheet has a city entry with its year.
    expected = {
        "eskisehir": 2016,
        "konya": 2017,
        "bolu": 2018,
        "hatay": 2019,
        "izmir": 2020,
        "balikesir": 2020,
        "afyonkarahisar": 2020,
        "bursa": 2022,
        "sakarya": 2022,
        "yozgat": 2022,
        "ankara": 2025,
    }
    assert {c.id: c.joined for c in content.cities} == expected
    assert any(fold(a) == "afyon" for c in content.cities for a in c.aliases)
    assert [c.number for c in content.conferences] == [1, 2, 3, 4, 5, 6]
    # Every entry is reachable from the topic menu.
    in_topics = {e for t in content.topics for e in t.entries}
    assert set(content.faq) <= in_topics


def test_shipped_facts_match_the_fact_sheet(content_dir: Path) -> None:
    content = load_content(content_dir)
    count = content.faq["member-count"].answer
    assert "425" in count["tr"] and "91" in count["tr"]
    assert "425" in count["en"] and "91" in count["en"]
    date_story = content.faq["conference-2-date"].answer["en"]
    assert "September" in date_story and "May" in date_story
    participants = content.faq["conference-2-participants"].answer["en"]
    assert "650" in participants and "95" in participants and "500" in participants
    assert "Hamburg" in content.faq["uil-address"].answer["en"]


@pytest.mark.skipif(not (SHARED / "facts.md").is_file(), reason="shared/ is not beside the repo")
def test_every_url_in_content_comes_from_the_sources(content_dir: Path) -> None:
    sources = (SHARED / "facts.md").read_text(encoding="utf-8")
    sources += "\n".join(p.read_text(encoding="utf-8") for p in (SHARED / "brief").glob("*"))
    # The member cities worldwide come from the research, with a source per row.
    sources += "\n".join(p.read_text(encoding="utf-8") for p in (SHARED / "research").glob("*"))
    known = {u.rstrip(".,;)") for u in re.findall(r"https?://[^\s)|]+", sources)}
    known |= {"https://komek.org.tr", "https://www.komek.org.tr"}  # facts.md names the site komek.org.tr
    for path in content_dir.glob("*.yaml"):
        for url in re.findall(r"https?://[^\s\"'<>)]+", path.read_text(encoding="utf-8")):
            url = url.rstrip(".,;)")  # the punctuation after a link in a note
            assert url.rstrip("/") in {k.rstrip("/") for k in known}, f"{path.name}: {url}"


def _edit_faq(directory: Path, edit) -> None:  # type: ignore[no-untyped-def]
    path = directory / "faq.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _line_of(directory: Path, entry_id: str) -> int:
    for number, line in enumerate((directory / "faq.yaml").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() == f"- id: {entry_id}":
            return number
    raise AssertionError(entry_id)


def test_yaml_syntax_error_names_file_and_line(content_copy: Path) -> None:
    path = content_copy / "faq.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "  broken: [unclosed")
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = problems_of(content_copy)
    assert len(problems) == 1
    assert re.match(r"faq\.yaml:\d+: YAML syntax error", problems[0]), problems


def test_missing_language_names_entry_and_field(content_copy: Path) -> None:
    _edit_faq(content_copy, lambda data: data[2]["answer"].pop("en"))
    entry_id = yaml.safe_load((content_copy / "faq.yaml").read_text(encoding="utf-8"))[2]["id"]
    problems = problems_of(content_copy)
    assert any(f"entry '{entry_id}': answer.en is missing" in p for p in problems), problems
    assert any(
        p.startswith(f"faq.yaml:{_line_of(content_copy, entry_id) + 1}") or p.startswith("faq.yaml:") for p in problems
    )


def test_empty_answer(content_copy: Path) -> None:
    _edit_faq(content_copy, lambda data: data[0]["answer"].update(tr="  "))
    assert any("answer.tr is empty" in p for p in problems_of(content_copy))


def test_missing_answer(content_copy: Path) -> None:
    _edit_faq(content_copy, lambda data: data[1].pop("answer"))
    assert any("answer is missing" in p for p in problems_of(content_copy))


def test_duplicate_id(content_copy: Path) -> None:
    def dup(data: list) -> None:  # type: ignore[type-arg]
        data[1]["id"] = data[0]["id"]

    _edit_faq(content_copy, dup)
    problems = problems_of(content_copy)
    assert any("duplicate id (first at line" in p for p in problems), problems


def test_unknown_related_id(content_copy: Path) -> None:
    _edit_faq(content_copy, lambda data: data[0].update(related=["no-such-entry"]))
    assert any("related id 'no-such-entry' does not exist" in p for p in problems_of(content_copy))


def test_malformed_url(content_copy: Path) -> None:
    _edit_faq(
        content_copy, lambda data: data[0].update(links=[{"label": {"tr": "x", "en": "x"}, "url": "htp:/bad url"}])
    )
    assert any("url is not a valid http(s) URL" in p for p in problems_of(content_copy))


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("<script>alert(1)</script>", "unsupported tag <script>"),
        ("<b>unclosed", "<b> is never closed"),
        ("Fish & chips", "bare '&'"),
        ("1 < 2", "bare '<'"),
        ("x" * 4097, "over 4096"),
        ("{nope}", "unknown placeholder {nope}"),
    ],
)
def test_invalid_answer_html(content_copy: Path, answer: str, message: str) -> None:
    _edit_faq(content_copy, lambda data: data[0]["answer"].update(en=answer))
    problems = problems_of(content_copy)
    assert any(message in p and "answer.en" in p for p in problems), problems


def test_too_few_phrasings(content_copy: Path) -> None:
    _edit_faq(content_copy, lambda data: data[0]["questions"].update(tr=["bir", "iki"]))
    assert any("questions.tr needs at least 5 phrasings (has 2)" in p for p in problems_of(content_copy))


def test_messages_unknown_placeholder_and_missing_key(content_copy: Path) -> None:
    path = content_copy / "messages.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["welcome"]["en"] = "Hello {username}"
    del data["help"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = problems_of(content_copy)
    assert any("messages.yaml" in p and "'welcome'" in p and "username" in p for p in problems), problems
    assert any("messages.yaml" in p and "help is missing" in p for p in problems), problems


def test_city_without_year(content_copy: Path) -> None:
    path = content_copy / "cities.yaml"
    text = path.read_text(encoding="utf-8").replace("joined: 2018", "joined: soon", 1)
    path.write_text(text, encoding="utf-8")
    assert any("cities.yaml" in p and "joined must be a year" in p for p in problems_of(content_copy))


def test_missing_file(content_copy: Path) -> None:
    (content_copy / "links.yaml").unlink()
    assert any(p.startswith("links.yaml: file is missing") for p in problems_of(content_copy))


def test_config_does_not_import_the_content_loader() -> None:
    code = "import sys, bot.config; print(sorted(m for m in sys.modules if m.startswith('bot.content')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_every_bot_package_is_shipped() -> None:
    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    for top in ("bot", "handlers"):
        for init in (root / top).rglob("__init__.py"):
            package = ".".join(init.parent.relative_to(root).parts)
            assert package in listed, f"{package} is missing from [tool.setuptools] packages"


# --------------------------------------------------------------------------- synonyms.yaml


def test_shipped_synonym_groups_load(content_dir: Path) -> None:
    groups = load_content(content_dir).synonyms
    assert len(groups) >= 80
    by_first = {group[0]: group for group in groups}
    assert {"city", "kent", "town"} <= set(by_first["sehir"])
    assert by_first["1"] == ("1", "birinci", "ilk", "first", "1st")
    words = [word for group in groups for word in group]
    assert len(words) == len(set(words))  # a word is in one group only
    assert all(fold(word) == word for word in words)


def test_synonyms_are_the_matchers_vocabulary(content_copy: Path, content_dir: Path) -> None:
    assert load_assistant(content_copy).ask("kombinat nedir?").entry_id != "what-is-komek"
    path = content_copy / "synonyms.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- komek kombinat\n", encoding="utf-8")
    try:
        assistant = load_assistant(content_copy)
        assert terms("kombinat") == ["komek"]
        assert assistant.ask("kombinat nedir?").entry_id == "what-is-komek"
    finally:
        use_synonyms(load_content(content_dir).synonyms)  # the other tests use the shipped vocabulary
    assert terms("kombinat") == ["kombinat"]


def test_bad_synonyms_are_reported_with_file_and_line(content_copy: Path) -> None:
    path = content_copy / "synonyms.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(number for number, line in enumerate(lines, 1) if line.startswith("- sehir "))
    bad = [
        "- 42",  # not text
        '- ""',  # empty
        "- yalniz",  # one word
        "- sehir2 Şehir",  # not folded
        "- e-posta mektup2",  # punctuation
        "- kasaba kent",  # kent is in the sehir group
        "- iki iki",  # listed twice
        "- [a, b]",  # a list, not a line of words
    ]
    path.write_text("\n".join([*lines, *bad]) + "\n", encoding="utf-8")
    start = len(lines) + 1
    problems = problems_of(content_copy)
    expected = [
        f"synonyms.yaml:{start}: group {start - 9} must be a line of words, not int 42",
        f"synonyms.yaml:{start + 1}: group {start - 8} is empty",
        f"synonyms.yaml:{start + 2}: entry 'yalniz': a group needs at least two words",
        f"synonyms.yaml:{start + 3}: entry 'sehir2': word 'Şehir' is not written folded (write 'sehir')",
        f"synonyms.yaml:{start + 4}: entry 'e-posta': word 'e-posta' is not written folded"
        " (one word, without punctuation)",
        f"synonyms.yaml:{start + 5}: entry 'kasaba': word 'kent' is already in the group of 'sehir' (line {first})",
        f"synonyms.yaml:{start + 6}: entry 'iki': word 'iki' is listed twice",
        f"synonyms.yaml:{start + 7}: group {start - 2} must be a line of words, not list ['a', 'b']",
    ]
    assert problems == expected


def test_bad_synonyms_leave_the_vocabulary_alone(content_copy: Path) -> None:
    (content_copy / "synonyms.yaml").write_text("- kasaba\n", encoding="utf-8")
    before = terms("kent")
    assert problems_of(content_copy) == ["synonyms.yaml:1: entry 'kasaba': a group needs at least two words"]
    assert terms("kent") == before


def test_synonyms_file_is_required(content_copy: Path) -> None:
    (content_copy / "synonyms.yaml").unlink()
    assert any(p.startswith("synonyms.yaml: file is missing") for p in problems_of(content_copy))
