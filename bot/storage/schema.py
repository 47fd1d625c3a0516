"""The schema of both backends as numbered migrations, upgraded in place at start-up.

Entry *n* of each tuple turns a version *n-1* database into version *n*; both tuples have
the same length, so a version number means the same tables on SQLite and PostgreSQL.
SQLite records the version in ``PRAGMA user_version``, PostgreSQL in ``schema_version``.

The repositories' SQL is written once for both: PostgreSQL's ``deliveries`` has an explicit
``rowid`` column (SQLite's is implicit) so that "in the order they were added" reads the
same, and question texts compare byte-wise (``COLLATE "C"``) as they do in SQLite.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "POSTGRES_MIGRATIONS"]

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
    # 5: sends repeated after Telegram did not answer in time (the first may have arrived)
    """
    ALTER TABLE deliveries ADD COLUMN resends INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: announcements that copy the operator's messages (a photo, a video, an album...):
    # the chat they are in and, per language, the message ids ("12" or "12,13,14")
    """
    ALTER TABLE announcements ADD COLUMN source_chat_id INTEGER;
    ALTER TABLE announcements ADD COLUMN source_tr TEXT;
    ALTER TABLE announcements ADD COLUMN source_en TEXT;
    CREATE INDEX announcements_status ON announcements (status, due);
    """,
)

# Telegram ids exceed 32 bits (BIGINT); times are Unix seconds (DOUBLE PRECISION).
POSTGRES_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE users (
        user_id    BIGINT PRIMARY KEY,
        lang       TEXT,
        first_seen DOUBLE PRECISION NOT NULL,
        last_seen  DOUBLE PRECISION NOT NULL
    );
    """,
    """
    CREATE TABLE chats (
        chat_id     BIGINT PRIMARY KEY,
        type        TEXT NOT NULL,
        title       TEXT,
        lang        TEXT,
        first_seen  DOUBLE PRECISION NOT NULL,
        last_seen   DOUBLE PRECISION NOT NULL,
        subscribed  INTEGER NOT NULL DEFAULT 0,
        status      TEXT NOT NULL DEFAULT 'active',
        migrated_to BIGINT
    );
    CREATE INDEX chats_subscribed ON chats (subscribed, status);
    CREATE TABLE questions (
        id       BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at       DOUBLE PRECISION NOT NULL,
        chat_id  BIGINT,
        user_id  BIGINT,
        lang     TEXT,
        text     TEXT COLLATE "C",
        folded   TEXT COLLATE "C",
        entry    TEXT,
        score    DOUBLE PRECISION NOT NULL,
        answered INTEGER NOT NULL,
        kind     TEXT NOT NULL
    );
    CREATE INDEX questions_at ON questions (at);
    CREATE INDEX questions_user ON questions (user_id);
    CREATE TABLE feedback (
        id      BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at      DOUBLE PRECISION NOT NULL,
        user_id BIGINT NOT NULL,
        chat_id BIGINT,
        entry   TEXT NOT NULL,
        vote    INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        UNIQUE (user_id, entry)
    );
    CREATE TABLE announcements (
        id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        key                 TEXT UNIQUE,
        created             DOUBLE PRECISION NOT NULL,
        author              BIGINT,
        text_tr             TEXT NOT NULL,
        text_en             TEXT NOT NULL,
        audience            TEXT NOT NULL,
        status              TEXT NOT NULL,
        due                 DOUBLE PRECISION,
        finished            DOUBLE PRECISION,
        progress_chat_id    BIGINT,
        progress_message_id BIGINT
    );
    CREATE TABLE deliveries (
        announcement_id BIGINT NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
        target          TEXT NOT NULL,
        lang            TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'pending',
        message_id      BIGINT,
        reason          TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated         DOUBLE PRECISION NOT NULL,
        rowid           BIGINT GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (announcement_id, target)
    );
    CREATE INDEX deliveries_pending ON deliveries (announcement_id, status);
    """,
    """
    ALTER TABLE announcements ADD COLUMN progress_lang TEXT;
    """,
    """
    CREATE TABLE processed_updates (
        update_id BIGINT PRIMARY KEY,
        at        DOUBLE PRECISION NOT NULL
    );
    """,
    """
    ALTER TABLE deliveries ADD COLUMN resends INTEGER NOT NULL DEFAULT 0;
    """,
    """
    ALTER TABLE announcements ADD COLUMN source_chat_id BIGINT;
    ALTER TABLE announcements ADD COLUMN source_tr TEXT;
    ALTER TABLE announcements ADD COLUMN source_en TEXT;
    CREATE INDEX announcements_status ON announcements (status, due);
    """,
)

assert len(MIGRATIONS) == len(POSTGRES_MIGRATIONS)
