"""Pacing requests to Telegram's limits, and the one owner of flood control (see handlers.retry)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Coroutine
from types import TracebackType
from typing import Any, Final

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from handlers.retry import FLOOD_RETRIES, MAX_FLOOD_WAIT, retry_seconds

__all__ = ["PacingLimiter", "SlidingWindow"]

logger = logging.getLogger(__name__)

_MAX_GROUPS: Final = 512  # group limiters kept; idle ones are dropped beyond this
JSONDict = dict[str, Any]


class SlidingWindow:
    """At most ``count`` entries in any ``period`` seconds, as Telegram counts them: an entry
    goes at once while the window has room (a burst of up to ``count``), else it sleeps (one
    timer) until the oldest of the last ``count`` is ``period`` old. Waiters go in order."""

    def __init__(self, count: int, period: float = 1.0) -> None:
        self._count = count
        self._period = period
        self._stamps: deque[float] = deque(maxlen=count)
        self._lock = asyncio.Lock()

    def _take(self, now: float) -> float:
        """0 if an entry may go now (and it is counted), else the seconds to wait."""
        stamps = self._stamps
        if len(stamps) < self._count or now - stamps[0] >= self._period:
            stamps.append(now)
            return 0.0
        return stamps[0] + self._period - now

    async def __aenter__(self) -> None:
        loop = asyncio.get_running_loop()
        if not self._lock.locked() and self._take(loop.time()) == 0.0:
            return
        async with self._lock:
            while (wait := self._take(loop.time())) > 0.0:
                await asyncio.sleep(wait)

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None


class PacingLimiter(BaseRateLimiter[int]):
    """At most ``overall_rate`` messages in any second (bursts of up to that many go at once,
    spaced only when the rate is really reached: :class:`SlidingWindow`), and ``group_rate``
    a minute per group or channel. When Telegram answers 429, every request waits until the time it
    named has passed; the request is retried ``rate_limit_args`` times (default
    :data:`FLOOD_RETRIES`), then the 429 goes back to the caller."""

    def __init__(self, overall_rate: int = 30, group_rate: float = 20.0) -> None:
        self._overall = SlidingWindow(overall_rate, 1.0)
        self._group_rate = group_rate
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._resume = asyncio.Event()
        self._resume.set()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _group(self, chat: int | str) -> AsyncLimiter:
        limiter = self._groups.get(chat)
        if limiter is None:
            if len(self._groups) >= _MAX_GROUPS:
                for key, idle in list(self._groups.items()):
                    if idle.has_capacity(idle.max_rate):
                        del self._groups[key]
            limiter = self._groups[chat] = AsyncLimiter(self._group_rate, 60)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        with contextlib.suppress(ValueError, TypeError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        group = (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)
        group_context = self._group(chat_id) if group and chat_id is not None else contextlib.nullcontext()
        overall_context = self._overall if chat_id is not None else contextlib.nullcontext()
        retries = FLOOD_RETRIES if rate_limit_args is None else rate_limit_args
        for attempt in range(retries + 1):
            await self._resume.wait()
            async with group_context, overall_context:
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as exc:
                    wait = retry_seconds(exc)
                    self._pause(wait)
                    if attempt == retries or wait > MAX_FLOOD_WAIT:
                        raise
                    logger.info("Flood control on %s: waiting %.1f s, then one more try", endpoint, wait)
        raise AssertionError("unreachable")

    def _pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds`` (Telegram's flood wait)."""
        if not self._resume.is_set():
            return
        self._resume.clear()
        asyncio.get_running_loop().call_later(seconds + 0.1, self._resume.set)
