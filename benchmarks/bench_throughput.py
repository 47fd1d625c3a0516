"""Update throughput inside the process: the real Application vs a bare echo bot.

Both Applications get the same :class:`RecordingRequest` (a
``telegram.request.BaseRequest`` that records every Bot API call and answers it with
a canned OK result, no network) and the same private-chat text updates, fed through
``Application.process_update`` on one event loop (one core):

* ``bot``: :func:`handlers.app.build_application` with the shipped content and a database in
  a temporary folder: every handler, guard, the SQLite storage and the matcher. Its
  ``AIORateLimiter`` spaces messages to Telegram's 30 a second by design, so the run
  that measures processing capacity builds it without the limiter (``limiter off``);
  a short run with the limiter shows the pacing (``limiter on``);
* ``echo``: a bare python-telegram-bot Application whose only handler replies with the
  message's text.

Updates go one at a time (``sequential``) and, as the bot runs them in production
(``concurrent_updates(16)``), 16 at a time (``16 at once``). Each update comes from its
own user (a flood guard limits one user's pace), with questions from tests/eval. A
diagnostic row answers the four database calls each question makes (``claim_update``,
``touch_chat``, ``get_lang``, ``log_question``) in memory, to show what they cost.

Run: ``.venv/bin/python benchmarks/bench_throughput.py`` (about half a minute).
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from common import ROOT, print_header, table

sys.path.insert(0, str(ROOT))

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters
from telegram.request import BaseRequest, RequestData

import handlers.app
from bot.config import Config
from bot.evaluation import load_cases
from bot.services import load_assistant

TOKEN = "123456:TESTTOKENtesttokenTESTTOKENtesttoken"
BOT_USER = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Bench",
    "username": "bench_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}


class RecordingRequest(BaseRequest):
    """Records every Bot API method called and returns a canned successful result."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self._message_id = 0

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        self.calls[name] += 1
        params = request_data.parameters if request_data is not None else {}
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> object:
        if name == "getMe":
            return BOT_USER
        if name in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            self._message_id += 1
            chat_id = int(params.get("chat_id", 1))
            return {
                "message_id": self._message_id,
                "date": int(time.time()),
                "text": str(params.get("text", "")),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
            }
        if name == "getUpdates":
            return []
        return True  # setMyCommands, answerCallbackQuery, deleteWebhook, ...


def _update(number: int, question: str) -> dict[str, object]:
    user = {"id": 10_000 + number, "is_bot": False, "first_name": f"U{number}", "language_code": "tr"}
    return {
        "update_id": 1_000_000 + number,
        "message": {
            "message_id": number + 1,
            "date": int(time.time()),
            "chat": {"id": user["id"], "type": "private", "first_name": user["first_name"]},
            "from": user,
            "text": question,
        },
    }


def _questions() -> list[str]:
    return [
        c.question for name in ("questions.yaml", "holdout.yaml") for c in load_cases(ROOT / "tests" / "eval" / name)
    ]


def _patch_builder(request: RecordingRequest, limiter: bool) -> Callable[[], None]:
    """Make build_application's ApplicationBuilder use ``request`` (and maybe no limiter)."""
    original = handlers.app.ApplicationBuilder

    class Builder(ApplicationBuilder):  # type: ignore[type-arg]
        def build(self) -> Application:  # type: ignore[type-arg, override]
            self.request(request).get_updates_request(request)
            if not limiter:
                self.rate_limiter(None)  # type: ignore[arg-type]
            return super().build()

    handlers.app.ApplicationBuilder = Builder  # type: ignore[misc]

    def restore() -> None:
        handlers.app.ApplicationBuilder = original  # type: ignore[misc]

    return restore


async def _drive(application: Application, updates: list[dict[str, object]], concurrency: int) -> float:  # type: ignore[type-arg]
    """Seconds to process every update, ``concurrency`` at a time."""
    objects = [Update.de_json(u, application.bot) for u in updates]
    start = time.perf_counter()
    if concurrency == 1:
        for update in objects:
            await application.process_update(update)
    else:
        for i in range(0, len(objects), concurrency):
            await asyncio.gather(*(application.process_update(u) for u in objects[i : i + concurrency]))
    return time.perf_counter() - start


async def _run_app(
    make: Callable[[], Awaitable[Application]],
    updates: list[dict[str, object]],  # type: ignore[type-arg]
    concurrency: int,
    post: bool,
) -> float:
    application = await make()
    await application.initialize()
    if post and application.post_init:
        await application.post_init(application)
    await application.start()
    try:
        return await _drive(application, updates, concurrency)
    finally:
        await application.stop()
        if post and application.post_shutdown:
            await application.post_shutdown(application)
        await application.shutdown()


def _stub_storage() -> Callable[[], None]:
    """Answer the per-update database calls in memory (a diagnostic: what they cost)."""
    from bot.storage import Storage

    names = ("claim_update", "touch_chat", "get_lang", "log_question")
    saved = {name: getattr(Storage, name) for name in names}

    async def claim(self: Storage, *args: object, **kwargs: object) -> bool:
        return True

    async def nothing(self: Storage, *args: object, **kwargs: object) -> None:
        return None

    for name in names:
        setattr(Storage, name, claim if name == "claim_update" else nothing)

    def restore() -> None:
        for name, method in saved.items():
            setattr(Storage, name, method)

    return restore


async def measure_bot(
    updates: list[dict[str, object]], concurrency: int, limiter: bool, stub_storage: bool = False
) -> tuple[float, Counter[str]]:
    request = RecordingRequest()
    restore = _patch_builder(request, limiter)
    unstub = _stub_storage() if stub_storage else (lambda: None)
    assistant = load_assistant(ROOT / "content")
    with tempfile.TemporaryDirectory() as folder:
        config = Config(token=TOKEN, database=Path(folder) / "bot.sqlite3", log_level="WARNING")

        async def make() -> Application:  # type: ignore[type-arg]
            return handlers.app.build_application(config, assistant)

        try:
            seconds = await _run_app(make, updates, concurrency, post=True)
        finally:
            restore()
            unstub()
    return seconds, request.calls


async def measure_echo(updates: list[dict[str, object]], concurrency: int) -> tuple[float, Counter[str]]:
    request = RecordingRequest()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    async def make() -> Application:  # type: ignore[type-arg]
        application = (
            ApplicationBuilder()
            .token(TOKEN)
            .request(request)
            .get_updates_request(request)
            .concurrent_updates(16)
            .build()
        )
        application.add_handler(MessageHandler(filters.TEXT, echo))
        return application

    seconds = await _run_app(make, updates, concurrency, post=False)
    return seconds, request.calls


def main() -> None:
    import logging

    logging.disable(logging.WARNING)  # flood notices and the like would only slow the run down
    print_header("Update throughput inside the process (questions per second, one core)")
    questions = _questions()
    count = 4000
    updates = [_update(i, questions[i % len(questions)]) for i in range(count)]
    rows = []
    for concurrency in (1, 16):
        label = "sequential" if concurrency == 1 else f"{concurrency} at once"
        seconds, calls = asyncio.run(measure_echo(updates, concurrency))
        rows.append(["echo (bare PTB)", label, count, count / seconds, 1e3 * seconds / count, calls["sendMessage"]])
        seconds, calls = asyncio.run(measure_bot(updates, concurrency, limiter=False))
        rows.append(["bot, limiter off", label, count, count / seconds, 1e3 * seconds / count, calls["sendMessage"]])
    seconds, calls = asyncio.run(measure_bot(updates, 16, limiter=False, stub_storage=True))
    rows.append(
        [
            "bot, limiter off, no database (diagnostic)",
            "16 at once",
            count,
            count / seconds,
            1e3 * seconds / count,
            calls["sendMessage"],
        ]
    )
    few = updates[:90]
    seconds, calls = asyncio.run(measure_bot(few, 16, limiter=True))
    rows.append(
        ["bot, limiter on", "16 at once", len(few), len(few) / seconds, 1e3 * seconds / len(few), calls["sendMessage"]]
    )
    print(table(["application", "updates fed", "updates", "per second", "ms per update", "sendMessage calls"], rows))


if __name__ == "__main__":
    main()
