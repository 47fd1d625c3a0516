"""Loading the whole content directory: every file, the references between files, and
an optional extra check on the assembled :class:`Content`.

Loading either returns a complete, valid :class:`Content` or raises :class:`ContentError`
listing every problem found; the bot never runs on half-valid content.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot.content.checker import Checker
from bot.content.loaders import (
    load_announcements,
    load_cities,
    load_conferences,
    load_faq,
    load_links,
    load_messages,
    load_topics,
)
from bot.content.model import Content, ContentError, Problem
from bot.content.synonyms import load_synonyms
from bot.members.load import PROVINCES_FILE, load_members
from bot.textnorm import fold, use_synonyms

__all__ = ["load_content", "use_content"]


def load_content(directory: str | Path, *, extra_check: Callable[[Content], list[Problem]] | None = None) -> Content:
    """Load and validate every content file in ``directory``.

    ``extra_check`` runs on the assembled content (the assistant uses it to render
    every reply once) and may add problems. Raises :class:`ContentError`. Valid content's
    synonym groups become the matcher's vocabulary (:func:`bot.textnorm.use_synonyms`),
    so matchers are built after loading.
    """
    directory = Path(directory)
    c = Checker(directory)
    if not directory.is_dir():
        raise ContentError([Problem(str(directory), None, None, "content directory does not exist")])
    faq = load_faq(c)
    cities, as_of, source, city_questions = load_cities(c)
    city_by_entry = {city.entry_id: city for city in cities}
    for entry in faq.values():
        for ref in entry.related:
            if ref.startswith("city-") and ref not in city_by_entry:
                c.problem("faq.yaml", None, entry.id, f"related id {ref!r} is not a city in cities.yaml")
    conferences = load_conferences(c, faq)
    links = load_links(c)
    topics = load_topics(c, set(faq) | set(city_by_entry))
    messages = load_messages(c)
    announcements = load_announcements(c)
    synonyms = load_synonyms(c)
    members = load_members(c, [city.id for city in cities])
    if members is not None and members.provinces:
        provinces = {fold(n) for p in members.provinces for n in (p.name, *p.aliases)}
        for city in cities:
            if fold(city.name) not in provinces:
                c.problem(PROVINCES_FILE, None, city.id, f"cities.yaml city {city.name!r} is not a province")
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
        synonyms,
        members,
    )
    if extra_check is not None:
        problems = extra_check(content)
        if problems:
            raise ContentError(problems)
    use_content(content)
    return content


def use_content(content: Content) -> None:
    """What valid content sets beyond itself: its synonym groups become the matcher's
    vocabulary. :func:`load_content` calls it, and so does a load from the content cache."""
    use_synonyms(content.synonyms)
