"""Flood control and transient failures: the one home of the Telegram retry policy.

* Flood control (429 ``RetryAfter``) is owned by the rate limiter
  (:class:`handlers.ratelimit.PacingLimiter`): an ordinary request is retried once, after
  the wait Telegram names, when that wait is at most :data:`MAX_FLOOD_WAIT`. Announcement
  sends ask for no retry (``rate_limit_args=0``): the broadcaster owns theirs, because it
  records and resumes every delivery.
* Network errors on a reply are retried here, twice, with a short backoff
  (:func:`with_network_retries`), but only those where the request provably did not take
  effect: no connection (refused, connect or pool timeout) or an error answer (5xx). A
  request that was sent and then not answered in time (a read timeout, a dropped
  connection) may well have been delivered: it is never resent, so that nobody gets the
  same answer twice (:func:`may_have_arrived`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Final, TypeVar

import httpx
from telegram.error import BadRequest, NetworkError, RetryAfter

__all__ = [
    "FLOOD_RETRIES",
    "MAX_FLOOD_WAIT",
    "NO_FLOOD_RETRY",
    "may_have_arrived",
    "retry_seconds",
    "with_network_retries",
]

logger = logging.getLogger(__name__)
T = TypeVar("T")

FLOOD_RETRIES: Final = 1  # an ordinary request waits out flood control once
NO_FLOOD_RETRY: Final = 0  # ``rate_limit_args`` of a request whose caller retries itself
MAX_FLOOD_WAIT: Final = 30.0  # seconds a request waits out flood control at most
_NETWORK_RETRIES: Final = 2
_BACKOFF: Final = 0.5  # seconds before the first network retry; doubled for each further one


def retry_seconds(exc: RetryAfter) -> float:
    """How long Telegram asks to wait, in seconds (PTB gives an int or a timedelta)."""
    value: object = exc.retry_after
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, (int, float)) else 1.0


# No connection was made, or none was free: the request never left this process.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


def may_have_arrived(exc: NetworkError) -> bool:
    """Whether Telegram may have carried out the request that failed with ``exc``: True when
    it was sent and no answer came (a read or write timeout, a dropped connection), False when
    it provably was not (no connection could be made) or Telegram answered with an error (5xx)."""
    cause = exc.__cause__
    if isinstance(cause, _NOT_SENT):
        return False
    # PTB raises a NetworkError of its own, without an httpx cause, for an HTTP error answer.
    return isinstance(cause, httpx.TransportError)


async def with_network_retries(call: Callable[[], Awaitable[T]], *, what: str = "a request") -> T:
    """Run ``call``, retrying network errors a bounded number of times; never one that may
    have reached Telegram (see :func:`may_have_arrived`)."""
    for attempt in range(_NETWORK_RETRIES + 1):
        try:
            return await call()
        except (BadRequest, RetryAfter):
            raise
        except NetworkError as exc:  # timeouts, connection errors, 5xx
            if attempt == _NETWORK_RETRIES or may_have_arrived(exc):
                raise
            logger.info("Sending %s failed (%s); retrying", what, exc)
            await asyncio.sleep(_BACKOFF * 2**attempt)
    raise AssertionError("unreachable")
