"""The answers about members: one city, a Turkish province that is not a member, a name
not in the list, and lists by country, region and year, paged so that nothing is cut.

Every figure is labelled for what it is: the list is incomplete outside Türkiye (``N of
425 members, as of DATE``), a range stays a range, a note is shown as the research note
it is, and every city carries its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot import tghtml
from bot.lang import Lang
from bot.members.countries import country_name, flag, format_day, format_month
from bot.members.directory import TURKIYE, Directory
from bot.members.model import JoinedKind, Member, Province, Stated
from bot.tghtml import Html, escape, escape_attr

__all__ = ["PAGE_BUDGET", "ListFilter", "MemberReplies"]

PAGE_BUDGET = 3400  # characters of lines per page, well within Telegram's 4096 with the header
MAX_PAGE_LINES = 30
_KEY = re.compile(r"^(?:[cry]=[A-Za-z0-9-]{1,40})(?:,[cry]=[A-Za-z0-9-]{1,40}){0,2}$")

Msg = Callable[..., Html]


@dataclass(frozen=True, slots=True)
class ListFilter:
    """Which members a list shows: a country, a region and/or a year."""

    country: str | None = None
    region: str | None = None
    year: int | None = None

    @property
    def key(self) -> str:
        """For callback data: ``"c=DE,y=2024"``."""
        parts = [f"c={self.country}" if self.country else "", f"r={self.region}" if self.region else ""]
        parts.append(f"y={self.year}" if self.year else "")
        return ",".join(p for p in parts if p)

    @classmethod
    def parse(cls, key: str) -> ListFilter | None:
        if not _KEY.match(key):
            return None
        values = dict(part.split("=", 1) for part in key.split(","))
        year = values.get("y")
        if year is not None and not year.isdigit():
            return None
        return cls(values.get("c"), values.get("r"), int(year) if year else None)


class MemberReplies:
    """Renders answers from one :class:`Directory` with the messages of the content."""

    def __init__(self, directory: Directory, msg: Msg) -> None:
        self.directory = directory
        self.msg = msg
        self._pages: dict[tuple[ListFilter, Lang], list[str]] = {}  # the content does not change

    # ------------------------------------------------------------------ pieces
    def joined(self, m: Member, lang: Lang) -> Html:
        j = m.joined
        if j.kind is JoinedKind.YEAR:
            return self.msg("member_joined_year", lang, year=j.first)
        if j.kind is JoinedKind.RANGE:
            return self.msg("member_joined_range", lang, first=j.first, last=j.last)
        return self.msg("member_joined_before", lang, year=j.last + 1)

    def source(self, m: Member, lang: Lang) -> Html:
        return self.link(m.source, m.citation)

    def link(self, url: str | None, citation: str = "") -> Html:
        """A source as a link named by its host, or the citation when it has no URL."""
        if url:
            host = urlsplit(url).netloc.removeprefix("www.")
            return Html(f'<a href="{escape_attr(url)}">{escape(host)}</a>')
        return escape(citation)

    def when(self, stated: Stated, lang: Lang) -> str:
        return format_month(stated.as_of, lang) if stated.month else str(stated.as_of.year)

    def figure(self, stated: Stated, lang: Lang) -> Html:
        """ "59 members", or "more than 10 members" as the source words it."""
        if stated.count is not None:
            return self.msg("members_stated_count", lang, count=stated.count)
        return self.msg("members_stated_more", lang, count=stated.more_than)

    def stated_line(self, country: str, lang: Lang) -> Html | None:
        """ "The total a source states: 59 members (December 2025; ...; source)", or None."""
        stated = self.directory.data.stated.get(country)
        if stated is None:
            return None
        return self.msg(
            "members_stated",
            lang,
            figure=self.figure(stated, lang),
            when=self.when(stated, lang),
            note=(stated.note or {}).get(lang, ""),
            source=self.link(stated.source, stated.citation),
        )

    def first_time(self, country: str, lang: Lang) -> Html | None:
        """A country named among a round's first-time countries (for a list with none of it)."""
        for batch in reversed(self.directory.data.batches):
            if country in batch.first_countries:
                return self.msg(
                    "members_first_time",
                    lang,
                    flag=flag(country),
                    country=country_name(country, lang),
                    date=format_day(batch.date, lang),
                    source=self.link(batch.first_countries_source),
                )
        return None

    def country(self, code: str, lang: Lang) -> str:
        return country_name(code, lang)

    def _as_of(self, lang: Lang) -> str:
        return format_day(self.directory.data.as_of, lang)

    # ------------------------------------------------------------------ answers
    def answer(self, members: Sequence[Member], lang: Lang) -> str:
        """ "Yes, since YEAR (or the range), with its source; its note when it has one"
        for each member named (two for an ambiguous name)."""
        parts = []
        for m in members:
            text: str = self.msg(
                "member_answer",
                lang,
                name=m.city,
                flag=flag(m.country),
                country=self.country(m.country, lang),
                joined=self.joined(m, lang),
                region=self.directory.regions[m.region].name[lang] if m.region in self.directory.regions else "",
            )
            text += "\n" + self.msg("member_source", lang, source=self.source(m, lang))
            if m.unverified:
                text += "\n" + self.msg("member_unverified", lang)
            if m.status_note:
                text += "\n" + self.msg("member_status", lang, note=m.status_note[lang])
            if m.note:
                text += "\n" + self.msg("member_note", lang, note=m.note)
            parts.append(text)
        return "\n\n".join(parts)

    def province_no(self, province: Province, lang: Lang, cities: str) -> str:
        """A Turkish province that is not a member: a clear no, with Türkiye's members."""
        return self.msg(
            "member_turkiye_no",
            lang,
            name=province.name,
            as_of=self._as_of(lang),
            count=len(self.directory.turkiye()),
            cities=Html(cities),
        )

    def coverage(self, lang: Lang) -> str:
        """How much of the network the list holds, and where the whole list is."""
        d = self.directory
        return self.msg(
            "members_coverage",
            lang,
            count=d.count,
            total=d.data.network_members,
            as_of=self._as_of(lang),
            url=escape_attr(d.data.source),
        )

    def not_listed(self, name: str, lang: Lang) -> str:
        """A name that is not in the list, outside Türkiye: never a flat no."""
        head = self.msg("member_not_listed", lang, query=tghtml.isolate(tghtml.truncate_text(name, 60)))
        return f"{head} {self.coverage(lang)}"

    # ------------------------------------------------------------------ lists
    def chosen(self, f: ListFilter) -> tuple[list[Member], list[Member]]:
        """The members a filter selects, and (for a year) those whose range includes it."""
        d = self.directory
        if f.year is not None:
            exact, maybe = d.joined_in(f.year)
        else:
            exact, maybe = list(d.members), []

        def keep(m: Member) -> bool:
            return (f.country is None or m.country == f.country) and (f.region is None or m.region == f.region)

        return [m for m in exact if keep(m)], [m for m in maybe if keep(m)]

    def line(self, m: Member, lang: Lang, *, with_country: bool) -> Html:
        """ "• Hamburg (🇩🇪 Almanya) – 2019" (⚠️ when unverified), the name linked to its source."""
        return self._line(m, lang, with_country=with_country)

    def _line(self, m: Member, lang: Lang, *, with_country: bool) -> Html:
        name = Html(f'<a href="{escape_attr(m.source)}">{escape(m.city)}</a>') if m.source else escape(m.city)
        key = "member_line" if with_country else "member_line_short"
        values: dict[str, object] = {"name": name, "joined": self.joined(m, lang)}
        if with_country:
            values |= {"flag": flag(m.country), "country": self.country(m.country, lang)}
        line = self.msg(key, lang, **values)
        return Html(line + " ⚠️") if m.unverified else line

    def _sorted(self, members: list[Member], lang: Lang) -> list[Member]:
        """Türkiye first, then by country name, year and city."""
        return sorted(
            members,
            key=lambda m: (m.country != TURKIYE, self.country(m.country, lang), m.joined.first, m.joined.last, m.id),
        )

    def header(self, f: ListFilter, lang: Lang, count: int) -> str:
        d = self.directory
        what = []
        if f.country:
            what.append(f"{flag(f.country)} {self.country(f.country, lang)}")
        if f.region:
            what.append(d.regions[f.region].name[lang])
        if f.year:
            what.append(str(f.year))
        text: str = self.msg(
            "members_header",
            lang,
            what=" · ".join(what),
            count=count,
            total=d.data.network_members,
            as_of=self._as_of(lang),
        )
        stated = self.stated_line(f.country, lang) if f.country and not (f.year or f.region) else None
        if stated is not None:
            text += "\n" + stated
        batch = d.batch(f.year) if f.year and not (f.country or f.region) else None
        if batch is not None and batch.announced:
            text += "\n" + self.msg(
                "members_batch",
                lang,
                date=format_day(batch.date, lang),
                announced=batch.announced,
                countries=batch.countries or "?",
            )
        return text

    def pages(self, f: ListFilter, lang: Lang) -> list[str]:
        """The list as pages of whole lines, each page with the header; [] when it is empty."""
        cached = self._pages.get((f, lang))
        if cached is None:
            if len(self._pages) > 4096:
                self._pages.clear()
            cached = self._pages[(f, lang)] = self._paginate(f, lang)
        return cached

    def _paginate(self, f: ListFilter, lang: Lang) -> list[str]:
        exact, maybe = self.chosen(f)
        if not exact and not maybe:
            return []
        with_country = f.country is None
        lines: list[str] = [self._line(m, lang, with_country=with_country) for m in self._sorted(exact, lang)]
        if maybe:
            lines.append("\n" + self.msg("members_year_maybe", lang, year=f.year or ""))
            lines += [self._line(m, lang, with_country=with_country) for m in self._sorted(maybe, lang)]
        header = self.header(f, lang, len(exact))
        chunks: list[list[str]] = [[]]
        size = 0
        for line in lines:
            length = tghtml.utf16_len(line) + 1
            if chunks[-1] and (size + length > PAGE_BUDGET or len(chunks[-1]) >= MAX_PAGE_LINES):
                chunks.append([])
                size = 0
            chunks[-1].append(line)
            size += length
        total = len(chunks)
        pages: list[str] = []
        for number, chunk in enumerate(chunks, 1):
            body = "\n".join(chunk).lstrip("\n")
            page = Html(f"{header}\n\n{body}")  # both are markup already
            if total > 1:
                page += "\n\n" + self.msg("members_page", lang, page=number, pages=total)
            pages.append(page)
        return pages

    def none(self, f: ListFilter, lang: Lang) -> str:
        """Nothing known for that filter: labelled as a gap in the list, never a "no"."""
        d = self.directory
        label = []
        if f.country:
            label.append(f"{flag(f.country)} {self.country(f.country, lang)}")
        if f.region:
            label.append(d.regions[f.region].name[lang])
        if f.year:
            label.append(str(f.year))
        text = f"{self.msg('members_none', lang, what=' · '.join(label))} {self.coverage(lang)}"
        first = self.first_time(f.country, lang) if f.country and not f.year else None
        stated = self.stated_line(f.country, lang) if f.country and not f.year else None
        return "\n\n".join(part for part in (text, first, stated) if part)
