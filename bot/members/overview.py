"""Answers about the network as a whole, from the rows and the figures sources state: how
many joined in a year (the admission round UIL announced), the first or latest member of
a country or region, the country with the most members, the countries of a region, and a
country's total as a source states it.

Every figure keeps what it is: an announced count is UIL's with its date and source; the
list is incomplete ("among the members I know of"); a range stays a range, and when
ranges make the order uncertain the answer says which may be first and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from babel.lists import format_list

from bot.lang import Lang
from bot.members.countries import country_name, flag, format_day
from bot.members.directory import TURKIYE, Directory
from bot.members.model import Member, Stated, list_entry_id
from bot.members.replies import ListFilter, MemberReplies
from bot.members.shapes import Order
from bot.textnorm import fold
from bot.tghtml import Html

__all__ = ["Overview", "Shown", "ordered_ends"]

_MAX_LINES = 15  # lines of an order's answer; the whole list is one tap away
_MOST_NEXT = 4  # countries shown after the first

Msg = Callable[..., Html]


@dataclass(frozen=True, slots=True)
class Shown:
    """An answer's text, its entry id, and the lists it offers one tap away."""

    text: str
    entry_id: str
    lists: tuple[ListFilter, ...] = ()


def ordered_ends(members: Sequence[Member], order: Order) -> tuple[list[Member], bool]:
    """The members that may have joined first (or last), and whether that is certain.

    Among ``members``, the first is certain when one member (or several of the same exact
    year) joined before every other could have: its latest possible year is before every
    other's earliest. Otherwise every member that may have been first is returned (its
    earliest possible year is not after the latest possible year of the surest one)."""
    if not members:
        return [], True
    if order is Order.FIRST:
        bound = min(m.joined.last for m in members)
        ends = [m for m in members if m.joined.first <= bound]
    else:
        bound = max(m.joined.first for m in members)
        ends = [m for m in members if m.joined.last >= bound]
    years = {(m.joined.first, m.joined.last) for m in ends}
    certain = len(years) == 1 and (len(ends) == 1 or all(m.joined.exact for m in ends))
    key = (
        (lambda m: (m.joined.first, m.joined.last))
        if order is Order.FIRST
        else (lambda m: (-m.joined.last, -m.joined.first))
    )
    return sorted(ends, key=key), certain


class Overview:
    def __init__(self, directory: Directory, replies: MemberReplies, msg: Msg) -> None:
        self.directory = directory
        self.replies = replies
        self.msg = msg

    # ------------------------------------------------------------------ pieces
    def _as_of(self, lang: Lang) -> str:
        return format_day(self.directory.data.as_of, lang)

    def _what(self, country: str | None, region: str | None, lang: Lang) -> str:
        if country:
            return f"{flag(country)} {country_name(country, lang)}"
        return self.directory.regions[region].name[lang] if region else ""

    # ------------------------------------------------------------------ a year's round
    def batch(self, year: int, lang: Lang, *, capitals: bool = False) -> Shown:
        """ "UIL announced 64 new members from 35 countries on 14 February 2024 (source);
        the list I keep names 53 of them", the year's list one tap away."""
        d = self.directory
        batch = d.batch(year)
        exact, maybe = d.joined_in(year)
        parts: list[Html] = []
        if batch is not None and batch.announced:
            parts.append(
                self.msg(
                    "members_batch_answer",
                    lang,
                    year=year,
                    date=format_day(batch.date, lang),
                    announced=batch.announced,
                    countries=batch.countries or "?",
                    source=self.replies.link(batch.source, "UIL"),
                )
            )
        else:
            parts.append(self.msg("members_batch_unknown", lang, year=year))
        if capitals and batch is not None and batch.capitals:  # "2025'te katılan başkentler hangileri?"
            cities = format_list(list(batch.capitals), locale=lang)
            source = self.replies.link(batch.capitals_source)
            parts.insert(
                0, self.msg("members_batch_capitals", lang, count=len(batch.capitals), cities=cities, source=source)
            )
        if batch is not None and batch.note:
            parts.append(self.msg("member_note", lang, note=batch.note))
        if batch is not None and batch.first_countries:  # "which countries joined for the first time"
            names = format_list([country_name(c, lang) for c in batch.first_countries], locale=lang)
            source = self.replies.link(batch.first_countries_source)
            parts.append(
                self.msg("members_batch_first", lang, count=len(batch.first_countries), countries=names, source=source)
            )
        listed = self.msg("members_year_listed", lang, year=year, listed=len(exact))
        if maybe:
            listed += " " + self.msg("members_year_maybe_count", lang, year=year, count=len(maybe))
        parts.append(listed + " " + self.replies.coverage(lang))
        entry = (batch.entry if batch is not None and not capitals else None) or list_entry_id(year=year)
        lists = (ListFilter(year=year),) if exact or maybe else ()
        return Shown(Html("\n\n").join(parts), entry, lists)

    # ------------------------------------------------------------------ first, latest
    def order(self, country: str | None, region: str | None, order: Order, lang: Lang) -> Shown:
        d = self.directory
        chosen = d.in_country(country) if country else d.in_region(region or "")
        ends, certain = ordered_ends(chosen, order)
        if country and order is Order.FIRST and not certain:
            named = [m for m in ends if self._says_first(m)]
            if len(named) == 1:  # "first Ukrainian member" in its source: the source settles it
                ends, certain = named, True
        what = self._what(country, region, lang)
        whole = ListFilter(country=country, region=None if country else region)
        if not ends:
            return Shown(self.replies.none(whole, lang), list_entry_id(country, whole.region), ())
        first = order is Order.FIRST
        if certain and len(ends) == 1:
            m = ends[0]
            key = "members_order_one" if first else "members_latest_one"
            text: str = self.msg(key, lang, what=what, name=m.city, joined=self.replies.joined(m, lang))
            text += "\n" + self.msg("member_source", lang, source=self.replies.source(m, lang))
            if m.note:
                text += "\n" + self.msg("member_note", lang, note=m.note)
        else:
            many = "members_order_many" if first else "members_latest_many"
            unsure = "members_order_unsure" if first else "members_latest_unsure"
            text = self.msg(many if certain else unsure, lang, what=what)
            lines = [self.replies.line(m, lang, with_country=country is None) for m in ends[:_MAX_LINES]]
            if len(ends) > _MAX_LINES:
                lines.append(Html("…"))
            text += "\n" + Html("\n").join(lines)
        caveat = self.msg(
            "members_order_caveat", lang, count=d.count, total=d.data.network_members, as_of=self._as_of(lang)
        )
        # A reading of the country's (or region's) list: the list's entry, one tap away.
        return Shown(f"{text}\n\n{caveat}", list_entry_id(country, whole.region), (whole,))

    def _says_first(self, m: Member) -> bool:
        """Whether the member's research note says it was its country's first member
        ("first Ukrainian member", "first member in Poland")."""
        note = fold(m.note)
        names = {
            fold(n) for n in (country_name(m.country, "en"), *self.directory.data.country_aliases.get(m.country, ()))
        }
        return any(f"first {n} member" in note or f"first member in {n}" in note for n in names)

    # ------------------------------------------------------------------ most members
    def ranking(self) -> list[tuple[str, int, int]]:
        """(country, best figure, listed) from the largest: the figure is the stated count
        (or "more than N" as N), or the list's count when that is larger."""
        listed = Counter(m.country for m in self.directory.members)
        stated = self.directory.data.stated
        codes = set(listed) | set(stated)
        rows = []
        for code in codes:
            s = stated.get(code)
            figure = (s.count or s.more_than or 0) if s is not None else 0
            rows.append((code, max(figure, listed[code]), listed[code]))
        return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))

    def most(self, lang: Lang) -> Shown:
        d = self.directory
        rows = self.ranking()
        top, _, listed = rows[0]
        stated = d.data.stated.get(top)
        figure = self._most_figure(top, listed, stated, lang)
        text: str = self.msg("members_most", lang, flag=flag(top), country=country_name(top, lang), figure=figure)
        following = [
            self.msg(
                "members_most_line",
                lang,
                flag=flag(code),
                country=country_name(code, lang),
                figure=self._most_figure(code, count, d.data.stated.get(code), lang),
            )
            for code, _, count in rows[1 : 1 + _MOST_NEXT]
        ]
        if following:
            text += "\n\n" + self.msg("members_most_next", lang) + "\n" + Html("\n").join(following)
        text += "\n\n" + self.msg("members_most_caveat", lang, count=d.count, total=d.data.network_members)
        return Shown(text, list_entry_id(country=top), (ListFilter(country=top),))

    def _most_figure(self, code: str, listed: int, stated: Stated | None, lang: Lang) -> Html:
        if stated is None or (stated.count or stated.more_than or 0) < listed:
            return self.msg("members_most_listed", lang, listed=listed)
        return self.msg(
            "members_most_stated",
            lang,
            figure=self.replies.figure(stated, lang),
            when=self.replies.when(stated, lang),
            note=(stated.note or {}).get(lang, ""),
            source=self.replies.link(stated.source, stated.citation),
            listed=listed,
        )

    # ------------------------------------------------------------------ members leaving
    def lapses(self, lang: Lang) -> Shown | None:
        """What the sources show of members leaving, and the listed members in doubt."""
        d = self.directory
        lapses = d.data.lapses
        if lapses is None:
            return None
        text = self.msg("members_lapses", lang) + "\n" + Html("\n").join(f"• {fact[lang]}" for fact in lapses.facts)
        doubtful = [m for m in d.members if m.status_note]
        if doubtful:
            lines = [
                self.msg("members_lapse_line", lang, flag=flag(m.country), name=m.city, note=m.status_note[lang])
                for m in doubtful
                if m.status_note
            ]
            text += "\n\n" + self.msg("members_lapses_named", lang) + "\n" + Html("\n").join(lines)
        text += "\n\n" + self.msg("members_lapses_source", lang, source=lapses.citation[lang])
        return Shown(text, lapses.entry or "member-list", ())

    # ------------------------------------------------------------------ countries of a region
    def countries(self, region: str, lang: Lang) -> Shown:
        d = self.directory
        members = d.in_region(region)
        counts = Counter(m.country for m in members)
        ordered = sorted(counts, key=lambda c: (c != TURKIYE, -counts[c], country_name(c, lang)))
        text: str = self.msg(
            "members_countries",
            lang,
            what=d.regions[region].name[lang],
            count=len(counts),
            members=len(members),
            total=d.data.network_members,
            network_countries=d.data.network_countries,
            as_of=self._as_of(lang),
        )
        lines = [
            self.msg("members_country_line", lang, flag=flag(c), country=country_name(c, lang), count=counts[c])
            for c in ordered
        ]
        body = Html(text + "\n\n") + Html("\n").join(lines)
        return Shown(body, list_entry_id(region=region), (ListFilter(region=region),))
