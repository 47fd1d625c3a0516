"""What an assistant builds from its content before it can answer: the matcher's index,
the member directory and the understanding (facts, no-answer topics, small talk).

Building them is most of the time an :class:`~bot.assistant.Assistant` takes to make;
the content cache (bot/contentcache.py) keeps them as built, next to the content.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.content import Content
from bot.matching import Matcher, Thresholds
from bot.members.directory import Directory
from bot.searchable import searchable
from bot.understanding import Understanding

__all__ = ["Prepared"]


@dataclass(frozen=True, slots=True)
class Prepared:
    """The parts built from one :class:`Content` (and the thresholds of its matcher)."""

    matcher: Matcher
    directory: Directory | None  # None only for content without members.yaml
    understanding: Understanding

    @classmethod
    def build(cls, content: Content, thresholds: Thresholds | None = None) -> Prepared:
        matcher = Matcher(searchable(content), thresholds)
        directory = Directory(content.members, content.cities) if content.members is not None else None
        return cls(matcher, directory, Understanding(content, matcher, directory))
