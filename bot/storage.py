"""The bot's SQLite database (aiosqlite): versioned schema, parameterised SQL only.

The schema is upgraded in place at start-up: each entry of :data:`MIGRATIONS` runs once,
in order, and ``PRAGMA user_version`` records how far a file has come.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import aiosqlite

__all__ = [
    "MIGRATIONS",
    "Announcement",
    "ChatRow",
    "Delivery",
    "DeliveryCounts",
    "QuestionRecord",
    "Stats",
    "Storage",
    "StorageError",
]

QUESTION_BATCH = 200  # questions written in one transaction at the most
QUESTION_FLUSH_SECONDS = 0.25  # ... and at the latest this long after they were asked

logger = logging.getLogger(__name__)

MIGRATIONS: tuple[str, ...] = (
    # 1: people's language choice
    """
    CREATE TABLE users (
        user_id    INTEGER PRIMARY KEY,
        lang       TEXT,
        first_seen REAL NOT NULL,
        last_seen  REAL NOT NULL
    );
    """,
    # 2: chats, questions, feedback, announcements and their deliveries
    """
    CREATE TABLE chats (
        chat_id     INTEGER PRIMARY KEY,
        type        TEXT NOT NULL,
        title       TEXT,
        lang        TEXT,
        first_seen  REAL NOT NULL,
        last_seen   REAL NOT NULL,
        subscribed  INTEGER NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'active',
        migrated_to INTEGER
    );
    CREATE INDEX chats_subscribed ON chats (subscribed, status);
    CREATE TABLE questions (
        id       INTEGER PRIMARY KEY,
        at       REAL NOT NULL,
        chat_id  INTEGER,
        user_id  INTEGER,
        lang     TEXT,
        text     TEXT,
        folded   TEXT,
        entry    TEXT,
        score    REAL NOT NULL,
        answered INTEGER NOT NULL,
        kind     TEXT NOT NULL
    );
    CREATE INDEX questions_at ON questions (at);
    CREATE INDEX questions_user ON questions (user_id);
    CREATE TABLE feedback (
        id      INTEGER PRIMARY KEY,
        at      REAL NOT NULL,
        user_id INTEGER NOT NULL,
        chat_id INTEGER,
        entry   TEXT NOT NULL,
        vote    INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        UNIQUE (user_id, entry)
    );
    CREATE TABLE announcements (
        id                  INTEGER PRIMARY KEY,
        key                 TEXT UNIQUE,
        created             REAL NOT NULL,
        author              INTEGER,
        text_tr             TEXT NOT NULL,
        text_en             TEXT NOT NULL,
        audience            TEXT NOT NULL,
        status              TEXT NOT NULL,
        due                 REAL,
        finished            REAL,
        progress_chat_id    INTEGER,
        progress_message_id INTEGER
    );
    CREATE TABLE deliveries (
        announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
        target          TEXT NOT NULL,
        lang            TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending',
        message_id      INTEGER,
        reason          TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated         REAL NOT NULL,
        PRIMARY KEY (announcement_id, target)
    );
    CREATE INDEX deliveries_pending ON deliveries (announcement_id, status);
    """,
    # 3: the language of an announcement's progress message, for resuming after a restart
    """
    ALTER TABLE announcements ADD COLUMN progress_lang TEXT;
    """,
    # 4: recently processed updates, so that a redelivered update is not answered twice
    """
    CREATE TABLE processed_updates (
        update_id INTEGER PRIMARY KEY,
        at        REAL NOT NULL
    );
    """,
)


class StorageError(RuntimeError):
    """The database cannot be opened or used; the message names the path."""


class Storage:
    """One open database connection; use ``async with Storage(path) as db``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None
        self._langs: dict[int, str] = {}  # every /lang choice, read once at open (a small table)
        self._transaction_lock = asyncio.Lock()
        self._questions: list[tuple[Any, ...]] = []  # recorded, not yet written (see log_question)
        self._flush_timer: asyncio.TimerHandle | None = None
        self._flush_tasks: set[asyncio.Future[None]] = set()

    async def __aenter__(self) -> Storage:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError(f"database {self.path} is not open")
        return self._db

    async def open(self) -> None:
        """Open (creating the folder and file if needed) and migrate the database."""
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: a single statement is its own transaction (no separate commit
            # round trip); several statements that belong together use BEGIN ... COMMIT.
            self._db = await aiosqlite.connect(self.path, isolation_level=None)
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            await self._db.execute("PRAGMA foreign_keys=ON")
            await self._db.execute("PRAGMA busy_timeout=5000")
            await self._migrate()
            async with self._db.execute("SELECT user_id, lang FROM users WHERE lang IS NOT NULL") as cursor:
                self._langs = {int(r[0]): str(r[1]) for r in await cursor.fetchall()}
        except (OSError, aiosqlite.Error) as exc:
            await self.close()
            raise StorageError(f"cannot open database {self.path}: {exc}") from exc

    async def close(self) -> None:
        """Write what is still pending, then close."""
        if self._db is not None:
            if self._flush_tasks:
                await asyncio.gather(*self._flush_tasks, return_exceptions=True)
            await self.flush_pending()
            db, self._db = self._db, None
            await db.close()

    async def _migrate(self) -> None:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise StorageError(
                f"database {self.path} has schema version {version}, newer than this bot ({len(MIGRATIONS)})"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.db.executescript(f"BEGIN; {script} PRAGMA user_version = {number}; COMMIT;")

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def get_lang(self, user_id: int) -> str | None:
        """The language a user chose with /lang, if any (from memory: asked on every message)."""
        return self._langs.get(user_id)

    async def set_lang(self, user_id: int, lang: str) -> None:
        now = time.time()
        await self.db.execute(
            "INSERT INTO users (user_id, lang, first_seen, last_seen) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(user_id) DO UPDATE SET lang = excluded.lang, last_seen = excluded.last_seen",
            (user_id, lang, now, now),
        )
        self._langs[user_id] = lang

    @contextlib.asynccontextmanager
    async def _transaction(self, mode: str = "DEFERRED") -> AsyncIterator[None]:
        """Statements that belong together: committed together, or rolled back on error.
        One at a time: updates are handled concurrently, and SQLite does not nest them."""
        async with self._transaction_lock:
            await self.db.execute(f"BEGIN {mode}")
            try:
                yield
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def check_writable(self) -> None:
        """Fail now (with the path) if the database cannot be written: read-only or locked."""
        try:
            async with self._transaction_lock:
                await self.db.execute("BEGIN IMMEDIATE")
                await self.db.rollback()
        except aiosqlite.Error as exc:
            raise StorageError(f"database {self.path} cannot be written: {exc}") from exc

    async def claim_update(
        self,
        update_id: int,
        chat: tuple[int, str, str | None, str | None] | None = None,
        keep_seconds: float = 2 * 86400,
    ) -> bool:
        """True the first time an update id is seen; False for a redelivered one.

        ``chat`` (id, type, title, language) is recorded as seen in the same transaction,
        so that the start of every update costs one commit.
        """
        now = time.time()
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO processed_updates (update_id, at) VALUES (?, ?)", (update_id, now)
        )
        first = cursor.rowcount == 1
        if update_id % 500 == 0:
            await self.db.execute("DELETE FROM processed_updates WHERE at < ?", (now - keep_seconds,))
        if first and chat is not None:
            await self._touch(*chat, now=now)
        return first

    # ------------------------------------------------------------------ chats
    async def touch_chat(self, chat_id: int, chat_type: str, title: str | None, lang: str | None = None) -> None:
        """Record that a chat is in use: created on first sight, reactivated when it
        speaks to the bot again."""
        await self._touch(chat_id, chat_type, title, lang, now=time.time())

    async def _touch(self, chat_id: int, chat_type: str, title: str | None, lang: str | None, *, now: float) -> None:
        await self.db.execute(
            "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(chat_id) DO UPDATE SET type = excluded.type, title = COALESCE(excluded.title, title), "
            "lang = COALESCE(lang, excluded.lang), last_seen = excluded.last_seen, "
            "status = CASE WHEN status = 'migrated' THEN status ELSE 'active' END",
            (chat_id, chat_type, title, lang, now, now),
        )

    async def get_chat(self, chat_id: int) -> ChatRow | None:
        async with self.db.execute(
            "SELECT chat_id, type, title, lang, subscribed, status, migrated_to FROM chats WHERE chat_id = ?",
            (chat_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return ChatRow(*row) if row else None

    async def set_chat_status(self, chat_id: int, status: str) -> None:
        """Mark a chat ``active``, ``blocked`` (a person blocked the bot) or ``left``
        (removed from a group); only active chats are sent announcements."""
        await self.db.execute(
            "UPDATE chats SET status = ?, last_seen = ? WHERE chat_id = ?", (status, time.time(), chat_id)
        )

    async def set_subscribed(
        self, chat_id: int, chat_type: str, title: str | None, lang: str | None, subscribed: bool
    ) -> bool:
        """Subscribe or unsubscribe a chat; returns whether it was subscribed before."""
        before = await self.get_chat(chat_id)
        now = time.time()
        await self.db.execute(
            "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen, subscribed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(chat_id) DO UPDATE SET subscribed = excluded.subscribed, lang = excluded.lang, "
            "title = COALESCE(excluded.title, title), last_seen = excluded.last_seen, status = 'active'",
            (chat_id, chat_type, title, lang, now, now, int(subscribed)),
        )
        return bool(before and before.subscribed)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its record and subscription move to the new id."""
        now = time.time()
        async with self._transaction():
            await self.db.execute(
                "INSERT INTO chats (chat_id, type, title, lang, first_seen, last_seen, subscribed, status) "
                "SELECT ?, 'supergroup', title, lang, first_seen, ?, subscribed, 'active' FROM chats WHERE chat_id = ? "
                "ON CONFLICT(chat_id) DO UPDATE SET subscribed = MAX(subscribed, excluded.subscribed), "
                "lang = COALESCE(lang, excluded.lang), status = 'active'",
                (new_id, now, old_id),
            )
            await self.db.execute(
                "UPDATE chats SET status = 'migrated', subscribed = 0, migrated_to = ? WHERE chat_id = ?",
                (new_id, old_id),
            )

    async def subscribers(self) -> list[tuple[int, str]]:
        """(chat id, language) of every active subscribed chat; a person's /lang choice wins."""
        async with self.db.execute(
            "SELECT c.chat_id, COALESCE(u.lang, c.lang, 'tr') FROM chats c LEFT JOIN users u ON u.user_id = c.chat_id "
            "WHERE c.subscribed = 1 AND c.status = 'active' ORDER BY c.chat_id"
        ) as cursor:
            return [(int(r[0]), str(r[1])) for r in await cursor.fetchall()]

    # ------------------------------------------------------------------ questions and feedback
    async def log_question(self, record: QuestionRecord) -> None:
        """Record a question and what the bot did with it (text only when stored).

        Questions are written in batches, at the latest :data:`QUESTION_FLUSH_SECONDS`
        later (and before every read of them, and at close): one transaction for many
        questions instead of one each. A full disk loses that batch and is logged.
        """
        self._questions.append(
            (
                record.at,
                record.chat_id,
                record.user_id,
                record.lang,
                record.text,
                record.folded,
                record.entry,
                record.score,
                int(record.answered),
                record.kind,
            )
        )
        if len(self._questions) >= QUESTION_BATCH:
            await self.flush_questions()
        elif self._flush_timer is None:
            self._flush_timer = asyncio.get_running_loop().call_later(QUESTION_FLUSH_SECONDS, self._flush_later)

    def _flush_later(self) -> None:
        self._flush_timer = None
        task = asyncio.ensure_future(self.flush_pending())
        self._flush_tasks.add(task)
        task.add_done_callback(self._flush_tasks.discard)

    async def flush_pending(self) -> None:
        """Write the questions recorded so far; a database error is logged, not raised."""
        try:
            await self.flush_questions()
        except (aiosqlite.Error, OSError, StorageError) as exc:
            logger.error("Could not record questions in %s: %s", self.path, exc)

    async def flush_questions(self) -> None:
        """Write the questions recorded so far; raises on a database error (they are lost)."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        batch, self._questions = self._questions, []
        if not batch:
            return
        async with self._transaction():
            await self.db.executemany(
                "INSERT INTO questions (at, chat_id, user_id, lang, text, folded, entry, score, answered, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch,
            )

    async def add_feedback(self, user_id: int, chat_id: int | None, entry: str, vote: int) -> None:
        """A 👍 (+1) or 👎 (-1) on an answer; a second vote on the same entry replaces the first."""
        await self.db.execute(
            "INSERT INTO feedback (at, user_id, chat_id, entry, vote) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(user_id, entry) DO UPDATE SET vote = excluded.vote, at = excluded.at",
            (time.time(), user_id, chat_id, entry, 1 if vote > 0 else -1),
        )

    async def forget_user(self, user_id: int) -> int:
        """Delete everything stored about a person; returns the number of rows removed."""
        await self.flush_questions()
        removed = 0
        async with self._transaction():
            for sql, args in (
                ("DELETE FROM users WHERE user_id = ?", (user_id,)),
                ("DELETE FROM questions WHERE user_id = ? OR chat_id = ?", (user_id, user_id)),
                ("DELETE FROM feedback WHERE user_id = ?", (user_id,)),
                ("DELETE FROM chats WHERE chat_id = ?", (user_id,)),
                ("DELETE FROM deliveries WHERE target = ?", (str(user_id),)),
            ):
                cursor = await self.db.execute(sql, args)
                removed += max(cursor.rowcount, 0)
        self._langs.pop(user_id, None)
        return removed

    # ------------------------------------------------------------------ announcements
    async def create_announcement(
        self,
        *,
        key: str | None,
        author: int | None,
        text: dict[str, str],
        audience: str,
        status: str,
        due: float | None = None,
    ) -> int | None:
        """Store an announcement; None when one with the same ``key`` exists already."""
        cursor = await self.db.execute(
            "INSERT OR IGNORE INTO announcements (key, created, author, text_tr, text_en, audience, status, due) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, time.time(), author, text["tr"], text["en"], audience, status, due),
        )
        return int(cursor.lastrowid) if cursor.rowcount == 1 and cursor.lastrowid is not None else None

    async def get_announcement(self, announcement_id: int) -> Announcement | None:
        async with self.db.execute(_ANNOUNCEMENT_SELECT + " WHERE id = ?", (announcement_id,)) as cursor:
            row = await cursor.fetchone()
        return _announcement(row) if row else None

    async def announcement_by_key(self, key: str) -> Announcement | None:
        async with self.db.execute(_ANNOUNCEMENT_SELECT + " WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return _announcement(row) if row else None

    async def announcements(self, *, status: str | None = None, limit: int = 10) -> list[Announcement]:
        """The newest announcements first, optionally only those with ``status``."""
        where, args = ("WHERE status = ?", (status,)) if status else ("WHERE status != 'draft'", ())
        async with self.db.execute(
            f"{_ANNOUNCEMENT_SELECT} {where} ORDER BY id DESC LIMIT ?", (*args, limit)
        ) as cursor:
            return [_announcement(r) for r in await cursor.fetchall()]

    async def set_announcement_status(self, announcement_id: int, status: str) -> None:
        finished = time.time() if status in ("done", "skipped", "cancelled") else None
        await self.db.execute(
            "UPDATE announcements SET status = ?, finished = ? WHERE id = ?", (status, finished, announcement_id)
        )

    async def set_progress_message(self, announcement_id: int, chat_id: int, message_id: int, lang: str) -> None:
        await self.db.execute(
            "UPDATE announcements SET progress_chat_id = ?, progress_message_id = ?, progress_lang = ? WHERE id = ?",
            (chat_id, message_id, lang, announcement_id),
        )

    async def start_sending(self, announcement_id: int, recipients: list[tuple[str, str]]) -> bool:
        """Atomically fix the recipients (target, language) and mark the announcement
        as sending; False when it is no longer a draft or pending (confirmed twice)."""
        now = time.time()
        async with self._transaction("IMMEDIATE"):
            cursor = await self.db.execute(
                "UPDATE announcements SET status = 'sending' WHERE id = ? AND status IN ('draft', 'pending')",
                (announcement_id,),
            )
            if cursor.rowcount != 1:
                return False
            await self.db.executemany(
                "INSERT OR IGNORE INTO deliveries (announcement_id, target, lang, updated) VALUES (?, ?, ?, ?)",
                [(announcement_id, target, lang, now) for target, lang in recipients],
            )
        return True

    async def pending_deliveries(self, announcement_id: int, limit: int = 500) -> list[Delivery]:
        async with self.db.execute(
            "SELECT announcement_id, target, lang, status, message_id, reason, attempts FROM deliveries "
            "WHERE announcement_id = ? AND status = 'pending' ORDER BY rowid LIMIT ?",
            (announcement_id, limit),
        ) as cursor:
            return [Delivery(*r) for r in await cursor.fetchall()]

    async def mark_attempt(self, announcement_id: int, target: str) -> None:
        """Count an attempt before sending, so a crash right after it is visible."""
        await self.db.execute(
            "UPDATE deliveries SET attempts = attempts + 1, updated = ? WHERE announcement_id = ? AND target = ?",
            (time.time(), announcement_id, target),
        )

    async def finish_delivery(
        self, announcement_id: int, target: str, *, sent: bool, message_id: int | None = None, reason: str | None = None
    ) -> None:
        """Record the outcome of one delivery as soon as it is known."""
        await self.db.execute(
            "UPDATE deliveries SET status = ?, message_id = ?, reason = ?, updated = ? "
            "WHERE announcement_id = ? AND target = ?",
            ("sent" if sent else "failed", message_id, reason, time.time(), announcement_id, target),
        )

    async def delivery_counts(self, announcement_id: int) -> DeliveryCounts:
        async with self.db.execute(
            "SELECT COUNT(*), SUM(status = 'sent'), SUM(status = 'failed'), SUM(status = 'pending') "
            "FROM deliveries WHERE announcement_id = ?",
            (announcement_id,),
        ) as cursor:
            row = await cursor.fetchone()
        total, sent, failed, pending = (int(v or 0) for v in (row or (0, 0, 0, 0)))
        return DeliveryCounts(total, sent, failed, pending)

    # ------------------------------------------------------------------ operators' view
    async def stats(self, now: float | None = None) -> Stats:
        """Figures for /stats and ``python -m bot stats``."""
        await self.flush_questions()
        now = time.time() if now is None else now
        week, month = now - 7 * 86400, now - 30 * 86400

        async def one(sql: str, *args: object) -> int:
            async with self.db.execute(sql, args) as cursor:
                row = await cursor.fetchone()
            return int(row[0] or 0) if row else 0

        users = await one(
            "SELECT COUNT(*) FROM (SELECT user_id FROM users UNION SELECT chat_id FROM chats WHERE type = 'private')"
        )
        groups = await one("SELECT COUNT(*) FROM chats WHERE type IN ('group', 'supergroup') AND status = 'active'")
        subscribers = await one("SELECT COUNT(*) FROM chats WHERE subscribed = 1 AND status = 'active'")
        q7 = await one("SELECT COUNT(*) FROM questions WHERE at >= ?", week)
        q30 = await one("SELECT COUNT(*) FROM questions WHERE at >= ?", month)
        answered30 = await one("SELECT COUNT(*) FROM questions WHERE at >= ? AND answered = 1", month)
        up = await one("SELECT COUNT(*) FROM feedback WHERE vote = 1")
        down = await one("SELECT COUNT(*) FROM feedback WHERE vote = -1")
        top = await self._top_questions(month, answered=None, limit=5)
        unanswered = await self._top_questions(month, answered=False, limit=5)
        return Stats(users, groups, subscribers, q7, q30, answered30, up, down, top, unanswered)

    async def unanswered(self, limit: int = 10, since: float | None = None) -> list[tuple[str, int]]:
        """The most frequent unanswered questions, grouped by folded text: (example, count)."""
        return await self._top_questions(0.0 if since is None else since, answered=False, limit=limit)

    async def unanswered_texts(self, since: float | None = None) -> list[str]:
        """Every stored unanswered question (for grouping and suggestions)."""
        await self.flush_questions()
        async with self.db.execute(
            "SELECT text FROM questions WHERE answered = 0 AND text IS NOT NULL AND at >= ? ORDER BY id",
            (0.0 if since is None else since,),
        ) as cursor:
            return [str(r[0]) for r in await cursor.fetchall()]

    async def _top_questions(self, since: float, *, answered: bool | None, limit: int) -> list[tuple[str, int]]:
        await self.flush_questions()
        # answered: None for all questions, else only answered (1) or unanswered (0) ones.
        wanted = -1 if answered is None else int(answered)
        async with self.db.execute(
            "SELECT MIN(text), COUNT(*) AS n FROM questions "
            "WHERE at >= ? AND folded IS NOT NULL AND folded != '' AND (? = -1 OR answered = ?) "
            "GROUP BY folded ORDER BY n DESC, MIN(id) LIMIT ?",
            (since, wanted, wanted, limit),
        ) as cursor:
            return [(str(r[0]), int(r[1])) for r in await cursor.fetchall()]


_ANNOUNCEMENT_SELECT = (
    "SELECT id, key, created, author, text_tr, text_en, audience, status, due, finished, progress_chat_id, "
    "progress_message_id, progress_lang FROM announcements"
)


def _announcement(row: Any) -> Announcement:
    return Announcement(
        int(row[0]),
        row[1],
        float(row[2]),
        row[3],
        {"tr": row[4], "en": row[5]},
        row[6],
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        row[12] or "tr",
    )


@dataclass(frozen=True, slots=True)
class ChatRow:
    chat_id: int
    type: str
    title: str | None
    lang: str | None
    subscribed: int
    status: str
    migrated_to: int | None


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    at: float
    chat_id: int | None
    user_id: int | None
    lang: str
    text: str | None  # None when questions are not stored (BOT_STORE_QUESTIONS=0)
    folded: str | None
    entry: str | None
    score: float
    answered: bool
    kind: str


@dataclass(frozen=True, slots=True)
class Announcement:
    id: int
    key: str | None
    created: float
    author: int | None
    text: dict[str, str]
    audience: str
    status: str  # draft | pending | sending | done | skipped | cancelled
    due: float | None
    finished: float | None
    progress_chat_id: int | None
    progress_message_id: int | None
    progress_lang: str = "tr"


@dataclass(frozen=True, slots=True)
class Delivery:
    announcement_id: int
    target: str
    lang: str
    status: str  # pending | sent | failed
    message_id: int | None
    reason: str | None
    attempts: int


@dataclass(frozen=True, slots=True)
class DeliveryCounts:
    total: int
    sent: int
    failed: int
    pending: int


@dataclass(frozen=True, slots=True)
class Stats:
    users: int
    groups: int
    subscribers: int
    questions_7d: int
    questions_30d: int
    answered_30d: int
    votes_up: int
    votes_down: int
    top_questions: list[tuple[str, int]]
    top_unanswered: list[tuple[str, int]]

    @property
    def match_rate(self) -> float:
        return self.answered_30d / self.questions_30d if self.questions_30d else 0.0
