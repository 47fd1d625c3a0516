"""Tests for the fake Telegram Bot API server (tests/fakebotapi.py).

They drive the fake with python-telegram-bot's own ``telegram.Bot`` (so the exact wire
format of PTB 22 is exercised) and with raw ``httpx`` requests for body-format checks.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import subprocess
import sys
import time
import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    ReplyKeyboardMarkup,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler

from fakebotapi import DEFAULT_USER_ID, FakeBotAPI, HtmlParseError, parse_html, utf16_len

USER = DEFAULT_USER_ID
GROUP = -1001234567890


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        server.add_chat(USER, "private")
        yield server
        assert server.internal_errors == []


@pytest_asyncio.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as tg_bot:
        yield tg_bot


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


# ---------------------------------------------------------------------------------- basics


@pytest.mark.asyncio
async def test_get_me(fake: FakeBotAPI, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.id == 123456
    assert me.username == "learning_cities_test_bot"
    assert me.supports_inline_queries and not me.can_read_all_group_messages
    assert fake.calls("getMe")[-1].ok
    method, params, status, response = fake.calls("getme")[-1]
    assert (method, params, status, response["ok"]) == ("getMe", {}, 200, True)


@pytest.mark.asyncio
async def test_wrong_token_and_unknown_method(fake: FakeBotAPI) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{fake.base_url}999:wrong/getMe")
        assert response.status_code == 401
        assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        response = await client.post(fake.api_url("fooBar"))
        assert response.status_code == 404
        assert response.json()["description"] == "Not Found"
    with pytest.raises(InvalidToken):
        async with Bot("999:wrong", base_url=fake.base_url) as wrong:
            await wrong.get_me()


# ---------------------------------------------------------------------------- HTML parsing


@pytest.mark.asyncio
async def test_send_valid_html(fake: FakeBotAPI, bot: Bot) -> None:
    html = (
        '<b>Bold</b> <i>it</i> <a href="https://example.org/?a=1&amp;b=2">link</a> '
        '<code>x</code> <pre><code class="language-python">print(1)</code></pre> '
        "<blockquote expandable>q</blockquote> <tg-spoiler>s</tg-spoiler> "
        '<span class="tg-spoiler">t</span> <u>u</u> <s>s</s> &lt;tag&gt; &quot;&#65;&#x42;'
    )
    msg = await bot.send_message(USER, html, parse_mode=ParseMode.HTML)
    assert msg.text == 'Bold it link x print(1) q s t u s <tag> "AB'
    kinds = [e.type for e in msg.entities]
    assert kinds == [
        "bold",
        "italic",
        "text_link",
        "code",
        "pre",
        "expandable_blockquote",
        "spoiler",
        "spoiler",
        "underline",
        "strikethrough",
    ]
    link = msg.entities[2]
    assert link.url == "https://example.org/?a=1&b=2"
    assert msg.entities[4].language == "python"
    stored = fake.sent(USER)[-1]
    assert stored["message_id"] == msg.message_id
    assert stored["parse_mode"] == "HTML" and stored["source_text"] == html
    assert fake.parse_modes_used() == {"HTML"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi <script>alert(1)</script>", 'unsupported start tag "script" at byte offset 3'),
        ("Hi <b>there", 'can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'unsupported start tag "" at byte offset 2'),
        ("</b>", "unexpected end tag at byte offset 0"),
        ("ş<b>x</i>", 'unmatched end tag at byte offset 6, expected "</b>", found "</i>"'),
        ("<span>x</span>", 'tag "span" must have class "tg-spoiler"'),
        ("x <b", "unclosed start tag at byte offset 2"),
    ],
)
async def test_invalid_html_rejected(fake: FakeBotAPI, bot: Bot, text: str, expected: str) -> None:
    with pytest.raises(BadRequest) as info:
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)
    # PTB strips "Bad Request: " and capitalizes() the rest, so compare case-insensitively.
    assert "can't parse entities" in str(info.value).lower()
    assert expected.lower() in str(info.value).lower()
    assert fake.calls("sendMessage")[-1].status == 400
    description = fake.calls("sendMessage")[-1].description
    assert description.startswith("Bad Request: can't parse entities: ")
    assert fake.sent(USER) == []


@pytest.mark.asyncio
async def test_bare_ampersand_and_gt_are_kept(bot: Bot) -> None:
    text = "a & b > c &amp; &lt;x&gt; &#128512; &nbsp;"
    msg = await bot.send_message(USER, text, parse_mode="HTML")
    assert msg.text == "a & b > c & <x> \U0001f600 &nbsp;"


@pytest.mark.asyncio
@pytest.mark.parametrize("text", ["", "   \n ", "<b> </b>"])
async def test_empty_text_rejected(bot: Bot, text: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, text, parse_mode=ParseMode.HTML)


@pytest.mark.asyncio
async def test_length_is_counted_in_characters_after_parsing(fake: FakeBotAPI, bot: Bot) -> None:
    # tdlib (MessageContent.cpp) refuses a bot's text when utf8_length(text) > 4096: characters
    # (code points) of the parsed, trimmed text, not UTF-16 units - an emoji counts once.
    await bot.send_message(USER, "a" * 4096)
    await bot.send_message(USER, "<b>" + "a" * 4096 + "</b>", parse_mode="HTML")
    await bot.send_message(USER, "\U0001f600" * 4096)  # 8192 UTF-16 units, 4096 characters
    await bot.send_message(USER, "  " + "a" * 4096 + "\n\n")  # trimmed first
    for too_long in ("a" * 4097, "\U0001f600" * 4096 + "a", "&amp;" * 4097):
        with pytest.raises(BadRequest, match=r"(?i)message is too long"):
            await bot.send_message(USER, too_long, parse_mode="HTML")
    assert len(fake.sent(USER)) == 4


@pytest.mark.asyncio
async def test_markdown_is_rejected_and_recorded(fake: FakeBotAPI, bot: Bot) -> None:
    for mode in (ParseMode.MARKDOWN_V2, ParseMode.MARKDOWN):
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(USER, "*bold*", parse_mode=mode)
    assert fake.parse_modes_used() == {"Markdown", "MarkdownV2"}


def test_parse_html_offsets_are_utf16() -> None:
    text, entities = parse_html("\U0001f600 <b>ğ\U0001f600</b>")
    assert text == "\U0001f600 ğ\U0001f600"
    assert entities == [{"type": "bold", "offset": 3, "length": 3}]
    assert utf16_len(text) == 6


# ------------------------------------------------------------------------- reply markup


@pytest.mark.asyncio
async def test_callback_data_and_url_validation(fake: FakeBotAPI, bot: Bot) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="x" * 64)]])
    msg = await bot.send_message(USER, "fine", reply_markup=ok)
    assert msg.reply_markup.inline_keyboard[0][0].callback_data == "x" * 64
    for data in ("x" * 65, "ş" * 33):  # 65 / 66 bytes of UTF-8
        bad = InlineKeyboardMarkup([[InlineKeyboardButton("bad", callback_data=data)]])
        with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
            await bot.send_message(USER, "nope", reply_markup=bad)
    bad_url = InlineKeyboardMarkup([[InlineKeyboardButton("bad", url="javascript:alert(1)")]])
    with pytest.raises(BadRequest, match=r"(?i)button_url_invalid"):
        await bot.send_message(USER, "nope", reply_markup=bad_url)
    keyboard = ReplyKeyboardMarkup([["Türkçe", "English"]], resize_keyboard=True)
    await bot.send_message(USER, "choose", reply_markup=keyboard)
    assert fake.sent(USER)[-1]["reply_markup"]["keyboard"] == [[{"text": "Türkçe"}, {"text": "English"}]]
    assert "reply_markup" not in fake.sent(USER)[-1]["message"]


@pytest.mark.asyncio
async def test_edit_not_modified_and_keyboard_removal(fake: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    msg = await bot.send_message(USER, "<b>Hi</b>", parse_mode="HTML", reply_markup=markup)
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("<b>Hi</b>", USER, msg.message_id, parse_mode="HTML", reply_markup=markup)
    # Same text but no markup: Telegram removes the keyboard, so this *is* a modification.
    edited = await bot.edit_message_text("<b>Hi</b>", USER, msg.message_id, parse_mode="HTML")
    assert edited.reply_markup is None
    assert fake.sent(USER)[-1]["edits"] == 1
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", USER, 9999)
    await bot.delete_message(USER, msg.message_id)
    assert fake.sent(USER) == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(USER, msg.message_id)


# -------------------------------------------------------------------- chats & failures


@pytest.mark.asyncio
async def test_unknown_and_blocked_chats(fake: FakeBotAPI, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(424242, "hello")
    fake.block_chat(USER)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER, "hello")
    assert fake.calls("sendMessage")[-1].status == 403
    fake.unblock_chat(USER)
    await bot.send_message(USER, "hello again")


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # RetryAfter init
async def test_rate_limit_raises_retry_after(fake: FakeBotAPI, bot: Bot) -> None:
    fake.set_rate_limit(global_per_second=30, per_chat_per_minute=20, per_chat_per_second=1, retry_after=3)
    await bot.send_message(USER, "first")
    with pytest.raises(RetryAfter) as info:
        await bot.send_message(USER, "second")
    assert _retry_seconds(info.value) == 3
    assert fake.rate_limit_hits == 1
    last = fake.calls("sendMessage")[-1]
    assert last.status == 429 and last.response["parameters"] == {"retry_after": 3}
    assert last.description == "Too Many Requests: retry after 3"
    fake.disable_rate_limit()
    await bot.send_message(USER, "third")


@pytest.mark.asyncio
async def test_fail_next_and_delay(fake: FakeBotAPI, bot: Bot) -> None:
    fake.fail_next("sendMessage")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(USER, "x")
    await bot.send_message(USER, "y")
    fake.set_delay("getMe", 0.3)
    started = time.monotonic()
    await bot.get_me()
    assert time.monotonic() - started >= 0.3


# ------------------------------------------------------------------------------ updates


@pytest.mark.asyncio
async def test_get_updates_offset_semantics(fake: FakeBotAPI, bot: Bot) -> None:
    first = fake.send_text("/start")
    second = fake.send_text("hello", language_code="en")
    third = fake.send_sticker(USER)
    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == [first["update_id"], second["update_id"], third["update_id"]]
    assert updates[0].message.text == "/start"
    assert updates[0].message.entities[0].type == "bot_command"
    assert updates[1].message.from_user.language_code == "en"
    assert updates[2].message.sticker is not None and updates[2].message.text is None
    # Unconfirmed updates are delivered again; offset confirms everything below it.
    assert len(await bot.get_updates()) == 3
    assert [u.update_id for u in await bot.get_updates(offset=second["update_id"], limit=1)] == [second["update_id"]]
    assert [u.update_id for u in await bot.get_updates()] == [second["update_id"], third["update_id"]]
    assert await bot.get_updates(offset=third["update_id"] + 1) == ()
    assert fake.pending_updates() == []


@pytest.mark.asyncio
async def test_allowed_updates_and_concurrent_poll_conflict(fake: FakeBotAPI, bot: Bot) -> None:
    fake.raw_update({"chat_member": {"not": "delivered by default"}})
    fake.inline_query("x")
    assert [u.inline_query is not None for u in await bot.get_updates()] == [True]
    fake.send_text("hi")
    assert await bot.get_updates(allowed_updates=["callback_query"]) == ()

    async with httpx.AsyncClient() as first, httpx.AsyncClient() as second:
        waiting = asyncio.create_task(first.post(fake.api_url("getUpdates"), data={"timeout": "5", "offset": "-1"}))
        await asyncio.sleep(0.2)
        await second.post(fake.api_url("getUpdates"), data={"timeout": "0"})
        response = await asyncio.wait_for(waiting, 2)
    assert response.status_code == 409
    assert "terminated by other getUpdates request" in response.json()["description"]


@pytest.mark.asyncio
async def test_long_poll_wakes_up_and_is_capped(fake: FakeBotAPI, bot: Bot) -> None:
    async def inject_later() -> None:
        await asyncio.sleep(0.3)
        fake.send_text("wake up")

    started = time.monotonic()
    task = asyncio.create_task(inject_later())
    updates = await bot.get_updates(timeout=10)
    await task
    assert 0.25 < time.monotonic() - started < 1.5
    assert updates[0].message.text == "wake up"

    fake.long_poll_cap = 0.4
    started = time.monotonic()
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=30) == ()
    assert 0.35 < time.monotonic() - started < 1.5


@pytest.mark.asyncio
async def test_a_burst_of_new_connections_is_served_at_once(fake: FakeBotAPI) -> None:
    """Telegram's server takes a burst of new connections (tdlib listens with a backlog of
    8192): a bot whose replies open many at once (16 handlers, a pool of 256) gets each
    answered at once. With socketserver's listen backlog of 5 the kernel dropped the SYNs
    beyond it (each retried after 1 s) or, treating the burst as a SYN flood, reset some
    connections after their request was written: a reply lost ("may have arrived", never
    resent) and bench_cpu --long-poll 10 stalled (docs/benchmarks.md)."""
    request = f"POST /bot{fake.token}/getMe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n".encode()

    async def get_me() -> tuple[bytes, float]:
        started = time.monotonic()
        reader, writer = await asyncio.open_connection("127.0.0.1", fake.port)
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(line[15:]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
        await reader.readexactly(length)
        seconds = time.monotonic() - started
        writer.close()
        await writer.wait_closed()
        return head.split(b"\r\n", 1)[0], seconds

    answers = await asyncio.wait_for(asyncio.gather(*(get_me() for _ in range(64))), 10)
    assert {status for status, _ in answers} == {b"HTTP/1.1 200 OK"}
    assert max(seconds for _, seconds in answers) < 0.95  # a dropped SYN is sent again after 1 s


@pytest.mark.asyncio
async def test_entities_and_replies_in_injected_messages(fake: FakeBotAPI, bot: Bot) -> None:
    sent = await bot.send_message(USER, "Soru?")
    text = "\U0001f600 /help@learning_cities_test_bot @someone a/b /x"
    update = fake.send_text(text, reply_to_message_id=sent.message_id)
    message = update["message"]
    assert message["entities"] == [
        {"type": "bot_command", "offset": 3, "length": 30},
        {"type": "mention", "offset": 34, "length": 8},
        {"type": "bot_command", "offset": 47, "length": 2},
    ]
    assert message["reply_to_message"]["from"]["is_bot"] is True
    assert message["reply_to_message"]["text"] == "Soru?"
    group = fake.send_text("/start", chat_type="supergroup", chat_title="Şehirler", user_id=7)
    assert group["message"]["chat"] == {"id": GROUP, "type": "supergroup", "title": "Şehirler", "is_forum": False}
    edited = fake.edit_text(GROUP, group["message"]["message_id"], "/start now")
    assert edited["edited_message"]["text"] == "/start now"
    post = fake.channel_post(-100999, "news")
    assert post["channel_post"]["chat"]["type"] == "channel"
    member = fake.chat_member_update(USER, "private", "member", "kicked")
    updates = await bot.get_updates()
    assert updates[-1].my_chat_member.new_chat_member.status == "kicked"
    assert updates[-1].update_id == member["update_id"]
    with pytest.raises(Forbidden):
        await bot.send_message(USER, "still there?")


# ----------------------------------------------------------------------- queries


@pytest.mark.asyncio
async def test_press_button_and_answer_callback_query(fake: FakeBotAPI, bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
    msg = await bot.send_message(USER, "<i>Sure?</i>", parse_mode="HTML", reply_markup=markup)
    with pytest.raises(ValueError):
        fake.press_button(USER, msg.message_id, "no")
    fake.press_button(USER, msg.message_id, "yes")
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query.data == "yes" and query.message.text == "Sure?"
    assert query.message.reply_markup == markup
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await bot.answer_callback_query(query.id, text="x" * 201)
    assert await bot.answer_callback_query(query.id, text="OK")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query.id)
    (answer,) = fake.callback_answers()
    assert answer["answered"] and answer["answer"]["text"] == "OK"

    fake.set_query_timeout(0.05)
    fake.press_button(USER, msg.message_id, "yes")
    await asyncio.sleep(0.1)
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(fake.pending_updates()[-1]["callback_query"]["id"])
    with pytest.raises(BadRequest, match=r"(?i)query id is invalid"):
        await bot.answer_callback_query("does-not-exist")


@pytest.mark.asyncio
async def test_inline_query_answers(fake: FakeBotAPI, bot: Bot) -> None:
    def articles(count: int, html: str = "<b>City</b>") -> list[InlineQueryResultArticle]:
        return [
            InlineQueryResultArticle(
                id=str(i),
                title=f"City {i}",
                input_message_content=InputTextMessageContent(html, parse_mode="HTML"),
            )
            for i in range(count)
        ]

    query_id = fake.inline_query("istanbul")["inline_query"]["id"]
    assert await bot.answer_inline_query(query_id, articles(6))
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_inline_query(query_id, articles(6))

    query_id = fake.inline_query("ankara")["inline_query"]["id"]
    with pytest.raises(BadRequest, match=r"(?i)results_too_much"):
        await bot.answer_inline_query(query_id, articles(51))
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.answer_inline_query(query_id, articles(2, html="<p>x</p>"))
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await bot.answer_inline_query(query_id, articles(2) + articles(1))
    assert await bot.answer_inline_query(query_id, articles(50))  # failed attempts don't count
    assert [a["answered"] for a in fake.inline_answers()] == [True, True]


# --------------------------------------------------------------- commands & members


@pytest.mark.asyncio
async def test_commands_and_members(fake: FakeBotAPI, bot: Bot) -> None:
    await bot.set_my_commands([BotCommand("start", "Başla"), BotCommand("help", "Yardım")], language_code="tr")
    assert [c.command for c in await bot.get_my_commands(language_code="tr")] == ["start", "help"]
    assert await bot.get_my_commands() == ()
    assert fake.commands(language_code="tr")[0] == {"command": "start", "description": "Başla"}
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start", "x")])
    with pytest.raises(BadRequest, match=r"(?i)bot_command_description_invalid"):
        await bot.set_my_commands([BotCommand("start", "x" * 257)])
    await bot.delete_my_commands(language_code="tr")
    assert fake.commands(language_code="tr") == []

    fake.add_chat(GROUP, "supergroup", title="Learning Cities")
    fake.set_chat_member_status(GROUP, 7, "administrator")
    fake.set_chat_member_status(GROUP, 8, "creator")
    assert (await bot.get_chat_member(GROUP, 7)).status == "administrator"
    assert (await bot.get_chat_member(GROUP, 9)).status == "member"
    admins = await bot.get_chat_administrators(GROUP)
    assert [(a.user.id, a.status) for a in admins] == [(8, "creator"), (7, "administrator")]
    assert (await bot.get_chat(GROUP)).title == "Learning Cities"
    assert await bot.send_chat_action(GROUP, "typing")
    assert await bot.leave_chat(GROUP)
    with pytest.raises(Forbidden, match="not a member"):
        await bot.send_message(GROUP, "hi")


# -------------------------------------------------------------------- raw request bodies


def test_raw_bodies_are_decoded(fake: FakeBotAPI) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    with httpx.Client() as client:
        # PTB style: form-urlencoded, JSON values as strings; method name case-insensitive.
        r = client.post(
            fake.api_url("SENDMESSAGE"),
            data={
                "chat_id": str(USER),
                "text": "123",
                "reply_markup": json.dumps(markup),
                "disable_notification": "true",
            },
        )
        assert r.status_code == 200 and r.json()["result"]["text"] == "123"
        # JSON body with typed values.
        r = client.post(
            fake.api_url("sendMessage"),
            json={
                "chat_id": USER,
                "text": "json",
                "reply_markup": markup,
            },
        )
        assert r.json()["result"]["reply_markup"] == markup
        # multipart/form-data (what PTB uses when a file is attached).
        r = client.post(
            fake.api_url("sendMessage"),
            data={"chat_id": str(USER), "text": "multi"},
            files={"extra": ("a.txt", b"hello", "text/plain")},
        )
        assert r.status_code == 200, r.text
        # GET with a query string.
        r = client.get(fake.api_url("getChat"), params={"chat_id": USER})
        assert r.json()["result"]["type"] == "private"
    send_calls = fake.calls("sendMessage")
    assert send_calls[0].params == {
        "chat_id": USER,
        "text": "123",
        "reply_markup": markup,
        "disable_notification": True,
    }
    assert send_calls[2].params["extra"].data == b"hello"
    assert [m["text"] for m in fake.sent(USER)] == ["123", "json", "multi"]
    assert fake.calls("getChat")[0].http_method == "GET"


def test_wait_for_timeout_dumps_calls(fake: FakeBotAPI) -> None:
    with httpx.Client() as client:
        client.post(fake.api_url("sendMessage"), data={"chat_id": "5", "text": "x"})
    with pytest.raises(AssertionError) as info:
        fake.wait_for(lambda f: f.sent(USER), timeout=0.2, message="a reply")
    assert "a reply" in str(info.value) and "chat not found" in str(info.value)
    assert fake.wait_for_call("sendMessage")[0].status == 400


# --------------------------------------------------------------------- PTB Application


@pytest.mark.asyncio
async def test_ptb_application_polling_end_to_end(fake: FakeBotAPI) -> None:
    async def start(update, context) -> None:  # type: ignore[no-untyped-def]
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("TR", callback_data="lang:tr")]])
        await update.message.reply_html("<b>Merhaba!</b>", reply_markup=keyboard)

    async def button(update, context) -> None:  # type: ignore[no-untyped-def]
        await update.callback_query.answer()
        await update.callback_query.edit_message_text("Dil: <i>Türkçe</i>", parse_mode="HTML")

    app = ApplicationBuilder().token(fake.token).base_url(fake.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(button))
    async with app:
        await app.updater.start_polling(timeout=10, drop_pending_updates=True)
        await app.start()
        try:
            fake.send_text("/start")
            reply = await fake.async_wait_for(lambda f: f.sent(USER) and f.sent(USER)[-1])
            assert reply["text"] == "Merhaba!"
            fake.press_button(USER, reply["message_id"], "lang:tr")
            await fake.async_wait_for(lambda f: f.sent(USER)[-1]["edits"] == 1)
        finally:
            await app.updater.stop()
            await app.stop()
    methods = [c.method for c in fake.calls()]
    assert methods[:2] == ["getMe", "deleteWebhook"]
    assert fake.calls("deleteWebhook")[0].params == {"drop_pending_updates": True}
    assert fake.calls("getUpdates")[0].params["timeout"] == 10
    answer = fake.calls("answerCallbackQuery")[0]
    assert answer.seq < fake.calls("editMessageText")[0].seq  # button answered first
    assert fake.sent(USER)[-1]["text"] == "Dil: Türkçe"


def test_script_mode_and_control_api() -> None:
    script = Path(__file__).with_name("fakebotapi.py")
    proc = subprocess.Popen([sys.executable, str(script), "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert line.startswith("READY http://127.0.0.1:")
        base_url = line.split(" ", 1)[1]
        with httpx.Client() as client:
            me = client.post(f"{base_url}123456:TEST-token/getMe").json()
            assert me["result"]["username"] == "learning_cities_test_bot"
            root = base_url.rsplit("/", 1)[0]
            queued = client.post(f"{root}/_fake/send_text", json={"text": "/start"}).json()
            assert queued["result"]["message"]["text"] == "/start"
            updates = client.post(f"{base_url}123456:TEST-token/getUpdates").json()["result"]
            assert updates[0]["update_id"] == queued["result"]["update_id"]
    finally:
        proc.terminate()
        proc.wait(timeout=5)


# ----------------------------------------------- as strict as Bot API 10.0, and no stricter
# Each rule below is read from telegram-bot-api 10.0 (telegram-bot-api/Client.cpp) and tdlib
# (td/telegram/MessageEntity.cpp parse_html / fix_entities, LinkManager::get_checked_link).


def _raw(fake: FakeBotAPI, method: str, **params: object) -> dict[str, object]:
    with httpx.Client() as client:
        return client.post(fake.api_url(method), json=params).json()  # type: ignore[no-any-return]


def _description(answer: dict[str, object]) -> str:
    assert answer["ok"] is False, answer
    return str(answer["description"])


@pytest.mark.parametrize("style", ["primary", "DANGER", "success", "default", ""])
def test_button_styles_of_bot_api_9_4_are_accepted(fake: FakeBotAPI, style: str) -> None:
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "a", "style": style}]]}
    assert _raw(fake, "sendMessage", chat_id=USER, text="x", reply_markup=markup)["ok"] is True


def test_an_invalid_button_style_is_refused(fake: FakeBotAPI) -> None:
    for markup in (
        {"inline_keyboard": [[{"text": "A", "callback_data": "a", "style": "red"}]]},
        {"keyboard": [[{"text": "A", "style": "blue"}]]},
    ):
        description = _description(_raw(fake, "sendMessage", chat_id=USER, text="x", reply_markup=markup))
        assert description.endswith("button: invalid button style specified"), description


def test_a_number_is_accepted_as_callback_data_and_button_text(fake: FakeBotAPI) -> None:
    markup = {"inline_keyboard": [[{"text": 7, "callback_data": 123}]]}
    answer = _raw(fake, "sendMessage", chat_id=USER, text="x", reply_markup=markup)
    assert answer["ok"] is True, answer
    assert fake.sent(USER)[-1]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "123"
    message_id = fake.sent(USER)[-1]["message_id"]
    fake.press_button(USER, message_id, "123")  # the client sends it back as a string
    # An empty callback_data is no action at all.
    empty = {"inline_keyboard": [[{"text": "A", "callback_data": ""}]]}
    assert "Text buttons are unallowed" in _description(
        _raw(fake, "sendMessage", chat_id=USER, text="x", reply_markup=empty)
    )


def test_reply_parameters_need_a_message_id(fake: FakeBotAPI) -> None:
    first = _raw(fake, "sendMessage", chat_id=USER, text="first")
    first_id = first["result"]["message_id"]  # type: ignore[index]
    assert _description(
        _raw(fake, "sendMessage", chat_id=USER, text="x", reply_parameters={"allow_sending_without_reply": True})
    ) == ('Bad Request: can\'t find field "message_id"')
    assert "object expected" in _description(_raw(fake, "sendMessage", chat_id=USER, text="x", reply_parameters=[1]))
    reply = _raw(fake, "sendMessage", chat_id=USER, text="x", reply_parameters={"message_id": str(first_id)})
    assert reply["result"]["reply_to_message"]["message_id"] == first_id  # type: ignore[index]
    # reply_parameters replaces reply_to_message_id; an empty object is no reply.
    plain = _raw(fake, "sendMessage", chat_id=USER, text="x", reply_parameters={}, reply_to_message_id=first_id)
    assert "reply_to_message" not in plain["result"]  # type: ignore[operator]


def test_chat_scopes_need_a_chat_id(fake: FakeBotAPI) -> None:
    commands = [{"command": "start", "description": "Start"}]
    for scope, error in (
        ({"type": "chat"}, 'Can\'t find field "chat_id"'),
        ({"type": "chat_administrators", "chat_id": ""}, "Empty chat_id specified"),
        ({"type": "chat_member", "chat_id": USER}, 'Can\'t find field "user_id"'),
        ({"type": "chat_member", "chat_id": USER, "user_id": 0}, "Invalid user_id specified"),
        ({"type": "everyone"}, "Unsupported type specified"),
        ({}, 'Can\'t find field "type"'),
    ):
        description = _description(_raw(fake, "setMyCommands", commands=commands, scope=scope))
        assert description == f"Bad Request: can't parse BotCommandScope: {error}", description
    assert _raw(fake, "setMyCommands", commands=commands, scope={"type": "chat", "chat_id": USER})["ok"] is True
    assert fake.commands({"type": "chat", "chat_id": USER}) == commands


def test_an_entity_of_unknown_type_is_refused(fake: FakeBotAPI) -> None:
    bad = [{"type": "shiny", "offset": 0, "length": 1}]
    assert _description(_raw(fake, "sendMessage", chat_id=USER, text="x", entities=bad)) == (
        "Bad Request: can't parse MessageEntity: Unsupported type specified"
    )
    no_url = [{"type": "text_link", "offset": 0, "length": 1}]
    assert 'Can\'t find field "url"' in _description(_raw(fake, "sendMessage", chat_id=USER, text="x", entities=no_url))
    # Detected kinds are accepted and found again; undecodable entities are ignored; a parse
    # mode wins over entities.
    ok = [{"type": "url", "offset": 0, "length": 1}, {"type": "date_time", "offset": 0, "length": 1, "unix_time": 1}]
    assert _raw(fake, "sendMessage", chat_id=USER, text="x", entities=ok)["ok"] is True
    assert _raw(fake, "sendMessage", chat_id=USER, text="x", entities="{not json")["ok"] is True
    html = _raw(fake, "sendMessage", chat_id=USER, text="<b>x</b>", parse_mode="HTML", entities=bad)
    assert html["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 1}]  # type: ignore[index]


def _inline(fake: FakeBotAPI, result: dict[str, object]) -> dict[str, object]:
    query_id = fake.inline_query("x")["inline_query"]["id"]
    return _raw(fake, "answerInlineQuery", inline_query_id=query_id, results=[result])


def test_inline_article_content_needs_message_text(fake: FakeBotAPI) -> None:
    article = {"type": "article", "id": "1", "title": "T", "input_message_content": {"text": "hi"}}
    assert _description(_inline(fake, article)) == (
        "Bad Request: can't parse inline query result: Input message content is not specified"
    )
    article["input_message_content"] = {"message_text": "hi"}
    assert _inline(fake, article)["ok"] is True
    legacy = {"type": "article", "id": "1", "title": "T"}
    assert 'field "message_text"' in _description(_inline(fake, legacy))


def test_a_photo_result_needs_a_photo(fake: FakeBotAPI) -> None:
    photo = {"type": "photo", "id": "1", "thumbnail_url": "https://x.org/t.jpg"}
    assert _description(_inline(fake, photo)) == (
        "Bad Request: can't parse inline query result: Can't find field \"photo_file_id\""
    )
    assert _inline(fake, {**photo, "photo_url": "https://x.org/p.jpg"})["ok"] is True
    assert "unsupported" in _description(_inline(fake, {"type": "hologram", "id": "1"}))


@pytest.mark.parametrize("html", ["&#xD83D;", "a&#56832;b", "&#xD83D;&#xDE00;"])
def test_an_html_entity_for_half_a_surrogate_pair_is_refused(fake: FakeBotAPI, html: str) -> None:
    assert _description(_raw(fake, "sendMessage", chat_id=USER, text=html, parse_mode="HTML")) == (
        "Bad Request: can't parse entities: Text contains invalid Unicode characters after decoding HTML "
        "entities, check for unmatched surrogate code units"
    )
    assert parse_html("&#x1F600;") == ("\U0001f600", [])


def test_tg_time_of_bot_api_9_5() -> None:
    text, entities = parse_html('<tg-time unix="1647531900" format="wDT">22:45 tomorrow</tg-time>')
    assert text == "22:45 tomorrow"
    assert entities == [
        {"type": "date_time", "offset": 0, "length": 14, "unix_time": 1647531900, "date_time_format": "wDT"}
    ]
    assert parse_html("<tg-time unix=1647531900>t</tg-time>")[1][0]["unix_time"] == 1647531900
    assert parse_html("<tg-time>no date</tg-time>") == ("no date", [])  # no entity without a date
    with pytest.raises(HtmlParseError, match="Invalid date format used"):
        parse_html('<tg-time unix="1" format="x">t</tg-time>')
    # a date-time is like code: no bold inside it
    assert [e["type"] for e in parse_html('<b><tg-time unix="5">t</tg-time></b>')[1]] == ["date_time"]


def test_attributes_without_values_are_ignored() -> None:
    assert parse_html("<b class>x</b>") == ("x", [{"type": "bold", "offset": 0, "length": 1}])
    _, entities = parse_html('<a target href="https://example.org/a" rel>x</a>')
    assert entities == [{"type": "text_link", "offset": 0, "length": 1, "url": "https://example.org/a"}]
    with pytest.raises(HtmlParseError, match='Unclosed start tag "b"'):
        parse_html("<b class")


@pytest.mark.parametrize(
    ("html", "text", "kinds"),
    [
        ('<a href="javascript:alert(1)">x</a>', "x", []),  # Telegram drops links it cannot check
        ('<a href="ftp://example.org">x</a>', "x", []),
        ("<a>https://example.org</a>", "https://example.org", ["text_link"]),
        ('<a HREF="https://example.org">x</a>', "x", []),  # attribute names are case-sensitive
        ("<blockquote>a<blockquote>b</blockquote></blockquote>", "ab", ["blockquote"]),
        ('<code class="language-python">x</code>', "x", ["code"]),
        ("<code><b>x</b></code>", "x", ["code"]),
        ("<pre>a<code>b</code></pre>", "ab", ["pre"]),
        ('<code><a href="https://x.org">y</a></code>', "y", ["code"]),
        ("<b>a</b><b>b</b>", "ab", ["bold"]),  # touching entities of one kind are merged
        ("&nbsp;&#0;&#X41;&copy &#00000065;", "&nbsp;&#0;&#X41;&copy &#00000065;", []),
        ("&lt&gt &amp &#65 &quot", '<> & A "', []),  # the ';' is optional
    ],
)
def test_html_renders_like_telegram(html: str, text: str, kinds: list[str]) -> None:
    plain, entities = parse_html(html)
    assert plain == text
    assert [e["type"] for e in entities] == kinds


def test_bold_around_code_is_cut_at_the_code() -> None:
    assert parse_html("<b>a<code>x</code>b</b>")[1] == [
        {"type": "bold", "offset": 0, "length": 1},
        {"type": "code", "offset": 1, "length": 1},
        {"type": "bold", "offset": 2, "length": 1},
    ]
    pre = parse_html('<pre><code class="language-python">x</code></pre>')[1]
    assert pre == [{"type": "pre", "offset": 0, "length": 1, "language": "python"}]


def test_text_is_cleaned_like_tdlib(fake: FakeBotAPI) -> None:
    # clean_input_string: control characters become spaces, '\r' and bidi overrides go.
    answer = _raw(fake, "sendMessage", chat_id=USER, text="a\r\nb\tc\u202ed <b>e</b>", parse_mode="HTML")
    assert answer["result"]["text"] == "a\nb cd e"  # type: ignore[index]
    assert answer["result"]["entities"] == [{"type": "bold", "offset": 7, "length": 1}]  # type: ignore[index]
    assert "empty" in _description(_raw(fake, "sendMessage", chat_id=USER, text="\t\r"))
