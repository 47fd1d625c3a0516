"""One loader per content file: each reads its file through the :class:`Checker`, reports
what is wrong with file, line and entry, and returns the valid part as typed values."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import datetime

from bot import tghtml
from bot.content.checker import Checker
from bot.content.model import City, Conference, FaqEntry, Link, Messages, ScheduledAnnouncement, Topic
from bot.content.schema import (
    ADMIN_COMMANDS,
    ANSWER_PLACEHOLDERS,
    AUDIENCES,
    CHAT_COMMANDS,
    COMMANDS,
    LOCAL_TZ,
    MESSAGE_FIELDS,
    PLACEHOLDER,
    PLAIN_MESSAGE_LIMITS,
)
from bot.content.yamllines import LineDict
from bot.lang import LANGS

__all__ = [
    "load_announcements",
    "load_cities",
    "load_conferences",
    "load_faq",
    "load_links",
    "load_messages",
    "load_topics",
]


def load_faq(c: Checker) -> dict[str, FaqEntry]:
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


def load_cities(c: Checker) -> tuple[tuple[City, ...], str, str, dict[str, tuple[str, ...]]]:
    file = "cities.yaml"
    data = c.read(file, dict) or LineDict()
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
                if "{name}" not in template or set(PLACEHOLDER.findall(template)) != {"name"}:
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


def load_conferences(c: Checker, faq: Mapping[str, FaqEntry]) -> tuple[Conference, ...]:
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
        city, country, dates, theme = (parts[k] for k in ("city", "country", "dates", "theme"))
        if city and country and dates and theme and isinstance(year, int) and entry in faq:
            result.append(
                Conference(number, city, country, dates, year, theme, str(entry), parts["outcome"], parts["note"])
            )
    return tuple(sorted(result, key=lambda conf: conf.number))


def load_links(c: Checker) -> tuple[Link, ...]:
    file = "links.yaml"
    data = c.read(file, list) or []
    return c.links(file, {"links": data}, "links", None)


def load_topics(c: Checker, known: set[str]) -> tuple[Topic, ...]:
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


def load_messages(c: Checker) -> Messages:
    file = "messages.yaml"
    data = c.read(file, dict) or LineDict()
    texts: dict[str, dict[str, str]] = {}
    for key, fields in MESSAGE_FIELDS.items():
        limit = PLAIN_MESSAGE_LIMITS.get(key, tghtml.MAX_MESSAGE)
        value = c.localized(
            file, data, key, key, html=key not in PLAIN_MESSAGE_LIMITS, max_len=limit, placeholders=fields
        )
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
        for name in COMMANDS + CHAT_COMMANDS + ADMIN_COMMANDS:
            value = c.localized(file, raw, name, "commands", max_len=256)
            if value:
                commands[name] = value
    known = set(MESSAGE_FIELDS) | {"commands"}
    for key in set(data) - known:
        c.problem(file, c.line(data), str(key), "unknown message key (a typo?)")
    return Messages(texts, commands)


def load_announcements(c: Checker) -> tuple[ScheduledAnnouncement, ...]:
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
