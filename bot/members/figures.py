"""The member data's parts beyond the rows: the check helper every part uses, and the
figures sources state (country totals, members leaving the network)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from bot.content.checker import Checker
from bot.content.yamllines import LineDict, line_of
from bot.lang import LANGS, Lang
from bot.members.countries import country_codes
from bot.members.model import Lapses, Stated
from bot.urls import valid_url

__all__ = ["ID", "MEMBERS_FILE", "Check", "lapses", "stated", "texts"]

MEMBERS_FILE = "members.yaml"
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
_STATED_KEYS = frozenset({"count", "more_than", "as_of", "source", "citation", "note"})
_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


class Check:
    """The content checker, with problems placed at a parsed item's line."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def problem(self, file: str, where: object, entry: str | None, message: str) -> None:
        line = where if isinstance(where, int) or where is None else line_of(where)
        self.checker.problem(file, line, entry, message)

    def read(self, file: str) -> LineDict | None:
        data = self.checker.read(file, dict)
        return data if isinstance(data, LineDict) else None

    def strings(self, file: str, item: LineDict, key: str, entry: str | None) -> tuple[str, ...]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(file, item, entry, f"{key} must be a list of names")
            return ()
        return tuple(v.strip() for v in value)


def texts(c: Check, item: LineDict, key: str, entry: str) -> dict[Lang, str] | None:
    """An optional ``{tr: ..., en: ...}``; None (and a problem) when it is not one."""
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS
    ):
        c.problem(MEMBERS_FILE, item, entry, f"{key} must have tr and en")
        return None
    return {lang: str(value[lang]).strip() for lang in LANGS}


def stated(c: Check, data: LineDict) -> dict[str, Stated]:
    """``stated``: per country, the member total a source states (``count`` or ``more_than``),
    as of a month or year, with its source URL or a citation."""
    f = MEMBERS_FILE
    raw = data.get("stated", {})
    if not isinstance(raw, LineDict):
        c.problem(f, data, None, "stated must map country codes to a source's total")
        return {}
    result: dict[str, Stated] = {}
    for code, item in raw.items():
        entry = f"stated {code}"
        if code not in country_codes():
            c.problem(f, raw, entry, f"unknown country code {code!r}")
            continue
        if not isinstance(item, LineDict):
            c.problem(f, raw, entry, "a stated total is a mapping (count, as_of, source)")
            continue
        for key in set(item) - _STATED_KEYS:
            c.problem(f, item, entry, f"unknown field {key!r}")
        count, more = item.get("count"), item.get("more_than")
        numbers = [n for n in (count, more) if n is not None]
        if len(numbers) != 1 or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in numbers):
            c.problem(f, item, entry, "give either count or more_than, a positive number")
            continue
        when = _MONTH.match(str(item.get("as_of", "")))
        if when is None or not 1 <= int(when.group(2) or 1) <= 12:
            c.problem(f, item, entry, f"as_of must be YYYY or YYYY-MM, not {item.get('as_of')!r}")
            continue
        source, citation = item.get("source"), item.get("citation")
        if source is not None and not valid_url(source):
            c.problem(f, item, entry, f"source must be an http(s) URL, not {source!r}")
            continue
        if source is None and not (isinstance(citation, str) and citation.strip()):
            c.problem(f, item, entry, "a stated total needs its source URL or a citation")
            continue
        result[str(code)] = Stated(
            str(code),
            count,
            more,
            date(int(when.group(1)), int(when.group(2) or 1), 1),
            when.group(2) is not None,
            str(source) if source else None,
            str(citation or "").strip(),
            texts(c, item, "note", entry),
        )
    return result


def lapses(c: Check, data: LineDict) -> Lapses | None:
    """``lapses``: what the sources show of members leaving (facts in tr and en, a citation)."""
    raw = data.get("lapses")
    if raw is None:
        return None
    facts = raw.get("facts") if isinstance(raw, LineDict) else None
    if not isinstance(raw, LineDict) or not isinstance(facts, list) or not facts:
        c.problem(MEMBERS_FILE, data, "lapses", "lapses needs facts (a list of tr/en texts) and a citation")
        return None
    found: list[dict[Lang, str]] = []
    for item in facts:
        text = texts(c, LineDict({"fact": item}), "fact", "lapses") if isinstance(item, LineDict) else None
        if text is None:
            c.problem(MEMBERS_FILE, raw, "lapses", "each fact must have tr and en")
            continue
        found.append(text)
    citation = texts(c, raw, "citation", "lapses")
    if citation is None:
        c.problem(MEMBERS_FILE, raw, "lapses", "lapses needs a citation in tr and en (where the figures come from)")
        return None
    entry = raw.get("entry")
    if entry is not None and not (isinstance(entry, str) and ID.match(entry)):
        c.problem(MEMBERS_FILE, raw, "lapses", f"entry must be an entry id, not {entry!r}")
        entry = None
    return Lapses(tuple(found), citation, entry)
