"""Processing updates side by side, so that a busy group never holds up anybody else.

Telegram lets a bot send a group 20 messages a minute, and the rate limiter waits that out
inside the handler that sends. With PTB's one pool of handler slots, a group asking faster
than that filled every slot with waits, and a private question waited behind them (48
mentions in one group: over 30 s). Here updates from groups that may ask the bot something
go through one lane per group: one update at a time, outside the slots of everybody else.
When a group's lane has more waiting than :data:`GROUP_BACKLOG`, the oldest waiting
messages are dropped, so that the group gets its latest questions answered; the log says so
once a minute per group.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, Final

from telegram import MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import BaseUpdateProcessor

__all__ = ["GROUP_BACKLOG", "FairUpdateProcessor"]

logger = logging.getLogger(__name__)

GROUP_BACKLOG: Final = 3  # messages a group may have waiting; older ones are dropped
_BOUND: Final = 4096  # updates in hand at most (waiting in lanes included)
_NOTICE_EVERY: Final = 60.0


@dataclass(slots=True)
class _Lane:
    busy: bool = False
    waiting: deque[tuple[asyncio.Future[bool], bool]] = field(default_factory=deque)
    dropped: int = 0
    noticed: float = -_NOTICE_EVERY


def _group_lane(update: object) -> int | None:
    """The group whose lane an update goes through: anything from a group except chatter
    that cannot be for the bot (no command, mention or reply to a bot), which is quick."""
    if not isinstance(update, Update):
        return None
    chat = update.effective_chat
    if chat is None or chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
        return None
    message = update.message
    if message is not None and not _may_ask_the_bot(update):
        return None
    return chat.id


def _may_ask_the_bot(update: Update) -> bool:
    message = update.message
    assert message is not None
    text = message.text or ""
    if text.startswith("/") or (message.reply_to_message is not None and message.reply_to_message.from_user):
        return True
    return any(e.type in (MessageEntity.MENTION, MessageEntity.TEXT_MENTION) for e in message.entities)


class FairUpdateProcessor(BaseUpdateProcessor):
    """At most ``max_concurrent`` private (and other) updates at once, plus one update per
    group in that group's lane (see the module docstring)."""

    def __init__(self, max_concurrent: int = 16, group_backlog: int = GROUP_BACKLOG) -> None:
        super().__init__(_BOUND)
        self._slots = asyncio.BoundedSemaphore(max_concurrent)
        self._backlog = group_backlog
        self._lanes: dict[int, _Lane] = {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat_id = _group_lane(update)
        if chat_id is None:
            async with self._slots:
                await coroutine
            return
        lane = self._lanes.setdefault(chat_id, _Lane())
        if lane.busy:
            future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            droppable = isinstance(update, Update) and update.message is not None
            lane.waiting.append((future, droppable))
            self._trim(chat_id, lane)
            try:
                go = await future
            except asyncio.CancelledError:
                if future.done() and not future.cancelled() and future.result():
                    self._next(chat_id, lane)
                else:
                    lane.waiting = deque(w for w in lane.waiting if w[0] is not future)
                _close(coroutine)
                raise
            if not go:
                _close(coroutine)
                return
        else:
            lane.busy = True
        try:
            await coroutine
        finally:
            self._next(chat_id, lane)

    def _trim(self, chat_id: int, lane: _Lane) -> None:
        """Drop the oldest waiting messages beyond the backlog (never other updates)."""
        droppable = [w for w in lane.waiting if w[1]]
        excess = len(droppable) - self._backlog
        if excess <= 0:
            return
        for future, _ in droppable[:excess]:
            future.set_result(False)
        gone = {id(w[0]) for w in droppable[:excess]}
        lane.waiting = deque(w for w in lane.waiting if id(w[0]) not in gone)
        lane.dropped += excess
        now = time.monotonic()
        if now - lane.noticed >= _NOTICE_EVERY:
            lane.noticed = now
            logger.warning(
                "Group %s asks faster than Telegram lets the bot answer: answering its latest messages, "
                "dropped %d older ones so far",
                chat_id,
                lane.dropped,
            )

    def _next(self, chat_id: int, lane: _Lane) -> None:
        """Hand the lane to the next waiting update, or close it."""
        while lane.waiting:
            future, _ = lane.waiting.popleft()
            if not future.done():
                future.set_result(True)
                return
        lane.busy = False
        if self._lanes.get(chat_id) is lane:
            del self._lanes[chat_id]


def _close(coroutine: Awaitable[Any]) -> None:
    """Close a coroutine that will never run (no "was never awaited" warning)."""
    close = getattr(coroutine, "close", None)
    if close is not None:
        close()
