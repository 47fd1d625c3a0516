"""Issue 11, "Correctness" and "Secrets and privacy": each defect the adversarial review
reproduced, pinned at the layer where it was fixed (storage, the assistant, the handlers)."""

from __future__ import annotations

import asyncio
import datetime
import io
import logging
import sqlite3
import time
from collections.abc import Awaitable
from pathlib import Path

import httpx
import pytest
from telegram import Update

from bot.announcements import Announcer, Broadcaster
from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.storage import AnnouncementStatus, QuestionRecord, Storage
from conftest import feed
from fakebotapi import FakeBotAPI

ADMIN = 9001


def callback_data(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [
        b["callback_data"]
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
        if "callback_data" in b
    ]


def _question(text: str, *, user: int, chat: int | None = None, at: float = 1.0) -> QuestionRecord:
    return QuestionRecord(
        at=at,
        chat_id=user if chat is None else chat,
        user_id=user,
        lang="tr",
        text=text,
        folded=text.lower(),
        entry=None,
        score=0.0,
        answered=False,
        kind="fallback",
    )


class _NoSender:
    async def send(self, target: str, text: str) -> int:  # never reached: nothing is delivered here
        raise AssertionError("nothing should be sent")


# --------------------------------------------------------------------------- Send and Cancel at once


async def test_cancel_and_send_at_the_same_time_never_both_win(tmp_path: Path) -> None:
    """Cancel used to read "draft" and then write "cancelled" unconditionally: a Send that
    fixed the recipients in between was overwritten, the preview said "nothing was sent"."""
    async with Storage(tmp_path / "bot.sqlite3") as db:
        await db.set_subscribed(7, "private", None, "tr", True)
        announcer = Announcer(db, Broadcaster(db, _NoSender()), (), 60.0)  # type: ignore[arg-type]
        outcomes = set()
        for trial in range(120):
            draft = await announcer.draft(1, "duyuru")
            # The cancel starts a moment after the send (or the send after the cancel).
            delay = (trial // 2) % 30 * 0.0003
            if trial % 2:
                confirmed, cancelled = await asyncio.gather(
                    announcer.confirm(draft), _after(delay, announcer.cancel(draft))
                )
            else:
                cancelled, confirmed = await asyncio.gather(
                    announcer.cancel(draft), _after(delay, announcer.confirm(draft))
                )
            assert confirmed != cancelled, f"trial {trial}: confirmed={confirmed} cancelled={cancelled}"
            status = (await db.get_announcement(draft)).status  # type: ignore[union-attr]
            assert status == (AnnouncementStatus.SENDING if confirmed else AnnouncementStatus.CANCELLED)
            assert ((await db.delivery_counts(draft)).total > 0) == confirmed
            outcomes.add(confirmed)
        assert outcomes == {True, False}  # both races were run


async def _after(seconds: float, awaitable: Awaitable[bool]) -> bool:
    await asyncio.sleep(seconds)
    return await awaitable


# --------------------------------------------------------------------------- a lone surrogate


async def test_a_lone_surrogate_loses_no_question_and_close_does_not_raise(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    db = Storage(path)
    await db.open()
    await db.log_question(_question("KOMEK nedir?", user=1))
    await db.log_question(_question("bozuk \ud800 metin", user=2))
    await db.log_question(_question("Bolu üye mi?", user=3))
    await db.touch_chat(-100, "group", "grup \udfff adı")
    await db.close()  # used to raise UnicodeEncodeError and lose all three
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT user_id, text FROM questions ORDER BY user_id").fetchall()
        assert [r[0] for r in rows] == [1, 2, 3]
        assert rows[1][1] == "bozuk \ufffd metin"
        assert raw.execute("SELECT title FROM chats WHERE chat_id = -100").fetchone() == ("grup \ufffd adı",)


async def test_the_preview_never_says_cancelled_after_a_send(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    trials = 16
    admins = [ADMIN + n for n in range(trials)]  # one operator a trial: no flood throttle in the way
    app = await make_app(admin_ids=frozenset(admins))
    await feed(app, fake.send_text("/subscribe", user_id=301, language_code="en"))
    outcomes = set()
    for trial, admin in enumerate(admins):
        await feed(app, fake.send_text(f"/announce duyuru {trial}", user_id=admin, language_code="en"))
        prompt = fake.last_sent(admin)
        ok, cancel = callback_data(prompt)
        presses = [fake.press_button(admin, prompt["message_id"], data, user_id=admin) for data in (ok, cancel)]
        if trial % 2:
            presses.reverse()
        first, second = (Update.de_json(p, app.bot) for p in presses)
        await asyncio.gather(app.process_update(first), _after(trial // 2 * 0.002, app.process_update(second)))

        def settled(f: FakeBotAPI, chat: int = admin, mid: int = prompt["message_id"]) -> bool:
            text = (f.message(chat, mid) or {}).get("text", "")
            return "cancelled" in text or "✅" in text

        await fake.async_wait_for(settled, timeout=15)
        text = fake.message(admin, prompt["message_id"])["text"]
        delivered = any(m["text"] == f"duyuru {trial}" for m in fake.sent(301))
        assert ("cancelled" in text) != delivered, f"trial {trial}: {text!r}, delivered={delivered}"
        outcomes.add(delivered)
    assert outcomes == {True, False}


async def test_a_question_with_a_lone_surrogate_is_answered_and_recorded(
    make_app, fake: FakeBotAPI, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("KOMEK \ud83d nedir?", user_id=311))
    await feed(app, fake.send_text("Bolu üye mi?", user_id=312))
    assert "KOMEK" in fake.last_sent(311)["text"]
    with sqlite3.connect(tmp_path / "bot.sqlite3") as raw:
        assert raw.execute("SELECT COUNT(*) FROM questions").fetchone() == (2,)


# --------------------------------------------------------------------------- the assistant's replies


@pytest.mark.parametrize("year", ["0000", "0001", "2012", "1999", "9999", str(datetime.date.today().year + 1)])
def test_cities_outside_the_network_years_is_a_usage_reply(assistant: Assistant, year: str) -> None:
    for lang in ("tr", "en"):
        reply = assistant.command("cities", [year], pref=lang)
        assert reply.kind == ReplyKind.USAGE
        assert "yılında ağa katılan" not in reply.text and "that joined in" not in reply.text  # no "0 yılında"
        assert "2013" in reply.text and str(datetime.date.today().year) in reply.text


def test_cities_of_a_network_year_still_lists_them(assistant: Assistant) -> None:
    years = sorted({c.joined for c in assistant.content.cities})
    reply = assistant.command("cities", [str(years[0])], pref="tr")
    assert reply.kind == ReplyKind.INFO
    reply = assistant.command("cities", ["2013"], pref="en")
    assert reply.kind in (ReplyKind.INFO, ReplyKind.USAGE) and "2013" in reply.text


_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def _balanced(text: str) -> bool:
    """No embedding, override or isolate left open (UAX #9), nor closed without an opener."""
    stack: list[str] = []
    for char in text:
        if char in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            stack.append(char)
        elif char == "\u202c":
            if not stack or stack[-1] not in "\u202a\u202b\u202d\u202e":
                return False
            stack.pop()
        elif char == "\u2069":
            if not stack or stack[-1] not in "\u2066\u2067\u2068":
                return False
            stack.pop()
    return not stack


@pytest.mark.parametrize("query", ["\u202eiloB", "abc\u2067def", "x\u202cy\u2069z", "\u202b\u202b\u202e"])
def test_city_echo_isolates_the_users_text(assistant: Assistant, query: str) -> None:
    reply = assistant.command("city", [query], pref="en")
    assert reply.kind == ReplyKind.USAGE
    assert _balanced(reply.text), ascii(reply.text)
    after = reply.text.split("\u2069")[-1]
    assert "is not in my list" in after  # the bot's own words come after the isolated text


def test_welcome_isolates_the_users_name(assistant: Assistant) -> None:
    reply = assistant.command("start", [], pref="en", first_name="\u202eevE")
    assert _balanced(reply.text) and "evE" in reply.text


# --------------------------------------------------------------------------- /forgetme


async def test_forget_leaves_no_deleted_text_in_the_files(tmp_path: Path) -> None:
    """Deleted rows used to stay readable in the WAL (and in the freed space of pages)
    until some later checkpoint."""
    path = tmp_path / "bot.sqlite3"
    async with Storage(path) as db:
        await db.set_subscribed(7, "private", "Zeynepsecretname", "tr", True)
        for n in range(30):
            await db.log_question(_question(f"zebrasecret{n} KOMEK nedir?", user=7))
            await db.log_question(_question(f"başka soru {n}", user=8))
        await db.flush_questions()
        assert await db.forget_user(7) >= 31
        files = [p for p in tmp_path.iterdir() if p.name.startswith("bot.sqlite3")]
        for file in files:
            data = file.read_bytes()
            assert b"zebrasecret" not in data and b"Zeynepsecretname" not in data, file.name
        assert b"ba\xc5\x9fka soru 29" in path.read_bytes() + (tmp_path / "bot.sqlite3-wal").read_bytes()
        assert await db.database.fetch_value("PRAGMA secure_delete") == 1


async def test_forget_drops_questions_not_written_yet(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with Storage(path) as db:
        await db.log_question(_question("zebrasecret pending", user=7))
        await db.log_question(_question("kalsın", user=8))
        assert await db.forget_user(7) == 1
        files = [p for p in tmp_path.iterdir() if p.name.startswith("bot.sqlite3")]
        assert not any(b"zebrasecret" in f.read_bytes() for f in files)  # never written at all
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT user_id FROM questions").fetchall() == [(8,)]


async def test_forget_during_an_answer_in_flight_deletes_that_question_too(
    make_app, fake: FakeBotAPI, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The confirmation was pressed while the answer to a question was still being sent:
    "everything deleted" came first, and the question was stored after it."""
    app = await make_app()
    user = 321
    await feed(app, fake.send_text("/forgetme", user_id=user))
    confirm = fake.last_sent(user)
    yes = next(d for d in callback_data(confirm) if d.startswith("forget:yes"))
    fake.set_delay("sendMessage", 1.0)
    question = asyncio.ensure_future(feed(app, fake.send_text("KOMEK nedir?", user_id=user)))
    await asyncio.sleep(0.3)
    await feed(app, fake.press_button(user, confirm["message_id"], yes, user_id=user))
    assert fake.message(user, confirm["message_id"])["text"].startswith("🗑")
    await question
    fake.set_delay("sendMessage", 0)
    await app.bot_data.storage.flush_questions()
    with sqlite3.connect(tmp_path / "bot.sqlite3") as raw:
        assert raw.execute("SELECT COUNT(*) FROM questions WHERE user_id = ?", (user,)).fetchone() == (0,)


# --------------------------------------------------------------------------- sending


async def test_a_group_question_deleted_before_the_answer_still_gets_it(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    group = -1001234500001
    update = fake.send_text("@LEARNING_CITIES_TEST_BOT KOMEK nedir?", chat_type="group", chat_id=group, user_id=331)
    fake.delete_user_message(group, update["message"]["message_id"])
    await feed(app, update)
    (answer,) = fake.sent(group)
    assert "KOMEK" in answer["text"] and answer["reply_to_message_id"] is None
    # ... and when the question is still there, the answer quotes it as before.
    update = fake.send_text("@LEARNING_CITIES_TEST_BOT Bolu üye mi?", chat_type="group", chat_id=group, user_id=331)
    await feed(app, update)
    assert fake.last_sent(group)["reply_to_message_id"] == update["message"]["message_id"]


# --------------------------------------------------------------------------- forged or stale buttons


def _votes(path: Path) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as raw:
        return raw.execute("SELECT user_id, entry, vote FROM feedback ORDER BY user_id").fetchall()


async def test_votes_count_only_for_entries_the_bot_offered(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("KOMEK nedir?", user_id=341))
    answer = fake.last_sent(341)
    await feed(app, fake.send_text("/start", user_id=341))
    start = fake.last_sent(341)
    for message, data in (
        (answer, "fb:1:no-such-entry"),  # an entry that does not exist
        (answer, "fb:-1:bolu"),  # an entry this answer did not offer
        (start, "fb:1:what-is-komek"),  # a message that carried no vote
    ):
        await feed(app, fake.press_button(341, message["message_id"], data, user_id=341, force=True))
    assert _votes(tmp_path / "bot.sqlite3") == []
    await feed(app, fake.press_button(341, answer["message_id"], "fb:1:what-is-komek", user_id=341))
    assert _votes(tmp_path / "bot.sqlite3") == [(341, "what-is-komek", 1)]


async def test_forged_presses_on_a_group_message_leave_its_text_alone(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}), announce_chat_ids=(str(-1001234500002),))
    group = -1001234500002
    fake.add_chat(group, "supergroup", title="Duyuru grubu")
    fake.set_chat_member_status(group, 342, "member")
    await feed(app, fake.send_text("/announce Yarın toplantı var", user_id=ADMIN, language_code="en"))
    prompt = fake.last_sent(ADMIN)
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], callback_data(prompt)[0], user_id=ADMIN))
    await fake.async_wait_for(lambda f: bool(f.sent(group)), timeout=15)
    (announcement,) = fake.sent(group)
    for data in ("forget:no:342", "forget:yes:342", "menu", "t:network", "lang:en", "e:what-is-komek"):
        await feed(app, fake.press_button(group, announcement["message_id"], data, user_id=342, force=True))
    after = fake.message(group, announcement["message_id"])
    assert after["text"] == "Yarın toplantı var" and after["edits"] == 0
    assert fake.sent(group) == [after]  # nothing sent in its place either
    # The forget buttons work only on the /forgetme message of that person, in private.
    await feed(app, fake.send_text("/forgetme", user_id=343))
    confirm = fake.last_sent(343)
    await feed(app, fake.send_text("/start", user_id=343))
    start = fake.last_sent(343)
    await feed(app, fake.press_button(343, start["message_id"], "forget:no:343", user_id=343, force=True))
    assert fake.message(343, start["message_id"])["edits"] == 0
    await feed(app, fake.press_button(343, confirm["message_id"], "forget:no:343", user_id=343))
    assert fake.message(343, confirm["message_id"])["edits"] == 1


async def test_the_menu_still_edits_the_message_that_carried_it(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("/faq", user_id=344))
    menu = fake.last_sent(344)
    topic = next(d for d in callback_data(menu) if d.startswith("t:"))
    await feed(app, fake.press_button(344, menu["message_id"], topic, user_id=344))
    assert fake.message(344, menu["message_id"])["edits"] == 1
    back = fake.message(344, menu["message_id"])
    assert "menu" in callback_data(back)
    await feed(app, fake.press_button(344, menu["message_id"], "menu", user_id=344))
    assert fake.message(344, menu["message_id"])["edits"] == 2


async def test_an_announce_button_with_a_strange_number_is_no_crash(
    make_app, fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    await feed(app, fake.send_text("/announce merhaba", user_id=ADMIN, language_code="en"))
    prompt = fake.last_sent(ADMIN)
    with caplog.at_level(logging.INFO):
        for data in ("ann:ok:²", "ann:no:²", "ann:ok:-0", "ann:ok:99999999999999999999999", "ann:ok:1e3"):
            await feed(app, fake.press_button(ADMIN, prompt["message_id"], data, user_id=ADMIN, force=True))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
    assert fake.message(ADMIN, prompt["message_id"])["edits"] == 0
    assert all(a["answered"] for a in fake.callback_answers())


# --------------------------------------------------------------------------- a disk that takes no writes


@pytest.mark.parametrize(
    ("commands", "lang"),
    [(["/lang en"], "en"), (["/subscribe"], "tr"), (["/subscribe", "/unsubscribe"], "en")],
)
async def test_a_setting_that_cannot_be_saved_is_said_so(
    make_app, fake: FakeBotAPI, caplog: pytest.LogCaptureFixture, commands: list[str], lang: str
) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    user = 351
    for command in commands[:-1]:
        await feed(app, fake.send_text(command, user_id=user, language_code=lang))
    await app.bot_data.storage.db.execute("PRAGMA query_only = ON")  # as a read-only file or a full disk answer
    with caplog.at_level(logging.INFO):
        await feed(app, fake.send_text(commands[-1], user_id=user, language_code=lang))
    text = fake.last_sent(user)["text"]
    expected = app.bot_data.assistant.content.messages.render("setting_not_saved", lang)
    assert text == expected, text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info], "logged as a crash"
    assert [r for r in caplog.records if r.levelno == logging.ERROR and "could not save" in r.getMessage().lower()]


async def test_a_language_button_that_cannot_be_saved_is_said_so(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("/lang", user_id=352, language_code="tr"))
    usage = fake.last_sent(352)
    await app.bot_data.storage.db.execute("PRAGMA query_only = ON")
    await feed(app, fake.press_button(352, usage["message_id"], "lang:en", user_id=352))
    assert fake.last_sent(352)["text"] == app.bot_data.assistant.content.messages.render("setting_not_saved", "en")


# --------------------------------------------------------------------------- a deleted database file


async def test_a_deleted_database_file_is_noticed(
    make_app, fake: FakeBotAPI, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("KOMEK nedir?", user_id=361))
    assert app.bot_data.is_open
    for file in tmp_path.iterdir():
        if file.name.startswith("bot.sqlite3"):
            file.unlink()
    with caplog.at_level(logging.INFO):
        for user in (362, 363, 364):
            await feed(app, fake.send_text("KOMEK nedir?", user_id=user))
            assert "KOMEK" in fake.last_sent(user)["text"]  # answers go on
        assert not app.bot_data.is_open  # the health check says 503
        assert not app.bot_data.is_open
    lines = [r for r in caplog.records if r.levelno == logging.ERROR and "deleted" in r.getMessage()]
    assert len(lines) == 1 and str(tmp_path / "bot.sqlite3") in lines[0].getMessage()  # once, naming the file


def test_webhook_healthz_is_503_once_the_database_file_is_deleted(tmp_path: Path) -> None:
    from botprocess import BotProcess
    from test_production import free_port, http

    with FakeBotAPI() as fake:
        port = free_port()
        bot = BotProcess(
            fake,
            tmp_path,
            BOT_WEBHOOK_URL=f"https://127.0.0.1:{port}/hook",
            PORT=str(port),
            BOT_WEBHOOK_LISTEN="127.0.0.1",
            BOT_WEBHOOK_SECRET="s3cret-for-the-test",
        )
        try:
            fake.wait_for_call("setWebhook", timeout=30)
            health = f"http://127.0.0.1:{port}/healthz"
            with http() as client:
                deadline = time.monotonic() + 15
                while True:
                    try:
                        if client.get(health).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    assert time.monotonic() < deadline, bot.output()[-3000:]
                    time.sleep(0.05)
                (tmp_path / "bot.sqlite3").unlink()
                response = client.get(health)
                assert (response.status_code, response.text) == (503, "unavailable")
                update = fake.send_text("KOMEK nedir?", user_id=365)
                posted = client.post(
                    f"http://127.0.0.1:{port}/hook",
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-for-the-test"},
                )
                assert posted.status_code == 200
                fake.wait_for(lambda f: f.sent(365), timeout=15)  # answers go on
        finally:
            bot.stop()
        assert "was deleted or replaced" in bot.output()


# --------------------------------------------------------------------------- DEBUG logs without the texts


def _debug_log_of_a_conversation(store_questions: bool, fake: FakeBotAPI, tmp_path: Path) -> str:
    from bot.config import Config
    from bot.logs import setup_logging

    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        config = Config(token=fake.token, api_base_url=fake.base_url, database=tmp_path / "bot.sqlite3")
        setup_logging(logging.DEBUG, secrets=[config.token], store_questions=store_questions)
        handler = root.handlers[0]
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(stream)

        async def talk() -> None:
            from handlers.app import build_application

            app = build_application(
                Config(
                    token=fake.token,
                    api_base_url=fake.base_url,
                    database=tmp_path / "bot.sqlite3",
                    store_questions=store_questions,
                ),
                _assistant(),
            )
            await app.initialize()
            await app.post_init(app)  # type: ignore[misc]
            await app.start()
            fake.add_user(371, "Gizliisim")
            try:
                for n, text in enumerate(("Zebrasecret KOMEK nedir?", "/city Xylosecretcity", "/start"), start=1):
                    await app.update_queue.put(Update.de_json(fake.send_text(text, user_id=371), app.bot))
                    await fake.async_wait_for(lambda f, n=n: len(f.sent(371)) == n, timeout=15)
                await app.bot_data.storage.flush_questions()
            finally:
                await app.stop()
                await app.post_shutdown(app)  # type: ignore[misc]
                await app.shutdown()

        asyncio.run(talk())
    finally:
        root.handlers[:], root.level = saved
    return stream.getvalue()


def _assistant() -> Assistant:
    from bot.services import load_assistant

    return load_assistant(Path(__file__).resolve().parent.parent / "content")


@pytest.mark.parametrize("store_questions", [False, True])
def test_debug_logs_carry_no_question_or_name_when_none_is_stored(
    fake: FakeBotAPI, tmp_path: Path, store_questions: bool
) -> None:
    log = _debug_log_of_a_conversation(store_questions, fake, tmp_path)
    assert "Processing update" in log and "sendMessage" in log  # DEBUG still tells what happened
    assert "update_id" in log or "update 1" in log
    secrets = ("Zebrasecret", "zebrasecret", "Gizliisim", "Xylosecretcity")
    if store_questions:
        assert "Zebrasecret" in log  # the operator asked for the texts: PTB's DEBUG lines as they are
    else:
        assert not [s for s in secrets if s in log], [
            line for line in log.splitlines() if "ecret" in line or "Gizli" in line
        ][:3]
