"""The assistant: turns questions, commands and button presses into replies.

Everything a user can get from the bot is decided here, independent of Telegram, so
that the console chat, ``ask`` and the Telegram handlers give the same answers. A
:class:`Reply` carries HTML messages (each within Telegram's limit) and buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from bot import tghtml
from bot.content import LANGS, City, Content, FaqEntry, Problem
from bot.matching import Matcher, MatchResult, Thresholds
from bot.textnorm import fold
from bot.tghtml import Html, escape, escape_attr

__all__ = ["CALLBACK_MAX_BYTES", "Assistant", "Button", "InlineArticle", "Reply", "language_for", "parse_command"]

CALLBACK_MAX_BYTES = 64
MAX_SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: either ``data`` (a callback) or ``url``."""

    text: str
    data: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot sends back: one or more HTML messages and a keyboard for the last."""

    messages: tuple[str, ...]
    lang: str
    kind: str = "info"  # answer | suggest | fallback | info | usage
    buttons: tuple[tuple[Button, ...], ...] = ()
    entry_id: str | None = None
    score: float = 0.0
    suggestions: tuple[str, ...] = ()
    set_lang: str | None = None  # the user chose this language with /lang
    edit: bool = False  # a menu step: better shown by editing the message pressed

    @property
    def matched(self) -> bool:
        return self.kind == "answer"

    @property
    def text(self) -> str:
        return "\n\n".join(self.messages)


@dataclass(frozen=True, slots=True)
class InlineArticle:
    id: str
    title: str
    description: str
    html: str


def parse_command(text: str) -> tuple[str, list[str]] | None:
    """``"/city@bot Bolu"`` -> ``("city", ["Bolu"])``; None when ``text`` is no command."""
    if not text.startswith("/") or len(text) < 2 or text[1:2].isspace():
        return None
    head, *args = text[1:].split()
    name = head.split("@", 1)[0].lower()
    return (name, args) if name else None


def language_for(pref: str | None, user_lang: str | None) -> str:
    """The language to use with someone when no question tells: /lang choice, then
    the Telegram client's language (Turkish for tr, English for anything else), then Turkish."""
    return _lang_from(pref, user_lang)


def _lang_from(pref: str | None, user_lang: str | None, fallback: str | None = None) -> str:
    """The language when the text itself does not tell: the user's /lang choice, their
    Telegram language, then ``fallback`` (the language of the phrasing matched), then Turkish."""
    if pref in LANGS:
        return pref  # type: ignore[return-value]
    if user_lang:
        return "tr" if user_lang.lower().startswith("tr") else "en"
    return fallback if fallback in LANGS else "tr"  # type: ignore[return-value]


class Assistant:
    """Answers from one loaded :class:`Content`; build a new one to reload."""

    def __init__(self, content: Content, thresholds: Thresholds | None = None) -> None:
        self.content = content
        self.matcher = Matcher(self._searchable(content), thresholds)
        self._city_names: dict[str, City] = {}
        for city in content.cities:
            for name in (city.name, city.id, *city.aliases):
                self._city_names.setdefault(fold(name), city)

    # ------------------------------------------------------------------ indexing
    @staticmethod
    def _searchable(content: Content) -> list[tuple[str, list[tuple[str | None, str]], tuple[str, ...]]]:
        result: list[tuple[str, list[tuple[str | None, str]], tuple[str, ...]]] = []
        for entry in content.faq.values():
            phrasings: list[tuple[str | None, str]] = [(lang, q) for lang in LANGS for q in entry.questions[lang]]
            phrasings += [(lang, entry.title[lang]) for lang in LANGS]
            result.append((entry.id, phrasings, entry.keywords))
        for city in content.cities:
            names = (city.name, *city.aliases)
            phrasings = [
                (lang, template.replace("{name}", name))
                for lang in LANGS
                for template in content.city_questions[lang]
                for name in names
            ]
            result.append((city.entry_id, phrasings, ()))
        return result

    def title(self, entry_id: str, lang: str) -> str:
        """The short label of an entry, for buttons."""
        if entry_id in self.content.faq:
            return self.content.faq[entry_id].title[lang]
        return self.content.city_by_entry[entry_id].name

    def _msg(self, key: str, lang: str, /, **values: object) -> Html:
        return self.content.messages.render(key, lang, **values)

    # ------------------------------------------------------------------ replies
    def _finish(self, body: str, lang: str, **kwargs: object) -> Reply:
        return Reply(tuple(tghtml.split(body)), lang, **kwargs)  # type: ignore[arg-type]

    def _menu_button(self, lang: str) -> Button:
        return Button(self._msg("button_topics", lang), data="menu")

    def _topic_buttons(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        buttons = [Button(t.title[lang], data=f"t:{t.id}") for t in self.content.topics]
        return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))

    def _render_cities(self, lang: str, cities: Sequence[City]) -> str:
        ordered = sorted(cities, key=lambda c: (c.joined, fold(c.name)))
        return "\n".join(
            self._msg("city_line", lang, name=c.name, url=escape_attr(c.url), joined=c.joined) for c in ordered
        )

    def _render_conferences(self, lang: str) -> str:
        lines = []
        for conf in self.content.conferences:
            line = self._msg(
                "conference_line",
                lang,
                number=conf.number,
                city=conf.city[lang],
                country=conf.country[lang],
                dates=conf.dates[lang],
                theme=conf.theme[lang],
            )
            if conf.outcome:
                line += "\n" + self._msg("conference_outcome", lang, outcome=Html(conf.outcome[lang]))
            lines.append(line)
        return "\n\n".join(lines)

    def _render_links(self, lang: str) -> str:
        return "\n".join(
            self._msg(
                "link_line",
                lang,
                label=link.label[lang],
                url=escape_attr(link.url),
                description=link.description[lang] if link.description else "",
            )
            for link in self.content.links
        )

    def _answer_text(self, entry: FaqEntry, lang: str) -> str:
        text = entry.answer[lang]
        for name, render in (
            ("cities", lambda: self._render_cities(lang, self.content.cities)),
            ("conferences", lambda: self._render_conferences(lang)),
            ("links", lambda: self._render_links(lang)),
        ):
            if "{" + name + "}" in text:
                text = text.replace("{" + name + "}", render())
        links = [f'<a href="{escape_attr(link.url)}">{escape(link.label[lang])}</a>' for link in entry.links]
        if entry.source and all(link.url != entry.source for link in entry.links):
            links.append(f'<a href="{escape_attr(entry.source)}">{self._msg("source_label", lang)}</a>')
        if links:
            text += f"\n\n🔗 {' · '.join(links)}"
        return text

    def entry_reply(self, entry_id: str, lang: str, *, score: float = 100.0, kind: str = "answer") -> Reply:
        """The answer of one entry (a FAQ entry or a city)."""
        if entry_id in self.content.city_by_entry:
            return self.city_reply(self.content.city_by_entry[entry_id], lang, score=score, kind=kind)
        entry = self.content.faq[entry_id]
        related = [r for r in entry.related if r in self.content.faq or r in self.content.city_by_entry]
        buttons = [(Button(self.title(r, lang), data=f"e:{r}"),) for r in related[:MAX_SUGGESTIONS]]
        buttons.append((self._menu_button(lang),))
        return self._finish(
            self._answer_text(entry, lang), lang, kind=kind, buttons=tuple(buttons), entry_id=entry.id, score=score
        )

    def city_reply(self, city: City, lang: str, *, score: float = 100.0, kind: str = "answer") -> Reply:
        text = self._msg(
            "city_answer",
            lang,
            name=city.name,
            country=city.country[lang],
            joined=city.joined,
            url=escape_attr(city.url),
        )
        if city.note:
            text += "\n\n" + city.note[lang]
        buttons = (*self._members_button(lang), (self._menu_button(lang),))
        return self._finish(text, lang, kind=kind, buttons=buttons, entry_id=city.entry_id, score=score)

    def _members_button(self, lang: str) -> tuple[tuple[Button, ...], ...]:
        if "members-turkey" not in self.content.faq:
            return ()
        return ((Button(self.title("members-turkey", lang), data="e:members-turkey"),),)

    def _suggest(self, result: MatchResult, lang: str) -> Reply:
        picks = [m for m in result.ranked if m.score >= self.matcher.thresholds.suggest][:MAX_SUGGESTIONS]
        buttons = tuple((Button(self.title(m.entry_id, lang), data=f"e:{m.entry_id}"),) for m in picks)
        best = result.best
        return self._finish(
            self._msg("did_you_mean", lang),
            lang,
            kind="suggest",
            buttons=(*buttons, (self._menu_button(lang),)),
            score=best.score if best else 0.0,
            suggestions=tuple(m.entry_id for m in picks),
        )

    # ------------------------------------------------------------------ entry points
    def ask(
        self, text: str, *, pref: str | None = None, user_lang: str | None = None, force_lang: str | None = None
    ) -> Reply:
        """Answer a free-text question, in its own language unless ``force_lang`` is given."""
        result = self.matcher.match(text)
        best = result.best
        lang = force_lang or result.lang or _lang_from(pref, user_lang, best.lang if best else None)
        if not result.query.terms:
            return self._finish(
                self._msg("empty_question", lang), lang, kind="fallback", buttons=((self._menu_button(lang),),)
            )
        if result.decision == "answer" and best is not None:
            return self.entry_reply(best.entry_id, lang, score=best.score)
        if result.decision == "suggest":
            return self._suggest(result, lang)
        return self._finish(
            self._msg("fallback", lang),
            lang,
            kind="fallback",
            buttons=((self._menu_button(lang),),),
            score=best.score if best else 0.0,
        )

    def error_reply(self, *, pref: str | None = None, user_lang: str | None = None) -> Reply:
        """An apology for an unexpected failure while handling a message."""
        lang = _lang_from(pref, user_lang)
        return self._finish(self._msg("error", lang), lang, kind="fallback")

    def resolve_payload(self, payload: str) -> str | None:
        """An entry id, topic id or city for a ``/start PAYLOAD`` deep link."""
        key = payload.strip().lower()
        if key in self.content.faq or key in self.content.city_by_entry:
            return key
        if any(t.id == key for t in self.content.topics):
            return f"t:{key}"
        city = self._city_names.get(fold(key))
        return city.entry_id if city else None

    def command(
        self,
        name: str,
        args: Sequence[str] = (),
        *,
        pref: str | None = None,
        user_lang: str | None = None,
        first_name: str = "",
    ) -> Reply:
        """Reply to ``/name args``; unknown commands get a pointer to /help."""
        lang = _lang_from(pref, user_lang)
        handler = getattr(self, f"_cmd_{name}", None)
        if handler is None:
            return self._finish(self._msg("unknown_command", lang), lang, kind="usage")
        return handler(list(args), lang, first_name)

    def _cmd_start(self, args: list[str], lang: str, first_name: str) -> Reply:
        if args:
            target = self.resolve_payload(args[0])
            if target is not None:
                return self.button(
                    f"e:{target}" if not target.startswith("t:") else target, pref=lang
                ) or self._cmd_faq([], lang, first_name)
        return self._finish(
            self._msg("welcome", lang, name=first_name or "👋"), lang, buttons=self._topic_buttons(lang)
        )

    def _cmd_help(self, args: list[str], lang: str, first_name: str) -> Reply:
        return self._finish(self._msg("help", lang), lang, buttons=((self._menu_button(lang),),))

    def _cmd_about(self, args: list[str], lang: str, first_name: str) -> Reply:
        return self._finish(self._msg("about", lang), lang)

    def _cmd_faq(self, args: list[str], lang: str, first_name: str) -> Reply:
        return self._finish(self._msg("menu_prompt", lang), lang, buttons=self._topic_buttons(lang))

    def _cmd_links(self, args: list[str], lang: str, first_name: str) -> Reply:
        return self._finish(self._msg("links_header", lang) + "\n\n" + self._render_links(lang), lang)

    def _cmd_conferences(self, args: list[str], lang: str, first_name: str) -> Reply:
        confs = self.content.conferences
        text = self._msg("conferences_header", lang, count=len(confs)) + "\n\n" + self._render_conferences(lang)
        buttons = [Button(f"{c.number}. {c.city[lang]} {c.year}", data=f"e:{c.entry}") for c in confs]
        return self._finish(text, lang, buttons=tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)))

    def _cmd_cities(self, args: list[str], lang: str, first_name: str) -> Reply:
        cities = self.content.cities
        if not args:
            header = self._msg("cities_header", lang, count=len(cities), as_of=self.content.cities_as_of)
            return self._finish(header + "\n\n" + self._render_cities(lang, cities), lang)
        year_text = args[0]
        if len(args) > 1 or not (year_text.isascii() and year_text.isdigit() and len(year_text) == 4):
            return self._finish(self._msg("cities_usage", lang), lang, kind="usage")
        year = int(year_text)
        chosen = [c for c in cities if c.joined == year]
        if not chosen:
            return self._finish(self._msg("cities_year_none", lang, year=year), lang, kind="usage")
        header = self._msg("cities_year_header", lang, year=year, count=len(chosen))
        return self._finish(header + "\n\n" + self._render_cities(lang, chosen), lang)

    def find_city(self, name: str) -> City | None:
        """A member city by (fuzzy) name or alias."""
        key = fold(name)
        if not key:
            return None
        if key in self._city_names:
            return self._city_names[key]
        found = process.extractOne(key, list(self._city_names), scorer=fuzz.WRatio, score_cutoff=82)
        return self._city_names[found[0]] if found else None

    def _cmd_city(self, args: list[str], lang: str, first_name: str) -> Reply:
        query = " ".join(args).strip()
        if not query:
            return self._finish(self._msg("city_usage", lang), lang, kind="usage")
        city = self.find_city(query)
        if city is None:
            return self._finish(
                self._msg(
                    "city_not_found",
                    lang,
                    query=tghtml.truncate_text(query, 60),
                    url=escape_attr(self.content.cities_source),
                ),
                lang,
                kind="usage",
                buttons=self._members_button(lang),
            )
        return self.city_reply(city, lang)

    def _cmd_lang(self, args: list[str], lang: str, first_name: str) -> Reply:
        choice = args[0].lower() if len(args) == 1 else ""
        if choice not in LANGS:
            buttons = tuple(Button(self._msg("language_name", code), data=f"lang:{code}") for code in LANGS)
            return self._finish(self._msg("lang_usage", lang), lang, kind="usage", buttons=(buttons,))
        return self._finish(
            self._msg("lang_set", choice, language=self._msg("language_name", choice)), choice, set_lang=choice
        )

    def button(self, data: str, *, pref: str | None = None, user_lang: str | None = None) -> Reply | None:
        """The reply to an inline button's callback data; None for stale or unknown data."""
        lang = _lang_from(pref, user_lang)
        kind, _, value = data.partition(":")
        if data == "menu":
            return replace(self._cmd_faq([], lang, ""), edit=True)
        if kind == "e" and (value in self.content.faq or value in self.content.city_by_entry):
            return self.entry_reply(value, lang)
        if kind == "t":
            topic = next((t for t in self.content.topics if t.id == value), None)
            if topic is None:
                return None
            buttons = tuple((Button(self.title(e, lang), data=f"e:{e}"),) for e in topic.entries)
            return self._finish(
                self._msg("topic_header", lang, title=topic.title[lang]),
                lang,
                buttons=(*buttons, (self._menu_button(lang),)),
                edit=True,
            )
        if kind == "lang":
            return self._cmd_lang([value], lang, "")
        return None

    def inline(
        self, query: str, *, pref: str | None = None, user_lang: str | None = None, limit: int = 5
    ) -> list[InlineArticle]:
        """Up to ``limit`` answers for an inline query."""
        lang = _lang_from(pref, user_lang)
        query = query.strip()
        if query:
            result = self.matcher.match(query, limit)
            lang = result.lang or _lang_from(pref, user_lang, result.best.lang if result.best else None)
            ids = [m.entry_id for m in result.ranked if m.score >= self.matcher.thresholds.suggest]
        else:
            ids = [e for t in self.content.topics for e in t.entries[:1]][:limit]
        articles = []
        for entry_id in ids[:limit]:
            reply = self.entry_reply(entry_id, lang)
            articles.append(
                InlineArticle(
                    entry_id,
                    self.title(entry_id, lang),
                    tghtml.truncate_text(tghtml.to_plain(reply.messages[0]), 120),
                    reply.messages[0],
                )
            )
        if not articles:
            text = self._msg("inline_fallback_text", lang)
            articles.append(
                InlineArticle(
                    "none",
                    self._msg("inline_fallback_title", lang),
                    tghtml.truncate_text(tghtml.to_plain(text), 120),
                    text,
                )
            )
        return articles

    # ------------------------------------------------------------------ checks
    def self_check(self) -> list[Problem]:
        """Render every reply once and report any that Telegram would refuse."""
        problems: list[Problem] = []

        def check(file: str, entry: str | None, what: str, reply: Reply) -> None:
            for message in reply.messages:
                for issue in tghtml.validate(message, strict=False):
                    problems.append(Problem(file, None, entry, f"{what} renders invalid HTML: {issue}"))
                if tghtml.utf16_len(message) > tghtml.MAX_MESSAGE:
                    problems.append(Problem(file, None, entry, f"{what} renders over {tghtml.MAX_MESSAGE} characters"))
            for row in reply.buttons:
                for b in row:
                    if b.data is not None and len(b.data.encode()) > CALLBACK_MAX_BYTES:
                        problems.append(Problem(file, None, entry, f"{what}: button data {b.data!r} is too long"))

        for lang in LANGS:
            for entry_id in self.content.faq:
                check("faq.yaml", entry_id, f"answer.{lang}", self.entry_reply(entry_id, lang))
            for city in self.content.cities:
                check("cities.yaml", city.id, f"reply ({lang})", self.city_reply(city, lang))
            for name, args in (
                ("start", []),
                ("help", []),
                ("about", []),
                ("faq", []),
                ("links", []),
                ("conferences", []),
                ("cities", []),
                ("city", []),
                ("lang", []),
                ("cities", ["x"]),
                ("city", ["<&>"]),
                ("nope", []),
            ):
                check("messages.yaml", name, f"/{name} ({lang})", self.command(name, args, pref=lang))
            for topic in self.content.topics:
                reply = self.button(f"t:{topic.id}", pref=lang)
                if reply is not None:
                    check("topics.yaml", topic.id, f"topic ({lang})", reply)
            for text in ("", "zzzz qqqq", "<script>&"):
                check("messages.yaml", None, f"fallback ({lang})", self.ask(text, pref=lang))
        return problems
