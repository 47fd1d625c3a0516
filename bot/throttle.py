"""Flood protection: a person who sends dozens of messages in seconds gets one polite
notice and is then ignored for a while, so that everybody else keeps being answered.

Each kind of request has its own budget: messages (questions and commands the bot answers),
button presses, and inline queries (one per keystroke, so a far larger one). Only what the
bot would answer is counted; the Telegram layer decides that, and never counts operators.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Budget", "Kind", "Throttle", "Verdict"]


class Verdict(StrEnum):
    OK = "ok"  # answer it
    NOTICE = "notice"  # send the one notice
    DROP = "drop"  # ignore it


class Kind(StrEnum):
    MESSAGE = "message"
    BUTTON = "button"
    INLINE = "inline"


@dataclass(frozen=True, slots=True)
class Budget:
    """At most ``limit`` requests in ``window`` seconds."""

    limit: int
    window: float


# A person reading and asking sends a message every few seconds; "ogrenen sehir nedir" typed
# in inline mode is up to 19 queries in as many keystrokes; a flood is dozens a second.
DEFAULT_BUDGETS: Mapping[Kind, Budget] = {
    Kind.MESSAGE: Budget(12, 10.0),
    Kind.BUTTON: Budget(20, 10.0),
    Kind.INLINE: Budget(60, 10.0),
}


@dataclass(slots=True)
class _State:
    times: deque[float] = field(default_factory=deque)
    silenced_until: float = 0.0


class Throttle:
    """Per user and kind: beyond the kind's budget one notice, then silence for ``silence``
    seconds (for that kind only). ``limit`` and ``window`` set the message budget. Forgets
    users who went quiet."""

    def __init__(
        self,
        limit: int | None = None,
        window: float | None = None,
        silence: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        budgets: Mapping[Kind, Budget] | None = None,
    ) -> None:
        chosen = dict(DEFAULT_BUDGETS if budgets is None else budgets)
        message = chosen[Kind.MESSAGE]
        chosen[Kind.MESSAGE] = Budget(
            message.limit if limit is None else limit, message.window if window is None else window
        )
        self.budgets: Mapping[Kind, Budget] = chosen
        self.silence = silence
        self._clock = clock
        self._users: dict[tuple[int, Kind], _State] = {}

    @property
    def limit(self) -> int:
        """The message budget's limit."""
        return self.budgets[Kind.MESSAGE].limit

    @property
    def window(self) -> float:
        return self.budgets[Kind.MESSAGE].window

    def check(self, user_id: int, kind: Kind = Kind.MESSAGE) -> Verdict:
        """Whether to answer ``user_id``'s request of ``kind`` now."""
        now = self._clock()
        budget = self.budgets[kind]
        state = self._users.setdefault((user_id, kind), _State())
        if now < state.silenced_until:
            return Verdict.DROP
        times = state.times
        while times and times[0] <= now - budget.window:
            times.popleft()
        times.append(now)
        if len(times) > budget.limit:
            times.clear()
            state.silenced_until = now + self.silence
            return Verdict.NOTICE
        if len(self._users) > 10_000:
            self._forget_quiet(now)
        return Verdict.OK

    def _forget_quiet(self, now: float) -> None:
        longest = max(b.window for b in self.budgets.values())
        quiet = [
            key
            for key, s in self._users.items()
            if s.silenced_until <= now and (not s.times or s.times[-1] <= now - longest)
        ]
        for key in quiet:
            del self._users[key]
