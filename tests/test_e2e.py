"""End to end: the real bot process (`python -m bot run`) against the strict fake Bot
API server on 127.0.0.1, pointed at it with BOT_API_BASE_URL. No real network."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from botprocess import BotProcess
from fakebotapi import DEFAULT_GROUP_CHAT_ID, FakeBotAPI

GROUP = DEFAULT_GROUP_CHAT_ID


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        yield server


@pytest.fixture(scope="module")
def bot(fake: FakeBotAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    process = BotProcess(fake, tmp_path_factory.mktemp("bot"))
    try:
        fake.wait_for_call("getUpdates", timeout=30)
    except AssertionError:
        process.stop()
        raise AssertionError(process.output()) from None
    yield process
    process.stop()


def reply_to(fake: FakeBotAPI, chat_id: int, before: int, count: int = 1) -> list[dict[str, Any]]:
    """Wait until the bot has sent ``count`` more messages to the chat; return them."""
    fake.wait_for(lambda f: len(f.sent(chat_id)) >= before + count, timeout=15)
    return fake.sent(chat_id)[before:]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def test_commands_menu_is_registered_in_both_languages(fake: FakeBotAPI, bot: BotProcess) -> None:
    calls = fake.wait_for_call("setMyCommands", count=2)
    languages = {c.params.get("language_code") for c in calls}
    assert languages == {None, "en"}
    names = {cmd["command"] for cmd in calls[0].params["commands"]}
    assert {"start", "help", "cities", "city", "about", "conferences", "links", "faq", "lang"} <= names


def test_start_shows_welcome_and_topics(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2001
    fake.send_text("/start", user_id=chat)
    (message,) = reply_to(fake, chat, 0)
    assert "UNESCO" in message["text"]
    assert message["parse_mode"] == "HTML"
    topic_buttons = [b for b in buttons(message) if b["callback_data"].startswith("t:")]
    assert len(topic_buttons) >= 5


def test_cities_lists_every_member_with_its_year(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2002
    fake.send_text("/cities", user_id=chat)
    (message,) = reply_to(fake, chat, 0)
    for name, year in (
        ("Eskişehir", "2016"),
        ("Konya", "2017"),
        ("Bolu", "2018"),
        ("İzmir", "2020"),
        ("Ankara", "2025"),
    ):
        assert name in message["text"] and year in message["text"]
    fake.send_text("/cities 2020", user_id=chat)
    (filtered,) = reply_to(fake, chat, 1)
    assert "İzmir" in filtered["text"] and "Konya" not in filtered["text"]
    fake.send_text("/cities abc", user_id=chat)
    (usage,) = reply_to(fake, chat, 2)
    assert "/cities 2020" in usage["text"]


def test_question_gets_an_answer_in_its_language(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2003
    fake.send_text("ogrenen sehir nedir", user_id=chat, language_code="en")
    (answer,) = reply_to(fake, chat, 0)
    assert "öğren" in answer["text"].lower()
    fake.send_text("Is Hatay a learning city?", user_id=chat, language_code="tr")
    (city,) = reply_to(fake, chat, 1)
    assert "Hatay" in city["text"] and "2019" in city["text"] and "member" in city["text"]


def test_button_press_is_answered_first_then_shows_the_topic_and_entry(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2004
    fake.send_text("/faq", user_id=chat)
    (menu,) = reply_to(fake, chat, 0)
    topic = next(b for b in buttons(menu) if b["callback_data"].startswith("t:"))
    fake.press_button(chat, menu["message_id"], topic["callback_data"], user_id=chat)
    edited = fake.wait_for(lambda f: (m := f.message(chat, menu["message_id"])) and m["edits"] and m)
    entry = next(b for b in buttons(edited) if b["callback_data"].startswith("e:"))
    fake.press_button(chat, menu["message_id"], entry["callback_data"], user_id=chat)
    (answer,) = reply_to(fake, chat, 1)
    assert answer["text"].strip()
    # Each press was answered first, before the bot edited or sent anything for it.
    presses = [a for a in fake.callback_answers() if a["query"]["message"]["chat"]["id"] == chat]
    assert len(presses) == 2 and all(a["answered"] for a in presses)
    edit = next(c for c in fake.calls("editMessageText") if c.params.get("chat_id") == chat)
    send = [c for c in fake.calls("sendMessage") if c.params.get("chat_id") == chat][-1]
    assert presses[0]["answer_seq"] < edit.seq
    assert presses[1]["answer_seq"] < send.seq
    for b in buttons(answer) + buttons(edited):
        if "callback_data" in b:
            assert len(b["callback_data"].encode()) <= 64


def test_group_answers_only_what_is_addressed_to_it(fake: FakeBotAPI, bot: BotProcess) -> None:
    before = len(fake.sent(GROUP))
    fake.send_text(
        "merhaba arkadaşlar, bugün toplantı var mı?",
        chat_type="supergroup",
        user_id=3001,
        chat_id=GROUP,
        chat_title="Koordinatörler",
    )
    fake.send_text("@learning_cities_test_bot KOMEK nedir?", chat_type="supergroup", user_id=3001, chat_id=GROUP)
    (answer,) = reply_to(fake, GROUP, before)
    assert "KOMEK" in answer["text"]
    fake.send_text("/cities@learning_cities_test_bot", chat_type="supergroup", user_id=3002, chat_id=GROUP)
    (cities,) = reply_to(fake, GROUP, before + 1)
    assert "Konya" in cities["text"]
    fake.send_text(
        "Bolu öğrenen şehir mi?",
        chat_type="supergroup",
        user_id=3002,
        chat_id=GROUP,
        reply_to_message_id=answer["message_id"],
    )
    (bolu,) = reply_to(fake, GROUP, before + 2)
    assert "Bolu" in bolu["text"]
    # The ordinary chatter at the start got no reply: three questions, three answers.
    fake.send_text("kahve içen var mı", chat_type="supergroup", user_id=3003, chat_id=GROUP)
    fake.send_text("/help", user_id=3004)
    reply_to(fake, 3004, 0)
    assert len(fake.sent(GROUP)) == before + 3


def test_inline_query_offers_answers(fake: FakeBotAPI, bot: BotProcess) -> None:
    fake.inline_query("komek nedir", user_id=4001)
    call = fake.wait_for_call("answerInlineQuery", timeout=15)[-1]
    results = call.params["results"]
    assert 1 <= len(results) <= 5
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    assert call.status == 200


def test_odd_input_does_not_break_the_bot(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2005
    fake.send_sticker(chat_id=chat, user_id=chat)
    fake.channel_post(-1009999, "channel news")
    fake.send_text("<script>alert(1)</script> & <b>", user_id=chat)
    (escaped,) = reply_to(fake, chat, 0)
    fake.edit_text(chat, 1, "edited text")
    fake.send_text("ö" * 5000, user_id=chat)
    reply_to(fake, chat, 1)
    fake.send_text("/city", user_id=chat)
    (usage,) = reply_to(fake, chat, 2)
    assert "/city Bolu" in usage["text"]
    fake.send_text("/nosuchcommand", user_id=chat)
    (unknown,) = reply_to(fake, chat, 3)
    assert "/help" in unknown["text"]
    assert escaped["text"].strip()
    assert not [c for c in fake.calls() if c.status >= 400], fake.dump()
    assert not fake.parse_modes_used() & {"Markdown", "MarkdownV2"}


def test_lang_choice_is_remembered(fake: FakeBotAPI, bot: BotProcess) -> None:
    chat = 2006
    fake.send_text("/lang en", user_id=chat, language_code="tr")
    reply_to(fake, chat, 0)
    fake.send_text("/help", user_id=chat, language_code="tr")
    (help_message,) = reply_to(fake, chat, 1)
    assert "What can I do" in help_message["text"]


def test_the_whole_network_through_telegram(fake: FakeBotAPI, bot: BotProcess) -> None:
    """Issue 10 end to end: a city abroad, a country list paged with buttons, an off-topic
    question naming a member city."""
    chat = 2010
    fake.send_text("Is Hamburg a learning city?", user_id=chat)
    (hamburg,) = reply_to(fake, chat, 0)
    assert "Hamburg" in hamburg["text"] and "2019" in hamburg["text"] and "Germany" in hamburg["text"]
    fake.send_text("/cities Güney Kore", user_id=chat)
    (korea,) = reply_to(fake, chat, 1)
    assert ("Güney Kore" in korea["text"] or "South Korea" in korea["text"]) and " 1/" in korea["text"]
    following = next(b for b in buttons(korea) if b["callback_data"].startswith("m:"))
    assert len(following["callback_data"].encode()) <= 64
    fake.press_button(chat, korea["message_id"], following["callback_data"], user_id=chat)
    page = fake.wait_for(lambda f: (m := f.message(chat, korea["message_id"])) and m["edits"] and m)
    assert " 2/" in page["text"] and page["text"] != korea["text"]
    fake.send_text("Hamburg'da otel", user_id=chat)
    (refused,) = reply_to(fake, chat, 2)
    assert "Almanya" not in refused["text"] and "2019" not in refused["text"] and "Katılım" not in refused["text"]


def test_sigterm_stops_cleanly_and_the_token_stays_out_of_the_logs(fake: FakeBotAPI, bot: BotProcess) -> None:
    assert bot.stop() == 0
    output = bot.output()
    assert fake.token not in output
    assert fake.token.split(":")[1] not in output
    assert "Traceback" not in output, output[-3000:]
