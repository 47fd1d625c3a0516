"""The replies of the commands that show content: /about, /links, /conferences, /cities,
/city and /lang."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from bot import callbacks
from bot.content import City
from bot.lang import LANGS, Lang
from bot.replies import Button, Reply, ReplyKind, reply_of
from bot.textnorm import fold

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["NETWORK_FIRST_YEAR", "Listings"]

NETWORK_FIRST_YEAR = 2013  # the network was launched in Beijing in October 2013 (facts.md)


class Listings:
    """/about, /links, /conferences, /cities, /city and /lang for one :class:`Assistant`."""

    def __init__(self, assistant: Assistant) -> None:
        self._a = assistant
        self._city_names: dict[str, City] = {}
        for city in assistant.content.cities:
            for name in (city.name, city.id, *city.aliases):
                self._city_names.setdefault(fold(name), city)

    def conferences(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/conferences: every conference, with a button each."""
        confs = self._a.content.conferences
        text = (
            self._a.render.msg("conferences_header", lang, count=len(confs)) + "\n\n" + self._a.render.conferences(lang)
        )
        buttons = [Button(f"{c.number}. {c.city[lang]} {c.year}", data=callbacks.entry(c.entry)) for c in confs]
        return reply_of(text, lang, buttons=tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)))

    def cities(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/cities [year | country | region]: Türkiye's members, or the network's by a filter."""
        cities = self._a.content.cities
        chosen = self._a.members.cities_filter(args) if self._a.members is not None and args else None
        if not args or (chosen is not None and chosen.country == "TR" and chosen.year is None):
            header = self._a.render.msg("cities_header", lang, count=len(cities), as_of=self._a.content.cities_as_of)
            return reply_of(header + "\n\n" + self._a.render.cities(lang, cities), lang)
        if chosen is None or self._a.members is None:
            return reply_of(self._a.render.msg("cities_usage", lang), lang, kind=ReplyKind.USAGE)
        last = datetime.date.today().year
        if chosen.year is not None and not NETWORK_FIRST_YEAR <= chosen.year <= last:
            return reply_of(
                self._a.render.msg("cities_year_range", lang, year=chosen.year, first=NETWORK_FIRST_YEAR, last=last),
                lang,
                kind=ReplyKind.USAGE,
            )
        if (
            chosen.year is not None
            and not (chosen.country or chosen.region)
            and not self._a.members.page_count(chosen, lang)
        ):
            return reply_of(self._a.render.msg("cities_year_none", lang, year=chosen.year), lang, kind=ReplyKind.USAGE)
        return self._a.members.list_reply(chosen, 0, lang, kind=ReplyKind.INFO)

    def named(self, name: str) -> City | None:
        """The member city with exactly this name, id or alias (folded)."""
        return self._city_names.get(fold(name))

    def find_city(self, name: str) -> City | None:
        """A member city by (fuzzy) name or alias."""
        key = fold(name)
        if not key:
            return None
        if key in self._city_names:
            return self._city_names[key]
        found = process.extractOne(key, list(self._city_names), scorer=fuzz.WRatio, score_cutoff=82)
        return self._city_names[found[0]] if found else None

    def city(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/city NAME: one member (or a clear "not in my list")."""
        query = " ".join(args).strip()
        if not query:
            return reply_of(self._a.render.msg("city_usage", lang), lang, kind=ReplyKind.USAGE)
        if self._a.members is not None:
            member = self._a.members.city_command(query, lang)
            if member is not None:
                return member
        city = self.find_city(query)
        if city is None:
            if self._a.members is not None:
                return self._a.members.not_listed(query, lang, kind=ReplyKind.USAGE)
            return reply_of(self._a.render.msg("cities_usage", lang), lang, kind=ReplyKind.USAGE)
        return self._a.city_reply(city, lang)

    def help(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/help: what the bot can be asked."""
        return reply_of(self._a.render.msg("help", lang), lang, buttons=((self._a.menu_button(lang),),))

    def about(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/about: what the bot is and who runs it."""
        return reply_of(self._a.render.msg("about", lang), lang)

    def links(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/links: the official pages."""
        return reply_of(self._a.render.msg("links_header", lang) + "\n\n" + self._a.render.links(lang), lang)

    def lang(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        """/lang [tr|en]: set the language, or buttons to choose one."""
        choice = args[0].lower() if len(args) == 1 else ""
        if choice not in LANGS:
            buttons = tuple(
                Button(self._a.render.msg("language_name", code), data=callbacks.lang(code)) for code in LANGS
            )
            return reply_of(self._a.render.msg("lang_usage", lang), lang, kind=ReplyKind.USAGE, buttons=(buttons,))
        return reply_of(
            self._a.render.msg("lang_set", choice, language=self._a.render.msg("language_name", choice)),
            choice,
            set_lang=choice,
        )
