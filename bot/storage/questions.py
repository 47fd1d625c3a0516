"""Questions and what the bot did with them, written in batches; feedback on answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator

from bot.storage.database import Database
from bot.storage.models import DatabaseUnavailable, QuestionRecord, StorageError, storable_text

__all__ = ["QUESTION_BATCH", "QUESTION_FLUSH_SECONDS", "QUESTION_KEEP", "QuestionRepository"]

QUESTION_BATCH = 200  # questions written in one transaction at the most
QUESTION_FLUSH_SECONDS = 0.25  # ... and at the latest this long after they were asked
QUESTION_KEEP = 20 * QUESTION_BATCH  # kept in memory at the most while the database is unreachable

logger = logging.getLogger("bot.storage")

_INSERT = (
    "INSERT INTO questions (at, chat_id, user_id, lang, text, folded, entry, score, answered, kind) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_Row = tuple[float, int | None, int | None, str, str | None, str | None, str | None, float, int, str]


class QuestionRepository:
    """The batch writer: :meth:`log_question` keeps a question in memory, and a batch is
    written in one transaction when it is full, :data:`QUESTION_FLUSH_SECONDS` later,
    before every read of the questions (:meth:`flush_questions`) and at close. While the
    server is unreachable they stay in memory (up to :data:`QUESTION_KEEP`)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._pending: list[_Row] = []  # recorded, not yet written
        self._flush_timer: asyncio.TimerHandle | None = None
        self._flush_tasks: set[asyncio.Future[None]] = set()
        self._writing = asyncio.Lock()  # held while a batch is written

    async def log_question(self, record: QuestionRecord) -> None:
        """Record a question (its text only when stored). A full disk loses that batch and is logged."""
        self._pending.append(
            (
                record.at,
                record.chat_id,
                record.user_id,
                record.lang,
                storable_text(record.text),
                storable_text(record.folded),
                record.entry,
                record.score,
                int(record.answered),
                record.kind,
            )
        )
        if len(self._pending) > QUESTION_KEEP:  # unreachable for long: the oldest go
            del self._pending[: len(self._pending) - QUESTION_KEEP]
        if len(self._pending) >= QUESTION_BATCH and self.db.available:
            await self.flush_questions()
        elif self._flush_timer is None:
            self._flush_timer = asyncio.get_running_loop().call_later(QUESTION_FLUSH_SECONDS, self._flush_later)

    def _flush_later(self) -> None:
        self._flush_timer = None
        task = asyncio.ensure_future(self.flush_pending())
        self._flush_tasks.add(task)
        task.add_done_callback(self._flush_tasks.discard)

    async def flush_pending(self) -> None:
        """Write the questions recorded so far; a database error is logged, not raised.
        (Each timed write also asks whether the database is still there: a deleted
        SQLite file is logged at once, not found at stop.)"""
        if self._pending and not self.db.available:
            logger.debug("Writing %d question(s) to a database that is not available", len(self._pending))
        try:
            await self.flush_questions()
        except DatabaseUnavailable as exc:  # (said once when it went away) kept, tried again
            logger.debug("Questions kept in memory until %s is back: %s", self.db.where, exc)
            if self._flush_timer is None:
                self._flush_timer = asyncio.get_running_loop().call_later(1.0, self._flush_later)
        except (OSError, StorageError) as exc:
            logger.error("Could not record questions in %s: %s", self.db.where, exc)

    async def flush_questions(self) -> None:
        """Write the questions recorded so far; raises StorageError on a database error (they are lost)."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        async with self._writing:  # also waits for a batch being written (a read comes after it)
            batch, self._pending = self._pending, []
            if not batch:
                return
            try:
                await self.db.execute_many_at_once(_INSERT, batch)
            except DatabaseUnavailable:
                self._pending[:0] = batch  # written when it is back (see log_question)
                raise
            except self.db.errors as exc:
                raise StorageError(f"{exc}") from exc

    @contextlib.asynccontextmanager
    async def paused(self) -> AsyncIterator[None]:
        """No batch is written meanwhile; one under way is finished first (/forgetme:
        nothing about the person may be written after their data is deleted)."""
        async with self._writing:
            yield

    def drop_pending(self, user_id: int) -> int:
        """Forget the questions of a person (asked by them, or in their private chat)
        that are not written yet; the number dropped."""
        kept = [row for row in self._pending if row[2] != user_id and row[1] != user_id]
        dropped = len(self._pending) - len(kept)
        self._pending = kept
        return dropped

    async def close(self) -> None:
        """Wait for a timed write under way, then write what is left."""
        if self._flush_tasks:
            await asyncio.gather(*self._flush_tasks, return_exceptions=True)
        await self.flush_pending()

    async def add_feedback(self, user_id: int, chat_id: int | None, entry: str, vote: int) -> None:
        """A 👍 (+1) or 👎 (-1) on an answer; a second vote on the same entry replaces the first."""
        await self.db.execute(
            "INSERT INTO feedback (at, user_id, chat_id, entry, vote) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (user_id, entry) DO UPDATE SET vote = excluded.vote, at = excluded.at",
            time.time(),
            user_id,
            chat_id,
            entry,
            1 if vote > 0 else -1,
        )
