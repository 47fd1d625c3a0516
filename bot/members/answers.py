"""Membership answers as replies: free-text questions, ``/city``, ``/cities``, list pages,
member entries and inline articles. The assistant hands these over to this module.

Türkiye's members answer with their curated cities.yaml reply (unchanged); a list of
Türkiye alone is the FAQ's (members-turkey) and ``/cities``' without arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Protocol

from bot import callbacks
from bot.content.model import City, Content
from bot.lang import Lang
from bot.members.absent import why_absent
from bot.members.countries import country_codes, country_name, flag
from bot.members.directory import TURKIYE, Directory, PlaceKind, words
from bot.members.districts import districts_of
from bot.members.model import (
    NO_MEMBERS,
    NOT_LISTED,
    TURKIYE_MEMBERS_ENTRY,
    Member,
    list_entry_id,
    parse_list_entry_id,
    province_entry_id,
)
from bot.members.overview import Overview, Shown
from bot.members.questions import Ask, MemberQuestion, Order, recognise
from bot.members.replies import ListFilter, MemberReplies
from bot.members.vocabulary import vocabulary
from bot.replies import Button, Reply, ReplyKind
from bot.textnorm import fold, folded_terms
from bot.tghtml import Html, escape

__all__ = ["MemberAnswers"]

SCORE = 100.0  # a membership question is recognised by rule, not by a fuzzy score
_MAX_COMPARED = 4  # members a question compares at most ("Ankara mı önce katıldı İzmir mi?")
_MAX_COMPARED_WORDS = 16
# Words that ask which joined first or later, or whether together (folded)
_ORDER = frozenset(
    ["once", "onceki", "ilk", "ilki", "first", "earlier", "before", "sonra", "later", "eski", "older", "newer"]
)
_TOGETHER = frozenset(["together", "birlikte", "beraber", "anda", "same", "ayni"])  # "İzmir'le aynı anda mı?"
_EARLIER = _ORDER | _TOGETHER
Buttons = tuple[tuple[Button, ...], ...]
_REGIONS_ENTRY = "unesco-regions"  # the FAQ entry on UNESCO's regions (content/faq.yaml)


class _Finish(Protocol):
    def __call__(
        self,
        body: str,
        lang: Lang,
        *,
        kind: ReplyKind = ...,
        buttons: Buttons = ...,
        entry_id: str | None = ...,
        score: float = ...,
    ) -> Reply: ...


class MemberAnswers:
    def __init__(
        self,
        content: Content,
        directory: Directory,
        msg: Callable[..., Html],
        *,
        known: Collection[str],
        finish: _Finish,
        city_reply: Callable[[City, Lang], Reply],
        cities: Callable[[Lang], str],
        menu: Callable[[Lang], Button],
    ) -> None:
        self.content = content
        self.directory = directory
        self.replies = MemberReplies(directory, msg)
        self.overview = Overview(directory, self.replies, msg)
        self.msg = msg
        self._known = known
        self._finish = finish
        self._city_reply = city_reply
        self._cities = cities
        self._menu = menu
        self._last: tuple[str, MemberQuestion | None] | None = None
        self._province_entries = frozenset(province_entry_id(p) for p in directory.provinces)

    # ------------------------------------------------------------------ questions
    def question(self, text: str) -> MemberQuestion | None:
        """The membership question ``text`` asks (for follow-ups too), or None; the last
        question's reading is remembered (the assistant asks twice per question)."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        found = recognise(text, self.directory, self._known) or why_absent(text, self.directory)
        self._last = (text, found)
        return found

    def ask(self, text: str, lang: Lang) -> Reply | None:
        """The answer to a membership question, or None when ``text`` is not one (or is
        one the FAQ answers: the list of Türkiye's members)."""
        q = self.question(text)
        if q is None or q.turkiye_only:
            return None
        return self.answer(q, lang)

    def compared(self, text: str, lang: Lang) -> Reply | None:
        """ "Ankara mı önce katıldı İzmir mi?", "Was it Eskişehir or Konya that joined first?":
        the members named, in the order they joined; None when the question names fewer
        than two members or asks no order of joining."""
        tokens = words(text)
        folded = {w.text for w in tokens}
        if len(tokens) > _MAX_COMPARED_WORDS or not folded & _EARLIER:
            return None
        if not set(folded_terms(" ".join(folded))) & vocabulary().membership:
            return None  # "Bursa mı daha eski bir şehir, Sakarya mı?" is no question about joining
        named = [p for _, _, found in self.directory.scan(tokens) for p in found if p.kind is PlaceKind.MEMBER]
        chosen = tuple(dict.fromkeys(self.directory.by_id[p.key] for p in named))
        if not 2 <= len(chosen) <= _MAX_COMPARED:
            return None
        ordered = sorted(chosen, key=lambda m: (m.joined.first, m.joined.last, m.city))
        items = Html(", ".join(f"<b>{escape(m.city)}</b> ({escape(self.replies.joined(m, lang))})" for m in ordered))
        text_ = self.msg("members_in_order", lang, items=items) + "\n\n" + Html(self.replies.answer(ordered, lang))
        if folded & _TOGETHER and not folded & _ORDER and all(m.joined.first == m.joined.last for m in ordered):
            # "İzmir ile Afyon aynı yıl mı girdi?": yes or no first, when every year is known
            same = len({m.joined.first for m in ordered}) == 1
            answer = self.msg(
                "members_same_year" if same else "members_not_same_year", lang, year=ordered[0].joined.first
            )
            text_ = answer + " " + text_
        turkish = all(m.country == TURKIYE for m in ordered)
        # "Bonn joined in 2019 together with Hamburg?" checks Bonn: the one named first, when no order is asked
        first = chosen[0] if not folded & _ORDER else ordered[0]
        entry = TURKIYE_MEMBERS_ENTRY if turkish and TURKIYE_MEMBERS_ENTRY in self.content.faq else first.entry_id
        return self._finish(
            text_, lang, kind=ReplyKind.ANSWER, buttons=((self._menu(lang),),), entry_id=entry, score=SCORE
        )

    def answer(self, q: MemberQuestion, lang: Lang) -> Reply:
        if q.ask is Ask.CITY:
            if q.members:
                return self._why(q, self.members_reply(q.members, lang), lang)
            if q.province is not None:
                return self._why(q, self.province_reply(q.province.name, lang), lang)
            parts = districts_of(self.directory, q.unknown or "")  # "Seul üye mi?": its districts
            if parts:
                reply = self.members_reply(parts, lang)
                said = self.msg("city_districts", lang, city=q.unknown or "", count=len(parts))
                return replace(reply, messages=(Html(f"{said}\n\n{reply.messages[0]}"), *reply.messages[1:]))
            return self.not_listed(q.unknown or "", lang, kind=ReplyKind.ANSWER)
        region = q.region.id if q.region else None
        if q.ask is Ask.BATCH and q.year is not None:
            return self.shown(self.overview.batch(q.year, lang, capitals=q.capitals), lang)
        if q.ask is Ask.ORDER and q.order is not None:
            return self.shown(self.overview.order(q.country, region, q.order, lang), lang)
        if q.ask is Ask.MOST:
            return self.shown(self.overview.most(lang), lang)
        if q.ask is Ask.LAPSES and (lapses := self.overview.lapses(lang)) is not None:
            return self.shown(lapses, lang)
        if q.ask is Ask.COUNTRIES and region is not None:
            return self.shown(self.overview.countries(region, lang), lang)
        return self.list_reply(ListFilter(q.country, region, q.year), 0, lang)

    def _why(self, q: MemberQuestion, reply: Reply, lang: Lang) -> Reply:
        """ "İstanbul neden üye değil?": the sources say no why; what they say, after that."""
        if not q.why or not reply.messages:
            return reply
        first = self.msg("member_why", lang) + Html("\n\n") + Html(reply.messages[0])
        return replace(reply, messages=(first, *reply.messages[1:]))

    def shown(self, shown: Shown, lang: Lang) -> Reply:
        """An overview answer, with its lists one tap away."""
        buttons: list[tuple[Button, ...]] = [(self._list_button(f, lang),) for f in shown.lists]
        buttons.append((self._menu(lang),))
        return self._finish(
            shown.text, lang, kind=ReplyKind.ANSWER, buttons=tuple(buttons), entry_id=shown.entry_id, score=SCORE
        )

    def _list_button(self, f: ListFilter, lang: Lang) -> Button:
        if f.country:
            label = self.msg(
                "button_members_country", lang, flag=flag(f.country), country=country_name(f.country, lang)
            )
        elif f.region:
            label = self.msg("button_members_region", lang, region=self.directory.regions[f.region].name[lang])
        else:
            label = self.msg("button_members_year", lang, year=f.year or "")
        return Button(label, data=callbacks.members(f.key, 0))

    # ------------------------------------------------------------------ replies
    def members_reply(self, members: tuple[Member, ...], lang: Lang, *, edit: bool = False) -> Reply:
        if len(members) == 1 and members[0].curated:
            city = self.content.city_by_entry.get(members[0].entry_id)
            if city is not None:
                return self._city_reply(city, lang)
        first = members[0]
        buttons: list[tuple[Button, ...]] = []
        for code in dict.fromkeys(m.country for m in members):
            if code != TURKIYE:
                label = self.msg("button_members_country", lang, flag=flag(code), country=country_name(code, lang))
                buttons.append((Button(label, data=callbacks.members(ListFilter(country=code).key, 0)),))
        buttons.append((self._menu(lang),))
        text = self.replies.answer(members, lang)
        return self._finish(
            text, lang, kind=ReplyKind.ANSWER, buttons=tuple(buttons), entry_id=first.entry_id, score=SCORE
        )

    def country_region(self, code: str, lang: Lang) -> Reply | None:
        """ "Which UNESCO region is Egypt in?": the region of the country's members, with
        their list a tap away; None when the list has none (or they are in several)."""
        regions = {m.region for m in self.directory.in_country(code)}
        if len(regions) != 1:
            return None
        region = self.directory.regions[regions.pop()].name[lang]
        text = self.msg("country_region", lang, flag=flag(code), country=country_name(code, lang), region=region)
        label = self.msg("button_members_country", lang, flag=flag(code), country=country_name(code, lang))
        buttons = ((Button(label, data=callbacks.members(ListFilter(country=code).key, 0)),), (self._menu(lang),))
        entry = _REGIONS_ENTRY if _REGIONS_ENTRY in self.content.faq else list_entry_id(country=code)
        return self._finish(text, lang, kind=ReplyKind.ANSWER, buttons=buttons, entry_id=entry, score=SCORE)

    def province_reply(self, name: str, lang: Lang) -> Reply:
        province = self.directory.provinces[name]
        text = self.replies.province_no(province, lang, self._cities(lang))
        entry = province_entry_id(province.name)
        menu = ((self._menu(lang),),)
        return self._finish(text, lang, kind=ReplyKind.ANSWER, buttons=menu, entry_id=entry, score=SCORE)

    def not_listed(self, name: str, lang: Lang, *, kind: ReplyKind) -> Reply:
        text = self.replies.not_listed(name, lang)
        return self._finish(text, lang, kind=kind, buttons=((self._menu(lang),),), entry_id=NOT_LISTED, score=SCORE)

    def list_reply(self, f: ListFilter, page: int, lang: Lang, *, kind: ReplyKind = ReplyKind.ANSWER) -> Reply:
        """One page of a list, with buttons to the pages before and after."""
        pages = self.replies.pages(f, lang)
        entry = list_entry_id(f.country, f.region, f.year)
        if not pages:
            return self._finish(self.replies.none(f, lang), lang, kind=kind, entry_id=NO_MEMBERS, score=SCORE)
        page = min(max(page, 0), len(pages) - 1)
        nav: list[Button] = []
        if page > 0:
            nav.append(Button(self.msg("button_previous", lang), data=callbacks.members(f.key, page - 1)))
        if page < len(pages) - 1:
            nav.append(Button(self.msg("button_next", lang), data=callbacks.members(f.key, page + 1)))
        buttons = (tuple(nav), (self._menu(lang),)) if nav else ((self._menu(lang),),)
        return self._finish(pages[page], lang, kind=kind, buttons=buttons, entry_id=entry, score=SCORE)

    def valid(self, f: ListFilter) -> bool:
        """Whether a filter (from callback data) names a known country, region and year."""
        return (
            (f.country is None or f.country in country_codes())
            and (f.region is None or f.region in self.directory.regions)
            and (f.year is None or 2013 <= f.year <= 2100)
        )

    def filters(self) -> list[ListFilter]:
        """Every list with members: each country, region and admission year."""
        d = self.directory
        years = sorted({y for m in d.members for y in range(m.joined.first, m.joined.last + 1)})
        return [
            *(ListFilter(country=c) for c in sorted({m.country for m in d.members})),
            *(ListFilter(region=r) for r in d.regions),
            *(ListFilter(year=y) for y in years),
        ]

    def every_reply(self, lang: Lang) -> list[tuple[str, Reply]]:
        """Every member's answer and every page of every list (for tests)."""
        result = [(m.id, self.members_reply((m,), lang)) for m in self.directory.members if not m.curated]
        for f in self.filters():
            for page in range(self.page_count(f, lang)):
                result.append((f.key, self.list_reply(f, page, lang)))
        return result + self.sample_replies(lang)

    def sample_replies(self, lang: Lang) -> list[tuple[str, Reply]]:
        """The first and last page of a list of each kind (a region, the country with most
        pages, a year with its batch and its ranges, a country and a year, an empty one),
        an answer of each shape (a year, a range, "before", a note, unverified, a citation,
        the longest), "not listed" and a province's "no": what the start-up check renders
        and validates (the tests render every answer and every page)."""
        result: list[tuple[str, Reply]] = []
        shapes: dict[tuple[object, ...], Member] = {}
        for m in self.directory.members:
            if not m.curated:
                shapes.setdefault((m.joined.kind, bool(m.note), m.unverified, m.source is None), m)
        longest = max((m for m in self.directory.members if not m.curated), key=lambda m: len(m.note) + len(m.city))
        for m in [*shapes.values(), longest]:
            result.append((m.id, self.members_reply((m,), lang)))
        biggest = max({m.country for m in self.directory.members}, key=lambda c: len(self.directory.in_country(c)))
        years = sorted(b.year for b in self.directory.data.batches)[-1:]
        smallest = min(self.directory.regions, key=lambda r: len(self.directory.in_region(r)))
        lists = [ListFilter(region=smallest)]
        lists += [ListFilter(country=biggest), *(ListFilter(year=y) for y in years)]
        lists += [ListFilter(country=biggest, year=y) for y in years]
        for f in lists:
            last = self.page_count(f, lang) - 1
            for page in sorted({0, max(last, 0)}):
                result.append((f.key, self.list_reply(f, page, lang)))
        o = self.overview
        shapes_ = [
            *([lapses] if (lapses := o.lapses(lang)) is not None else []),
            o.most(lang),
            o.countries(smallest, lang),
            o.countries(max(self.directory.regions, key=lambda r: len(self.directory.in_region(r))), lang),
        ]
        shapes_ += [o.batch(b.year, lang) for b in self.directory.data.batches]
        shapes_ += [o.order(biggest, None, order, lang) for order in Order]
        shapes_ += [o.order(None, r, order, lang) for r in self.directory.regions for order in Order]
        result += [(s.entry_id, self.shown(s, lang)) for s in shapes_]
        result += [("-", self.list_reply(ListFilter(country=c), 0, lang)) for c in self.directory.data.stated]
        result.append(("-", self.not_listed("<&>", lang, kind=ReplyKind.ANSWER)))
        result.append(("-", self.list_reply(ListFilter(country="AQ"), 0, lang)))
        members = {fold(m.city) for m in self.directory.turkiye()}
        others = [p for p in self.directory.provinces if fold(p) not in members]
        result += [(p, self.province_reply(p, lang)) for p in others[:3]]
        return result

    def page_count(self, f: ListFilter, lang: Lang) -> int:
        return len(self.replies.pages(f, lang))

    # ------------------------------------------------------------------ commands
    def city_command(self, query: str, lang: Lang) -> Reply | None:
        """``/city NAME``: any listed city, a Turkish province (no), or None (not found)."""
        found = self.directory.find_members(query)
        if found:
            return self.members_reply(tuple(found), lang)
        province = self.directory.find_province(query)
        if province is not None:
            return self.province_reply(province.name, lang)
        return None

    def cities_filter(self, args: list[str]) -> ListFilter | None:
        """``/cities 2024``, ``/cities Almanya``, ``/cities Germany``, ``/cities Afrika``,
        ``/cities Almanya 2024``; None when the arguments name nothing."""
        year: int | None = None
        words: list[str] = []
        for arg in args:
            if arg.isascii() and arg.isdigit() and len(arg) == 4:
                if year is not None:
                    return None
                year = int(arg)
            else:
                words.append(arg)
        if not words:
            return ListFilter(year=year) if year is not None else None
        name = " ".join(words)
        places = self.directory.lookup(name, fuzzy=False)
        country = next((p.key for p in places if p.kind is PlaceKind.COUNTRY), None)
        region = next((p.key for p in places if p.kind is PlaceKind.REGION), None)
        if country is None and region is None:
            return None
        return ListFilter(country=country, region=None if country else region, year=year)

    # ------------------------------------------------------------------ entries
    def entry_reply(self, entry_id: str, lang: Lang) -> Reply | None:
        """The answer an entry id stands for (a button ``e:<id>``); None for an unknown id."""
        member = self.directory.by_entry.get(entry_id)
        if member is not None:
            return self.members_reply((member,), lang)
        if entry_id in (NOT_LISTED, NO_MEMBERS):
            text = self.replies.coverage(lang)
            return self._finish(text, lang, kind=ReplyKind.ANSWER, entry_id=entry_id, score=SCORE)
        province = next((p for p in self.directory.provinces if province_entry_id(p) == entry_id), None)
        if province is not None and not self.directory.find_members(province, fuzzy=False):
            return self.province_reply(province, lang)
        parts = parse_list_entry_id(entry_id)
        if parts is not None:
            f = ListFilter(*parts)
            if self.valid(f):
                return self.list_reply(f, 0, lang)
        return None

    def has_entry(self, entry_id: str) -> bool:
        """Whether ``entry_id`` is an answer :meth:`entry_reply` gives (a member, a list)."""
        if entry_id in self.directory.by_entry or entry_id in (NOT_LISTED, NO_MEMBERS):
            return True
        if entry_id in self._province_entries:
            return True
        parts = parse_list_entry_id(entry_id)
        return parts is not None and self.valid(ListFilter(*parts))

    def not_a_member(self, entry_id: str | None) -> bool:
        """Whether ``entry_id`` answers that a place is not a member (a Turkish province, a
        name not in the list)."""
        return entry_id in self._province_entries or entry_id == NOT_LISTED

    def title(self, entry_id: str) -> str | None:
        member = self.directory.by_entry.get(entry_id)
        return member.city if member is not None else None

    def inline_members(self, query: str, limit: int) -> list[Member]:
        """Members an inline query names: a membership question's cities, or names that
        start with the query ("Hamb")."""
        q = self.question(query)
        if q is not None and q.members:
            return list(q.members)[:limit]
        return self.directory.complete(query, limit)
