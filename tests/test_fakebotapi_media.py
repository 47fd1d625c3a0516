"""The fake Bot API's media and copies (copyMessage, copyMessages, sendPhoto) are as
strict as Telegram: what the operators' announcements and the /stats chart rely on."""

from __future__ import annotations

import struct
import zlib
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio
from telegram import Bot, InputFile, MessageEntity
from telegram.error import BadRequest, Forbidden

from fakebotapi import FakeBotAPI

OPERATOR = 4242
READER = 4343


def png(width: int, height: int) -> bytes:
    """A valid PNG of one grey colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def fake() -> Iterator[FakeBotAPI]:
    with FakeBotAPI() as server:
        server.add_chat(READER, "private")
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeBotAPI) -> AsyncIterator[Bot]:
    async with Bot(fake.token, base_url=fake.base_url) as client:
        yield client


async def test_copy_message_keeps_the_photo_and_its_formatted_caption(fake: FakeBotAPI, bot: Bot) -> None:
    bold = {"type": "bold", "offset": 0, "length": 4}
    source = fake.send_media("photo", "Yeni kurslar", user_id=OPERATOR, caption_entities=[bold])["message"]
    copied = await bot.copy_message(READER, OPERATOR, source["message_id"])
    message = fake.message(READER, copied.message_id)
    assert message is not None
    shown = message["message"]
    assert shown["photo"] == source["photo"] and shown["caption"] == "Yeni kurslar"
    assert shown["caption_entities"] == [bold]
    assert "forward_origin" not in shown and shown["from"]["is_bot"]
    # A new caption replaces the old one; remove_caption drops it.
    again = await bot.copy_message(READER, OPERATOR, source["message_id"], caption="<i>başka</i>", parse_mode="HTML")
    assert fake.message(READER, again.message_id)["message"]["caption_entities"][0]["type"] == "italic"  # type: ignore[index]
    (bare,) = await bot.copy_messages(READER, OPERATOR, [source["message_id"]], remove_caption=True)
    assert "caption" not in fake.message(READER, bare.message_id)["message"]  # type: ignore[index]


async def test_copy_message_refuses_what_telegram_refuses(fake: FakeBotAPI, bot: Bot) -> None:
    text = fake.send_formatted("Önemli duyuru", [{"type": "underline", "offset": 0, "length": 6}], user_id=OPERATOR)[
        "message"
    ]
    copied = await bot.copy_message(READER, OPERATOR, text["message_id"])
    assert fake.message(READER, copied.message_id)["entities"] == [  # type: ignore[index]
        {"type": "underline", "offset": 0, "length": 6}
    ]
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(READER, OPERATOR, 999)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.copy_message(99999, OPERATOR, text["message_id"])
    photo = fake.send_media("photo", "x" * 10, user_id=OPERATOR)["message"]
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.copy_message(READER, OPERATOR, photo["message_id"], caption="y" * 1025)
    fake.block_chat(READER)
    with pytest.raises(Forbidden, match=r"(?i)blocked"):
        await bot.copy_message(READER, OPERATOR, text["message_id"])


async def test_copy_messages_keeps_an_album_together(fake: FakeBotAPI, bot: Bot) -> None:
    ids = [
        fake.send_media(kind, "Albüm" if i == 0 else None, user_id=OPERATOR, media_group_id="g1")["message"][
            "message_id"
        ]
        for i, kind in enumerate(("photo", "photo", "video"))
    ]
    copies = await bot.copy_messages(READER, OPERATOR, ids)
    assert len(copies) == 3
    messages = [fake.message(READER, c.message_id)["message"] for c in copies]  # type: ignore[index]
    groups = {m["media_group_id"] for m in messages}
    assert len(groups) == 1 and groups != {"g1"}  # one album, under a new group id
    assert messages[0]["caption"] == "Albüm" and "video" in messages[2]
    with pytest.raises(BadRequest, match=r"(?i)strictly increasing"):
        await bot.copy_messages(READER, OPERATOR, [ids[1], ids[0]])
    with pytest.raises(BadRequest, match=r"(?i)too many"):
        await bot.copy_messages(READER, OPERATOR, list(range(1, 102)))
    with pytest.raises(BadRequest, match=r"(?i)no messages to copy"):
        await bot.copy_messages(READER, OPERATOR, [900, 901])
    # Messages that cannot be found are skipped.
    assert len(await bot.copy_messages(READER, OPERATOR, [ids[0], 950])) == 1


async def test_send_photo_takes_images_only(fake: FakeBotAPI, bot: Bot) -> None:
    data = png(40, 20)
    sent = await bot.send_photo(
        READER, InputFile(data, filename="chart.png"), caption="<b>Grafik</b>", parse_mode="HTML"
    )
    assert sent.photo[-1].width == 40 and sent.photo[-1].height == 20
    assert sent.caption == "Grafik" and sent.caption_entities[0].type == MessageEntity.BOLD
    upload = fake.upload(READER, sent.message_id)
    assert upload is not None and upload.data == data
    with pytest.raises(BadRequest, match=r"(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(READER, InputFile(b"not an image", filename="x.png"))
    with pytest.raises(BadRequest, match=r"(?i)PHOTO_INVALID_DIMENSIONS"):
        await bot.send_photo(READER, InputFile(png(400, 10), filename="x.png"))
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_photo(READER, "no-such-file")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(READER, InputFile(data, filename="c.png"), caption="z" * 1025)
