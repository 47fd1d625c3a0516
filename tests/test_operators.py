"""Subscriptions, chat membership, feedback, /forgetme and the operators' commands,
in-process through the real Application and the fake Bot API, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import feed
from fakebotapi import FakeBotAPI

ADMIN = 9001
GROUP = -1001234567890


def texts(fake: FakeBotAPI, chat_id: int) -> list[str]:
    return [m["text"] for m in fake.sent(chat_id)]


def db_rows(path: Path, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as raw:
        return raw.execute(sql, args).fetchall()


def callback_data(message: dict) -> list[str]:  # type: ignore[type-arg]
    return [
        b["callback_data"]
        for row in (message["reply_markup"] or {}).get("inline_keyboard", [])
        for b in row
        if "callback_data" in b
    ]


async def test_private_subscribe_and_unsubscribe(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("/subscribe", user_id=21, language_code="en"))
    await feed(app, fake.send_text("/subscribe", user_id=21, language_code="en"))
    await feed(app, fake.send_text("/unsubscribe", user_id=21, language_code="en"))
    await feed(app, fake.send_text("/unsubscribe", user_id=21, language_code="en"))
    assert [t.split()[0] for t in texts(fake, 21)] == ["✅", "You", "Unsubscribed:", "You"]
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT subscribed FROM chats WHERE chat_id = 21") == [(0,)]


async def test_only_group_admins_subscribe_a_group(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    kw = {"chat_type": "supergroup", "chat_id": GROUP}
    await feed(app, fake.send_text("/subscribe", user_id=31, **kw))
    assert "yöneticileri" in texts(fake, GROUP)[-1]
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT subscribed FROM chats WHERE chat_id = ?", GROUP) == [(0,)]
    fake.set_chat_member_status(GROUP, 32, "administrator")
    await feed(app, fake.send_text("/subscribe@learning_cities_test_bot", user_id=32, **kw))
    assert texts(fake, GROUP)[-1].startswith("✅")
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT subscribed FROM chats WHERE chat_id = ?", GROUP) == [(1,)]


async def test_added_to_a_group_greets_and_removal_stops_sending(
    make_app,
    fake: FakeBotAPI,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    app = await make_app()
    await feed(app, fake.chat_member_update(-777, "group", "left", "member", user_id=41))
    assert "Merhaba" in texts(fake, -777)[0]
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT type, status FROM chats WHERE chat_id = -777") == [
        ("group", "active")
    ]
    await feed(app, fake.chat_member_update(-777, "group", "member", "kicked", user_id=41))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT status FROM chats WHERE chat_id = -777") == [("left",)]
    await feed(app, fake.send_text("/subscribe", user_id=42))
    await feed(app, fake.chat_member_update(42, "private", "member", "kicked", user_id=42))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT status, subscribed FROM chats WHERE chat_id = 42") == [
        ("blocked", 1)
    ]


async def test_group_migration_moves_the_subscription(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    fake.set_chat_member_status(-55, 51, "creator")
    await feed(app, fake.send_text("/subscribe", user_id=51, chat_type="group", chat_id=-55))
    fake.add_chat(-10055, "supergroup", title="Yeni")
    update = fake.raw_update(
        {
            "message": {
                "message_id": 900,
                "date": 1_800_000_000,
                "chat": {"id": -55, "type": "group", "title": "Eski"},
                "from": {"id": 51, "is_bot": False, "first_name": "A"},
                "migrate_to_chat_id": -10055,
            }
        }
    )
    await feed(app, update)
    rows = db_rows(tmp_path / "bot.sqlite3", "SELECT chat_id, subscribed, status FROM chats ORDER BY chat_id")
    assert (-10055, 1, "active") in rows and (-55, 0, "migrated") in rows


async def test_feedback_votes_are_stored(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("KOMEK nedir?", user_id=61))
    answer = fake.sent(61)[0]
    assert callback_data(answer)[:2] == ["fb:1:what-is-komek", "fb:-1:what-is-komek"]
    await feed(app, fake.press_button(61, answer["message_id"], "fb:-1:what-is-komek", user_id=61))
    await feed(app, fake.press_button(61, answer["message_id"], "fb:1:what-is-komek", user_id=61))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT user_id, entry, vote FROM feedback") == [(61, "what-is-komek", 1)]
    assert all(a["answered"] for a in fake.callback_answers())
    # Group answers carry no vote buttons.
    fake.set_chat_member_status(GROUP, 62, "member")
    await feed(
        app, fake.send_text("@learning_cities_test_bot KOMEK nedir?", user_id=62, chat_type="supergroup", chat_id=GROUP)
    )
    assert not [d for d in callback_data(fake.sent(GROUP)[-1]) if d.startswith("fb:")]


async def test_questions_are_logged_and_can_be_kept_out(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    await feed(app, fake.send_text("KOMEK nedir?", user_id=71))
    await feed(app, fake.send_text("Konya'da ne yenir?", user_id=71))
    rows = db_rows(tmp_path / "bot.sqlite3", "SELECT text, entry, answered, kind FROM questions ORDER BY id")
    assert rows[0] == ("KOMEK nedir?", "what-is-komek", 1, "answer")
    assert rows[1][0] == "Konya'da ne yenir?" and rows[1][1] is None and rows[1][2] == 0


async def test_store_questions_off_keeps_only_counts(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(store_questions=False)
    await feed(app, fake.send_text("KOMEK nedir?", user_id=72))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT text, folded, answered FROM questions") == [(None, None, 1)]


async def test_forgetme_needs_confirmation_from_the_same_person(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app()
    db = tmp_path / "bot.sqlite3"
    await feed(app, fake.send_text("/lang en", user_id=81))
    await feed(app, fake.send_text("/subscribe", user_id=81))
    await feed(app, fake.send_text("KOMEK nedir?", user_id=81))
    await feed(app, fake.send_text("/forgetme", user_id=81))
    prompt = fake.sent(81)[-1]
    assert callback_data(prompt) == ["forget:yes:81", "forget:no:81"]
    assert db_rows(db, "SELECT COUNT(*) FROM questions WHERE user_id = 81") == [(1,)]
    # Somebody else replaying the button deletes nothing.
    await feed(app, fake.press_button(81, prompt["message_id"], "forget:yes:81", user_id=82))
    assert db_rows(db, "SELECT COUNT(*) FROM users WHERE user_id = 81") == [(1,)]
    await feed(app, fake.press_button(81, prompt["message_id"], "forget:yes:81", user_id=81))
    for table, column in (("users", "user_id"), ("questions", "user_id"), ("chats", "chat_id")):
        assert db_rows(db, f"SELECT COUNT(*) FROM {table} WHERE {column} = 81") == [(0,)]
    assert "deleted" in texts(fake, 81)[-1].lower() or "silindi" in texts(fake, 81)[-1]


@pytest.mark.parametrize("command", ["/stats", "/unanswered", "/reload", "/announce hello", "/announcements"])
async def test_operators_commands_refuse_everyone_else(make_app, fake: FakeBotAPI, command: str) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    await feed(app, fake.send_text(command, user_id=91, language_code="en"))
    assert texts(fake, 91) == ["Sorry, this command is only for the bot's operators."]
    assert not fake.calls("editMessageText")


async def test_stats_and_unanswered_for_operators(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    for text in ("KOMEK nedir?", "Konya'da ne yenir?", "konyada ne yenir", "asdf qwer"):
        await feed(app, fake.send_text(text, user_id=92))
    await feed(app, fake.send_text("/stats", user_id=ADMIN, language_code="en"))
    stats = texts(fake, ADMIN)[-1]
    assert "Questions: last 7 days 4" in stats and "Answered (30 days): 25%" in stats
    await feed(app, fake.send_text("/unanswered 5", user_id=ADMIN, language_code="en"))
    unanswered = texts(fake, ADMIN)[-1]
    assert "2× " in unanswered and "yenir" in unanswered and "asdf qwer" in unanswered
    await feed(app, fake.send_text("/unanswered lots", user_id=ADMIN, language_code="en"))
    assert "Usage" in texts(fake, ADMIN)[-1]


async def test_reload_keeps_old_content_on_errors(
    make_app,
    fake: FakeBotAPI,
    content_copy: Path,  # type: ignore[no-untyped-def]
    assistant,
) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}), content_dir=content_copy)
    faq = content_copy / "faq.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8").replace("- id: what-is-komek", "- id: what-is-komek\n  x: [", 1),
        encoding="utf-8",
    )
    await feed(app, fake.send_text("/reload", user_id=ADMIN, language_code="en"))
    assert "faq.yaml:" in texts(fake, ADMIN)[-1] and "previous content" in texts(fake, ADMIN)[-1]
    assert app.bot_data.assistant is assistant
    faq.write_text(faq.read_text(encoding="utf-8").replace("  x: [\n", "", 1), encoding="utf-8")
    await feed(app, fake.send_text("/reload", user_id=ADMIN, language_code="en"))
    assert texts(fake, ADMIN)[-1].startswith("🔄")
    assert app.bot_data.assistant is not assistant
    await feed(app, fake.send_text("KOMEK nedir?", user_id=93))
    assert "KOMEK" in texts(fake, 93)[-1]


async def test_announce_preview_confirm_and_deliver(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}), announce_chat_ids=("-100500",))
    fake.add_chat(-100500, "channel", title="KOMEK Duyuru")
    for user in (101, 102, 103):
        await feed(app, fake.send_text("/subscribe", user_id=user, language_code="en" if user == 103 else "tr"))
    await feed(app, fake.send_text("/announce <b>Yeni</b> konular &amp; bilgiler", user_id=ADMIN, language_code="en"))
    preview, prompt = fake.sent(ADMIN)[-2:]
    assert preview["text"] == "Yeni konular & bilgiler" and preview["entities"][0]["type"] == "bold"
    assert "4 chats" in prompt["text"]
    ok, cancel = callback_data(prompt)
    assert fake.sent(101)[-1]["text"].startswith("✅")  # only the subscription reply so far
    # A non-admin pressing (or replaying) the confirm button sends nothing.
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], ok, user_id=104))
    assert len(fake.sent(101)) == 1
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], ok, user_id=ADMIN))
    await fake.async_wait_for(
        lambda f: all(len(f.sent(c)) == 2 for c in (101, 102, 103)) and f.sent(-100500), timeout=15
    )
    await fake.async_wait_for(
        lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {}).get("text", ""), timeout=15
    )
    assert "4 / 4" in fake.message(ADMIN, prompt["message_id"])["text"]
    # Pressing confirm again does not send a second time.
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], ok, user_id=ADMIN, force=True))
    await feed(app, fake.send_text("/announcements", user_id=ADMIN, language_code="en"))
    assert "4/4 sent, 0 failed" in texts(fake, ADMIN)[-1]
    assert all(len(fake.sent(c)) == 2 for c in (101, 102, 103))
    assert db_rows(tmp_path / "bot.sqlite3", "SELECT status, COUNT(*) FROM deliveries GROUP BY status") == [("sent", 4)]
    assert cancel.startswith("ann:no:")


async def test_announce_rejects_invalid_html_and_cancel_sends_nothing(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    await feed(app, fake.send_text("/subscribe", user_id=111))
    await feed(app, fake.send_text("/announce <script>x</script>", user_id=ADMIN, language_code="en"))
    assert "not valid Telegram HTML" in texts(fake, ADMIN)[-1]
    await feed(app, fake.send_text("/announce", user_id=ADMIN, language_code="en"))
    assert texts(fake, ADMIN)[-1].startswith("Usage")
    await feed(app, fake.send_text("/announce merhaba", user_id=ADMIN, language_code="en"))
    prompt = fake.sent(ADMIN)[-1]
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], callback_data(prompt)[1], user_id=ADMIN))
    assert "cancelled" in fake.message(ADMIN, prompt["message_id"])["text"]
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], callback_data(prompt)[0], user_id=ADMIN, force=True))
    assert len(fake.sent(111)) == 1


async def test_announce_follows_telegrams_html_rules_and_reports_a_refusal(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    # Shown otherwise than written: refused with the reason.
    for text, reason in (
        ("Saat&nbsp;10", "&nbsp;"),
        ('<a href="javascript:alert(1)">tıkla</a>', "dropped by Telegram"),
        ("<blockquote>a<blockquote>b</blockquote></blockquote>", "inside a <blockquote>"),
        ("<code><b>x</b></code>", "no formatting inside code"),
        ("x" + "🙂" * 4096, "4097 characters after formatting"),
    ):
        await feed(app, fake.send_text(f"/announce {text}", user_id=ADMIN, language_code="en"))
        assert "not valid Telegram HTML" in texts(fake, ADMIN)[-1] and reason in texts(fake, ADMIN)[-1], text
    # Accepted as Telegram accepts it: a date, an attribute it ignores, a bare '&' and '>';
    # 4096 emoji are 4096 characters for Telegram (8192 UTF-16 units).
    for text in ('<tg-time unix="1647531900" format="wDT">yarın</tg-time> Q&A > 5 <b class>!</b>', "🙂" * 4096):
        await feed(app, fake.send_text(f"/announce {text}", user_id=ADMIN, language_code="en"))
        assert "chats" in texts(fake, ADMIN)[-1], texts(fake, ADMIN)[-2:]
    # What Telegram refuses anyway gets a clear reply, and nothing is drafted.
    before = len(await app.bot_data.storage.announcements(limit=50))
    fake.fail_next("sendMessage", status=400, description="Bad Request: can't parse entities: Invalid date format used")
    await feed(app, fake.send_text("/announce <b>x</b>", user_id=ADMIN, language_code="en"))
    assert "invalid date format used" in texts(fake, ADMIN)[-1].lower()
    assert len(await app.bot_data.storage.announcements(limit=50)) == before


async def test_start_up_sets_the_menus_and_the_profile_texts(make_app, fake: FakeBotAPI, assistant) -> None:  # type: ignore[no-untyped-def]
    await make_app(admin_ids=frozenset({ADMIN, 9002}))
    public_tr = [c["command"] for c in fake.commands()]
    assert "start" in public_tr and "announce" not in public_tr and "stats" not in public_tr
    assert [c["command"] for c in fake.commands(language_code="en")] == public_tr
    for admin in (ADMIN, 9002):
        scope = {"type": "chat", "chat_id": admin}
        operators_tr = fake.commands(scope)
        operators_en = fake.commands(scope, language_code="en")
        names = [c["command"] for c in operators_tr]
        assert names[: len(public_tr)] == public_tr
        assert names[len(public_tr) :] == ["announce", "announcements", "stats", "unanswered", "reload"]
        assert [c["command"] for c in operators_en] == names
        by_name = {c["command"]: c["description"] for c in operators_en}
        assert by_name["stats"] == assistant.content.messages.commands["stats"]["en"]
        assert dict((c["command"], c["description"]) for c in operators_tr)["stats"] != by_name["stats"]
    # Nobody else gets the operators' menu.
    assert fake.commands({"type": "chat", "chat_id": 9003}) == []
    texts = assistant.content.messages.texts
    assert fake.profile_text("description") == texts["bot_description"]["tr"]
    assert fake.profile_text("description", "en") == texts["bot_description"]["en"]
    assert fake.profile_text("short_description") == texts["bot_short_description"]["tr"]
    assert fake.profile_text("short_description", "en") == texts["bot_short_description"]["en"]
    assert "UNESCO" in fake.profile_text("short_description", "en")


async def test_unanswered_groups_show_the_closest_entry(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    for text in ("KOMEK kurslarına kayıt ücreti var mı", "komek kurslarına kayıt ücreti var mı?", "asdf qwer"):
        await feed(app, fake.send_text(text, user_id=94))
    await feed(app, fake.send_text("/unanswered", user_id=ADMIN, language_code="en"))
    report = texts(fake, ADMIN)[-1]
    assert "2× KOMEK kurslarına kayıt ücreti var mı" in report
    assert "closest entry: what-is-komek" in report  # add the phrasing there
    assert "1× asdf qwer\n    ↳ no entry is close" in report and "a new entry may be needed" in report
    assert report.index("KOMEK") < report.index("asdf")  # most asked first
