"""The Telegram handlers in-process: the real Application, updates fed through
process_update, requests going to the fake Bot API server."""

from __future__ import annotations

import logging

import pytest
import pytest_asyncio
from telegram import Message
from telegram.ext import Application

from bot.replies import Button, Reply
from bot.tghtml import split
from conftest import feed
from fakebotapi import DEFAULT_GROUP_CHAT_ID, FakeBotAPI
from handlers.sending import keyboard, send_reply

GROUP = DEFAULT_GROUP_CHAT_ID


@pytest_asyncio.fixture
async def app(make_app):  # type: ignore[no-untyped-def]
    return await make_app()


def texts(fake: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in fake.sent(chat_id)]


async def test_private_question(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    await feed(app, fake.send_text("KOMEK nedir?", user_id=11))
    (text,) = texts(fake, 11)
    assert "KOMEK" in text
    markup = fake.sent(11)[0]["reply_markup"]
    assert markup and markup["inline_keyboard"]


async def test_group_mentions_replies_and_chatter(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    kw = {"chat_type": "group", "chat_id": GROUP, "user_id": 12}
    await feed(app, fake.send_text("bugün hava güzel", **kw))
    assert texts(fake, GROUP) == []
    await feed(app, fake.send_text("@LEARNING_CITIES_TEST_BOT kaç şehir üye?", **kw))
    assert len(texts(fake, GROUP)) == 1
    bot_message = fake.sent(GROUP)[0]
    assert bot_message["reply_to_message_id"] is not None  # answers quote the question in groups
    await feed(app, fake.send_text("Peki Bolu öğrenen şehir mi?", reply_to_message_id=bot_message["message_id"], **kw))
    assert "Bolu" in texts(fake, GROUP)[-1]
    # A reply to somebody else's message is chatter.
    user_message = fake.send_text("bir şey soracağım", **kw)
    await feed(app, user_message)
    await feed(app, fake.send_text("Konya", reply_to_message_id=user_message["message"]["message_id"], **kw))
    assert len(texts(fake, GROUP)) == 2
    # Unknown commands are not answered in groups (they may belong to another bot).
    await feed(app, fake.send_text("/ban@other_bot", **kw))
    assert len(texts(fake, GROUP)) == 2


async def test_edited_messages_and_channel_posts_get_no_reply(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    first = fake.send_text("KOMEK nedir?", user_id=13)
    await feed(app, first)
    await feed(app, fake.edit_text(13, first["message"]["message_id"], "Bolu öğrenen şehir mi?"))
    await feed(app, fake.channel_post(-100777, "/start"))
    await feed(app, fake.send_sticker(chat_id=13, user_id=13))
    assert len(texts(fake, 13)) == 1


async def test_html_refused_by_telegram_is_resent_as_plain_text(
    app: Application, fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[type-arg]
    fake.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: unsupported tag")
    with caplog.at_level(logging.WARNING):
        await feed(app, fake.send_text("KOMEK nedir?", user_id=14))
    sends = [c for c in fake.calls("sendMessage") if c.params.get("chat_id") == 14]
    assert [c.status for c in sends] == [400, 200]
    assert sends[1].params.get("parse_mode") is None
    assert "<b>" not in sends[1].params["text"] and "KOMEK" in sends[1].params["text"]
    assert any("plain text" in r.getMessage() for r in caplog.records)


async def test_blocked_chat_is_logged_not_crashed(
    app: Application, fake: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[type-arg]
    fake.add_chat(15)
    fake.block_chat(15)
    with caplog.at_level(logging.INFO):
        await feed(app, fake.send_text("KOMEK nedir?", user_id=15))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("forbidden" in r.getMessage().lower() for r in caplog.records)


async def test_buttons_menu_topic_entry_and_stale(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    await feed(app, fake.send_text("/faq", user_id=16))
    menu = fake.sent(16)[0]
    topic = menu["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, fake.press_button(16, menu["message_id"], topic, user_id=16))
    edited = fake.message(16, menu["message_id"])
    assert edited is not None and edited["edits"] == 1
    entry = edited["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await feed(app, fake.press_button(16, menu["message_id"], entry, user_id=16))
    assert len(fake.sent(16)) == 2
    await feed(app, fake.press_button(16, menu["message_id"], "e:removed-entry", user_id=16, force=True))
    assert len(fake.sent(16)) == 2
    assert all(a["answered"] for a in fake.callback_answers())


async def test_lang_button_is_stored(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    await feed(app, fake.send_text("/lang", user_id=17))
    usage = fake.sent(17)[0]
    await feed(app, fake.press_button(17, usage["message_id"], "lang:en", user_id=17))
    await feed(app, fake.send_text("/about", user_id=17))
    assert "About this bot" in texts(fake, 17)[-1]


async def test_long_reply_goes_out_as_several_messages_with_buttons_on_the_last(
    app: Application, fake: FakeBotAPI
) -> None:  # type: ignore[type-arg]
    long_html = "\n".join(f"<b>{i}.</b> {'söz ' * 30}" for i in range(120))
    reply = Reply(tuple(split(long_html)), "tr", buttons=((Button("📋", data="menu"),),))
    assert len(reply.messages) >= 3
    message = Message.de_json(fake.send_text("uzun", user_id=18)["message"], app.bot)
    await send_reply(message, reply)
    sent = fake.sent(18)
    assert len(sent) == len(reply.messages)
    assert all(c.status == 200 for c in fake.calls("sendMessage"))
    assert [m["reply_markup"] is not None for m in sent] == [False] * (len(sent) - 1) + [True]


async def test_a_reply_goes_as_python_telegram_bot_sends_it_without_reading_the_message_sent(
    app: Application, fake: FakeBotAPI
) -> None:  # type: ignore[type-arg]
    reply = Reply(("<b>Öğrenen</b> şehir",), "tr", buttons=((Button("📋", data="menu"),),))
    for user, quote in ((19, False), (20, True)):
        message = Message.de_json(fake.send_text("soru", user_id=user)["message"], app.bot)
        assert await send_reply(message, reply, quote=quote) is True
        sent = await message.reply_text(
            reply.messages[0], reply_markup=keyboard(reply), do_quote=quote, allow_sending_without_reply=True
        )
        assert isinstance(sent, Message) and sent.text == "Öğrenen şehir"  # read as before outside send_reply
        ours, theirs = fake.calls("sendMessage")[-2:]
        assert ours.status == theirs.status == 200 and ours.params == theirs.params
    fake.block_chat(21)
    message = Message.de_json(fake.send_text("soru", user_id=21)["message"], app.bot)
    assert await send_reply(message, reply) is False


async def test_unexpected_error_is_logged_with_traceback_and_the_user_gets_an_apology(
    app: Application,
    fake: FakeBotAPI,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[type-arg]
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.bot_data.assistant, "ask", broken)
    with caplog.at_level(logging.ERROR):
        await feed(app, fake.send_text("KOMEK nedir?", user_id=19, language_code="en"))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and errors[0].exc_info is not None
    assert texts(fake, 19) == [app.bot_data.assistant.content.messages.render("error", "en")]


async def test_apology_after_an_unexpected_error_honours_lang(
    app: Application,  # type: ignore[type-arg]
    fake: FakeBotAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await feed(app, fake.send_text("/lang en", user_id=20, language_code="tr"))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.bot_data.assistant, "ask", broken)
    await feed(app, fake.send_text("KOMEK nedir?", user_id=20, language_code="tr"))
    assert texts(fake, 20)[-1] == app.bot_data.assistant.content.messages.render("error", "en")


async def test_command_with_a_turkish_dotted_capital(app: Application, fake: FakeBotAPI) -> None:  # type: ignore[type-arg]
    await feed(app, fake.send_text("/CİTY Bolu", user_id=21))
    (text,) = texts(fake, 21)
    assert "Bolu" in text
    await feed(
        app, fake.send_text("/CİTY@LEARNING_CITIES_TEST_BOT Konya", chat_type="group", chat_id=GROUP, user_id=21)
    )
    assert "Konya" in texts(fake, GROUP)[-1]


async def test_a_persistent_flood_wait_costs_two_attempts_and_no_error_log(
    app: Application,  # type: ignore[type-arg]
    fake: FakeBotAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake.fail_next("sendMessage", count=20, status=429, description="Too Many Requests: retry after 1", retry_after=1)
    with caplog.at_level(logging.INFO):
        await feed(app, fake.send_text("KOMEK nedir?", user_id=22))
    assert [c.status for c in fake.calls("sendMessage")] == [429, 429]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_failed_answer_callback_query_does_not_stop_the_action(
    app: Application,  # type: ignore[type-arg]
    fake: FakeBotAPI,
) -> None:
    await feed(app, fake.send_text("/faq", user_id=23))
    menu = fake.sent(23)[-1]
    data = menu["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.fail_next(
        "answerCallbackQuery",
        status=400,
        description="Bad Request: query is too old and response timeout expired or query ID is invalid",
    )
    await feed(app, fake.press_button(23, menu["message_id"], data))
    assert fake.sent(23)[-1]["edits"] == 1 or len(fake.sent(23)) == 2  # the topic was shown
