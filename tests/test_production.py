"""Production hardening (issue 5): webhook mode, graceful stop, a second instance, faults on
replies, floods, redelivered updates, a broken or full database, and security.

Real processes (`python -m bot run`, see tests/botprocess.py) against the strict fake Bot API
(tests/fakebotapi.py) where the behaviour lives in the process (signals, the webhook server,
start-up, logs); the in-process Application (conftest ``make_app`` + ``feed``) where that is
deterministic. HTTP goes to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram.ext import Application

import handlers.retry
from bot.storage import Storage
from botprocess import ROOT, BotProcess
from conftest import feed
from fakebotapi import DEFAULT_GROUP_CHAT_ID, FakeBotAPI

GROUP = DEFAULT_GROUP_CHAT_ID
ADMIN = 9001
SECRET = "wh-Secret_0123456789"
HOOK_PATH = "/tg/hook"
QUESTION = "KOMEK nedir?"


# --------------------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http() -> httpx.Client:
    """A client for 127.0.0.1 that ignores proxy settings from the environment."""
    return httpx.Client(trust_env=False, timeout=10)


def db_rows(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as raw:
        return raw.execute(sql, args).fetchall()


def texts(fake: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in fake.sent(chat_id)]


def sends_to(fake: FakeBotAPI, chat_id: int) -> list[Any]:
    return [c for c in fake.calls("sendMessage") if c.params.get("chat_id") == chat_id]


def message_text(app: Application, key: str, lang: str) -> str:  # type: ignore[type-arg]
    return app.bot_data.assistant.content.messages.render(key, lang)


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]


def assert_secrets_absent(output: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in output, f"{secret!r} leaked into the log"


def wait_exit(bot: BotProcess, timeout: float) -> int:
    """Wait for the process to end by itself; the exit code (AssertionError on timeout)."""
    try:
        return bot.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"the bot did not exit within {timeout}s\n{bot.output()[-3000:]}") from None


# --------------------------------------------------------------------------- 1. webhook mode


@dataclass
class WebhookBot:
    fake: FakeBotAPI
    bot: BotProcess
    port: int
    secret_configured: str | None
    secret: str  # the one registered with Telegram
    set_webhook: Any

    @property
    def hook(self) -> str:
        return f"http://127.0.0.1:{self.port}{HOOK_PATH}"

    @property
    def url(self) -> str:
        # Telegram only takes https webhooks (and so does the fake); TLS ends at the proxy in
        # front of the bot, which listens on plain HTTP on PORT.
        return f"https://127.0.0.1:{self.port}{HOOK_PATH}"


@pytest.fixture(scope="module", params=["secret-set", "secret-unset"])
def webhook(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebhookBot]:
    configured = SECRET if request.param == "secret-set" else None
    with FakeBotAPI() as fake:
        port = free_port()  # once the fake has its port
        env = {
            "BOT_WEBHOOK_URL": f"https://127.0.0.1:{port}{HOOK_PATH}",
            "PORT": str(port),
            "BOT_WEBHOOK_LISTEN": "127.0.0.1",
        }
        if configured:
            env["BOT_WEBHOOK_SECRET"] = configured
        bot = BotProcess(fake, tmp_path_factory.mktemp("webhook"), **env)
        try:
            (call,) = fake.wait_for_call("setWebhook", timeout=30)
            deadline = time.monotonic() + 10
            with http() as client:
                while True:  # the server listens right after setWebhook
                    try:
                        if client.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    assert time.monotonic() < deadline, bot.output()[-3000:]
                    assert bot.proc.poll() is None, bot.output()[-3000:]
                    time.sleep(0.05)
            yield WebhookBot(fake, bot, port, configured, str(call.params.get("secret_token")), call)
        finally:
            bot.stop()


def test_webhook_is_registered_with_a_secret_and_keeps_pending_updates(webhook: WebhookBot) -> None:
    call = webhook.set_webhook
    assert call.status == 200, webhook.fake.dump()
    assert call.params["url"] == webhook.url
    secret = call.params.get("secret_token")
    assert secret and secret != webhook.fake.token and webhook.fake.token.split(":")[1] not in secret
    if webhook.secret_configured:
        assert secret == webhook.secret_configured
    else:
        assert len(secret) >= 32  # generated: not guessable
        assert "BOT_WEBHOOK_SECRET is not set" in webhook.bot.output()
    assert call.params.get("drop_pending_updates") in (None, False)
    assert not webhook.fake.calls("getUpdates")  # a webhook bot never polls


def test_webhook_update_with_the_secret_is_answered(webhook: WebhookBot) -> None:
    chat = 7101
    update = webhook.fake.send_text(QUESTION, user_id=chat)
    with http() as client:
        response = client.post(webhook.hook, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": webhook.secret})
    assert response.status_code == 200
    webhook.fake.wait_for(lambda f: f.sent(chat), timeout=15)
    assert "KOMEK" in texts(webhook.fake, chat)[0]


@pytest.mark.parametrize(
    "header", [None, "", "wrong-secret", "123456:TEST-token"], ids=["missing", "empty", "wrong", "bot-token"]
)
def test_webhook_without_the_right_secret_is_refused(webhook: WebhookBot, header: str | None) -> None:
    chat, control_chat = 7102, 7103
    update = webhook.fake.send_text(QUESTION, user_id=chat)
    headers = {} if header is None else {"X-Telegram-Bot-Api-Secret-Token": header}
    answered = len(webhook.fake.sent(control_chat))
    with http() as client:
        response = client.post(webhook.hook, json=update, headers=headers)
        assert response.status_code == 403
        # Before looking, let a (wrongly) accepted update get its answer: a good update sent
        # right after the refused one is answered, the refused one never.
        control = webhook.fake.send_text("/help", user_id=control_chat)
        ok = client.post(webhook.hook, json=control, headers={"X-Telegram-Bot-Api-Secret-Token": webhook.secret})
    assert ok.status_code == 200
    webhook.fake.wait_for(lambda f: len(f.sent(control_chat)) > answered, timeout=15)
    time.sleep(0.2)
    assert webhook.fake.sent(chat) == []


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"[1, 2]", b"null", b'"text"', b'{"message": {}}'],
    ids=["broken", "empty", "array", "null", "string", "no-update-id"],
)
def test_webhook_malformed_body_is_a_400(webhook: WebhookBot, body: bytes) -> None:
    with http() as client:
        response = client.post(
            webhook.hook,
            content=body,
            headers={"X-Telegram-Bot-Api-Secret-Token": webhook.secret, "Content-Type": "application/json"},
        )
        assert response.status_code == 400
        assert client.get(f"http://127.0.0.1:{webhook.port}/healthz").status_code == 200


def test_webhook_healthz_while_running(webhook: WebhookBot) -> None:
    with http() as client:
        response = client.get(f"http://127.0.0.1:{webhook.port}/healthz")
        assert (response.status_code, response.text) == (200, "ok")
        assert client.get(webhook.hook).status_code == 405  # only POSTs are updates


def test_webhook_sigterm_finishes_the_update_in_hand_exits_0_and_keeps_secrets_out_of_the_log(
    webhook: WebhookBot,
) -> None:
    chat = 7110
    webhook.fake.set_delay("sendMessage", 1.5)
    with http() as client:
        response = client.post(
            webhook.hook,
            json=webhook.fake.send_text(QUESTION, user_id=chat),
            headers={"X-Telegram-Bot-Api-Secret-Token": webhook.secret},
        )
    assert response.status_code == 200
    time.sleep(0.3)  # the reply is on its way to the (slow) Bot API
    started = time.monotonic()
    webhook.bot.proc.send_signal(signal.SIGTERM)
    assert wait_exit(webhook.bot, 10) == 0
    assert time.monotonic() - started < 10
    assert "KOMEK" in texts(webhook.fake, chat)[0]
    output = webhook.bot.output()
    assert "Webhook server listening on 127.0.0.1" in output
    assert "Traceback" not in output and "Uncaught exception" not in output, output[-3000:]
    assert_secrets_absent(output, webhook.fake.token, webhook.fake.token.split(":")[1], webhook.secret)


def test_webhook_refused_by_telegram_stops_with_the_reason(tmp_path: Path) -> None:
    with FakeBotAPI() as fake:  # like Telegram, the fake takes only https webhooks
        port = free_port()
        bot = BotProcess(
            fake,
            tmp_path,
            BOT_WEBHOOK_URL=f"http://127.0.0.1:{port}{HOOK_PATH}",
            PORT=str(port),
            BOT_WEBHOOK_LISTEN="127.0.0.1",
            BOT_WEBHOOK_SECRET=SECRET,
        )
        try:
            code = wait_exit(bot, 30)
        finally:
            bot.stop()
        (call,) = fake.calls("setWebhook")
    assert call.status == 400
    assert code != 0
    output = bot.output()
    assert "https url must be provided" in output.lower()
    assert "still running" not in output, output[-3000:]  # the reason is not hidden by a second error
    assert_secrets_absent(output, fake.token, SECRET)


# --------------------------------------------------------------------------- 2. polling: start and stop


@dataclass
class PollingBot:
    fake: FakeBotAPI
    bot: BotProcess
    pending: list[int]


@pytest.fixture(scope="module")
def polling(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PollingBot]:
    """A polling bot started after three questions were already waiting at Telegram."""
    with FakeBotAPI() as fake:
        pending = [7201, 7202, 7203]
        for chat in pending:
            fake.send_text(QUESTION, user_id=chat)
        bot = BotProcess(fake, tmp_path_factory.mktemp("polling"))
        try:
            fake.wait_for_call("getUpdates", timeout=30)
            yield PollingBot(fake, bot, pending)
        finally:
            bot.stop()


def test_pending_updates_are_answered_after_start(polling: PollingBot) -> None:
    fake = polling.fake
    fake.wait_for(lambda f: all(f.sent(chat) for chat in polling.pending), timeout=15)
    assert all("KOMEK" in texts(fake, chat)[0] for chat in polling.pending)
    assert not [c for c in fake.calls("deleteWebhook") if c.params.get("drop_pending_updates") in (True, "true")]
    assert not [c for c in fake.calls("setWebhook") if c.params.get("drop_pending_updates") in (True, "true")]


def test_polling_errors_are_retried_and_keep_the_token_out_of_a_debug_log(polling: PollingBot) -> None:
    fake = polling.fake
    fake.fail_next("getUpdates", count=3, status=500, description="Internal Server Error")
    fake.wait_for(lambda f: len([c for c in f.calls("getUpdates") if c.status == 500]) >= 3, timeout=20)
    fake.send_text(QUESTION, user_id=7204)
    fake.wait_for(lambda f: f.sent(7204), timeout=20)
    fake.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: unsupported tag")
    fake.send_text(QUESTION, user_id=7205)
    fake.wait_for(lambda f: f.sent(7205), timeout=15)
    assert sends_to(fake, 7205)[-1].params.get("parse_mode") is None  # the plain-text fallback
    output = polling.bot.output()
    assert "DEBUG" in output  # BotProcess runs with BOT_LOG_LEVEL=DEBUG
    assert_secrets_absent(output, fake.token, fake.token.split(":")[1])


def test_sigterm_while_answering_finishes_the_replies_and_exits_0(polling: PollingBot) -> None:
    fake = polling.fake
    fake.set_delay("sendMessage", 1.5)  # slow replies, slower than the time to SIGTERM
    chats = [7211, 7212, 7213]
    for chat in chats:
        fake.send_text(QUESTION, user_id=chat)
    fake.wait_for_updates_consumed(timeout=15)
    time.sleep(0.3)  # the handlers are now waiting for Telegram's answer to sendMessage
    assert not any(fake.sent(chat) for chat in chats)
    started = time.monotonic()
    polling.bot.proc.send_signal(signal.SIGTERM)
    assert wait_exit(polling.bot, 10) == 0
    assert time.monotonic() - started < 10
    for chat in chats:
        (reply,) = fake.sent(chat)
        assert "KOMEK" in reply["text"]
    output = polling.bot.output()
    assert "Traceback" not in output, output[-3000:]
    assert_secrets_absent(output, fake.token, fake.token.split(":")[1])


# --------------------------------------------------------------------------- 3. a second instance


def test_second_instance_with_the_same_token_gives_way(tmp_path: Path) -> None:
    with FakeBotAPI() as fake:
        bots = []
        for name in ("one", "two"):  # separate folders and databases, one token
            (tmp_path / name).mkdir()
            bots.append(BotProcess(fake, tmp_path / name))
        try:
            deadline = time.monotonic() + 30
            while all(b.proc.poll() is None for b in bots):
                assert time.monotonic() < deadline, "neither instance gave way within 30 s\n" + fake.dump()
                time.sleep(0.1)
            stopped = [b for b in bots if b.proc.poll() is not None]
            assert len(stopped) == 1, "both instances stopped: no bot left running"
            (gone,) = stopped
            (survivor,) = [b for b in bots if b is not gone]
            assert gone.proc.returncode == 0
            log = gone.output()
            assert "Another instance of this bot is polling Telegram with the same token (409 Conflict)" in log
            assert "Traceback" not in log, log[-3000:]
            # The survivor keeps polling and answering, and does not give way as well.
            fake.send_text(QUESTION, user_id=7301)
            fake.wait_for(lambda f: f.sent(7301), timeout=15)
            time.sleep(2.5)  # longer than the loser's last back-off: no late 409 stops the survivor
            assert survivor.proc.poll() is None, survivor.output()[-3000:]
            assert "Traceback" not in survivor.output()
        finally:
            for b in bots:
                b.stop()
        assert survivor.proc.returncode == 0


# --------------------------------------------------------------------------- 4. faults on replies


async def test_flood_control_429_is_waited_out(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    fake.fail_next("sendMessage", status=429, description="Too Many Requests: retry after 1", retry_after=1)
    started = time.monotonic()
    await feed(app, fake.send_text(QUESTION, user_id=7401))
    calls = sends_to(fake, 7401)
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].time - calls[0].time >= 0.9  # waited as told
    assert time.monotonic() - started < 10
    assert "KOMEK" in texts(fake, 7401)[0]


async def test_server_errors_are_retried_with_backoff(
    make_app,
    fake: FakeBotAPI,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = await make_app()
    fake.fail_next("sendMessage", count=2, status=500, description="Internal Server Error")
    await feed(app, fake.send_text(QUESTION, user_id=7402))
    calls = sends_to(fake, 7402)
    assert [c.status for c in calls] == [500, 500, 200]
    assert calls[1].time - calls[0].time >= 0.4 and calls[2].time - calls[1].time >= 0.9  # 0.5 s, then 1 s
    assert "KOMEK" in texts(fake, 7402)[0]
    assert not tracebacks(caplog)


async def test_server_errors_forever_are_bounded_and_the_bot_keeps_answering(  # type: ignore[no-untyped-def]
    make_app, fake: FakeBotAPI, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handlers.retry, "_BACKOFF", 0.05)  # the back-off itself is timed above
    app = await make_app()
    fake.fail_next("sendMessage", count=6, status=500, description="Internal Server Error")
    started = time.monotonic()
    with caplog.at_level(logging.INFO):
        await feed(app, fake.send_text(QUESTION, user_id=7403))
        await feed(app, fake.send_text(QUESTION, user_id=7404))
        await feed(app, fake.send_text(QUESTION, user_id=7405))
    assert time.monotonic() - started < 10
    assert [c.status for c in sends_to(fake, 7403)] == [500, 500, 500]  # three tries, then given up
    assert [c.status for c in sends_to(fake, 7404)] == [500, 500, 500]
    assert fake.sent(7403) == [] and fake.sent(7404) == []
    assert "KOMEK" in texts(fake, 7405)[0]
    assert not tracebacks(caplog)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("Could not send a reply to chat 7403" in r.getMessage() for r in caplog.records)


async def test_refused_html_is_resent_as_plain_text_with_its_buttons(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    fake.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: Unsupported start tag")
    await feed(app, fake.send_text("/start", user_id=7406))
    calls = sends_to(fake, 7406)
    assert [c.status for c in calls] == [400, 200]
    assert calls[0].params.get("parse_mode") == "HTML" and calls[1].params.get("parse_mode") is None
    (message,) = fake.sent(7406)
    assert "<" not in message["text"] and "UNESCO" in message["text"]
    assert message["reply_markup"]["inline_keyboard"]  # the topic buttons survive the fallback


async def test_blocked_chat_is_marked_in_the_database(
    make_app,
    fake: FakeBotAPI,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = await make_app()
    fake.add_chat(7407)
    fake.block_chat(7407)
    await feed(app, fake.send_text(QUESTION, user_id=7407))
    assert [c.status for c in sends_to(fake, 7407)] == [403]
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT status FROM chats WHERE chat_id = 7407") == [("blocked",)]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # Writing again unblocks it (the person unblocked the bot).
    fake.unblock_chat(7407)
    await feed(app, fake.send_text(QUESTION, user_id=7407))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT status FROM chats WHERE chat_id = 7407") == [("active",)]
    assert len(fake.sent(7407)) == 1


async def test_slow_telegram_still_gets_every_reply_once(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    fake.set_delay("sendMessage", 2)
    started = time.monotonic()
    await asyncio.gather(*(feed(app, fake.send_text(QUESTION, user_id=chat)) for chat in (7408, 7409, 7410)))
    elapsed = time.monotonic() - started
    assert 2 <= elapsed < 5.5  # answered side by side, no timeout, no retry
    for chat in (7408, 7409, 7410):
        assert [c.status for c in sends_to(fake, chat)] == [200]
        assert "KOMEK" in texts(fake, chat)[0]


# --------------------------------------------------------------------------- 5. floods


async def test_flood_gets_one_notice_and_others_are_still_answered(
    make_app,
    fake: FakeBotAPI,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    app = await make_app()
    flooder, other = 7501, 7502
    for n in range(40):
        await feed(app, fake.send_text(f"{QUESTION} {n}", user_id=flooder, language_code="en"))
        if n == 20:
            await feed(app, fake.send_text("Bolu öğrenen şehir mi?", user_id=other))
    notice = message_text(app, "flood_notice", "en")
    flooder_texts = texts(fake, flooder)
    assert flooder_texts.count(notice) == 1
    answers = [t for t in flooder_texts if t != notice]
    assert len(answers) == app.bot_data.throttle.limit < 40
    assert flooder_texts.index(notice) == app.bot_data.throttle.limit  # the notice comes right after the limit
    assert len(texts(fake, other)) == 1 and "Bolu" in texts(fake, other)[0]
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT COUNT(*) FROM questions WHERE user_id = ?", flooder) == [
        (app.bot_data.throttle.limit,)
    ]


# --------------------------------------------------------------------------- 6. redelivered updates


async def test_redelivered_update_is_answered_once_even_after_a_restart(
    make_app,
    fake: FakeBotAPI,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    db = tmp_path / "bot.sqlite3"
    update = fake.send_text(QUESTION, user_id=7601)
    first = await make_app()
    await feed(first, update)
    await feed(first, update)
    assert len(fake.sent(7601)) == 1
    assert db_rows(db, "SELECT COUNT(*) FROM questions WHERE user_id = 7601") == [(1,)]
    await first.post_shutdown(first)
    await first.shutdown()
    second = await make_app()  # a restart on the same database file
    await feed(second, update)
    assert len(fake.sent(7601)) == 1
    assert db_rows(db, "SELECT COUNT(*) FROM questions WHERE user_id = 7601") == [(1,)]
    await feed(second, fake.send_text(QUESTION, user_id=7601))  # a new update is answered
    assert len(fake.sent(7601)) == 2
    assert db_rows(db, "SELECT COUNT(*) FROM questions WHERE user_id = 7601") == [(2,)]


# --------------------------------------------------------------------------- 7. the database at start-up


def bot_env(database: Path) -> dict[str, str]:
    """A token and BOT_DATABASE; "Telegram" is a closed local port, so nothing leaves the host."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    env.update(
        TELEGRAM_BOT_TOKEN="123456:TEST-token",
        BOT_API_BASE_URL=f"http://127.0.0.1:{free_port()}/bot",
        BOT_DATABASE=str(database),
        PYTHONPATH=str(ROOT),
    )
    return env


def run_bot(database: Path, cwd: Path, timeout: float = 30) -> tuple[subprocess.CompletedProcess[str], float]:
    """`python -m bot run` (in ``cwd``: no stray .env); the result and how long it took."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=cwd,
        env=bot_env(database),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return result, time.monotonic() - started


def assert_database_error(result: subprocess.CompletedProcess[str], database: Path) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Database error: ") and str(database) in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_corrupt_database_stops_the_start(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"
    database.write_bytes(b"this is not a database\n" * 200)
    result, _ = run_bot(database, tmp_path)
    assert_database_error(result, database)
    assert database.read_bytes() == b"this is not a database\n" * 200  # left as it was


def test_unreachable_database_folder_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file, not a folder")
    database = tmp_path / "data" / "db" / "bot.sqlite3"
    result, _ = run_bot(database, tmp_path)
    assert_database_error(result, database)


def test_locked_database_stops_the_start(tmp_path: Path) -> None:
    database = tmp_path / "bot.sqlite3"

    async def create() -> None:
        async with Storage(database):
            pass

    asyncio.run(create())
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result, elapsed = run_bot(database, tmp_path)
    finally:
        holder.close()
    assert_database_error(result, database)
    assert "locked" in result.stderr
    assert elapsed < 10


def test_read_only_database_stops_the_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "bot.sqlite3"

    async def create() -> None:
        async with Storage(database):
            pass

    asyncio.run(create())
    # Root ignores file modes, so make the folder a read-only mount (a private mount namespace).
    remount = f"mount --bind {data} {data} && mount -o remount,bind,ro {data}"
    unshare = shutil.which("unshare")
    probe = (
        subprocess.run(
            [unshare, "-rm", "sh", "-c", f"{remount} && ! touch {data}/probe 2>/dev/null"],
            capture_output=True,
            timeout=10,
        )
        if unshare
        else None
    )
    if probe is None or probe.returncode != 0:
        pytest.skip("cannot make a read-only mount here (needs unshare -rm and mount); chmod does not stop root")
    result = subprocess.run(
        [unshare, "-rm", "sh", "-c", f'{remount} && exec "$0" -m bot run', sys.executable],
        cwd=tmp_path,
        env=bot_env(database),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert_database_error(result, database)


# --------------------------------------------------------------------------- 8. a full disk


async def test_full_disk_keeps_the_answers_coming(
    make_app,
    fake: FakeBotAPI,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = await make_app()
    db = app.bot_data.storage.db
    async with db.execute("PRAGMA page_count") as cursor:
        (pages,) = await cursor.fetchone()
    await db.execute(f"PRAGMA max_page_count = {int(pages)}")
    users = range(7801, 7861)
    with caplog.at_level(logging.INFO):
        for user in users:
            await feed(app, fake.send_text(f"{QUESTION} {'ayrıntı ' * 40}", user_id=user))
    assert all(len(fake.sent(user)) == 1 for user in users), fake.dump()
    full = [r for r in caplog.records if "full" in r.getMessage()]
    assert [r for r in full if r.levelno == logging.ERROR], "the full disk was never logged as an error"
    assert not tracebacks(caplog)
    stored = db_rows(tmp_path / "bot.sqlite3", "SELECT COUNT(*) FROM questions")[0][0]
    assert stored < len(users)  # the disk really was full
    # Room again: the next question is stored.
    await db.execute("PRAGMA max_page_count = 1000000")
    await feed(app, fake.send_text(QUESTION, user_id=7899))
    assert fake.sent(7899)
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT COUNT(*) FROM questions WHERE user_id = 7899") == [(1,)]


# --------------------------------------------------------------------------- 9. security


@pytest.mark.parametrize(
    "command",
    ["/reload@learning_cities_test_bot", "/stats", "/unanswered 5", "/announce <b>Duyuru</b>", "/announcements"],
)
async def test_operators_commands_in_a_group_refuse_a_group_admin(
    make_app,
    fake: FakeBotAPI,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    assistant,
    command: str,
) -> None:
    app = await make_app(admin_ids=frozenset({ADMIN}))
    intruder = 7901
    fake.set_chat_member_status(GROUP, intruder, "administrator")  # a group admin is no bot operator
    await feed(
        app, fake.send_text(command, user_id=intruder, chat_type="supergroup", chat_id=GROUP, language_code="en")
    )
    assert texts(fake, GROUP) == [message_text(app, "admin_only", "en")]
    assert app.bot_data.assistant is assistant  # not reloaded
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT COUNT(*) FROM announcements") == [(0,)]
    assert not fake.calls("editMessageText")


async def test_city_echo_is_escaped(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    payload = '<script>alert("x")</script> & O\'Brien <b>'
    for chat, kw in ((7902, {}), (GROUP, {"chat_type": "supergroup", "chat_id": GROUP})):
        await feed(app, fake.send_text(f"/city {payload}", user_id=7902, language_code="en", **kw))
        (call,) = sends_to(fake, chat)
        assert call.status == 200, call.description  # valid HTML the first time, no plain-text fallback
        assert call.params["parse_mode"] == "HTML"
        assert "&lt;script&gt;" in call.params["text"] and "<script>" not in call.params["text"]
        assert payload in texts(fake, chat)[-1]  # shown literally


async def test_sql_like_questions_are_stored_verbatim(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    text = "Robert'); DROP TABLE questions; -- \" OR 1=1; SELECT * FROM chats WHERE '1'='1"
    await feed(app, fake.send_text(text, user_id=7903))
    await feed(app, fake.send_text(QUESTION, user_id=7903))
    assert len(fake.sent(7903)) == 2
    db = tmp_path / "bot.sqlite3"
    assert db_rows(db, "SELECT text FROM questions WHERE user_id = 7903 ORDER BY id") == [(text,), (QUESTION,)]
    tables = {r[0] for r in db_rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"questions", "chats", "users", "announcements"} <= tables
