"""Rendering content into reply HTML: lists of cities, conferences and links, and an
entry's answer with its placeholders filled and its links appended."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.content import City, Content, FaqEntry
from bot.lang import Lang
from bot.textnorm import fold
from bot.tghtml import Html, escape, escape_attr

__all__ = ["Renderer"]


class Renderer:
    """Renders one loaded :class:`Content`."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._answers: dict[tuple[str, Lang], Html] = {}  # the content does not change: each made once

    def msg(self, key: str, lang: Lang, /, **values: object) -> Html:
        """A message template from messages.yaml, filled in and escaped."""
        return self.content.messages.render(key, lang, **values)

    def cities(self, lang: Lang, cities: Sequence[City]) -> Html:
        ordered = sorted(cities, key=lambda c: (c.joined, fold(c.name)))
        return Html("\n").join(
            self.msg("city_line", lang, name=c.name, url=escape_attr(c.url), joined=c.joined) for c in ordered
        )

    def conferences(self, lang: Lang) -> Html:
        lines: list[Html] = []
        for conf in self.content.conferences:
            line = self.msg(
                "conference_line",
                lang,
                number=conf.number,
                city=conf.city[lang],
                country=conf.country[lang],
                dates=conf.dates[lang],
                theme=conf.theme[lang],
            )
            if conf.outcome:
                line += "\n" + self.msg("conference_outcome", lang, outcome=Html(conf.outcome[lang]))
            lines.append(line)
        return Html("\n\n").join(lines)

    def links(self, lang: Lang) -> Html:
        return Html("\n").join(
            self.msg(
                "link_line",
                lang,
                label=link.label[lang],
                url=escape_attr(link.url),
                description=link.description[lang] if link.description else "",
            )
            for link in self.content.links
        )

    def answer(self, entry: FaqEntry, lang: Lang) -> Html:
        """An entry's answer: placeholders ({cities}, {city_count}, {conferences}, {links})
        filled in, then its links and source."""
        if self.content.faq.get(entry.id) is not entry:  # not this content's own entry
            return self._answer(entry, lang)
        key = (entry.id, lang)
        made = self._answers.get(key)
        if made is None:
            made = self._answers[key] = self._answer(entry, lang)
        return made

    def _answer(self, entry: FaqEntry, lang: Lang) -> Html:
        text: str = entry.answer[lang]  # checked content HTML
        fill: dict[str, Callable[[], Html]] = {
            "cities": lambda: self.cities(lang, self.content.cities),
            "city_count": lambda: Html(str(len(self.content.cities))),
            "conferences": lambda: self.conferences(lang),
            "links": lambda: self.links(lang),
        }
        for name, render in fill.items():
            if "{" + name + "}" in text:
                text = text.replace("{" + name + "}", render())
        links = [f'<a href="{escape_attr(link.url)}">{escape(link.label[lang])}</a>' for link in entry.links]
        if entry.source and all(link.url != entry.source for link in entry.links):
            links.append(f'<a href="{escape_attr(entry.source)}">{self.msg("source_label", lang)}</a>')
        if links:
            text += f"\n\n🔗 {' · '.join(links)}"
        return Html(text)  # content HTML with escaped values filled in
