"""The operators' view: figures for /stats, and the questions the bot could not answer."""

from __future__ import annotations

import time

from bot.storage.database import Database
from bot.storage.models import ChatStatus, Stats
from bot.storage.questions import QuestionRepository

__all__ = ["StatsRepository"]

_DAY = 86400


class StatsRepository:
    """Reads of the questions; each writes the pending batch first, so nothing asked is missing."""

    def __init__(self, db: Database, questions: QuestionRepository) -> None:
        self.db = db
        self.questions = questions

    async def _count(self, sql: str, *args: object) -> int:
        return int(await self.db.fetch_value(sql, *args) or 0)

    async def stats(self, now: float | None = None) -> Stats:
        """Figures for /stats and ``python -m bot stats``."""
        await self.questions.flush_questions()
        now = time.time() if now is None else now
        week, month = now - 7 * _DAY, now - 30 * _DAY
        active = str(ChatStatus.ACTIVE)
        count = self._count
        users = await count(
            "SELECT COUNT(*) FROM (SELECT user_id FROM users UNION SELECT chat_id FROM chats WHERE type = 'private') "
            "AS people"
        )
        groups = await count("SELECT COUNT(*) FROM chats WHERE type IN ('group', 'supergroup') AND status = ?", active)
        subscribers = await count("SELECT COUNT(*) FROM chats WHERE subscribed = 1 AND status = ?", active)
        q7 = await count("SELECT COUNT(*) FROM questions WHERE at >= ?", week)
        q30 = await count("SELECT COUNT(*) FROM questions WHERE at >= ?", month)
        answered30 = await count("SELECT COUNT(*) FROM questions WHERE at >= ? AND answered = 1", month)
        up = await count("SELECT COUNT(*) FROM feedback WHERE vote = 1")
        down = await count("SELECT COUNT(*) FROM feedback WHERE vote = -1")
        top = await self._top_questions(month, answered=None, limit=5)
        unanswered = await self._top_questions(month, answered=False, limit=5)
        return Stats(users, groups, subscribers, q7, q30, answered30, up, down, top, unanswered)

    async def daily_questions(self, since: float, days: int) -> list[tuple[int, int, int]]:
        """Questions per day from ``since`` (the start of the first day) for ``days`` days:
        (answered, "did you mean", not answered) for each day, oldest first."""
        await self.questions.flush_questions()
        counts = [[0, 0, 0] for _ in range(days)]
        rows = await self.db.fetch_all(
            "SELECT (CAST(at AS BIGINT) - ?) / 86400 AS day, answered, kind, COUNT(*) FROM questions "
            "WHERE at >= ? AND at < ? GROUP BY (CAST(at AS BIGINT) - ?) / 86400, answered, kind",
            int(since),
            float(since),
            float(since) + days * _DAY,
            int(since),
        )
        for day, answered, kind, n in rows:
            if 0 <= int(day) < days:
                column = 0 if int(answered) else 1 if kind == "suggest" else 2
                counts[int(day)][column] += int(n)
        return [(a, s, u) for a, s, u in counts]

    async def votes_since(self, since: float) -> tuple[int, int]:
        """(helpful, not helpful) votes given since ``since``."""
        up = await self._count("SELECT COUNT(*) FROM feedback WHERE vote = 1 AND at >= ?", float(since))
        down = await self._count("SELECT COUNT(*) FROM feedback WHERE vote = -1 AND at >= ?", float(since))
        return up, down

    async def unanswered(self, limit: int = 10, since: float | None = None) -> list[tuple[str, int]]:
        """The most frequent unanswered questions, grouped by folded text: (example, count)."""
        return await self._top_questions(0.0 if since is None else since, answered=False, limit=limit)

    async def unanswered_texts(self, since: float | None = None) -> list[str]:
        """Every stored unanswered question (for grouping and suggestions)."""
        await self.questions.flush_questions()
        rows = await self.db.fetch_all(
            "SELECT text FROM questions WHERE answered = 0 AND text IS NOT NULL AND at >= ? ORDER BY id",
            0.0 if since is None else float(since),
        )
        return [str(r[0]) for r in rows]

    async def _top_questions(self, since: float, *, answered: bool | None, limit: int) -> list[tuple[str, int]]:
        await self.questions.flush_questions()
        # answered: None for all questions, else only answered (1) or unanswered (0) ones.
        wanted = -1 if answered is None else int(answered)
        rows = await self.db.fetch_all(
            "SELECT MIN(text), COUNT(*) AS n FROM questions "
            "WHERE at >= ? AND folded IS NOT NULL AND folded != '' AND (? = -1 OR answered = ?) "
            "GROUP BY folded ORDER BY n DESC, MIN(id) LIMIT ?",
            float(since),
            wanted,
            wanted,
            limit,
        )
        return [(str(r[0]), int(r[1])) for r in rows]
