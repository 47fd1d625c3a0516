"""A short memory of each conversation, for follow-up questions.

After "Konya ne zaman üye oldu?" the question "peki Bolu?" means "when did Bolu join";
after "1. konferans nerede yapıldı?", "peki dördüncüsü?" means the fourth conference's
place. The assistant remembers, per chat, what the last answer was about (a
:class:`Topic`: the kind of thing, the thing and the attribute asked) for a few
minutes, and uses it only when a new question does not stand on its own.

The memory is bounded (the least recently used chats are forgotten first) and keyed by
the chat, so one person's context never reaches another. Nothing here knows about
Telegram: the console chat and the Telegram handlers pass their own chat key.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

__all__ = ["DEFAULT_TTL", "MAX_CHATS", "Conversations", "Topic"]

DEFAULT_TTL = 300.0  # seconds a context stays usable
MAX_CHATS = 10_000  # chats remembered at most


@dataclass(frozen=True, slots=True)
class Topic:
    """What the last answer in a chat was about.

    ``kind``: the kind of thing ("city", "conference", "award", ...); ``entity``: which
    one (an id the answering module understands); ``attribute``: what was asked about
    it ("when", "where", ...), or None for the whole card; ``lang``: the reply's language;
    ``rest``: the question without the thing's name (folded), to ask again about another;
    ``name``: the thing's name as asked (folded), to ask about it again ("peki hangi ay?");
    ``entry``: the entry that answered, to give again for "emin misin?" / "are you sure?".
    """

    kind: str
    entity: str
    attribute: str | None = None
    lang: str | None = None
    rest: str = ""
    name: str = ""
    entry: str = ""

    @property
    def of_one(self) -> str | None:
        """The kind, when one attribute of one thing was asked (not the card, not "which"):
        another thing of it named alone asks the same ("Bolu kaçıncı üye?" >> "ya Hatay?")."""
        return self.kind if self.entity and self.attribute not in (None, "which") else None


class Conversations:
    """Per-chat :class:`Topic` with a time to live and a bounded number of chats."""

    def __init__(
        self, ttl: float = DEFAULT_TTL, max_chats: int = MAX_CHATS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if ttl <= 0 or max_chats < 1:
            raise ValueError("ttl must be positive and max_chats at least 1")
        self.ttl = ttl
        self.max_chats = max_chats
        self._clock = clock
        self._topics: OrderedDict[Hashable, tuple[float, Topic]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._topics)

    def get(self, chat: Hashable | None) -> Topic | None:
        """The chat's topic if it is recent enough; None for no chat (no memory)."""
        if chat is None:
            return None
        found = self._topics.get(chat)
        if found is None:
            return None
        at, topic = found
        if self._clock() - at > self.ttl:
            del self._topics[chat]
            return None
        return topic

    def remember(self, chat: Hashable | None, topic: Topic) -> None:
        """Make ``topic`` the chat's context from now on."""
        if chat is None:
            return
        self._topics[chat] = (self._clock(), topic)
        self._topics.move_to_end(chat)
        while len(self._topics) > self.max_chats:
            self._topics.popitem(last=False)

    def forget(self, chat: Hashable | None) -> None:
        """Drop the chat's context (a new topic, /start, or a question answered otherwise)."""
        if chat is not None:
            self._topics.pop(chat, None)
