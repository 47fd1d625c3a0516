"""Loading and checking the curated YAML content.

Every file is parsed with a safe loader that remembers line numbers, so a problem is
reported as ``faq.yaml:42: entry 'key-features': answer.en is missing``. Loading either
returns a complete, valid :class:`Content` or raises :class:`ContentError` listing every
problem found; the bot never runs on half-valid content.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import yaml

from bot import tghtml
from bot.lang import LANGS

__all__ = [
    "ADMIN_COMMANDS",
    "ANSWER_PLACEHOLDERS",
    "AUDIENCES",
    "CHAT_COMMANDS",
    "COMMANDS",
    "LANGS",
    "LOCAL_TZ",
    "MESSAGE_FIELDS",
    "City",
    "Conference",
    "Content",
    "ContentError",
    "FaqEntry",
    "Link",
    "Messages",
    "Problem",
    "ScheduledAnnouncement",
    "Topic",
    "load_content",
    "valid_url",
]

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
# Placeholders an answer may contain; the assistant replaces them with rendered lists.
ANSWER_PLACEHOLDERS = frozenset({"cities", "conferences", "links"})
_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")

# Every message key the code uses, with the placeholders its template may use.
MESSAGE_FIELDS: dict[str, frozenset[str]] = {
    key: frozenset(fields.split())
    for key, fields in {
        "language_name": "",
        "welcome": "name",
        "help": "",
        "about": "",
        "fallback": "",
        "did_you_mean": "",
        "empty_question": "",
        "menu_prompt": "",
        "topic_header": "title",
        "cities_header": "count as_of",
        "cities_year_header": "year count",
        "cities_year_none": "year",
        "cities_usage": "",
        "city_line": "name url joined",
        "city_answer": "name country joined url",
        "city_usage": "",
        "city_not_found": "query url",
        "conferences_header": "count",
        "conference_line": "number city country dates theme",
        "conference_outcome": "outcome",
        "links_header": "",
        "link_line": "label url description",
        "lang_usage": "",
        "lang_set": "language",
        "source_label": "",
        "unknown_command": "",
        "button_topics": "",
        "inline_fallback_title": "",
        "inline_fallback_text": "",
        "error": "",
        "subscribe_done": "",
        "subscribe_already": "",
        "unsubscribe_done": "",
        "unsubscribe_not": "",
        "subscribe_group_admins": "",
        "group_welcome": "",
        "forget_confirm": "",
        "forget_done": "",
        "forget_cancelled": "",
        "button_forget": "",
        "button_cancel": "",
        "button_helpful": "",
        "button_not_helpful": "",
        "feedback_thanks": "",
        "admin_only": "",
        "flood_notice": "",
        "announce_usage": "",
        "announce_invalid": "problems",
        "announce_preview": "count",
        "button_announce_send": "",
        "announce_cancelled": "",
        "announce_stale": "",
        "announce_progress": "sent total failed",
        "announce_done": "sent total failed",
        "announcements_header": "",
        "announcement_line": "id date status sent total failed preview",
        "announcements_none": "",
        "stats": "users groups subscribers questions_7d questions_30d match_rate up down",
        "stats_top_header": "",
        "stats_unanswered_header": "",
        "count_line": "count text",
        "list_empty": "",
        "unanswered_header": "count",
        "unanswered_usage": "",
        "questions_not_stored": "",
        "reload_ok": "entries cities",
        "reload_failed": "count problems",
    }.items()
}
# Who a scheduled announcement goes to (``to`` in announcements.yaml).
AUDIENCES: tuple[str, ...] = ("all", "subscribers", "announce")
LOCAL_TZ = ZoneInfo("Europe/Istanbul")  # for announcement times written without an offset
# Commands the assistant answers, then the ones that act on the chat; all are in the menu.
COMMANDS: tuple[str, ...] = ("start", "help", "cities", "city", "about", "conferences", "links", "faq", "lang")
CHAT_COMMANDS: tuple[str, ...] = ("subscribe", "unsubscribe", "forgetme")
# Operators' commands (BOT_ADMIN_IDS only); not shown in the public menu.
ADMIN_COMMANDS: tuple[str, ...] = ("announce", "announcements", "stats", "unanswered", "reload")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, with where it is."""

    file: str
    line: int | None
    entry: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"entry '{self.entry}': " if self.entry else ""
        return f"{where}: {what}{self.message}"


class ContentError(Exception):
    """The content is invalid; ``problems`` says exactly where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


Localized = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Link:
    label: Localized
    url: str
    description: Localized | None = None


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    title: Localized
    questions: Mapping[str, tuple[str, ...]]
    answer: Localized
    keywords: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True, slots=True)
class City:
    id: str
    name: str
    country: Localized
    joined: int
    url: str
    aliases: tuple[str, ...] = ()
    note: Localized | None = None

    @property
    def entry_id(self) -> str:
        return f"city-{self.id}"


@dataclass(frozen=True, slots=True)
class Conference:
    number: int
    city: Localized
    country: Localized
    dates: Localized
    year: int
    theme: Localized
    entry: str
    outcome: Localized | None = None
    note: Localized | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: Localized
    entries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScheduledAnnouncement:
    """An announcement from announcements.yaml, posted once when due."""

    id: str
    at: datetime  # aware
    text: Localized
    to: str = "all"


@dataclass(frozen=True, slots=True)
class Messages:
    """User-facing copy per language; dynamic values are escaped when rendered."""

    texts: Mapping[str, Localized]
    commands: Mapping[str, Localized]

    def render(self, key: str, lang: str, /, **values: object) -> tghtml.Html:
        template = self.texts[key][lang]
        escaped = {name: tghtml.escape(value) for name, value in values.items()}
        return tghtml.Html(template.format_map(escaped))


@dataclass(frozen=True, slots=True)
class Content:
    directory: Path
    faq: Mapping[str, FaqEntry]
    cities: tuple[City, ...]
    cities_as_of: str
    cities_source: str
    city_questions: Mapping[str, tuple[str, ...]]
    conferences: tuple[Conference, ...]
    links: tuple[Link, ...]
    topics: tuple[Topic, ...]
    messages: Messages
    city_by_entry: Mapping[str, City] = field(default_factory=dict)
    announcements: tuple[ScheduledAnnouncement, ...] = ()

    def entry_ids(self) -> set[str]:
        """Ids of every answerable entry: FAQ entries and one per city."""
        return set(self.faq) | set(self.city_by_entry)


# --------------------------------------------------------------------------- loading


class _LineDict(dict[str, Any]):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings remember the line they start on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings ("as of" values are shown, not computed with).
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_str)


def valid_url(url: object) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    if not isinstance(url, str) or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and "." in parts.netloc


class _Checker:
    """Collects problems while turning raw YAML into typed objects."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.unreadable: set[str] = set()  # files whose problems would only echo into references

    # -- helpers
    def problem(self, file: str, line: int | None, entry: str | None, message: str) -> None:
        self.problems.append(Problem(file, line, entry, message))

    def read(self, name: str, expect: type) -> Any:
        data = self._read(name, expect)
        if data is None:
            self.unreadable.add(name)
        return data

    def _read(self, name: str, expect: type) -> Any:
        path = self.directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problem(name, None, None, f"file is missing (looked in {self.directory})")
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, None, None, f"cannot be read: {exc}")
            return None
        try:
            data = yaml.load(text, Loader=_LineLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark is not None else None
            reason = getattr(exc, "problem", None) or str(exc)
            column = f"column {mark.column + 1}: " if mark is not None else ""
            self.problem(name, line, None, f"YAML syntax error: {column}{reason}")
            return None
        if not isinstance(data, expect):
            kind = "a list" if expect is list else "a mapping"
            self.problem(name, None, None, f"must contain {kind} at the top level")
            return None
        return data

    @staticmethod
    def line(item: Any, default: int | None = None) -> int | None:
        return getattr(item, "line", default)

    def text(
        self,
        file: str,
        item: Mapping[str, Any],
        key: str,
        entry: str | None,
        *,
        html: bool = False,
        required: bool = True,
        max_len: int | None = None,
    ) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, self.line(item), entry, f"{key} is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(file, self.line(item), entry, f"{key} must be non-empty text")
            return None
        self.check_text(file, self.line(item), entry, key, value, html=html, max_len=max_len)
        return value.strip()

    def check_text(
        self,
        file: str,
        line: int | None,
        entry: str | None,
        where: str,
        value: str,
        *,
        html: bool,
        max_len: int | None,
        placeholders: frozenset[str] = frozenset(),
    ) -> None:
        if max_len is not None and tghtml.utf16_len(value) > max_len:
            self.problem(file, line, entry, f"{where} is {tghtml.utf16_len(value)} characters long, over {max_len}")
        if html:
            # Known placeholders stand for a value the bot fills in; "x" is enough to check the HTML around them.
            body = _PLACEHOLDER.sub(lambda m: m.group(0) if m.group(1) not in placeholders else "x", value)
            for name in _PLACEHOLDER.findall(body):
                self.problem(file, line, entry, f"{where} has an unknown placeholder {{{name}}}")
            for issue in tghtml.validate(_PLACEHOLDER.sub("x", body)):
                self.problem(file, line, entry, f"{where} is not valid Telegram HTML: {issue}")

    def localized(
        self,
        file: str,
        item: Mapping[str, Any],
        key: str,
        entry: str | None,
        *,
        html: bool = False,
        required: bool = True,
        max_len: int | None = None,
        placeholders: frozenset[str] = frozenset(),
    ) -> dict[str, str] | None:
        value = item.get(key)
        line = self.line(item)
        if value is None:
            if required:
                self.problem(file, line, entry, f"{key} is missing")
            return None
        if isinstance(value, str) and not html:
            # A name that is the same in every language may be written once.
            value = {lang: value for lang in LANGS}
        if not isinstance(value, Mapping):
            self.problem(file, line, entry, f"{key} must be a mapping with {', '.join(LANGS)}")
            return None
        line = self.line(value, line)
        result: dict[str, str] = {}
        for lang in LANGS:
            text = value.get(lang)
            if text is None:
                self.problem(file, line, entry, f"{key}.{lang} is missing")
            elif not isinstance(text, str) or not text.strip():
                self.problem(file, line, entry, f"{key}.{lang} is empty")
            else:
                self.check_text(
                    file, line, entry, f"{key}.{lang}", text, html=html, max_len=max_len, placeholders=placeholders
                )
                result[lang] = text.strip()
        for extra in set(value) - set(LANGS):
            self.problem(file, line, entry, f"{key} has an unknown language {extra!r} (use {', '.join(LANGS)})")
        return result if len(result) == len(LANGS) else None

    def url(self, file: str, item: Mapping[str, Any], key: str, entry: str | None, *, required: bool) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, self.line(item), entry, f"{key} is missing")
            return None
        if not valid_url(value):
            self.problem(file, self.line(item), entry, f"{key} is not a valid http(s) URL: {value!r}")
            return None
        return str(value)

    def strings(self, file: str, item: Mapping[str, Any], key: str, entry: str | None) -> tuple[str, ...]:
        value = item.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(file, self.line(item), entry, f"{key} must be a list of non-empty texts")
            return ()
        return tuple(v.strip() for v in value)

    def ident(self, file: str, item: Mapping[str, Any], seen: dict[str, int | None]) -> str | None:
        value = item.get("id")
        line = self.line(item)
        if value is None:
            self.problem(file, line, None, "id is missing")
            return None
        value = str(value)
        if not ID_PATTERN.match(value):
            self.problem(file, line, value, "id must be lower-case letters, digits and '-', at most 40")
            return None
        if value in seen:
            self.problem(file, line, value, f"duplicate id (first at line {seen[value]})")
            return None
        seen[value] = line
        return value

    def links(self, file: str, item: Mapping[str, Any], key: str, entry: str | None) -> tuple[Link, ...]:
        raw = item.get(key, [])
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(file, self.line(item), entry, f"{key} must be a list")
            return ()
        result = []
        for index, link in enumerate(raw):
            if not isinstance(link, Mapping):
                self.problem(file, self.line(item), entry, f"{key}[{index}] must be a mapping with label and url")
                continue
            label = self.localized(file, link, "label", entry, max_len=60)
            url = self.url(file, link, "url", entry, required=True)
            description = self.localized(file, link, "description", entry, required=False, max_len=300)
            if label and url:
                result.append(Link(label, url, description))
        return tuple(result)

    def items(self, file: str, data: list[Any]) -> Iterable[Mapping[str, Any]]:
        for index, item in enumerate(data):
            if isinstance(item, Mapping):
                yield item
            else:
                self.problem(file, None, None, f"item {index + 1} must be a mapping, not {type(item).__name__}")


def _load_faq(c: _Checker) -> dict[str, FaqEntry]:
    file = "faq.yaml"
    data = c.read(file, list) or []
    seen: dict[str, int | None] = {}
    entries: dict[str, FaqEntry] = {}
    related_refs: list[tuple[str, int | None, str]] = []
    for item in c.items(file, data):
        entry_id = c.ident(file, item, seen)
        if entry_id is None:
            continue
        if entry_id.startswith("city-"):
            c.problem(file, c.line(item), entry_id, "ids starting with 'city-' are reserved for cities.yaml")
        title = c.localized(file, item, "title", entry_id, max_len=60)
        answer = c.localized(
            file, item, "answer", entry_id, html=True, max_len=tghtml.MAX_MESSAGE, placeholders=ANSWER_PLACEHOLDERS
        )
        questions: dict[str, tuple[str, ...]] = {}
        raw_q = item.get("questions")
        if not isinstance(raw_q, Mapping):
            c.problem(file, c.line(item), entry_id, "questions must be a mapping with tr and en lists")
        else:
            for lang, minimum in (("tr", 5), ("en", 3)):
                got = c.strings(file, raw_q, lang, entry_id) if lang in raw_q else ()
                if len(got) < minimum:
                    c.problem(
                        file,
                        c.line(raw_q, c.line(item)),
                        entry_id,
                        f"questions.{lang} needs at least {minimum} phrasings (has {len(got)})",
                    )
                questions[lang] = got
        related = c.strings(file, item, "related", entry_id)
        related_refs.extend((entry_id, c.line(item), r) for r in related)
        entry = FaqEntry(
            id=entry_id,
            title=title or {},
            questions=questions,
            answer=answer or {},
            keywords=c.strings(file, item, "keywords", entry_id),
            links=c.links(file, item, "links", entry_id),
            related=related,
            tags=c.strings(file, item, "tags", entry_id),
            source=c.url(file, item, "source", entry_id, required=False),
        )
        entries[entry_id] = entry
    for entry_id, line, ref in related_refs:
        if ref == entry_id:
            c.problem(file, line, entry_id, "related lists the entry itself")
        elif ref not in entries and not ref.startswith("city-"):
            c.problem(file, line, entry_id, f"related id {ref!r} does not exist")
    return entries


def _load_cities(c: _Checker) -> tuple[tuple[City, ...], str, str, dict[str, tuple[str, ...]]]:
    file = "cities.yaml"
    data = c.read(file, dict) or _LineDict()
    as_of = c.text(file, data, "as_of", None) or ""
    source = c.url(file, data, "source", None, required=True) or ""
    questions: dict[str, tuple[str, ...]] = {}
    raw_q = data.get("questions")
    if not isinstance(raw_q, Mapping):
        c.problem(file, c.line(data), None, "questions must map tr and en to question templates with {name}")
    else:
        for lang in LANGS:
            templates = c.strings(file, raw_q, lang, None) if lang in raw_q else ()
            if len(templates) < 3:
                c.problem(file, c.line(raw_q), None, f"questions.{lang} needs at least 3 templates")
            for template in templates:
                if "{name}" not in template or set(_PLACEHOLDER.findall(template)) != {"name"}:
                    c.problem(file, c.line(raw_q), None, f"question template {template!r} must use only {{name}}")
            questions[lang] = templates
    raw = data.get("cities")
    if not isinstance(raw, list) or not raw:
        c.problem(file, c.line(data), None, "cities must be a non-empty list")
        raw = []
    seen: dict[str, int | None] = {}
    cities = []
    for item in c.items(file, raw):
        city_id = c.ident(file, item, seen)
        if city_id is None:
            continue
        name = c.text(file, item, "name", city_id, max_len=60)
        country = c.localized(file, item, "country", city_id, max_len=60)
        joined = item.get("joined")
        if not isinstance(joined, int) or not 1990 <= joined <= 2100:
            c.problem(file, c.line(item), city_id, f"joined must be a year, not {joined!r}")
            joined = None
        url = c.url(file, item, "url", city_id, required=True)
        note = c.localized(file, item, "note", city_id, html=True, required=False, max_len=1000)
        if name and country and joined and url:
            cities.append(City(city_id, name, country, joined, url, c.strings(file, item, "aliases", city_id), note))
    return tuple(cities), as_of, source, questions


def _load_conferences(c: _Checker, faq: Mapping[str, FaqEntry]) -> tuple[Conference, ...]:
    file = "conferences.yaml"
    data = c.read(file, list) or []
    result = []
    numbers: set[int] = set()
    for item in c.items(file, data):
        number = item.get("number")
        label = f"conference {number}"
        if not isinstance(number, int) or number in numbers:
            c.problem(file, c.line(item), label, "number must be a unique whole number")
            continue
        numbers.add(number)
        year = item.get("year")
        if not isinstance(year, int):
            c.problem(file, c.line(item), label, f"year must be a year, not {year!r}")
        entry = item.get("entry")
        if entry not in faq and "faq.yaml" not in c.unreadable:
            c.problem(file, c.line(item), label, f"entry {entry!r} is not an id in faq.yaml")
        parts = {
            key: c.localized(
                file,
                item,
                key,
                label,
                html=key in ("note", "outcome"),
                required=key not in ("note", "outcome"),
                max_len=500,
            )
            for key in ("city", "country", "dates", "theme", "outcome", "note")
        }
        if all(parts[k] for k in ("city", "country", "dates", "theme")) and isinstance(year, int) and entry in faq:
            result.append(
                Conference(
                    number,
                    parts["city"],
                    parts["country"],
                    parts["dates"],
                    year,  # type: ignore[arg-type]
                    parts["theme"],
                    str(entry),
                    parts["outcome"],
                    parts["note"],
                )
            )  # type: ignore[arg-type]
    return tuple(sorted(result, key=lambda conf: conf.number))


def _load_links(c: _Checker) -> tuple[Link, ...]:
    file = "links.yaml"
    data = c.read(file, list) or []
    return c.links(file, {"links": data}, "links", None)


def _load_topics(c: _Checker, known: set[str]) -> tuple[Topic, ...]:
    file = "topics.yaml"
    data = c.read(file, list) or []
    seen: dict[str, int | None] = {}
    topics = []
    for item in c.items(file, data):
        topic_id = c.ident(file, item, seen)
        if topic_id is None:
            continue
        title = c.localized(file, item, "title", topic_id, max_len=40)
        entries = c.strings(file, item, "entries", topic_id)
        for ref in entries:
            if ref not in known and not {"faq.yaml", "cities.yaml"} & c.unreadable:
                c.problem(file, c.line(item), topic_id, f"entry {ref!r} does not exist")
        if not entries:
            c.problem(file, c.line(item), topic_id, "entries must list at least one entry id")
        if title and entries:
            topics.append(Topic(topic_id, title, entries))
    return tuple(topics)


def _load_messages(c: _Checker) -> Messages:
    file = "messages.yaml"
    data = c.read(file, dict) or _LineDict()
    texts: dict[str, dict[str, str]] = {}
    for key, fields in MESSAGE_FIELDS.items():
        value = c.localized(file, data, key, key, html=True, max_len=tghtml.MAX_MESSAGE, placeholders=fields)
        if value is None:
            continue
        try:
            for template in value.values():
                template.format_map({name: "x" for name in fields})
        except (ValueError, IndexError, KeyError) as exc:
            c.problem(
                file,
                c.line(data.get(key), c.line(data)),
                key,
                f"is not a valid template: {exc!r} "
                f"(allowed placeholders: {', '.join(sorted(fields)) or 'none'}; write braces as {{{{ }}}})",
            )
            continue
        texts[key] = value
    commands: dict[str, dict[str, str]] = {}
    raw = data.get("commands")
    if not isinstance(raw, Mapping):
        c.problem(file, c.line(data), "commands", "commands must map each command to tr/en descriptions")
    else:
        for name in COMMANDS + CHAT_COMMANDS:
            value = c.localized(file, raw, name, "commands", max_len=256)
            if value:
                commands[name] = value
    known = set(MESSAGE_FIELDS) | {"commands"}
    for key in set(data) - known:
        c.problem(file, c.line(data), str(key), "unknown message key (a typo?)")
    return Messages(texts, commands)


def _load_announcements(c: _Checker) -> tuple[ScheduledAnnouncement, ...]:
    file = "announcements.yaml"
    if not (c.directory / file).exists():
        return ()  # optional: no scheduled announcements
    data = c.read(file, list)
    if data is None:
        return ()
    seen: dict[str, int | None] = {}
    result = []
    for item in c.items(file, data):
        announcement_id = c.ident(file, item, seen)
        if announcement_id is None:
            continue
        raw_at = item.get("at")
        at: datetime | None = None
        with contextlib.suppress(ValueError):
            at = datetime.fromisoformat(str(raw_at).strip()) if raw_at is not None else None
        if at is None:
            c.problem(
                file,
                c.line(item),
                announcement_id,
                f"at must be an ISO 8601 time such as 2026-12-01T10:00 or 2026-12-01T10:00+03:00, not {raw_at!r}",
            )
        elif at.tzinfo is None:
            at = at.replace(tzinfo=LOCAL_TZ)
        text = c.localized(file, item, "text", announcement_id, html=True, max_len=tghtml.MAX_MESSAGE)
        to = item.get("to", "all")
        if to not in AUDIENCES:
            c.problem(file, c.line(item), announcement_id, f"to must be one of {', '.join(AUDIENCES)}, not {to!r}")
        if at is not None and text and to in AUDIENCES:
            result.append(ScheduledAnnouncement(announcement_id, at, text, to))
    return tuple(result)


def load_content(directory: str | Path, *, extra_check: Callable[[Content], list[Problem]] | None = None) -> Content:
    """Load and validate every content file in ``directory``.

    ``extra_check`` runs on the assembled content (the assistant uses it to render
    every reply once) and may add problems. Raises :class:`ContentError`.
    """
    directory = Path(directory)
    c = _Checker(directory)
    if not directory.is_dir():
        raise ContentError([Problem(str(directory), None, None, "content directory does not exist")])
    faq = _load_faq(c)
    cities, as_of, source, city_questions = _load_cities(c)
    city_by_entry = {city.entry_id: city for city in cities}
    for entry in faq.values():
        for ref in entry.related:
            if ref.startswith("city-") and ref not in city_by_entry:
                c.problem("faq.yaml", None, entry.id, f"related id {ref!r} is not a city in cities.yaml")
    conferences = _load_conferences(c, faq)
    links = _load_links(c)
    topics = _load_topics(c, set(faq) | set(city_by_entry))
    messages = _load_messages(c)
    announcements = _load_announcements(c)
    if c.problems:
        raise ContentError(c.problems)
    content = Content(
        directory,
        faq,
        cities,
        as_of,
        source,
        city_questions,
        conferences,
        links,
        topics,
        messages,
        city_by_entry,
        announcements,
    )
    if extra_check is not None:
        problems = extra_check(content)
        if problems:
            raise ContentError(problems)
    return content
