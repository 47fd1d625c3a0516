"""The content as the bot uses it: frozen dataclasses, and the problems found on loading."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot import tghtml
from bot.members.model import MemberData
from bot.textnorm import fold

__all__ = [
    "City",
    "Conference",
    "Content",
    "ContentError",
    "FaqEntry",
    "Link",
    "Localized",
    "Messages",
    "Problem",
    "ScheduledAnnouncement",
    "Topic",
]

Localized = Mapping[str, str]


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
    synonyms: tuple[tuple[str, ...], ...] = ()  # synonyms.yaml: groups of folded words, canonical first
    members: MemberData | None = None  # members.yaml: the whole network (None only in hand-built content)

    def entry_ids(self) -> set[str]:
        """Ids of every answerable entry: FAQ entries, one per city, and the membership
        answers (each member abroad, each list by country, region and year)."""
        ids = set(self.faq) | set(self.city_by_entry)
        if self.members is not None:
            curated = frozenset(fold(n) for c in self.cities for n in (c.name, *c.aliases))
            ids |= self.members.entry_ids(curated, [c.joined for c in self.cities])
        return ids
