"""Flood protection: a person who sends dozens of messages in seconds gets one polite
notice and is then ignored for a while, so that everybody else keeps being answered."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Throttle", "Verdict"]


class Verdict(StrEnum):
    OK = "ok"  # answer it
    NOTICE = "notice"  # send the one notice
    DROP = "drop"  # ignore it


@dataclass(slots=True)
class _State:
    times: deque[float] = field(default_factory=deque)
    silenced_until: float = 0.0


class Throttle:
    """At most ``limit`` messages in ``window`` seconds per user; beyond that one notice,
    then silence for ``silence`` seconds. Forgets users who went quiet."""

    def __init__(
        self, limit: int = 8, window: float = 10.0, silence: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.silence = silence
        self._clock = clock
        self._users: dict[int, _State] = {}

    def check(self, user_id: int) -> Verdict:
        """Whether to answer ``user_id``'s message now."""
        now = self._clock()
        state = self._users.setdefault(user_id, _State())
        if now < state.silenced_until:
            return Verdict.DROP
        times = state.times
        while times and times[0] <= now - self.window:
            times.popleft()
        times.append(now)
        if len(times) > self.limit:
            times.clear()
            state.silenced_until = now + self.silence
            return Verdict.NOTICE
        if len(self._users) > 10_000:
            self._forget_quiet(now)
        return Verdict.OK

    def _forget_quiet(self, now: float) -> None:
        quiet = [
            uid
            for uid, s in self._users.items()
            if s.silenced_until <= now and (not s.times or s.times[-1] <= now - self.window)
        ]
        for uid in quiet:
            del self._users[uid]
