"""The store, against a real SQLite file in a temporary folder and (where a server is
configured, see tests/databases.py) a real PostgreSQL database: the ``database`` fixture."""

import sqlite3
from pathlib import Path

import pytest

from bot.storage import MIGRATIONS, QuestionRecord, Storage, StorageError
from databases import rows


async def test_creates_folder_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "bot.sqlite3"
    async with Storage(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
    assert path.is_file()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_language_choice_survives_a_restart(database: str | Path) -> None:
    path = database
    async with Storage(path) as db:
        assert await db.get_lang(42) is None
        await db.set_lang(42, "en")
        await db.set_lang(42, "tr")
        await db.set_lang(7, "en")
    async with Storage(path) as db:
        assert await db.get_lang(42) == "tr"
        assert await db.get_lang(7) == "en"


async def test_newer_schema_is_refused_with_the_path(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(StorageError) as info:
        await Storage(path).open()
    assert str(path) in str(info.value)


async def test_unopenable_path_names_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as info:
        await Storage(blocker / "sub" / "bot.sqlite3").open()
    assert str(blocker) in str(info.value)


async def test_user_text_is_a_parameter_not_sql(database: str | Path) -> None:
    async with Storage(database) as db:
        await db.set_lang(1, "en'); DROP TABLE users; --")
        assert await db.get_lang(1) == "en'); DROP TABLE users; --"


async def test_an_older_file_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:  # a version-1 file, as the first release wrote it
        raw.executescript(MIGRATIONS[0])
        raw.execute("INSERT INTO users VALUES (5, 'en', 1, 1)")
        raw.execute("PRAGMA user_version = 1")
    async with Storage(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        assert await db.get_lang(5) == "en"
        await db.touch_chat(5, "private", "Ali")
        assert (await db.get_chat(5)) is not None


async def test_chats_subscriptions_and_languages(database: str | Path) -> None:
    async with Storage(database) as db:
        assert not await db.set_subscribed(1, "private", "Ali", "tr", True)
        assert await db.set_subscribed(1, "private", "Ali", "tr", True)  # already subscribed
        await db.set_subscribed(-100, "group", "KOMEK", "en", True)
        await db.set_subscribed(2, "private", "Ayşe", "tr", True)
        await db.set_lang(2, "en")  # a person's /lang wins over the language at subscription
        assert await db.subscribers() == [(-100, "en"), (1, "tr"), (2, "en")]
        await db.set_chat_status(1, "blocked")
        await db.set_chat_status(-100, "left")
        assert await db.subscribers() == [(2, "en")]
        await db.touch_chat(1, "private", "Ali")  # they talk to the bot again: active again
        assert (1, "tr") in await db.subscribers()
        assert await db.set_subscribed(2, "private", None, "en", False)
        assert (2, "en") not in await db.subscribers()


async def test_group_migration_keeps_the_subscription(database: str | Path) -> None:
    async with Storage(database) as db:
        await db.set_subscribed(-5, "group", "Koordinatörler", "tr", True)
        await db.migrate_chat(-5, -1005)
        await db.migrate_chat(-5, -1005)  # both service messages arrive: idempotent
        assert await db.subscribers() == [(-1005, "tr")]
        old = await db.get_chat(-5)
        assert old is not None and old.status == "migrated" and old.migrated_to == -1005
        new = await db.get_chat(-1005)
        assert new is not None and new.type == "supergroup" and new.title == "Koordinatörler"


def _question(text: str | None, *, answered: bool, at: float, user: int = 1) -> QuestionRecord:
    from bot.textnorm import question_key

    return QuestionRecord(
        at=at,
        chat_id=user,
        user_id=user,
        lang="tr",
        text=text,
        folded=question_key(text) if text is not None else None,
        entry="e" if answered else None,
        score=80.0 if answered else 10.0,
        answered=answered,
        kind="answer" if answered else "fallback",
    )


async def test_stats_and_unanswered(database: str | Path) -> None:
    now = 1_800_000_000.0
    async with Storage(database) as db:
        await db.touch_chat(1, "private", "A")
        await db.touch_chat(2, "private", "B")
        await db.touch_chat(-100, "supergroup", "G")
        await db.set_subscribed(1, "private", "A", "tr", True)
        for text, answered, age_days in [
            ("KOMEK nedir?", True, 1),
            ("komek nedir", True, 2),
            ("Konya'da ne yenir?", False, 1),
            ("konyada ne yenir", False, 3),
            ("hava nasıl", False, 10),
            ("eski soru", False, 40),
        ]:
            await db.log_question(_question(text, answered=answered, at=now - age_days * 86400))
        await db.add_feedback(1, 1, "what-is-komek", 1)
        await db.add_feedback(1, 1, "what-is-komek", -1)  # changed their mind: one vote
        await db.add_feedback(2, 2, "what-is-komek", 1)
        stats = await db.stats(now)
        assert (stats.users, stats.groups, stats.subscribers) == (2, 1, 1)
        assert (stats.questions_7d, stats.questions_30d, stats.answered_30d) == (4, 5, 2)
        assert stats.match_rate == pytest.approx(0.4)
        assert (stats.votes_up, stats.votes_down) == (1, 1)
        assert stats.top_questions[0] == ("KOMEK nedir?", 2)
        assert stats.top_unanswered[0][1] == 2 and "yenir" in stats.top_unanswered[0][0]
        assert await db.unanswered(limit=10) == [(stats.top_unanswered[0][0], 2), ("hava nasıl", 1), ("eski soru", 1)]
        assert await db.unanswered_texts() == ["Konya'da ne yenir?", "konyada ne yenir", "hava nasıl", "eski soru"]


async def test_questions_without_text_still_count(database: str | Path) -> None:
    async with Storage(database) as db:
        await db.log_question(_question(None, answered=False, at=1_800_000_000.0))
        stats = await db.stats(1_800_000_000.0)
        assert stats.questions_7d == 1 and stats.top_unanswered == []


async def test_forget_user_removes_everything_about_them(database: str | Path) -> None:
    path = database
    async with Storage(path) as db:
        await db.set_lang(7, "en")
        await db.set_subscribed(7, "private", "Zeynep", "en", True)
        await db.log_question(_question("KOMEK nedir?", answered=True, at=1.0, user=7))
        await db.log_question(_question("başka", answered=True, at=1.0, user=8))
        await db.add_feedback(7, 7, "x", 1)
        announcement = await db.create_announcement(
            key=None, author=1, text={"tr": "a", "en": "a"}, audience="all", status="draft"
        )
        assert announcement is not None
        await db.start_sending(announcement, [("7", "en"), ("8", "tr")])
        assert await db.forget_user(7) >= 5
        assert await db.get_lang(7) is None and await db.get_chat(7) is None
        assert await db.subscribers() == []
        assert (await db.delivery_counts(announcement)).total == 1
    for table, column in (("questions", "user_id"), ("feedback", "user_id"), ("users", "user_id")):
        assert (await rows(path, f"SELECT COUNT(*) FROM {table} WHERE {column} = 7"))[0][0] == 0
    assert (await rows(path, "SELECT COUNT(*) FROM questions WHERE user_id = 8"))[0][0] == 1


async def test_announcement_lifecycle(database: str | Path) -> None:
    async with Storage(database) as db:
        first = await db.create_announcement(
            key="scheduled:x", author=None, text={"tr": "t", "en": "e"}, audience="all", status="pending", due=5.0
        )
        assert first is not None
        assert (
            await db.create_announcement(
                key="scheduled:x", author=None, text={"tr": "t", "en": "e"}, audience="all", status="pending"
            )
            is None
        )
        assert await db.start_sending(first, [("1", "tr"), ("2", "en"), ("1", "tr")])
        assert not await db.start_sending(first, [("3", "tr")])  # confirmed twice: no effect
        pending = await db.pending_deliveries(first)
        assert [(d.target, d.lang) for d in pending] == [("1", "tr"), ("2", "en")]
        await db.mark_attempt(first, "1")
        await db.finish_delivery(first, "1", sent=True, message_id=42)
        await db.mark_attempt(first, "2")
        await db.finish_delivery(first, "2", sent=False, reason="Forbidden: bot was blocked by the user")
        counts = await db.delivery_counts(first)
        assert (counts.total, counts.sent, counts.failed, counts.pending) == (2, 1, 1, 0)
        await db.set_announcement_status(first, "done")
        found = await db.announcement_by_key("scheduled:x")
        assert found is not None and found.status == "done" and found.finished is not None
        assert [a.id for a in await db.announcements()] == [first]


async def test_transactions_from_concurrent_updates_do_not_collide(database: str | Path) -> None:
    import asyncio

    async with Storage(database) as db:
        for chat in range(1, 26):
            await db.set_subscribed(chat, "private", None, "tr", True)
        drafts = []
        for _ in range(5):
            announcement = await db.create_announcement(
                key=None, author=1, text={"tr": "a", "en": "a"}, audience="all", status="draft"
            )
            assert announcement is not None
            drafts.append(announcement)
        recipients = [(str(c), "tr") for c in range(1, 21)]
        # Each of these opens a transaction of its own; run together they must not nest.
        results = await asyncio.gather(
            *(db.start_sending(a, recipients) for a in drafts),
            *(db.forget_user(c) for c in range(21, 26)),
            *(db.migrate_chat(c, -c) for c in range(10, 15)),
        )
        assert results[:5] == [True] * 5
        assert (await db.delivery_counts(drafts[0])).total == 20
        assert await db.get_chat(21) is None and await db.get_chat(1) is not None
        moved = await db.get_chat(-10)
        assert moved is not None and moved.subscribed == 1


async def test_questions_are_written_in_batches_and_before_every_read(database: str | Path) -> None:
    import asyncio

    from bot import storage as storage_module

    path = database

    async def on_disk() -> int:
        return int((await rows(path, "SELECT COUNT(*) FROM questions"))[0][0])

    async with Storage(path) as db:
        for i in range(3):
            await db.log_question(_question(f"soru {i}", answered=False, at=1_800_000_000.0 + i))
        assert await on_disk() == 0  # not yet: one transaction for the batch
        assert len(await db.unanswered_texts()) == 3  # a read writes the batch first
        assert await on_disk() == 3
        await db.log_question(_question("sonra", answered=True, at=1_800_000_100.0))
        await asyncio.sleep(storage_module.QUESTION_FLUSH_SECONDS + 0.2)
        assert await on_disk() == 4  # written by the timer
        for i in range(storage_module.QUESTION_BATCH):
            await db.log_question(_question(f"çok {i}", answered=False, at=1_800_000_200.0))
        assert await on_disk() == 4 + storage_module.QUESTION_BATCH  # a full batch is written at once
        await db.log_question(_question("son", answered=False, at=1_800_000_300.0))
    assert await on_disk() == 5 + storage_module.QUESTION_BATCH  # and what is left, at close


async def test_a_batch_of_questions_is_written_whole_or_not_at_all(database: str | Path) -> None:
    path = database
    async with Storage(path) as db:
        if isinstance(path, Path):  # one row refused: none of the batch is written, the error is raised
            await db.db.execute(
                "CREATE TEMP TRIGGER no_bad BEFORE INSERT ON questions WHEN NEW.text = 'kötü' "
                "BEGIN SELECT RAISE(ABORT, 'no'); END"
            )
            for text in ("bir", "kötü", "üç"):
                await db.log_question(_question(text, answered=False, at=1_800_000_000.0))
            with pytest.raises(StorageError):
                await db.flush_questions()
            assert await rows(path, "SELECT COUNT(*) FROM questions") == [(0,)]
            await db.db.execute("DROP TRIGGER no_bad")
        for text in ("dört", "beş"):  # and the next batch is written as usual, in a transaction of its own
            await db.log_question(_question(text, answered=True, at=1_800_000_001.0))
        await db.flush_questions()
        assert await rows(path, "SELECT text FROM questions ORDER BY id") == [("dört",), ("beş",)]
        async with db.database.transaction():  # the connection is not left inside a transaction
            await db.database.execute("DELETE FROM questions WHERE text = ?", "dört")
        assert await rows(path, "SELECT text FROM questions") == [("beş",)]


async def test_an_update_is_claimed_and_its_chat_recorded_in_one_step(database: str | Path) -> None:
    from bot.storage import SeenChat

    path = database
    async with Storage(path) as db:
        assert await db.claim_update(11, SeenChat(5, "private", "Ali", "tr"))
        assert not await db.claim_update(11, SeenChat(5, "private", "Veli", "en"))  # a repeat touches nothing
        assert await rows(path, "SELECT chat_id, title, lang FROM chats") == [(5, "Ali", "tr")]
        assert await rows(path, "SELECT update_id FROM processed_updates") == [(11,)]
        if isinstance(path, Path):  # the chat cannot be recorded: the claim stays, the error is raised
            await db.db.execute(
                "CREATE TEMP TRIGGER no_chats BEFORE INSERT ON chats BEGIN SELECT RAISE(ABORT, 'no'); END"
            )
            with pytest.raises(sqlite3.Error):
                await db.claim_update(12, SeenChat(6, "private", "Ayşe", "tr"))
            assert not await db.claim_update(12, SeenChat(6, "private", "Ayşe", "tr"))
            assert await rows(path, "SELECT COUNT(*) FROM chats") == [(1,)]
            await db.db.execute("DROP TRIGGER no_chats")
            async with db.database.transaction():  # inside a transaction another step began: part of it
                assert await db.claim_update(13, SeenChat(7, "private", "Can", "tr"))
            assert await rows(path, "SELECT chat_id FROM chats ORDER BY chat_id") == [(5,), (7,)]
            assert await db.claim_update(14, SeenChat(8, "private", "Ece", "tr"))  # and on its own again
