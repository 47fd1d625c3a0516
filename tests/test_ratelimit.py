"""The overall pacing window (handlers.ratelimit.SlidingWindow): Telegram's 30 a second."""

from __future__ import annotations

import asyncio

from handlers.ratelimit import SlidingWindow


def test_a_burst_up_to_the_limit_goes_at_once_and_the_next_waits_for_the_window() -> None:
    window = SlidingWindow(30, 1.0)
    assert all(window._take(0.01 * i) == 0.0 for i in range(30))  # 30 within 0.3 s: all at once
    assert abs(window._take(0.5) - 0.5) < 1e-9  # the 31st: when the first is 1 s old
    assert window._take(1.0) == 0.0
    assert window._take(1.005) > 0.0  # the second of the burst is not 1 s old yet
    assert window._take(1.01) == 0.0


def test_never_more_than_the_limit_in_any_second() -> None:
    async def main() -> list[float]:
        window = SlidingWindow(5, 0.2)
        loop = asyncio.get_running_loop()
        stamps: list[float] = []

        async def send() -> None:
            async with window:
                stamps.append(loop.time())

        await asyncio.gather(*(send() for _ in range(12)))
        return stamps

    stamps = asyncio.run(main())
    assert len(stamps) == 12
    assert stamps == sorted(stamps)  # in order
    assert max(sum(1 for s in stamps if t <= s < t + 0.19) for t in stamps) <= 5  # (less what the loop takes)
