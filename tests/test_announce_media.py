"""Announcing any message: a photo, an album, formatted text, in two languages, copied to
every recipient once (copyMessage / copyMessages), stopped by an operator; in-process
through the real Application against the fake Bot API, on a real SQLite file."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from conftest import feed
from fakebotapi import FakeBotAPI

ADMIN = 9101
CHANNEL = -100500
EN_CHANNEL = -100600
GROUP = -100777
SUBSCRIBERS = list(range(7001, 7021))  # 20 people


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as raw:
        return raw.execute(sql).fetchall()


def buttons(message: dict[str, Any]) -> list[str]:
    keyboard = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in keyboard for b in row]


def prompt_of(fake: FakeBotAPI) -> dict[str, Any]:
    return [m for m in fake.sent(ADMIN) if buttons(m)][-1]


def copies(fake: FakeBotAPI, chats: list[int]) -> Counter[int]:
    """How often each chat got a copy (copyMessage / copyMessages calls that succeeded)."""
    counted: Counter[int] = Counter()
    for method in ("copyMessage", "copyMessages"):
        for call in fake.calls(method):
            if call.status == 200 and call.params.get("chat_id") in chats:
                counted[call.params["chat_id"]] += 1
    return counted


async def _subscribe(app, fake: FakeBotAPI, users: list[int], lang: str = "tr") -> None:  # type: ignore[no-untyped-def]
    for user in users:
        await feed(app, fake.send_text("/subscribe", user_id=user, language_code=lang))


async def test_a_photo_goes_to_20_subscribers_and_a_channel_by_copy_exactly_once(
    make_app,  # type: ignore[no-untyped-def]
    fake: FakeBotAPI,
    tmp_path: Path,
) -> None:
    app = await make_app(admin_ids=frozenset({ADMIN}), announce_chat_ids=(str(CHANNEL),))
    fake.add_chat(CHANNEL, "channel", title="KOMEK Duyuru")
    await _subscribe(app, fake, SUBSCRIBERS)
    bold = [{"type": "bold", "offset": 0, "length": 5}]
    update = fake.send_media("photo", "Kurs kayıtları başladı", user_id=ADMIN, caption_entities=bold)
    photo = update["message"]
    await feed(app, update)  # an operator's photo is not a question: nothing is answered
    assert fake.sent(ADMIN) == []
    await feed(
        app, fake.send_text("/announce", user_id=ADMIN, language_code="en", reply_to_message_id=photo["message_id"])
    )
    label, preview, prompt = fake.sent(ADMIN)[-3:]
    assert "Everybody gets this version" in label["text"]
    assert preview["message"]["photo"] == photo["photo"] and preview["message"]["caption_entities"] == bold
    assert "21 chats" in prompt["text"]
    send, cancel, english = buttons(prompt)
    assert not copies(fake, [*SUBSCRIBERS, CHANNEL])  # nothing before the confirmation
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], send, user_id=ADMIN))
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], send, user_id=ADMIN, force=True))  # twice
    await fake.async_wait_for(lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {})["text"], timeout=20)
    assert copies(fake, [*SUBSCRIBERS, CHANNEL]) == {chat: 1 for chat in [*SUBSCRIBERS, CHANNEL]}
    for chat in (SUBSCRIBERS[0], CHANNEL):
        received = fake.sent(chat)[-1]["message"]
        assert received["photo"] == photo["photo"] and received["caption"] == "Kurs kayıtları başladı"
        assert received["caption_entities"] == bold and "forward_origin" not in received
    assert not [
        c for c in fake.calls("sendMessage") if c.params.get("chat_id") in SUBSCRIBERS[1:] and "Kurs" in str(c.params)
    ]
    assert "21 / 21" in fake.message(ADMIN, prompt["message_id"])["text"]  # type: ignore[index]
    db = tmp_path / "bot.sqlite3"
    assert rows(db, "SELECT status, COUNT(*) FROM deliveries GROUP BY status") == [("sent", 21)]
    await feed(app, fake.send_text("/announcements", user_id=ADMIN, language_code="en"))
    assert "21/21 sent, 0 failed" in fake.sent(ADMIN)[-1]["text"] and "Kurs kayıtları" in fake.sent(ADMIN)[-1]["text"]
    assert cancel.startswith("ann:no:") and english.startswith("ann:en:")


async def test_two_languages_reach_each_recipient_in_theirs(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(
        admin_ids=frozenset({ADMIN}),
        announce_chat_ids=(str(CHANNEL), str(EN_CHANNEL)),
        announce_chat_langs=((str(EN_CHANNEL), "en"),),
    )
    fake.add_chat(CHANNEL, "channel", title="Duyurular")
    fake.add_chat(EN_CHANNEL, "channel", title="News")
    await feed(app, fake.send_text("/lang en", user_id=7101, language_code="tr"))  # /lang wins over Telegram's
    await _subscribe(app, fake, [7101], "tr")
    await _subscribe(app, fake, [7102], "en")  # Telegram set to English
    await _subscribe(app, fake, [7103], "tr")
    fake.set_chat_member_status(GROUP, ADMIN, "administrator")
    await feed(
        app, fake.send_text("/subscribe", user_id=ADMIN, chat_type="supergroup", chat_id=GROUP, language_code="en")
    )
    # /announce alone, then the Turkish message; then the English version as formatted text.
    await feed(app, fake.send_text("/announce", user_id=ADMIN, language_code="en"))
    assert fake.sent(ADMIN)[-1]["text"].startswith("Usage")
    await feed(app, fake.send_media("photo", "Türkçe duyuru", user_id=ADMIN, language_code="en"))
    prompt = prompt_of(fake)
    assert "6 chats" in prompt["text"]
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], buttons(prompt)[2], user_id=ADMIN))
    assert "English version" in fake.sent(ADMIN)[-1]["text"]
    await feed(
        app,
        fake.send_formatted(
            "English announcement", [{"type": "italic", "offset": 0, "length": 7}], user_id=ADMIN, language_code="en"
        ),
    )
    shown = [m["text"] or m["message"].get("caption") for m in fake.sent(ADMIN)[-5:]]
    assert shown[0].startswith("👇 Türkçe") and shown[1] == "Türkçe duyuru"
    assert shown[2].startswith("👇 English") and shown[3] == "English announcement"
    prompt = prompt_of(fake)
    assert len(buttons(prompt)) == 2  # both versions given: no "add English" any more
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], buttons(prompt)[0], user_id=ADMIN))
    await fake.async_wait_for(lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {})["text"], timeout=20)

    def got(chat: int) -> str:
        message = fake.sent(chat)[-1]["message"]
        return str(message.get("text") or message.get("caption"))

    english = {7101, 7102, EN_CHANNEL}
    turkish = {7103, CHANNEL, GROUP}
    assert {chat: got(chat) for chat in english | turkish} == {
        **{chat: "English announcement" for chat in english},
        **{chat: "Türkçe duyuru" for chat in turkish},
    }
    assert fake.sent(7101)[-1]["entities"] == [{"type": "italic", "offset": 0, "length": 7}]
    assert copies(fake, list(english | turkish)) == {chat: 1 for chat in english | turkish}


async def test_an_album_replied_to_goes_out_as_one_album(make_app, fake: FakeBotAPI) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    await _subscribe(app, fake, SUBSCRIBERS[:3])
    items = []
    for index, kind in enumerate(("photo", "photo", "video")):
        update = fake.send_media(kind, "Albüm" if index == 0 else None, user_id=ADMIN, media_group_id="album-1")
        await feed(app, update)
        items.append(update["message"])
    await feed(
        app, fake.send_text("/announce", user_id=ADMIN, language_code="en", reply_to_message_id=items[1]["message_id"])
    )
    prompt = prompt_of(fake)
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], buttons(prompt)[0], user_id=ADMIN))
    await fake.async_wait_for(lambda f: "✅" in (f.message(ADMIN, prompt["message_id"]) or {})["text"], timeout=20)
    calls = [c for c in fake.calls("copyMessages") if c.params.get("chat_id") in SUBSCRIBERS]
    assert sorted(c.params["chat_id"] for c in calls) == SUBSCRIBERS[:3]
    assert all(c.params["message_ids"] == [m["message_id"] for m in items] for c in calls)
    received = fake.sent(SUBSCRIBERS[0])[-3:]
    assert len({m["message"]["media_group_id"] for m in received}) == 1
    assert received[0]["message"]["caption"] == "Albüm" and "video" in received[2]["message"]


async def test_an_operator_stops_a_running_broadcast(make_app, fake: FakeBotAPI, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = await make_app(admin_ids=frozenset({ADMIN}))
    await _subscribe(app, fake, SUBSCRIBERS)
    fake.set_delay("copyMessage", 1.0)
    photo = fake.send_media("photo", "Uzun yayın", user_id=ADMIN)
    await feed(app, photo)
    await feed(app, fake.send_text("/announce", user_id=ADMIN, reply_to_message_id=photo["message"]["message_id"]))
    prompt = prompt_of(fake)
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], buttons(prompt)[0], user_id=ADMIN))
    await fake.async_wait_for(lambda f: buttons(f.message(ADMIN, prompt["message_id"]) or {}), timeout=10)
    stop = buttons(fake.message(ADMIN, prompt["message_id"]))[0]  # type: ignore[arg-type]
    assert stop.startswith("ann:stop:")
    await fake.async_wait_for(lambda f: copies(f, SUBSCRIBERS), timeout=10)  # the first ones went out
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], stop, user_id=ADMIN))
    await fake.async_wait_for(lambda f: "⏹" in (f.message(ADMIN, prompt["message_id"]) or {})["text"], timeout=20)
    await asyncio.sleep(2.5)  # the copies in flight at the press finish (and are recorded)
    db = tmp_path / "bot.sqlite3"
    sent = dict(rows(db, "SELECT status, COUNT(*) FROM deliveries GROUP BY status"))
    assert 0 < sent.get("sent", 0) < len(SUBSCRIBERS) and sent.get("pending", 0) > 0
    assert rows(db, "SELECT status FROM announcements") == [("stopped",)]
    before = len(fake.calls("copyMessage"))
    await asyncio.sleep(1.0)
    final = fake.message(ADMIN, prompt["message_id"])
    assert final is not None and not buttons(final) and f"{sent['sent']} / {len(SUBSCRIBERS)}" in final["text"]
    assert len(fake.calls("copyMessage")) == before  # nothing more goes out
    # Pressing Stop again (or Send) changes nothing.
    await feed(app, fake.press_button(ADMIN, prompt["message_id"], stop, user_id=ADMIN, force=True))
    assert rows(db, "SELECT status FROM announcements") == [("stopped",)]
