"""A strict, in-process fake of the Telegram Bot API for end-to-end tests.

The fake is a real HTTP server (``http.server.ThreadingHTTPServer`` on
127.0.0.1, served from a daemon thread), so the bot under test talks to it
through python-telegram-bot's normal ``HTTPXRequest`` stack: point the bot at
``fake.base_url`` and nothing else needs to be mocked.  It uses only the
standard library, so it works inside pytest *and* when the bot runs as a
separate process.

Typical use::

    from fakebotapi import FakeBotAPI

    with FakeBotAPI() as fake:                      # binds a free port
        app = (ApplicationBuilder().token(fake.token)
               .base_url(fake.base_url).build())    # PTB appends the token
        ...start polling...
        fake.send_text("/start", user_id=1001)     # queue a user message
        fake.wait_for(lambda f: f.sent(1001))       # bot answered?
        assert "Merhaba" in fake.sent(1001)[-1]["text"]
        assert not fake.parse_modes_used() & {"Markdown", "MarkdownV2"}

How requests arrive (python-telegram-bot 22): every method is a ``POST`` to
``/bot<TOKEN>/<method>``; parameters are ``application/x-www-form-urlencoded``
(``multipart/form-data`` only when files are uploaded) and every non-string
value (ints, booleans, ``reply_markup``, ``entities``, ``allowed_updates``...)
is JSON-encoded into a string.  The fake also accepts JSON bodies and ``GET``
query strings, and decodes such JSON-looking strings except for parameters
that are plain strings in the Bot API (``text``, ``callback_query_id``...).

Strictness: the fake mimics Telegram's error texts and status codes (see the
``Bad Request: ...`` strings below).  HTML is parsed like Telegram's parser
(tdlib ``parse_html``) including its byte-offset error messages; Markdown and
MarkdownV2 are *rejected* (the bot must use HTML).  Note that
``editMessageText``/``editMessageReplyMarkup`` without ``reply_markup`` remove
the inline keyboard, exactly like Telegram.

Long polling: ``getUpdates`` waits for at most ``min(timeout,
long_poll_cap)`` seconds (``long_poll_cap`` defaults to 2 s to keep tests
fast) and wakes up immediately when an update is injected.  A newer
``getUpdates`` request terminates a waiting one with ``409 Conflict`` like the
real server.

Sending a ``my_chat_member`` update with ``chat_member_update`` also changes
the bot's membership: ``kicked``/``left`` makes later sends to that chat fail
with 403 like Telegram ("bot was blocked by the user" for private chats).

Besides the Python API the server offers a small JSON control API for
out-of-process use: ``POST /_fake/<name>`` with a JSON object of keyword
arguments calls the public method ``<name>`` (see ``_CONTROL_METHODS``).
Run ``python tests/fakebotapi.py --port 0`` to start a standalone server; it
prints ``READY <base_url>`` on stdout.

Audit: with ``FAKEBOTAPI_AUDIT=<file>`` in the environment every fake appends each request
it answers (method, parameters, status, error) to ``<file>`` as one JSON line, so a whole
test run can be checked against the Bot API's parameter lists (docs/botapi-audit.md).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.parser
import email.policy
import email.utils
import ipaddress
import itertools
import json
import logging
import os
import re
import select
import signal
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = [
    "DEFAULT_BOT_ID",
    "DEFAULT_BOT_USERNAME",
    "DEFAULT_GROUP_CHAT_ID",
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "ApiError",
    "Call",
    "FakeBotAPI",
    "HtmlParseError",
    "UploadedFile",
    "checked_link",
    "fix_entities",
    "main",
    "parse_html",
    "utf16_len",
]

_LOGGER = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456:TEST-token"
DEFAULT_BOT_USERNAME = "learning_cities_test_bot"
DEFAULT_BOT_ID = 123456
DEFAULT_USER_ID = 1001
DEFAULT_GROUP_CHAT_ID = -1001234567890

MAX_MESSAGE_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_ANSWER_TEXT = 200
MAX_INLINE_RESULTS = 50

QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
BLOCKED_BY_USER = "Forbidden: bot was blocked by the user"

#: Update types delivered when ``allowed_updates`` is empty/never set (Telegram's default).
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

#: Parameters that are plain strings in the Bot API and must never be JSON-decoded.
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "url",
        "description",
        "short_description",
        "name",
        "language_code",
        "action",
        "query",
        "next_offset",
        "secret_token",
        "ip_address",
        "inline_message_id",
        "message_effect_id",
        "business_connection_id",
        "title",
        "switch_pm_text",
        "switch_pm_parameter",
        "emoji",
        "custom_title",
        "question",
        "data",
        "file_id",
        "sticker",
        "photo",
        "document",
        "web_app_query_id",
        "cache_key",
    }
)

#: Methods subject to rate limiting, blocking and "bot left the chat" checks.
_SEND_METHODS = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup", "sendChatAction"})
_RATE_LIMITED_METHODS = frozenset(
    {"sendMessage", "editMessageText", "editMessageReplyMarkup", "copyMessage", "copyMessages", "sendPhoto"}
)

#: Real Bot API methods this fake does not implement: answered with 501 instead of 404 so
#: that a bot using them gets a clear NetworkError instead of PTB's misleading InvalidToken.
_UNIMPLEMENTED_METHODS = frozenset(
    {
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendVideoNote",
        "sendMediaGroup",
        "sendLocation",
        "sendVenue",
        "sendContact",
        "sendPoll",
        "sendDice",
        "sendSticker",
        "sendInvoice",
        "sendGame",
        "forwardMessage",
        "forwardMessages",
        "editMessageCaption",
        "editMessageMedia",
        "editMessageLiveLocation",
        "stopMessageLiveLocation",
        "stopPoll",
        "deleteMessages",
        "getFile",
        "getUserProfilePhotos",
        "banChatMember",
        "unbanChatMember",
        "restrictChatMember",
        "promoteChatMember",
        "setChatPermissions",
        "exportChatInviteLink",
        "createChatInviteLink",
        "pinChatMessage",
        "unpinChatMessage",
        "unpinAllChatMessages",
        "getChatMemberCount",
        "setChatMenuButton",
        "getChatMenuButton",
        "setMyDefaultAdministratorRights",
        "getMyDefaultAdministratorRights",
        "setMessageReaction",
        "answerWebAppQuery",
        "answerPreCheckoutQuery",
        "answerShippingQuery",
        "setChatTitle",
        "setChatDescription",
        "getStickerSet",
        "getCustomEmojiStickers",
    }
)

#: What a message can be copied for (service messages have none of these), what a copy keeps,
#: and the kinds that carry a caption.
_COPYABLE_KINDS = ("text", "photo", "video", "document", "animation", "audio", "voice", "sticker", "video_note")
_CAPTIONED_KINDS = ("photo", "video", "document", "animation", "audio", "voice")
_COPIED_KEYS = (*_COPYABLE_KINDS, "entities", "caption", "caption_entities", "has_media_spoiler", "media_group_id")
_COPY_LIMIT = 100
MAX_CAPTION_LENGTH = 1024


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, or a JPEG's placeholder size; None for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:3] == b"\xff\xd8\xff":
        return 1280, 720
    return None


_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted", "left", "kicked"})
_INLINE_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "login_url",
    "web_app",
    "callback_game",
    "pay",
    "copy_text",
)
_INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)
_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """An error answer of the Bot API (raised inside method implementations)."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class HtmlParseError(ValueError):
    """Raised by :func:`parse_html`; the message is Telegram's (without the prefix)."""


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a ``multipart/form-data`` request."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        """Size of the upload in bytes."""
        return len(self.data)


@dataclass(frozen=True)
class Call:
    """One recorded Bot API request.

    Iterating yields ``(method, params, status, response)`` so a call can be unpacked like a
    tuple; ``seq`` (global order) and ``time`` (``time.monotonic()``) allow ordering checks.
    """

    method: str
    params: dict[str, Any]
    status: int
    response: dict[str, Any]
    seq: int
    time: float
    http_method: str = "POST"

    def __iter__(self) -> Iterator[Any]:
        return iter((self.method, self.params, self.status, self.response))

    @property
    def ok(self) -> bool:
        """Whether Telegram would have answered ``"ok": true``."""
        return bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The ``result`` of a successful call (``None`` otherwise)."""
        return self.response.get("result")

    @property
    def description(self) -> str | None:
        """The error description of a failed call."""
        return self.response.get("description")


@dataclass
class _StoredMessage:
    chat_id: int
    message_id: int
    from_bot: bool
    message: dict[str, Any]
    seq: int
    source_text: str | None = None
    parse_mode: str | None = None
    reply_markup: Any = None
    deleted: bool = False
    edits: int = 0


@dataclass
class _Query:
    query_id: str
    kind: str  # "callback_query" | "inline_query"
    user_id: int
    created: float
    payload: dict[str, Any]
    answered_at: float | None = None
    answer_seq: int | None = None
    answer: dict[str, Any] | None = None


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Telegram's unit for lengths and offsets)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _u16(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _utf16_prefix(text: str) -> list[int]:
    """``prefix[i]`` is the UTF-16 offset of ``text[i]``."""
    out = [0]
    for ch in text:
        out.append(out[-1] + _u16(ch))
    return out


def _as_int(value: Any, error: str) -> int:
    if isinstance(value, bool):
        raise ApiError(400, error)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ApiError(400, error)


def _as_float(value: Any, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def _as_json(value: Any, error: str) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as exc:
            raise ApiError(400, error) from exc
    return value


def _decode_form_value(name: str, value: str) -> Any:
    """Form/multipart values are strings; Telegram JSON-decodes non-string parameters."""
    if name in _STRING_PARAMS:
        return value
    stripped = value.strip()
    if not stripped or stripped[0] not in '{["-0123456789tfn':
        return value
    try:
        return json.loads(stripped)
    except ValueError:
        return value


def _json_default(obj: Any) -> Any:
    if isinstance(obj, UploadedFile):
        return {"filename": obj.filename, "content_type": obj.content_type, "size": obj.size}
    if isinstance(obj, Call):
        return {
            "method": obj.method,
            "params": obj.params,
            "status": obj.status,
            "response": obj.response,
            "seq": obj.seq,
        }
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if isinstance(obj, bytes):
        return obj.decode("utf-8", "replace")
    return repr(obj)


# --------------------------------------------------------------------------------------------
# Telegram-like HTML parsing (modelled on tdlib's parse_html)
# --------------------------------------------------------------------------------------------

_ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "tg-time",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_TAG_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
#: tdlib's is_space(): the NUL that ends a C string counts as a space too.
_HTML_SPACE = frozenset(" \t\r\n\v\0")
_END = "\0"  # what tdlib reads past the end of the text
_DIGITS = frozenset("0123456789")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
)

# Entity kinds as tdlib's fix_entities() treats them.
_SPLITTABLE_TYPES = frozenset({"bold", "italic", "underline", "strikethrough", "spoiler"})
_BLOCKQUOTE_TYPES = frozenset({"blockquote", "expandable_blockquote"})
_PRE_TYPES = frozenset({"pre", "code", "date_time"})
#: tdlib's MessageEntity::get_type_priority (a pre with a language is PreCode: 10).
_TYPE_PRIORITY = {
    "mention": 50,
    "hashtag": 50,
    "bot_command": 50,
    "url": 50,
    "email": 50,
    "bold": 90,
    "italic": 91,
    "code": 20,
    "pre": 11,
    "text_link": 49,
    "text_mention": 49,
    "cashtag": 50,
    "phone_number": 50,
    "underline": 92,
    "strikethrough": 93,
    "blockquote": 0,
    "bank_card_number": 50,
    "spoiler": 94,
    "custom_emoji": 99,
    "expandable_blockquote": 0,
    "date_time": 30,
}


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


def _entity_key(entity: Mapping[str, Any]) -> tuple[int, int, int]:
    """tdlib's order of entities: by offset, longer first, then by type priority."""
    priority = _TYPE_PRIORITY.get(entity["type"], 50)
    if entity["type"] == "pre" and entity.get("language"):
        priority = 10
    return entity["offset"], -entity["length"], priority


def _decode_html_entity(text: str, pos: int) -> tuple[int, int] | None:
    """tdlib's decode_html_entity at ``text[pos] == '&'``: ``(code point, end)``, or ``None``
    when Telegram keeps the ``&`` as a plain character. The ``;`` is optional; only
    ``&lt; &gt; &amp; &quot;`` are named; numeric values must be 1..0x10FFFE with at most
    7 decimal or 6 hexadecimal digits (a lowercase ``x`` only)."""
    n = len(text)

    def at(k: int) -> str:
        return text[k] if k < n else _END

    end = pos + 1
    code = 0
    if at(pos + 1) == "#":
        end += 1
        if at(pos + 2) == "x":
            end += 1
            while at(end) in _HEX_DIGITS:
                code = code * 16 + int(at(end), 16)
                end += 1
        else:
            while at(end) in _DIGITS:
                code = code * 10 + ord(at(end)) - 48
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
    else:
        while at(end) in _ASCII_ALPHA:
            end += 1
        named = _NAMED_ENTITIES.get(text[pos + 1 : end])
        if named is None:
            return None
        code = ord(named)
    if at(end) == ";":
        end += 1
    return code, end


def _to_int32(value: str) -> int:
    """tdlib's to_integer<int32>: an optional '-', then digits; anything after is ignored."""
    negative = value.startswith("-")
    digits = value[1:] if negative else value
    number = 0
    for ch in digits:
        if ch not in _DIGITS:
            break
        number = (number * 10 + ord(ch) - 48) & 0xFFFFFFFF
    if number > 0x7FFFFFFF:
        number = (~number + 1) & 0xFFFFFFFF
        negative = not negative
        if number > 0x7FFFFFFF:
            return -0x80000000
    return -number if negative else number


def _to_int64_strict(value: str) -> int | None:
    """tdlib's to_integer_safe<int64>: the text must be exactly the decimal number."""
    if not re.fullmatch(r"-?[0-9]+", value) or str(int(value)) != value:
        return None
    number = int(value)
    return number if -(2**63) <= number < 2**63 else None


def _valid_date_format(fmt: str) -> bool:
    """tdlib's FormattedDate::get_date_flags (the docs' stricter form is ``r|w?[dD]?[tT]?``)."""
    return fmt in ("r", "R") or all(ch in "tTdDwW" for ch in fmt)


def _url_part_ok(part: str, allow_colon: bool) -> bool:
    i = 0
    while i < len(part):
        ch = part[i]
        if ch in _ASCII_ALNUM or ch in ".-_!$,~*'();&+=" or (allow_colon and ch == ":") or ord(ch) >= 128:
            i += 1
            continue
        if ch == "%" and part[i + 1 : i + 2] in _HEX_DIGITS and part[i + 2 : i + 3] in _HEX_DIGITS:
            i += 3
            continue
        return False
    return True


@dataclass(frozen=True)
class _HttpUrl:
    https: bool
    userinfo: str
    host: str
    is_ipv6: bool
    specified_port: int
    query: str

    def url(self) -> str:
        userinfo = f"{self.userinfo}@" if self.userinfo else ""
        port = f":{self.specified_port}" if self.specified_port > 0 else ""
        return f"{'https' if self.https else 'http'}://{userinfo}{self.host}{port}{self.query}"


def _parse_url(url: str) -> _HttpUrl | None:
    """tdutils' parse_url: ``[https?://][userinfo@]host[:port][/query]``."""
    stop = next((k for k, ch in enumerate(url) if ch in ":/?#@[]"), len(url))
    rest = url
    https = False
    if url.startswith("://", stop):
        scheme = _ascii_lower(url[:stop])
        if scheme not in ("http", "https"):
            return None
        https = scheme == "https"
        rest = url[stop + 3 :]
    cut = next((k for k, ch in enumerate(rest) if ch in "/?#"), len(rest))
    userinfo_host_port, query = rest[:cut], rest[cut:]
    port = 0
    colon = len(userinfo_host_port) - 1
    while colon > 0 and userinfo_host_port[colon] not in ":]@":
        colon -= 1
    userinfo_host = userinfo_host_port
    if colon > 0 and userinfo_host_port[colon] == ":":
        port_text = userinfo_host_port[colon + 1 :]
        while len(port_text) > 1 and port_text[0] == "0":
            port_text = port_text[1:]
        if re.fullmatch(r"-?[0-9]+", port_text) and str(int(port_text)) == port_text and int(port_text) != 0:
            port = int(port_text)
        else:
            port = -1
        userinfo_host = userinfo_host_port[:colon]
    if port < 0 or port > 65535:
        return None
    at = userinfo_host.rfind("@")
    userinfo = userinfo_host[:at] if at != -1 else ""
    host = userinfo_host[at + 1 :]
    is_ipv6 = False
    if host[:1] == "[" and host[-1:] == "]":
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return None
        is_ipv6 = True
    if not host or host == ".":
        return None
    query = query.rstrip("".join(_HTML_SPACE))
    if not query:
        query = "/"
    encoded = "" if query[0] == "/" else "/"
    for ch in query:
        encoded += f"%{ord(ch):02X}" if ord(ch) <= 0x20 else ch
    host = _ascii_lower(host)
    if not is_ipv6 and not (_url_part_ok(host, False) and _url_part_ok(userinfo, True)):
        return None
    return _HttpUrl(https, userinfo, host, is_ipv6, port, encoded)


def checked_link(link: str) -> str | None:
    """tdlib's LinkManager::get_checked_link: the link Telegram keeps for ``<a href>``
    (normalised), or ``None`` when it silently drops the link (``javascript:``, ``ftp:``...)."""
    scheme = ""
    lowered = _ascii_lower(link)
    for prefix in ("tg:", "ton:", "tonsite:"):
        if lowered.startswith(prefix):
            scheme, link = prefix[:-1], link[len(prefix) :]
            break
    if scheme and link.startswith("//"):
        link = link[2:]
    parsed = _parse_url(link)
    if parsed is None:
        return None
    if scheme:
        if (
            _ascii_lower(link).startswith("http://")
            or parsed.https
            or parsed.userinfo
            or parsed.specified_port
            or parsed.is_ipv6
        ):
            return None
        query = parsed.query
        if len(query) > 1 and query[1] == "?":
            query = query[1:]
        if any(not (ch in _ASCII_ALNUM or ch in "-_" or (scheme == "tonsite" and ch == ".")) for ch in parsed.host):
            return None
        return f"{scheme}://{parsed.host}{query}"
    if "." not in parsed.host and not parsed.is_ipv6:
        return None
    return parsed.url()


def _link_user_id(url: str) -> int | None:
    """tdlib's LinkManager::get_link_user_id: ``tg://user?id=N`` mentions a user."""
    url = _ascii_lower(url)
    if not url.startswith("tg:"):
        return None
    url = url[3:]
    if url.startswith("//"):
        url = url[2:]
    if not url.startswith("user") or (len(url) > 4 and url[4] not in "/?#"):
        return None
    url = url[4:]
    if url.startswith("/"):
        url = url[1:]
    if not url.startswith("?"):
        return None
    url = url[1:].split("#", 1)[0]
    for parameter in url.split("&"):
        key, _, value = parameter.partition("=")
        if key == "id":
            return _to_int64_strict(value)
    return None


@dataclass
class _OpenTag:
    name: str
    argument: str
    date: int
    u16_offset: int
    text_index: int


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-flavoured HTML into ``(plain_text, entities)`` like tdlib's
    ``parse_html`` (Bot API 10.0), then fix the entities like ``fix_entities``.

    Offsets/lengths of the returned entities are in UTF-16 code units.  Errors raise
    :class:`HtmlParseError` with Telegram's message, e.g.
    ``Unsupported start tag "script" at byte offset 12``.
    """

    def byte_offset(index: int) -> int:
        return len(text[:index].encode("utf-8", "surrogatepass"))

    n = len(text)

    def at(k: int) -> str:
        return text[k] if k < n else _END

    out: list[str] = []
    u16 = 0
    need_recheck = False
    stack: list[_OpenTag] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            decoded = _decode_html_entity(text, i)
            if decoded is not None:
                code, i = decoded
                if 0xD800 <= code <= 0xDFFF:
                    need_recheck = True
                out.append(chr(code))
                u16 += 2 if code > 0xFFFF else 1
                continue
        if c != "<":
            out.append(c)
            u16 += _u16(c)
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":
            # ----- start tag
            while at(i) not in _HTML_SPACE and at(i) != ">":
                i += 1
            if at(i) == _END:
                raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
            tag_name = _ascii_lower(text[begin + 1 : i])
            if tag_name not in _ALLOWED_TAGS:
                raise HtmlParseError(f'Unsupported start tag "{tag_name}" at byte offset {byte_offset(begin)}')
            argument = ""
            date = 0
            while at(i) != ">":
                while at(i) != _END and at(i) in _HTML_SPACE:
                    i += 1
                if at(i) == ">":
                    break
                attr_begin = i
                while at(i) not in _HTML_SPACE and at(i) not in "=>/\"'":
                    i += 1
                attr_name = text[attr_begin:i]  # attribute names are case-sensitive
                if not attr_name:
                    raise HtmlParseError(
                        f'Empty attribute name in the tag "{tag_name}" at byte offset {byte_offset(begin)}'
                    )
                while at(i) != _END and at(i) in _HTML_SPACE:
                    i += 1
                if at(i) != "=":
                    if at(i) == _END:
                        raise HtmlParseError(f'Unclosed start tag "{tag_name}" at byte offset {byte_offset(begin)}')
                    if tag_name == "blockquote" and attr_name == "expandable":
                        argument = "1"
                    continue  # an attribute without a value is ignored
                i += 1
                while at(i) != _END and at(i) in _HTML_SPACE:
                    i += 1
                if at(i) == _END:
                    raise HtmlParseError(f'Unclosed start tag "{tag_name}" at byte offset {byte_offset(begin)}')
                if at(i) not in "'\"":
                    token_begin = i
                    while at(i) in _ASCII_ALNUM or at(i) in ".-":
                        i += 1
                    value = _ascii_lower(text[token_begin:i])
                    if at(i) not in _HTML_SPACE and at(i) != ">":
                        raise HtmlParseError(f"Unexpected end of name token at byte offset {byte_offset(token_begin)}")
                else:
                    quote = at(i)
                    i += 1
                    chars: list[str] = []
                    while at(i) != quote and at(i) != _END:
                        if at(i) == "&":
                            decoded = _decode_html_entity(text, i)
                            if decoded is not None:
                                chars.append(chr(decoded[0]))
                                i = decoded[1]
                                continue
                        chars.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = "".join(chars)
                if at(i) == _END:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset(begin)}")
                if tag_name == "a" and attr_name == "href":
                    argument = value
                elif tag_name == "code" and attr_name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag_name == "span" and attr_name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag_name == "tg-emoji" and attr_name == "emoji-id":
                    argument = value
                elif tag_name == "blockquote" and attr_name == "expandable":
                    argument = "1"
                elif tag_name == "tg-time" and attr_name == "unix":
                    date = _to_int32(value)
                elif tag_name == "tg-time" and attr_name == "format":
                    argument = value
            if tag_name == "span" and argument != "spoiler":
                raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(begin)}')
            i += 1  # the '>'
            stack.append(_OpenTag(tag_name, argument, date, u16, len(out)))
            continue

        # ----- end tag
        if not stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {byte_offset(begin)}")
        while at(i) not in _HTML_SPACE and at(i) != ">":
            i += 1
        end_name = _ascii_lower(text[begin + 2 : i])
        while at(i) in _HTML_SPACE and at(i) != _END:
            i += 1
        if at(i) != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {byte_offset(begin)}")
        i += 1
        tag = stack[-1]
        if end_name and end_name != tag.name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {byte_offset(begin)}, "
                f'expected "</{tag.name}>", found "</{end_name}>"'
            )
        stack.pop()
        length = u16 - tag.u16_offset
        if length <= 0:
            continue
        base: dict[str, Any] = {"offset": tag.u16_offset, "length": length}
        last = entities[-1] if entities else None
        same_span = last is not None and last["offset"] == tag.u16_offset and last["length"] == length
        if tag.name in _SIMPLE_TAG_ENTITIES:
            entities.append({"type": _SIMPLE_TAG_ENTITIES[tag.name], **base})
        elif tag.name == "span":
            entities.append({"type": "spoiler", **base})
        elif tag.name == "tg-emoji":
            emoji_id = _to_int64_strict(tag.argument)
            if not emoji_id:
                raise HtmlParseError("Invalid custom emoji identifier specified")
            entities.append({"type": "custom_emoji", **base, "custom_emoji_id": str(emoji_id)})
        elif tag.name == "tg-time":
            if not _valid_date_format(tag.argument):
                raise HtmlParseError("Invalid date format used")
            if tag.date > 0:
                entity = {"type": "date_time", **base, "unix_time": tag.date}
                if tag.argument:
                    entity["date_time_format"] = tag.argument
                entities.append(entity)
        elif tag.name == "a":
            url = tag.argument or "".join(out[tag.text_index :])
            user_id = _link_user_id(url)
            if user_id is not None and user_id > 0:
                user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
                entities.append({"type": "text_mention", **base, "user": user})
            else:
                checked = checked_link(url)
                if checked:
                    entities.append({"type": "text_link", **base, "url": checked})
        elif tag.name == "pre":
            if same_span and last is not None and last["type"] == "code" and last.get("_language"):
                entities[-1] = {"type": "pre", **base, "language": last["_language"]}
            else:
                entities.append({"type": "pre", **base})
        elif tag.name == "code":
            if same_span and last is not None and last["type"] == "pre" and tag.argument:
                last["language"] = tag.argument
            else:
                entities.append({"type": "code", **base, "_language": tag.argument})
        elif tag.name == "blockquote":
            entities.append({"type": "expandable_blockquote" if tag.argument else "blockquote", **base})

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    for entity in entities:
        entity.pop("_language", None)  # a language on a standalone <code> is dropped
    plain = "".join(out)
    if need_recheck and any(0xD800 <= ord(ch) <= 0xDFFF for ch in plain):
        raise HtmlParseError(_SURROGATE_ERROR)
    return plain, fix_entities(entities)


def _without_intersecting(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    last_end = 0
    for entity in entities:
        if entity["offset"] >= last_end:
            last_end = entity["offset"] + entity["length"]
            kept.append(entity)
    return kept


def fix_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """tdlib's fix_entities: what Telegram keeps of nested entities.

    Continuous entities (code, pre, links, custom emoji...) cannot contain each other (the
    inner one is dropped); blockquotes cannot be nested (the inner one is dropped) and other
    entities may not cross them; bold/italic/underline/strikethrough/spoiler are merged
    where they touch, cut at the bounds of every other entity and removed inside pre, code
    and date-time entities.
    """
    ordered = sorted((dict(e) for e in entities if e["length"] > 0), key=_entity_key)
    splittable = [e for e in ordered if e["type"] in _SPLITTABLE_TYPES]
    quotes = [e for e in ordered if e["type"] in _BLOCKQUOTE_TYPES]
    continuous = _without_intersecting(
        [e for e in ordered if e["type"] not in _SPLITTABLE_TYPES and e["type"] not in _BLOCKQUOTE_TYPES]
    )
    if quotes:
        quotes = _without_intersecting(quotes)

        def crosses_a_quote(entity: dict[str, Any]) -> bool:
            start, end = entity["offset"], entity["offset"] + entity["length"]
            for quote in quotes:
                q_start, q_end = quote["offset"], quote["offset"] + quote["length"]
                if q_end <= start:
                    continue
                return q_end < end or start < q_start < end
            return False

        continuous = sorted([e for e in continuous if not crosses_a_quote(e)] + quotes, key=_entity_key)
    bounds = sorted({b for e in continuous for b in (e["offset"], e["offset"] + e["length"])})
    pre_ranges = [(e["offset"], e["offset"] + e["length"]) for e in continuous if e["type"] in _PRE_TYPES]
    pieces: list[dict[str, Any]] = []
    for kind in ("bold", "italic", "underline", "strikethrough", "spoiler"):
        merged: list[list[int]] = []
        for entity in (e for e in splittable if e["type"] == kind):
            start, end = entity["offset"], entity["offset"] + entity["length"]
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        for start, end in merged:
            cuts = [start, *(b for b in bounds if start < b < end), end]
            for piece_start, piece_end in itertools.pairwise(cuts):
                if any(p_start <= piece_start and piece_end <= p_end for p_start, p_end in pre_ranges):
                    continue
                pieces.append({"type": kind, "offset": piece_start, "length": piece_end - piece_start})
    return sorted(continuous + pieces, key=_entity_key)


# Automatically detected entities (Telegram adds these to every text message).
_BOT_COMMAND_RE = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>])")
_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,32}(?![\w@])")
_HASHTAG_RE = re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")
_URL_RE = re.compile(r"(?<![\w@/])https?://[^\s<>\"']+", re.IGNORECASE)


def _auto_entities(text: str, existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Find url, bot_command, mention and hashtag entities like Telegram clients/servers do."""
    prefix = _utf16_prefix(text)
    blocked = [
        (e["offset"], e["offset"] + e["length"])
        for e in existing
        if e["type"] in {"code", "pre", "text_link", "url", "bot_command", "mention"}
    ]
    found: list[dict[str, Any]] = []
    for kind, regex in (
        ("url", _URL_RE),
        ("bot_command", _BOT_COMMAND_RE),
        ("mention", _MENTION_RE),
        ("hashtag", _HASHTAG_RE),
    ):
        for match in regex.finditer(text):
            start, end = match.start(), match.end()
            if kind == "url":
                while end > start and text[end - 1] in ".,:;!?)]'":
                    end -= 1
            u_start, u_end = prefix[start], prefix[end]
            if any(u_start < b_end and b_start < u_end for b_start, b_end in blocked):
                continue
            blocked.append((u_start, u_end))
            found.append({"type": kind, "offset": u_start, "length": u_end - u_start})
    found.sort(key=lambda e: (e["offset"], -e["length"]))
    return found


def _set_entities(message: dict[str, Any]) -> None:
    """(Re)compute the entities Telegram would mark in a message's text."""
    message.pop("entities", None)
    entities = _auto_entities(message["text"], []) if "text" in message else []
    if entities:
        message["entities"] = entities


class _FieldError(ValueError):
    """A tdutils JsonObject error (the text the Bot API wraps into its description)."""


def _bad_request(message: str) -> ApiError:
    """The 400 answer for an error text, formatted like telegram-bot-api's
    fail_query_with_error: "Bad Request: " and the first letter lowercased unless the
    text is an UPPER_CASE server code."""
    if len(message) >= 2 and (message[1] == "_" or "A" <= message[1] <= "Z"):
        return ApiError(400, f"Bad Request: {message}")
    return ApiError(400, f"Bad Request: {message[:1].lower()}{message[1:]}")


def _json_number_text(value: int | float) -> str:
    return str(value) if isinstance(value, int) else repr(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _field_str(obj: Mapping[str, Any], name: str, *, required: bool = False) -> str:
    """JsonObject::get_{optional,required}_string_field: a String, or a Number as its text."""
    if name not in obj:
        if required:
            raise _FieldError(f'Can\'t find field "{name}"')
        return ""
    value = obj[name]
    if isinstance(value, str):
        return value
    if _is_number(value):
        return _json_number_text(value)
    raise _FieldError(f'Field "{name}" must be of type String')


def _field_int(obj: Mapping[str, Any], name: str, *, required: bool = False, bits: int = 32) -> int:
    """JsonObject::get_{optional,required}_{int,long}_field: a Number or a String of one."""
    if name not in obj:
        if required:
            raise _FieldError(f'Can\'t find field "{name}"')
        return 0
    value = obj[name]
    if isinstance(value, str) or _is_number(value):
        text = value if isinstance(value, str) else _json_number_text(value)
        number = _to_int64_strict(text)
        if number is None or not -(2 ** (bits - 1)) <= number < 2 ** (bits - 1):
            raise _FieldError(f'Field "{name}" must be a valid Number')
        return number
    raise _FieldError(f'Field "{name}" must be a Number')


def _field_bool(obj: Mapping[str, Any], name: str) -> bool:
    if name not in obj:
        return False
    if isinstance(obj[name], bool):
        return bool(obj[name])
    raise _FieldError(f'Field "{name}" must be of type Boolean')


def _field_object(obj: Mapping[str, Any], name: str, kind: type, *, required: bool = False) -> Any:
    """JsonObject::extract_{optional,required}_field with a type."""
    if name not in obj:
        if required:
            raise _FieldError(f'Can\'t find field "{name}"')
        return None
    value = obj[name]
    if not isinstance(value, kind) or isinstance(value, bool):
        type_name = {dict: "Object", list: "Array"}[kind]
        raise _FieldError(f'Field "{name}" must be of type {type_name}')
    return value


#: Entity types a bot may send (telegram-bot-api's get_text_entity_type); the detected ones
#: (mention, url...) are accepted and dropped, Telegram finds them again itself.
_DETECTED_ENTITY_TYPES = frozenset(
    {"mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bank_card_number"}
)


def _input_entity(value: Any) -> dict[str, Any] | None:
    """One MessageEntity of an ``entities`` parameter, validated like telegram-bot-api."""
    if not isinstance(value, dict):
        raise _FieldError("expected an Object")
    offset = _field_int(value, "offset", required=True)
    length = _field_int(value, "length", required=True)
    kind = _field_str(value, "type", required=True)
    if not kind:
        raise _FieldError("Type is not specified")
    entity: dict[str, Any] = {"type": kind, "offset": offset, "length": length}
    if kind in {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "blockquote",
        "expandable_blockquote",
    }:
        return entity
    if kind == "pre":
        language = _field_str(value, "language")
        if language:
            entity["language"] = language
        return entity
    if kind == "text_link":
        entity["url"] = _field_str(value, "url", required=True)
        return entity
    if kind == "text_mention":
        user = _field_object(value, "user", dict, required=True)
        entity["user"] = {"id": _field_int(user, "id", required=True, bits=64), "is_bot": False, "first_name": ""}
        return entity
    if kind == "custom_emoji":
        entity["custom_emoji_id"] = str(_field_int(value, "custom_emoji_id", required=True, bits=64))
        return entity
    if kind == "date_time":
        entity["unix_time"] = _field_int(value, "unix_time", required=True)
        fmt = _field_str(value, "date_time_format")
        if fmt and fmt not in ("r", "R") and any(ch not in "tTdDwW" for ch in fmt):
            raise ApiError(400, "Bad Request: invalid date-time format specified")
        if fmt:
            entity["date_time_format"] = fmt
        return entity
    if kind in _DETECTED_ENTITY_TYPES:
        return None
    raise _FieldError("Unsupported type specified")


def _input_entities(raw: Any) -> list[dict[str, Any]]:
    """An ``entities`` parameter: JSON Telegram cannot decode, or anything but an array, is
    ignored (telegram-bot-api's get_input_entities); a bad entity is an error."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    if not isinstance(raw, list):
        return []
    entities = []
    for value in raw:
        try:
            entity = _input_entity(value)
        except _FieldError as exc:
            raise _bad_request(f"Can't parse MessageEntity: {exc}") from exc
        if entity is not None:
            entities.append(entity)
    return entities


#: Characters tdlib's clean_input_string removes: '\r', U+2028-U+202E (line and paragraph
#: separators, bidi embeddings and overrides) and the combining marks U+030A, U+0333, U+033F.
_REMOVED_CHARS = frozenset("\r\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u030a\u0333\u033f")


def _clean_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """tdlib's clean_input_string(_with_entities): control characters but '\n' become
    spaces, some characters are removed, entities move with the text."""
    out: list[str] = []
    new_offsets = [0]  # new UTF-16 offset at each old UTF-16 offset
    units = 0
    for ch in text:
        old_units = _u16(ch)
        if ch in _REMOVED_CHARS:
            pass
        elif ord(ch) < 32 and ch != "\n":
            out.append(" ")
            units += 1
        else:
            out.append(ch)
            units += old_units
        new_offsets.extend([units] * old_units)
    cleaned = "".join(out)
    if cleaned == text:
        return text, entities
    moved = []
    for entity in entities:
        last = len(new_offsets) - 1
        start = new_offsets[min(entity["offset"], last)]
        end = new_offsets[min(entity["offset"] + entity["length"], last)]
        if end > start:
            moved.append({**entity, "offset": start, "length": end - start})
    return cleaned, moved


def _strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim like tdlib's fix_formatted_text: trailing spaces and newlines always, leading ones
    up to the first entity; entities are clipped to the text that is left."""
    stripped = text.rstrip(" \n")
    total = utf16_len(stripped)
    first = min((e["offset"] for e in entities), default=None)
    lead_chars = len(stripped) - len(stripped.lstrip(" \n"))
    if first is not None:
        lead_chars = min(lead_chars, first)  # spaces and newlines are one unit each
    stripped = stripped[lead_chars:]
    result = []
    for entity in entities:
        start = max(0, entity["offset"] - lead_chars)
        end = min(total - lead_chars, entity["offset"] + entity["length"] - lead_chars)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


#: Bot API 9.x/10 button styles (telegram-bot-api's get_button_style).
_BUTTON_STYLES = frozenset({"", "default", "primary", "danger", "success"})


def _button_style(button: Mapping[str, Any]) -> None:
    style = _field_str(button, "style")
    if _ascii_lower(style) not in _BUTTON_STYLES:
        raise _FieldError("invalid button style specified")
    _field_int(button, "icon_custom_emoji_id", bits=64)


def _inline_button(button: Any) -> dict[str, Any]:
    """Validate one InlineKeyboardButton like telegram-bot-api's get_inline_keyboard_button and
    return it as a Message shows it (the first action wins, numbers become strings)."""
    if not isinstance(button, dict):
        raise _FieldError("InlineKeyboardButton must be an Object")
    shown = dict(button)
    shown["text"] = _field_str(button, "text", required=True)
    _button_style(button)
    url = _field_str(button, "url")
    if url:
        shown["url"] = url
        return shown
    callback_data = _field_str(button, "callback_data")
    if callback_data:
        shown["callback_data"] = callback_data
        return shown
    if "callback_game" in button or "pay" in button:
        return shown
    if "switch_inline_query" in button:
        shown["switch_inline_query"] = _field_str(button, "switch_inline_query", required=True)
        return shown
    if "switch_inline_query_chosen_chat" in button:
        chosen = _field_object(button, "switch_inline_query_chosen_chat", dict, required=True)
        _field_str(chosen, "query")
        for flag in ("allow_user_chats", "allow_bot_chats", "allow_group_chats", "allow_channel_chats"):
            _field_bool(chosen, flag)
        return shown
    if "switch_inline_query_current_chat" in button:
        shown["switch_inline_query_current_chat"] = _field_str(
            button, "switch_inline_query_current_chat", required=True
        )
        return shown
    for name, field_name in (("login_url", "url"), ("web_app", "url"), ("copy_text", "text")):
        if name in button:
            _field_str(_field_object(button, name, dict, required=True), field_name, required=True)
            return shown
    raise _FieldError("Text buttons are unallowed in the inline keyboard")


def _keyboard_button(button: Any) -> None:
    if isinstance(button, str):
        return
    if not isinstance(button, dict):
        raise _FieldError("KeyboardButton must be a String or an Object")
    _field_str(button, "text", required=True)
    _button_style(button)


# --------------------------------------------------------------------------------------------
# HTTP plumbing
# --------------------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # The listen backlog of Telegram's server (tdlib's ServerSocketFd: 8192; the kernel caps
    # it at net.core.somaxconn). socketserver's 5 made a burst of new connections (a bot's
    # replies going out side by side) look like a SYN flood: SYNs dropped and retried after
    # 1 s, connections reset after their request was written (docs/benchmarks.md).
    request_queue_size = 8192
    fake: FakeBotAPI


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""
    timeout = 60
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body are written separately: without TCP_NODELAY, Nagle + delayed ACK
        # add ~40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._register_connection(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._register_connection(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        _LOGGER.debug("fakebotapi: " + format, *args)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0] or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        fake = self.server.fake
        body = self._read_body()
        fake._tls.connection = self.connection
        status, payload = fake._handle_http(self.command, self.path, self.headers.get("Content-Type", ""), body)
        data = json.dumps(payload, ensure_ascii=False, default=_json_default).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status == 429 and payload.get("parameters"):
                self.send_header("Retry-After", str(payload["parameters"]["retry_after"]))
            if fake._stopping:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_POST = _handle
    do_GET = _handle


# --------------------------------------------------------------------------------------------
# The fake
# --------------------------------------------------------------------------------------------

_CONTROL_METHODS = frozenset(
    {
        "send_text",
        "edit_text",
        "send_sticker",
        "channel_post",
        "press_button",
        "inline_query",
        "chat_member_update",
        "raw_update",
        "add_chat",
        "add_user",
        "block_chat",
        "unblock_chat",
        "set_chat_member_status",
        "set_rate_limit",
        "disable_rate_limit",
        "fail_next",
        "set_delay",
        "calls",
        "sent",
        "clear_calls",
        "parse_modes_used",
        "callback_answers",
        "inline_answers",
        "commands",
        "profile_text",
        "send_media",
        "send_formatted",
        "pending_updates",
        "set_query_timeout",
    }
)


def _calls_check(
    method: str, count: int, where: Callable[[Call], bool] | None
) -> Callable[[FakeBotAPI], list[Call] | None]:
    """A predicate for ``wait_for``: the calls of ``method`` once there are ``count`` of them."""

    def check(fake: FakeBotAPI) -> list[Call] | None:
        calls = [c for c in fake.calls(method) if where is None or where(c)]
        return calls if len(calls) >= count else None

    return check


class FakeBotAPI:
    """A strict fake Telegram Bot API server (see the module docstring).

    All state lives under one re-entrant lock; ``self._cond`` (built on it) wakes long polls and
    ``wait_for`` callers whenever a request is recorded or an update is injected.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = DEFAULT_BOT_USERNAME,
        bot_id: int = DEFAULT_BOT_ID,
        *,
        bot_first_name: str = "Learning Cities Test Bot",
        long_poll_cap: float = 2.0,
        query_timeout: float = 15.0,
    ) -> None:
        self._token = token
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.bot_first_name = bot_first_name
        #: Upper bound (seconds) for one long-poll ``getUpdates`` wait.
        self.long_poll_cap = long_poll_cap
        #: Callback/inline queries older than this (seconds) can no longer be answered.
        self.query_timeout = query_timeout

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._stop_event = threading.Event()
        self._connections: set[socket.socket] = set()
        self._tls = threading.local()  # the handler thread's client socket

        self._seq = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._calls: list[Call] = []
        self._internal_errors: list[str] = []

        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 100_000_001
        self._last_delivered_update_id = 0
        self._allowed_updates: frozenset[str] | None = None
        self._poll_generation = 0

        self._users: dict[int, dict[str, Any]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], _StoredMessage] = {}
        self._next_message_id: dict[int, int] = {}
        self._queries: dict[str, _Query] = {}

        self._blocked: dict[int, str] = {}
        self._member_status: dict[tuple[int, int], str] = {}
        self._commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self._descriptions: dict[tuple[str, str], str] = {}
        self._webhook: dict[str, Any] | None = None

        self._rate: dict[str, Any] | None = None
        self._rate_global: deque[float] = deque()
        self._rate_chat: dict[int, deque[float]] = {}
        self.rate_limit_hits = 0
        self._faults: dict[str, list[dict[str, Any]]] = {}
        self._delays: dict[str, float] = {}
        self._answer_delays: dict[str, float] = {}

        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {}
        for name, impl in {
            "getMe": self._m_get_me,
            "logOut": self._m_true,
            "close": self._m_true,
            "getUpdates": self._m_get_updates,
            "setWebhook": self._m_set_webhook,
            "deleteWebhook": self._m_delete_webhook,
            "getWebhookInfo": self._m_get_webhook_info,
            "setMyCommands": self._m_set_my_commands,
            "getMyCommands": self._m_get_my_commands,
            "deleteMyCommands": self._m_delete_my_commands,
            "setMyDescription": lambda p: self._m_set_text_setting(p, "description", 512),
            "getMyDescription": lambda p: self._m_get_text_setting(p, "description"),
            "setMyShortDescription": lambda p: self._m_set_text_setting(p, "short_description", 120),
            "getMyShortDescription": lambda p: self._m_get_text_setting(p, "short_description"),
            "setMyName": lambda p: self._m_set_text_setting(p, "name", 64),
            "getMyName": lambda p: self._m_get_text_setting(p, "name"),
            "sendMessage": self._m_send_message,
            "editMessageText": self._m_edit_message_text,
            "editMessageReplyMarkup": self._m_edit_message_reply_markup,
            "deleteMessage": self._m_delete_message,
            "answerCallbackQuery": self._m_answer_callback_query,
            "answerInlineQuery": self._m_answer_inline_query,
            "sendChatAction": self._m_send_chat_action,
            "getChat": self._m_get_chat,
            "getChatMember": self._m_get_chat_member,
            "getChatAdministrators": self._m_get_chat_administrators,
            "leaveChat": self._m_leave_chat,
        }.items():
            self._methods[name.lower()] = (name, impl)
        self._unimplemented = {name.lower(): name for name in _UNIMPLEMENTED_METHODS}
        self._uploads: dict[tuple[int, int], UploadedFile] = {}
        self._register_media_methods()

    # ------------------------------------------------------------------ lifecycle & properties

    def start(self, port: int = 0) -> FakeBotAPI:
        """Bind 127.0.0.1:``port`` (0 = free port) and serve in a daemon thread."""
        if self._server is not None:
            raise RuntimeError("FakeBotAPI already started")
        server = _Server(("127.0.0.1", port), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"FakeBotAPI:{server.server_address[1]}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; waiting long polls return immediately and connections are closed."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._stop_event.set()
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeBotAPI:
        if self._server is None:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        if self._server is None:
            raise RuntimeError("FakeBotAPI is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT/bot`` - pass as PTB ``base_url`` (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def token(self) -> str:
        """The only token the server accepts."""
        return self._token

    def api_url(self, method: str) -> str:
        """Full URL of a Bot API method, for raw HTTP tests."""
        return f"{self.base_url}{self._token}/{method}"

    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot as a ``User`` dict (as it appears in ``from`` of the bot's messages)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ------------------------------------------------------------------ registry helpers

    def add_user(
        self,
        user_id: int,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "tr",
    ) -> dict[str, Any]:
        """Register (or update) a user; returns its ``User`` dict."""
        with self._cond:
            user = self._users.setdefault(user_id, {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"})
            if first_name is not None:
                user["first_name"] = first_name
            if last_name is not None:
                user["last_name"] = last_name
            if username is not None:
                user["username"] = username
            if language_code is not None:
                user["language_code"] = language_code
            return dict(user)

    def add_chat(
        self,
        chat_id: int,
        chat_type: str = "private",
        *,
        title: str | None = None,
        first_name: str | None = None,
        username: str | None = None,
    ) -> dict[str, Any]:
        """Register (or update) a chat so the bot may send to it; returns its ``Chat`` dict."""
        if chat_type not in {"private", "group", "supergroup", "channel"}:
            raise ValueError(f"invalid chat type {chat_type!r}")
        with self._cond:
            chat = self._chats.get(chat_id)
            if chat is None or chat["type"] != chat_type:
                chat = {"id": chat_id, "type": chat_type}
                self._chats[chat_id] = chat
            if chat_type == "private":
                user = self._users.get(chat_id)
                chat["first_name"] = (
                    first_name or chat.get("first_name") or (user["first_name"] if user else f"User {chat_id}")
                )
                if username or (user and user.get("username")):
                    chat["username"] = username or user["username"]  # type: ignore[index]
            else:
                chat["title"] = title or chat.get("title") or f"Test {chat_type} {chat_id}"
                if chat_type == "supergroup":
                    chat.setdefault("is_forum", False)
                if username:
                    chat["username"] = username
            return dict(chat)

    def block_chat(self, chat_id: int, description: str = BLOCKED_BY_USER) -> None:
        """Make every send to ``chat_id`` fail with 403 ``description``."""
        with self._cond:
            self._blocked[chat_id] = description

    def unblock_chat(self, chat_id: int) -> None:
        """Undo :meth:`block_chat` (or a kicked/left membership)."""
        with self._cond:
            self._blocked.pop(chat_id, None)

    def set_chat_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """Status returned by ``getChatMember`` (default "member"; "creator"/"administrator")."""
        if status not in _MEMBER_STATUSES:
            raise ValueError(f"invalid status {status!r}; use one of {sorted(_MEMBER_STATUSES)}")
        with self._cond:
            self._member_status[(chat_id, user_id)] = status

    def set_query_timeout(self, seconds: float) -> None:
        """How old a callback/inline query may be when answered (Telegram: ~15 s)."""
        with self._cond:
            self.query_timeout = seconds

    # ------------------------------------------------------------------ fault injection

    def set_rate_limit(
        self,
        global_per_second: int | None = 30,
        per_chat_per_minute: int | None = 20,
        per_chat_per_second: int | None = 1,
        *,
        retry_after: int = 1,
    ) -> None:
        """Enable flood limits: exceeding them answers 429 with ``parameters.retry_after``.

        ``per_chat_per_minute`` applies to groups/supergroups/channels, ``per_chat_per_second``
        to private chats; ``None`` disables that particular limit.  Applies to
        ``sendMessage``/``editMessageText``/``editMessageReplyMarkup``; every call that passes
        the check counts (even if it then fails validation).  Rejections are counted in
        :attr:`rate_limit_hits`.
        """
        with self._cond:
            self._rate = {
                "global_per_second": global_per_second,
                "per_chat_per_minute": per_chat_per_minute,
                "per_chat_per_second": per_chat_per_second,
                "retry_after": int(retry_after),
            }
            self._rate_global.clear()
            self._rate_chat.clear()

    def disable_rate_limit(self) -> None:
        """Turn flood limits off again (the default)."""
        with self._cond:
            self._rate = None

    def fail_next(
        self,
        method: str,
        count: int = 1,
        status: int = 500,
        description: str = "Internal Server Error",
        retry_after: int | None = None,
    ) -> None:
        """Answer the next ``count`` calls of ``method`` ("*" = any) with an error."""
        with self._cond:
            key = "*" if method == "*" else method.lower()
            self._faults.setdefault(key, []).extend(
                {"status": status, "description": description, "retry_after": retry_after} for _ in range(count)
            )

    def set_delay(self, method: str, seconds: float, *, after: bool = False) -> None:
        """Delay every answer of ``method`` by ``seconds`` (0 removes the delay). With
        ``after``, the call takes effect at once and only its answer is late (a message is
        delivered, and the bot hears so ``seconds`` later)."""
        delays = self._answer_delays if after else self._delays
        with self._cond:
            if seconds > 0:
                delays[method.lower()] = seconds
            else:
                delays.pop(method.lower(), None)

    # ------------------------------------------------------------------ update injection

    def _queue(self, update: dict[str, Any]) -> dict[str, Any]:
        with self._cond:
            if "update_id" not in update:
                update = {"update_id": self._next_update_id, **update}
            self._next_update_id = max(self._next_update_id, int(update["update_id"])) + 1
            self._updates.append(update)
            self._cond.notify_all()
            return update

    def raw_update(self, update: Mapping[str, Any]) -> dict[str, Any]:
        """Queue any update dict (``update_id`` is added if missing)."""
        return self._queue(json.loads(json.dumps(dict(update))))

    def _user(self, user_id: int, language_code: str | None = None) -> dict[str, Any]:
        user = self._users.get(user_id)
        if user is None:
            user = self.add_user(user_id, language_code=language_code or "tr")
        elif language_code is not None:
            self._users[user_id]["language_code"] = language_code
        return dict(self._users[user_id])

    def _chat_for(self, chat_id: int | None, user_id: int, chat_type: str, chat_title: str | None) -> dict[str, Any]:
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else DEFAULT_GROUP_CHAT_ID
        existing = self._chats.get(chat_id)
        if existing is not None and existing["type"] == chat_type and chat_title is None:
            return dict(existing)
        return self.add_chat(chat_id, chat_type, title=chat_title)

    def _new_message_id(self, chat_id: int) -> int:
        mid = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _store_user_message(self, message: dict[str, Any]) -> None:
        chat_id = message["chat"]["id"]
        self._messages[(chat_id, message["message_id"])] = _StoredMessage(
            chat_id=chat_id,
            message_id=message["message_id"],
            from_bot=False,
            message=message,
            seq=next(self._seq),
            source_text=message.get("text"),
        )

    def _reply_to(self, chat_id: int, message_id: int | None) -> dict[str, Any] | None:
        if message_id is None:
            return None
        stored = self._messages.get((chat_id, message_id))
        if stored is None or stored.deleted:
            return None
        reply = {k: v for k, v in stored.message.items() if k != "reply_to_message"}
        return json.loads(json.dumps(reply))

    def _incoming(
        self, chat: dict[str, Any], sender_field: str, sender: dict[str, Any], **content: Any
    ) -> dict[str, Any]:
        """A new message in ``chat`` from ``sender`` (``from`` a user or ``sender_chat``),
        with its entities computed like Telegram when it has text."""
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            sender_field: sender,
            "chat": chat,
            "date": int(time.time()),
            **content,
        }
        _set_entities(message)
        return message

    def send_text(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        language_code: str | None = "tr",
        reply_to_message_id: int | None = None,
        chat_title: str | None = None,
    ) -> dict[str, Any]:
        """Queue a ``message`` update with a text message from ``user_id``.

        ``chat_id`` defaults to ``user_id`` for private chats and to
        :data:`DEFAULT_GROUP_CHAT_ID` otherwise.  ``bot_command``/``mention``/``url``/``hashtag``
        entities are computed like Telegram (UTF-16 offsets).
        """
        with self._cond:
            user = self._user(user_id, language_code)
            chat = self._chat_for(chat_id, user_id, chat_type, chat_title)
            message = self._incoming(chat, "from", user, text=text)
            reply = self._reply_to(chat["id"], reply_to_message_id)
            if reply is not None:
                message["reply_to_message"] = reply
            self._store_user_message(message)
            return self._queue({"message": message})

    def edit_text(self, chat_id: int, message_id: int, new_text: str) -> dict[str, Any]:
        """Queue an ``edited_message`` update for a message the user sent earlier."""
        with self._cond:
            stored = self._messages.get((chat_id, message_id))
            if stored is None or stored.from_bot:
                raise ValueError(f"no user message {message_id} in chat {chat_id}")
            message = dict(stored.message)
            message["text"] = new_text
            message["edit_date"] = int(time.time())
            _set_entities(message)
            stored.message = message
            stored.source_text = new_text
            stored.edits += 1
            return self._queue({"edited_message": json.loads(json.dumps(message))})

    def delete_user_message(self, chat_id: int, message_id: int) -> None:
        """The user (or a group admin) deletes a message: a reply to it is then refused
        unless ``allow_sending_without_reply`` (Telegram sends no update for this)."""
        with self._cond:
            stored = self._messages.get((chat_id, message_id))
            if stored is None or stored.from_bot:
                raise ValueError(f"no user message {message_id} in chat {chat_id}")
            stored.deleted = True

    def send_sticker(
        self, chat_id: int | None = None, user_id: int = DEFAULT_USER_ID, emoji: str = "👍"
    ) -> dict[str, Any]:
        """Queue a ``message`` update containing only a sticker (no text)."""
        with self._cond:
            user = self._user(user_id)
            chat_type = "private" if chat_id is None or chat_id > 0 else "supergroup"
            chat = self._chat_for(chat_id, user_id, chat_type, None)
            unique = next(self._query_ids)
            message = self._incoming(
                chat,
                "from",
                user,
                sticker={
                    "file_id": f"CAACAgIAAxkBAAI{unique:06d}",
                    "file_unique_id": f"AgAD{unique:06d}",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                    "emoji": emoji,
                },
            )
            self._store_user_message(message)
            return self._queue({"message": message})

    def channel_post(self, chat_id: int, text: str, chat_title: str | None = None) -> dict[str, Any]:
        """Queue a ``channel_post`` update (no ``from``; ``sender_chat`` is the channel)."""
        with self._cond:
            chat = self._chat_for(chat_id, 0, "channel", chat_title)
            message = self._incoming(chat, "sender_chat", chat, text=text)
            self._store_user_message(message)
            return self._queue({"channel_post": message})

    def press_button(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        user_id: int = DEFAULT_USER_ID,
        *,
        force: bool = False,
    ) -> dict[str, Any]:
        """Queue a ``callback_query`` for a button of the bot's message.

        The message must exist (and not be deleted); unless ``force`` is true, ``data`` must be
        the ``callback_data`` of one of its current inline buttons - just like a real client.
        """
        with self._cond:
            stored = self._messages.get((chat_id, message_id))
            if stored is None or stored.deleted or not stored.from_bot:
                raise ValueError(f"the bot has no message {message_id} in chat {chat_id}")
            markup = stored.message.get("reply_markup") or {}
            datas = [button.get("callback_data") for row in markup.get("inline_keyboard", []) for button in row]
            if not force and data not in datas:
                raise ValueError(
                    f"message {message_id} has no button with callback_data {data!r}; available: {datas!r}"
                )
            user = self._user(user_id, None)
            query_id = f"{self.bot_id}{next(self._query_ids):010d}"
            callback = {
                "id": query_id,
                "from": user,
                "message": json.loads(json.dumps(stored.message)),
                "chat_instance": str(abs(chat_id) * 7919 + 13),
                "data": data,
            }
            self._queries[query_id] = _Query(query_id, "callback_query", user_id, time.monotonic(), callback)
            return self._queue({"callback_query": callback})

    def inline_query(
        self,
        query: str,
        user_id: int = DEFAULT_USER_ID,
        offset: str = "",
        chat_type: str | None = "sender",
    ) -> dict[str, Any]:
        """Queue an ``inline_query`` update with a fresh, answerable id."""
        with self._cond:
            user = self._user(user_id, None)
            query_id = f"{self.bot_id}{next(self._query_ids):010d}"
            inline: dict[str, Any] = {
                "id": query_id,
                "from": user,
                "query": query,
                "offset": offset,
            }
            if chat_type:
                inline["chat_type"] = chat_type
            self._queries[query_id] = _Query(query_id, "inline_query", user_id, time.monotonic(), inline)
            return self._queue({"inline_query": inline})

    def chat_member_update(
        self,
        chat_id: int,
        chat_type: str,
        old_status: str,
        new_status: str,
        user_id: int = DEFAULT_USER_ID,
    ) -> dict[str, Any]:
        """Queue a ``my_chat_member`` update (the bot's status changed) and apply it.

        ``kicked``/``left`` make later sends to the chat fail with 403 (private chats:
        "bot was blocked by the user"); other statuses lift that.
        """
        for status in (old_status, new_status):
            if status not in _MEMBER_STATUSES:
                raise ValueError(f"invalid status {status!r}")
        with self._cond:
            user = self._user(user_id, None)
            chat = self._chat_for(chat_id, user_id, chat_type, None)
            bot = dict(self.bot_user)
            update = {
                "my_chat_member": {
                    "chat": chat,
                    "from": user,
                    "date": int(time.time()),
                    "old_chat_member": self._member_dict(bot, old_status),
                    "new_chat_member": self._member_dict(bot, new_status),
                }
            }
            self._member_status[(chat_id, self.bot_id)] = new_status
            if new_status in {"kicked", "left"}:
                if chat_type == "private":
                    self._blocked[chat_id] = BLOCKED_BY_USER
                elif new_status == "kicked":
                    self._blocked[chat_id] = f"Forbidden: bot was kicked from the {chat_type} chat"
                else:
                    self._blocked[chat_id] = f"Forbidden: bot is not a member of the {chat_type} chat"
            else:
                self._blocked.pop(chat_id, None)
            return self._queue(update)

    # ------------------------------------------------------------------ inspection

    def calls(self, method: str | None = None) -> list[Call]:
        """All recorded calls (optionally only ``method``, case-insensitive), oldest first."""
        with self._lock:
            if method is None:
                return list(self._calls)
            wanted = method.lower()
            return [c for c in self._calls if c.method.lower() == wanted]

    def clear_calls(self) -> None:
        """Forget recorded calls (state such as messages is kept)."""
        with self._lock:
            self._calls.clear()

    @property
    def internal_errors(self) -> list[str]:
        """Tracebacks of bugs inside the fake (answered with 500); should stay empty."""
        with self._lock:
            return list(self._internal_errors)

    def parse_modes_used(self) -> set[str]:
        """Every ``parse_mode`` value the bot sent (top level or in inline results)."""
        modes: set[str] = set()
        with self._lock:
            for call in self._calls:
                if call.params.get("parse_mode"):
                    modes.add(str(call.params["parse_mode"]))
                results = call.params.get("results")
                if isinstance(results, list):
                    for result in results:
                        if isinstance(result, dict):
                            content = result.get("input_message_content") or {}
                            if isinstance(content, dict) and content.get("parse_mode"):
                                modes.add(str(content["parse_mode"]))
        return modes

    def _message_view(self, stored: _StoredMessage) -> dict[str, Any]:
        msg = stored.message
        return {
            "message_id": stored.message_id,
            "chat_id": stored.chat_id,
            "text": msg.get("text"),
            "source_text": stored.source_text,
            "parse_mode": stored.parse_mode,
            "entities": json.loads(json.dumps(msg.get("entities", []))),
            "reply_markup": json.loads(json.dumps(stored.reply_markup)),
            "reply_to_message_id": (msg.get("reply_to_message") or {}).get("message_id"),
            "date": msg.get("date"),
            "edit_date": msg.get("edit_date"),
            "edits": stored.edits,
            "deleted": stored.deleted,
            "message": json.loads(json.dumps(msg)),
        }

    def sent(self, chat_id: int | None = None, include_deleted: bool = False) -> list[dict[str, Any]]:
        """The bot's messages as they currently are (after edits), in sending order.

        Each dict has ``message_id``, ``chat_id``, ``text`` (rendered, as users see it),
        ``source_text`` (what the bot sent, e.g. HTML), ``parse_mode``, ``entities``,
        ``reply_markup`` (decoded; any keyboard kind), ``reply_to_message_id``, ``date``,
        ``edit_date``, ``edits``, ``deleted`` and ``message`` (the full Bot API dict).
        """
        with self._lock:
            stored = sorted(
                (
                    s
                    for s in self._messages.values()
                    if s.from_bot and (chat_id is None or s.chat_id == chat_id) and (include_deleted or not s.deleted)
                ),
                key=lambda s: s.seq,
            )
            return [self._message_view(s) for s in stored]

    def last_sent(self, chat_id: int | None = None) -> dict[str, Any]:
        """The newest message from :meth:`sent` (AssertionError if there is none)."""
        messages = self.sent(chat_id)
        if not messages:
            raise AssertionError(f"the bot has sent no message to {chat_id!r}\n{self.dump()}")
        return messages[-1]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Any stored message (user's or bot's) as a view dict like :meth:`sent`."""
        with self._lock:
            stored = self._messages.get((chat_id, message_id))
            return None if stored is None else self._message_view(stored)

    def callback_answers(self) -> list[dict[str, Any]]:
        """Callback queries created by :meth:`press_button` and how they were answered."""
        return self._query_views("callback_query")

    def inline_answers(self) -> list[dict[str, Any]]:
        """Inline queries created by :meth:`inline_query` and how they were answered."""
        return self._query_views("inline_query")

    def _query_views(self, kind: str) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {
                    "id": q.query_id,
                    "user_id": q.user_id,
                    "created": q.created,
                    "answered": q.answered_at is not None,
                    "answered_at": q.answered_at,
                    "answer_seq": q.answer_seq,
                    "latency": None if q.answered_at is None else q.answered_at - q.created,
                    "answer": q.answer,
                    "query": q.payload,
                }
                for q in self._queries.values()
                if q.kind == kind
            ]

    def commands(self, scope: Mapping[str, Any] | None = None, language_code: str = "") -> list[dict[str, str]]:
        """Commands stored by ``setMyCommands`` for ``scope`` (default scope) and language."""
        key = self._commands_key(
            {"scope": json.dumps(dict(scope or {"type": "default"})), "language_code": language_code}
        )
        with self._lock:
            return [dict(c) for c in self._commands.get(key, [])]

    def profile_text(self, name: str, language_code: str = "") -> str:
        """What ``setMyDescription``/``setMyShortDescription``/``setMyName`` stored
        (``name`` is ``description``, ``short_description`` or ``name``) for a language."""
        with self._lock:
            return self._descriptions.get((name, language_code), "")

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a ``getUpdates`` offset."""
        with self._lock:
            return json.loads(json.dumps(self._updates))

    def dump(self, last: int = 25) -> str:
        """Human-readable summary of recent calls (empty getUpdates polls are skipped)."""
        with self._lock:
            interesting = [c for c in self._calls if not (c.method == "getUpdates" and c.result == [])][-last:]
            lines = [f"recent Bot API calls ({len(self._calls)} total):"]
            for call in interesting:
                params = {
                    k: (v if not isinstance(v, str) or len(v) < 120 else v[:117] + "...")
                    for k, v in call.params.items()
                }
                outcome = "ok" if call.ok else f"{call.status} {call.description}"
                shown = json.dumps(params, ensure_ascii=False, default=_json_default)
                lines.append(f"  #{call.seq} {call.method} {shown} -> {outcome}")
            if len(lines) == 1:
                lines.append("  (none)")
            lines.append(f"pending updates: {[u['update_id'] for u in self._updates]}")
            if self._internal_errors:
                lines.append("INTERNAL ERRORS IN THE FAKE:\n" + "\n".join(self._internal_errors))
            return "\n".join(lines)

    # ------------------------------------------------------------------ waiting

    def wait_for(
        self,
        predicate: Callable[[FakeBotAPI], Any],
        timeout: float = 10.0,
        message: str | None = None,
    ) -> Any:
        """Block until ``predicate(self)`` is truthy and return its value.

        Re-evaluated whenever a call is recorded or an update is injected (and every 0.1 s).
        Raises ``AssertionError`` with :meth:`dump` on timeout.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate(self)
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(min(remaining, 0.1))
            dump = self.dump()
        raise AssertionError(f"timed out after {timeout:g}s waiting for {message or _describe(predicate)}\n{dump}")

    def wait_for_call(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until ``method`` was called at least ``count`` times; returns those calls."""
        return self.wait_for(_calls_check(method, count, where), timeout, message=f"{count} call(s) of {method}")

    async def async_wait_for(
        self,
        predicate: Callable[[FakeBotAPI], Any],
        timeout: float = 10.0,
        message: str | None = None,
        interval: float = 0.02,
    ) -> Any:
        """Like :meth:`wait_for` but polls with ``asyncio.sleep`` so the event loop keeps going."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                value = predicate(self)
            if value:
                return value
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"timed out after {timeout:g}s waiting for {message or _describe(predicate)}\n{self.dump()}"
                )
            await asyncio.sleep(interval)

    async def async_wait_for_call(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Async variant of :meth:`wait_for_call`."""
        return await self.async_wait_for(
            _calls_check(method, count, where), timeout, message=f"{count} call(s) of {method}"
        )

    def wait_for_updates_consumed(self, timeout: float = 10.0) -> None:
        """Wait until every injected update has been delivered by ``getUpdates``."""
        self.wait_for(
            lambda f: all(u["update_id"] <= f._last_delivered_update_id for u in f._updates),
            timeout,
            message="all updates to be fetched by getUpdates",
        )

    # ------------------------------------------------------------------ request handling

    def _register_connection(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _record(self, method: str, params: dict[str, Any], status: int, response: dict[str, Any], verb: str) -> None:
        with self._cond:
            self._calls.append(Call(method, params, status, response, next(self._seq), time.monotonic(), verb))
            self._cond.notify_all()
            audit = os.environ.get("FAKEBOTAPI_AUDIT")
            if audit:  # one JSON line per request (see the module docstring)
                line = json.dumps(
                    {"method": method, "status": status, "params": params, "error": response.get("description")},
                    default=_json_default,
                    ensure_ascii=False,
                )
                with open(audit, "a", encoding="utf-8") as out:
                    out.write(line + "\n")

    def _handle_http(self, verb: str, raw_path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        url = urlsplit(raw_path)
        path = unquote(url.path)
        if path.startswith("/_fake/"):
            return self._handle_control(path[len("/_fake/") :], url.query, body)
        match = re.fullmatch(r"/bot([^/]*)/([^/]*)/?", path)
        if match is None:
            return 404, ApiError(404, "Not Found").payload()
        token, raw_method = match.group(1), match.group(2)
        if token != self._token:
            error = ApiError(401, "Unauthorized")
            self._record(raw_method, {}, 401, error.payload(), verb)
            return 401, error.payload()
        lowered = raw_method.lower()
        entry = self._methods.get(lowered)
        if entry is None:
            if lowered in self._unimplemented:
                error = ApiError(
                    501,
                    f"Not Implemented: the fake Bot API does not implement {self._unimplemented[lowered]}",
                )
            else:
                error = ApiError(404, "Not Found")
            self._record(raw_method, {}, error.status, error.payload(), verb)
            return error.status, error.payload()
        method, impl = entry
        try:
            params = self._decode_params(url.query, content_type, body)
        except ApiError as error:
            self._record(method, {}, error.status, error.payload(), verb)
            return error.status, error.payload()

        delay = self._delays.get(lowered)
        if delay:
            self._stop_event.wait(delay)

        with self._cond:
            status = 200
            try:
                self._apply_fault(lowered)
                self._check_rate_limit(method, params)
                result = impl(params)
                response: dict[str, Any] = {"ok": True, "result": result}
                if isinstance(result, _WithDescription):
                    response = {"ok": True, "result": result.result, "description": result.text}
            except ApiError as error:
                status, response = error.status, error.payload()
            except Exception as exc:  # a bug in the fake: answer 500 and remember it
                import traceback

                self._internal_errors.append(f"{method}: {traceback.format_exc()}")
                status = 500
                response = ApiError(500, f"Internal Server Error: fake bug: {exc!r}").payload()
            self._record(method, params, status, response, verb)
        late = self._answer_delays.get(lowered)
        if late:
            self._stop_event.wait(late)
        return status, response

    def _decode_params(self, query: str, content_type: str, body: bytes) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            params[key] = _decode_form_value(key, value)
        if not body:
            return params
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime == "application/json":
            try:
                decoded = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise ApiError(400, "Bad Request: can't parse JSON object") from exc
            if not isinstance(decoded, dict):
                raise ApiError(400, "Bad Request: JSON object expected")
            for key, value in decoded.items():
                if isinstance(value, str) and key not in _STRING_PARAMS:
                    value = _decode_form_value(key, value)
                params[key] = value
        elif mime == "multipart/form-data":
            params.update(self._parse_multipart(content_type, body))
        else:  # application/x-www-form-urlencoded (and anything unknown)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ApiError(400, "Bad Request: strings must be encoded in UTF-8") from exc
            for key, value in parse_qsl(text, keep_blank_values=True):
                params[key] = _decode_form_value(key, value)
        return params

    @staticmethod
    def _parse_multipart(content_type: str, body: bytes) -> dict[str, Any]:
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        if not message.is_multipart():
            raise ApiError(400, "Bad Request: can't parse multipart/form-data body")
        params: dict[str, Any] = {}
        for part in message.iter_parts():  # type: ignore[attr-defined]
            name = part.get_param("name", header="content-disposition")
            if name is None:
                continue
            name = email.utils.collapse_rfc2231_value(name)
            payload = part.get_payload(decode=True) or b""
            filename = part.get_filename()
            if filename is not None:
                params[name] = UploadedFile(filename, part.get_content_type(), payload)
            else:
                charset = part.get_content_charset() or "utf-8"
                params[name] = _decode_form_value(name, payload.decode(charset, "replace"))
        return params

    def _handle_control(self, name: str, query: str, body: bytes) -> tuple[int, dict[str, Any]]:
        if name not in _CONTROL_METHODS:
            return 404, ApiError(404, f"Not Found: unknown control method {name}").payload()
        try:
            kwargs = json.loads(body.decode("utf-8")) if body else {}
            kwargs.update(dict(parse_qsl(query)))
            result = getattr(self, name)(**kwargs)
            if isinstance(result, set):
                result = sorted(result)
            result = json.loads(json.dumps(result, default=_json_default))
            return 200, {"ok": True, "result": result}
        except (TypeError, ValueError, KeyError) as exc:
            return 400, ApiError(400, f"Bad Request: {exc}").payload()

    def _apply_fault(self, lowered: str) -> None:
        for key in (lowered, "*"):
            queue = self._faults.get(key)
            if queue:
                fault = queue.pop(0)
                raise ApiError(fault["status"], fault["description"], fault["retry_after"])

    def _check_rate_limit(self, method: str, params: dict[str, Any]) -> None:
        if self._rate is None or method not in _RATE_LIMITED_METHODS:
            return
        now = time.monotonic()
        retry_after = self._rate["retry_after"]
        too_many = ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        limit = self._rate["global_per_second"]
        while self._rate_global and now - self._rate_global[0] >= 1.0:
            self._rate_global.popleft()
        if limit is not None and len(self._rate_global) >= limit:
            self.rate_limit_hits += 1
            raise too_many
        chat_id: int | None = None
        try:
            chat_id = int(params.get("chat_id"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            chat_id = None
        if chat_id is not None:
            chat = self._chats.get(chat_id)
            private = chat["type"] == "private" if chat else chat_id > 0
            window, limit = (
                (1.0, self._rate["per_chat_per_second"]) if private else (60.0, self._rate["per_chat_per_minute"])
            )
            stamps = self._rate_chat.setdefault(chat_id, deque())
            while stamps and now - stamps[0] >= window:
                stamps.popleft()
            if limit is not None and len(stamps) >= limit:
                self.rate_limit_hits += 1
                raise too_many
            stamps.append(now)
        self._rate_global.append(now)

    # ------------------------------------------------------------------ validation helpers

    def _resolve_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            for chat in self._chats.values():
                if str(chat.get("username", "")).lower() == raw[1:].lower():
                    return chat
            raise ApiError(400, "Bad Request: chat not found")
        chat = self._chats.get(_as_int(raw, "Bad Request: chat not found"))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _check_can_send(self, chat: dict[str, Any]) -> None:
        description = self._blocked.get(chat["id"])
        if description is not None:
            raise ApiError(403, description)

    def _render_text(self, text: Any, parse_mode: Any, entities: Any) -> tuple[str, list[dict[str, Any]]]:
        """Validate a message text like Telegram; returns (plain text, entities).

        As telegram-bot-api's get_formatted_text: a parse mode wins over ``entities``; the
        length limit counts characters (code points) of the text after entity parsing and
        trimming, like tdlib's ``utf8_length(text) > message_text_length_max``."""
        if text is None or text == "":
            raise ApiError(400, "Bad Request: message text is empty")
        if not isinstance(text, str):
            text = json.dumps(text) if isinstance(text, (dict, list)) else str(text)
        if len(text.encode("utf-8", "surrogatepass")) > 1 << 15:
            raise ApiError(400, "Bad Request: text is too long")
        mode = "" if parse_mode is None else str(parse_mode).lower()
        if mode not in ("", "none"):
            if mode == "html":
                try:
                    plain, ents = parse_html(text)
                except HtmlParseError as exc:
                    raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from exc
            elif mode in {"markdown", "markdownv2"}:
                raise ApiError(
                    400,
                    f"Bad Request: can't parse entities: parse_mode {parse_mode} is not "
                    "supported by the fake Bot API (the bot must use HTML)",
                )
            else:
                raise ApiError(400, "Bad Request: unsupported parse_mode")
        else:
            plain, ents = text, fix_entities(_input_entities(entities))
        plain, ents = _strip_text(*_clean_text(plain, ents))
        if not plain:
            raise ApiError(400, "Bad Request: message text is empty")
        if len(plain) > MAX_MESSAGE_LENGTH:
            raise ApiError(400, "Bad Request: message is too long")
        ents = ents + _auto_entities(plain, ents)
        ents.sort(key=_entity_key)
        return plain, ents

    @staticmethod
    def _validate_url(url: Any) -> None:
        if not isinstance(url, str) or not re.match(r"^(https?://[^\s/?#]+\.?[^\s]*|tg://\S+)$", url, re.IGNORECASE):
            raise ApiError(400, "Bad Request: BUTTON_URL_INVALID")

    def _validate_markup(self, markup: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
        """Validate ``reply_markup`` like telegram-bot-api's get_reply_markup; returns the
        markup as Telegram understood it (buttons normalised), or ``None`` for none."""
        if markup is None or markup == "":
            return None
        markup = _as_json(markup, "Bad Request: can't parse reply keyboard markup JSON object")
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: object expected as reply markup")
        try:
            keyboard = _field_object(markup, "keyboard", list)
            rows: list[list[Any]] = []
            for row in keyboard or []:
                if not isinstance(row, list):
                    raise _FieldError('Field "keyboard" must be an Array of Arrays')
                for button in row:
                    try:
                        _keyboard_button(button)
                    except _FieldError as exc:
                        raise _FieldError(f"Can't parse keyboard button: {exc}") from exc
                rows.append(row)
            inline = _field_object(markup, "inline_keyboard", list)
            inline_rows: list[list[dict[str, Any]]] = []
            for row in inline or []:
                if not isinstance(row, list):
                    raise _FieldError('Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
                new_row = []
                for button in row:
                    try:
                        new_row.append(_inline_button(button))
                    except _FieldError as exc:
                        raise _FieldError(f"Can't parse inline keyboard button: {exc}") from exc
                inline_rows.append(new_row)
            flags = {
                name: _field_bool(markup, name)
                for name in (
                    "hide_keyboard",
                    "remove_keyboard",
                    "personal_keyboard",
                    "selective",
                    "force_reply_keyboard",
                    "force_reply",
                )
            }
            _field_str(markup, "input_field_placeholder")
        except _FieldError as exc:
            raise _bad_request(str(exc)) from exc
        if any(rows):
            if inline_only:
                raise ApiError(400, "Bad Request: inline keyboard expected")
            for row in rows:
                for button in row:
                    text = button.get("text") if isinstance(button, dict) else button
                    if not str(text).strip():
                        raise ApiError(400, "Bad Request: keyboard button text is empty")
            return markup
        if any(inline_rows):
            count = 0
            for row in inline_rows:
                for button in row:
                    count += 1
                    self._check_inline_button(button)
            if count > 100:
                raise ApiError(400, "Bad Request: reply markup is too long")
            return {**markup, "inline_keyboard": inline_rows}
        if flags["hide_keyboard"] or flags["remove_keyboard"] or flags["force_reply"] or flags["force_reply_keyboard"]:
            if inline_only:
                raise ApiError(400, "Bad Request: inline keyboard expected")
            return markup
        return None

    def _check_inline_button(self, button: dict[str, Any]) -> None:
        """The server's checks of a parsed inline button (text, callback data, URL)."""
        if not button["text"].strip():
            raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
        if button.get("url"):
            self._validate_url(button["url"])
        elif "callback_data" in button and len(button["callback_data"].encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
            raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    @staticmethod
    def _inline_markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
        """The part of a markup that appears in a Message (non-empty inline keyboards only)."""
        if markup and markup.get("inline_keyboard") and any(markup["inline_keyboard"]):
            return {"inline_keyboard": markup["inline_keyboard"]}
        return None

    def _find_bot_message(self, params: dict[str, Any], not_found: str) -> tuple[dict[str, Any], _StoredMessage]:
        chat = self._resolve_chat(params)
        if params.get("message_id") in (None, ""):
            raise ApiError(400, "Bad Request: message identifier is not specified")
        message_id = _as_int(params.get("message_id"), not_found)
        stored = self._messages.get((chat["id"], message_id))
        if stored is None or stored.deleted:
            raise ApiError(400, not_found)
        return chat, stored

    def _member_dict(self, user: dict[str, Any], status: str) -> dict[str, Any]:
        base: dict[str, Any] = {"status": status, "user": user}
        if status == "creator":
            base["is_anonymous"] = False
        elif status == "administrator":
            base.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_pin_messages=True,
            )
        elif status == "restricted":
            base.update(
                is_member=True,
                can_change_info=False,
                can_invite_users=False,
                can_pin_messages=False,
                can_send_messages=False,
                can_send_polls=False,
                can_send_other_messages=False,
                can_add_web_page_previews=False,
                can_manage_topics=False,
                until_date=0,
                can_send_audios=False,
                can_send_documents=False,
                can_send_photos=False,
                can_send_videos=False,
                can_send_video_notes=False,
                can_send_voice_notes=False,
                can_edit_tag=False,
            )
        elif status == "kicked":
            base["until_date"] = 0
        return base

    # ------------------------------------------------------------------ method implementations

    def _m_true(self, params: dict[str, Any]) -> bool:
        return True

    def _m_get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _m_get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = _as_int(params.get("offset", 0) or 0, "Bad Request: wrong parameter offset")
        limit = _as_int(params.get("limit", 100) or 100, "Bad Request: wrong parameter limit")
        limit = min(max(limit, 1), 100)
        timeout = max(0.0, _as_float(params.get("timeout"), 0.0))
        allowed = params.get("allowed_updates")
        if allowed is not None:
            allowed = _as_json(allowed, "Bad Request: can't parse allowed updates")
            if not isinstance(allowed, list):
                raise ApiError(400, "Bad Request: can't parse allowed updates")
            self._allowed_updates = frozenset(allowed) if allowed else None

        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

        self._poll_generation += 1
        generation = self._poll_generation
        deadline = time.monotonic() + min(timeout, self.long_poll_cap)
        while True:
            self._updates = [u for u in self._updates if self._update_allowed(u)]
            if self._updates:
                break
            if self._client_gone():
                # PTB cancels its pending long poll on shutdown; end it quietly.
                return []
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._stopping:
                break
            self._cond.wait(min(remaining, 0.25))
        batch = self._updates[:limit]
        if batch:
            self._last_delivered_update_id = max(self._last_delivered_update_id, batch[-1]["update_id"])
        return json.loads(json.dumps(batch))

    def _client_gone(self) -> bool:
        """Whether the client of the current (handler-thread) request has disconnected."""
        conn: socket.socket | None = getattr(self._tls, "connection", None)
        if conn is None:
            return False
        try:
            readable, _, _ = select.select([conn], [], [], 0)
            return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _update_allowed(self, update: dict[str, Any]) -> bool:
        kinds = set(update) - {"update_id"}
        if self._allowed_updates is None:
            return not kinds <= _DEFAULT_EXCLUDED_UPDATES or not kinds
        return bool(kinds & self._allowed_updates)

    def _m_set_webhook(self, params: dict[str, Any]) -> _WithDescription:
        url = params.get("url") or ""
        if not url:
            self._webhook = None
            return _WithDescription(True, "Webhook was deleted")
        if not str(url).lower().startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        if _as_bool(params.get("drop_pending_updates")):
            self._updates.clear()
        self._webhook = dict(params)
        return _WithDescription(True, "Webhook was set")

    def _m_delete_webhook(self, params: dict[str, Any]) -> _WithDescription:
        if _as_bool(params.get("drop_pending_updates")):
            self._updates.clear()
        existed, self._webhook = self._webhook is not None, None
        return _WithDescription(True, "Webhook was deleted" if existed else "Webhook is already deleted")

    def _m_get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": (self._webhook or {}).get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook and self._webhook.get("allowed_updates") is not None:
            info["allowed_updates"] = self._webhook["allowed_updates"]
        return info

    def _commands_key(self, params: dict[str, Any]) -> tuple[str, str]:
        """The scope and language of a command list, read like telegram-bot-api's
        get_bot_command_scope (``chat``, ``chat_administrators`` and ``chat_member`` need a
        ``chat_id``, ``chat_member`` a positive ``user_id`` too)."""
        raw = params.get("scope")
        scope: dict[str, Any] = {"type": "default"}
        if raw not in (None, ""):
            value = _as_json(raw, "Bad Request: can't parse BotCommandScope JSON object")
            try:
                if not isinstance(value, dict):
                    raise _FieldError("BotCommandScope must be an Object")
                kind = _field_str(value, "type", required=True)
                scope = {"type": kind}
                if kind not in ("default", "all_private_chats", "all_group_chats", "all_chat_administrators"):
                    if kind not in ("chat", "chat_administrators", "chat_member"):
                        raise _FieldError("Unsupported type specified")
                    chat_id = _field_str(value, "chat_id", required=True)
                    if not chat_id:
                        raise _FieldError("Empty chat_id specified")
                    scope["chat_id"] = chat_id
                    if kind == "chat_member":
                        user_id = _field_int(value, "user_id", required=True, bits=64)
                        if user_id <= 0:
                            raise _FieldError("Invalid user_id specified")
                        scope["user_id"] = user_id
            except _FieldError as exc:
                raise _bad_request(f"Can't parse BotCommandScope: {exc}") from exc
        language = str(params.get("language_code") or "")
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise ApiError(400, "Bad Request: invalid language code specified")
        return json.dumps(scope, sort_keys=True), language

    def _m_set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = _as_json(params.get("commands"), "Bad Request: can't parse commands JSON object")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        cleaned = []
        for command in commands:
            if not isinstance(command, dict):
                raise ApiError(400, "Bad Request: can't parse BotCommand JSON object")
            name = command.get("command")
            description = command.get("description")
            if not isinstance(name, str) or not _COMMAND_RE.match(name):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
            cleaned.append({"command": name, "description": description})
        key = self._commands_key(params)
        if cleaned:
            self._commands[key] = cleaned
        else:
            self._commands.pop(key, None)
        return True

    def _m_get_my_commands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return [dict(c) for c in self._commands.get(self._commands_key(params), [])]

    def _m_delete_my_commands(self, params: dict[str, Any]) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def _m_set_text_setting(self, params: dict[str, Any], name: str, limit: int) -> bool:
        value = str(params.get(name) or "")
        if len(value) > limit:
            raise ApiError(400, f"Bad Request: {name.replace('_', ' ')} is too long")
        language = str(params.get("language_code") or "")
        self._descriptions[(name, language)] = value
        return True

    def _m_get_text_setting(self, params: dict[str, Any], name: str) -> dict[str, str]:
        language = str(params.get("language_code") or "")
        return {name: self._descriptions.get((name, language), "")}

    def _m_send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params)
        self._check_can_send(chat)
        text, entities = self._render_text(params.get("text"), params.get("parse_mode"), params.get("entities"))
        markup = self._validate_markup(params.get("reply_markup"))
        reply_to: dict[str, Any] | None = None
        reply_id, allow_missing = self._reply_parameters(params)
        if reply_id > 0:
            reply_to = self._reply_to(chat["id"], reply_id)
            if reply_to is None and not allow_missing:
                raise ApiError(400, "Bad Request: message to be replied not found")

        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": dict(chat),
            "date": int(time.time()),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        inline = self._inline_markup(markup)
        if inline is not None:
            message["reply_markup"] = inline
        self._messages[(chat["id"], message["message_id"])] = _StoredMessage(
            chat_id=chat["id"],
            message_id=message["message_id"],
            from_bot=True,
            message=message,
            seq=next(self._seq),
            source_text=str(params.get("text")),
            parse_mode=params.get("parse_mode") or None,
            reply_markup=markup,
        )
        return json.loads(json.dumps(message))

    @staticmethod
    def _reply_parameters(params: dict[str, Any]) -> tuple[int, bool]:
        """(message id, allow sending without reply) as telegram-bot-api's get_reply_parameters
        reads them: ``reply_parameters`` replaces the old ``reply_to_message_id`` and
        ``allow_sending_without_reply`` parameters; its ``message_id`` is required."""
        if "reply_parameters" not in params:
            raw_id = params.get("reply_to_message_id")
            reply_id = _as_int(raw_id, "Bad Request: invalid reply") if raw_id not in (None, "") else 0
            return reply_id, _as_bool(params.get("allow_sending_without_reply"))
        raw = params["reply_parameters"]
        if raw in (None, ""):
            return 0, False
        value = _as_json(raw, "Bad Request: can't parse reply parameters JSON object")
        if not isinstance(value, dict):
            raise ApiError(400, "Bad Request: object expected as reply parameters")
        if not value:
            return 0, False
        try:
            _field_str(value, "chat_id")
            message_id = _field_int(value, "message_id", required=True)
            allow_missing = _field_bool(value, "allow_sending_without_reply")
            _field_str(value, "quote")
            _field_int(value, "quote_position")
        except _FieldError as exc:
            raise _bad_request(str(exc)) from exc
        return max(message_id, 0), allow_missing

    def _edit(self, params: dict[str, Any], *, new_text: tuple[str, list[dict[str, Any]]] | None) -> Any:
        markup = self._validate_markup(params.get("reply_markup"), inline_only=True)
        if params.get("inline_message_id"):
            return True  # messages sent via inline mode are not tracked
        chat, stored = self._find_bot_message(params, "Bad Request: message to edit not found")
        self._check_can_send(chat)
        if not stored.from_bot:
            raise ApiError(400, "Bad Request: message can't be edited")
        current = stored.message
        if new_text is not None and "text" not in current:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        new_inline = self._inline_markup(markup)
        text, entities = new_text if new_text is not None else (current.get("text"), current.get("entities", []))
        if (
            text == current.get("text")
            and entities == current.get("entities", [])
            and new_inline == current.get("reply_markup")
        ):
            raise ApiError(400, NOT_MODIFIED)
        message = dict(current)
        message["text"] = text
        message.pop("entities", None)
        if entities:
            message["entities"] = entities
        message.pop("reply_markup", None)
        if new_inline is not None:
            message["reply_markup"] = new_inline
        message["edit_date"] = int(time.time())
        stored.message = message
        stored.reply_markup = markup
        stored.edits += 1
        if new_text is not None:
            raw = params.get("text")
            stored.source_text = raw if isinstance(raw, str) else str(raw)
            stored.parse_mode = params.get("parse_mode") or None
        return json.loads(json.dumps(message))

    def _m_edit_message_text(self, params: dict[str, Any]) -> Any:
        rendered = self._render_text(params.get("text"), params.get("parse_mode"), params.get("entities"))
        return self._edit(params, new_text=rendered)

    def _m_edit_message_reply_markup(self, params: dict[str, Any]) -> Any:
        return self._edit(params, new_text=None)

    def _m_delete_message(self, params: dict[str, Any]) -> bool:
        _, stored = self._find_bot_message(params, "Bad Request: message to delete not found")
        stored.deleted = True
        return True

    def _live_query(self, query_id: Any, kind: str) -> _Query:
        query = self._queries.get(str(query_id or ""))
        if (
            query is None
            or query.kind != kind
            or query.answered_at is not None
            or time.monotonic() - query.created > self.query_timeout
        ):
            raise ApiError(400, QUERY_INVALID)
        return query

    def _mark_answered(self, query: _Query, params: dict[str, Any]) -> None:
        query.answered_at = time.monotonic()
        query.answer_seq = next(self._seq)
        query.answer = json.loads(json.dumps(params, default=_json_default))

    def _m_answer_callback_query(self, params: dict[str, Any]) -> bool:
        query = self._live_query(params.get("callback_query_id"), "callback_query")
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_ANSWER_TEXT:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        url = params.get("url")
        if url not in (None, "") and not re.match(
            rf"^(https?://t\.me/{re.escape(self.bot_username)}\?start=\S*|tg://\S+)$",
            str(url),
            re.IGNORECASE,
        ):
            raise ApiError(400, "Bad Request: URL_INVALID")  # only game / t.me/<bot>?start= URLs
        self._mark_answered(query, params)
        return True

    def _m_answer_inline_query(self, params: dict[str, Any]) -> bool:
        query = self._live_query(params.get("inline_query_id"), "inline_query")
        raw = params.get("results")
        results: Any = [] if raw in (None, "") else raw
        if isinstance(results, str):
            try:
                results = json.loads(results)
            except ValueError as exc:
                raise _bad_request(f"Can't parse JSON encoded inline query results: {exc}") from exc
        if results is None:
            results = []
        if not isinstance(results, list):
            raise ApiError(400, "Bad Request: expected an Array of inline query results")
        if len(results) > MAX_INLINE_RESULTS:
            # Telegram says "too many inline query results specified"; tests pin the older text.
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        for result in results:
            try:
                self._inline_result(result)
            except _FieldError as exc:
                raise _bad_request(f"Can't parse inline query result: {exc}") from exc
        seen: set[str] = set()
        for result in results:
            result_id = _field_str(result, "id")
            if not 1 <= len(result_id.encode("utf-8")) <= 64:
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            if result_id in seen:
                raise ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
            seen.add(result_id)
            if _ascii_lower(_field_str(result, "type")) == "article" and not _field_str(result, "title").strip():
                raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
        next_offset = params.get("next_offset")
        if next_offset is not None and len(str(next_offset).encode("utf-8")) > 64:
            raise ApiError(400, "Bad Request: NEXT_OFFSET_INVALID")
        self._mark_answered(query, params)
        return True

    def _inline_result(self, result: Any) -> None:
        """One InlineQueryResult as telegram-bot-api's get_inline_query_result reads it."""
        if not isinstance(result, dict):
            raise _FieldError("Inline query result must be an object")
        kind = _ascii_lower(_field_str(result, "type", required=True))
        _field_str(result, "id", required=True)
        content = _field_object(result, "input_message_content", dict)
        if content is None:
            # legacy: the text of an article may stand in the result itself
            text = _field_str(result, "message_text", required=kind == "article")
            if kind == "article" or text:
                self._render_text(text, _field_str(result, "parse_mode"), result.get("entities"))
        elif _field_str(content, "message_text"):
            self._render_text(
                _field_str(content, "message_text"), _field_str(content, "parse_mode"), content.get("entities")
            )
        elif (
            not (
                ("latitude" in content and "longitude" in content) or "phone_number" in content or "payload" in content
            )
            and kind == "article"
        ):
            raise _FieldError("Input message content is not specified")
        caption = _field_str(result, "caption")
        if caption:
            self._render_text(caption, _field_str(result, "parse_mode"), result.get("caption_entities"))
        markup = _field_object(result, "reply_markup", dict)
        if markup is not None:
            self._validate_markup(markup, inline_only=True)
        required: dict[str, tuple[tuple[str, ...], ...]] = {
            "article": (("title",),),
            "audio": (("audio_url", "audio_file_id"),),
            "contact": (("phone_number",), ("first_name",)),
            "document": (("title",), ("document_url", "document_file_id")),
            "game": (("game_short_name",),),
            "gif": (("gif_url", "gif_file_id"),),
            "location": (),
            "mpeg4_gif": (("mpeg4_url", "mpeg4_file_id"),),
            "photo": (("photo_url", "photo_file_id"),),
            "sticker": (("sticker_file_id",),),
            "venue": (),
            "video": (("title",), ("video_url", "video_file_id")),
            "voice": (("voice_url", "voice_file_id"),),
        }
        if kind not in required:
            raise _FieldError(f'type "{kind}" is unsupported for the inline query result')
        for choices in required[kind]:
            if not any(_field_str(result, name) for name in choices[:-1]):
                _field_str(result, choices[-1], required=True)
        if kind in ("location", "venue") and content is None:
            for name in ("latitude", "longitude"):
                if name not in result:
                    raise _FieldError(f'Can\'t find field "{name}"')

    def _m_send_chat_action(self, params: dict[str, Any]) -> bool:
        chat = self._resolve_chat(params)
        self._check_can_send(chat)
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _m_get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    def _status_for(self, chat: dict[str, Any], user_id: int) -> str:
        status = self._member_status.get((chat["id"], user_id))
        if status is not None:
            return status
        if user_id == self.bot_id and chat["id"] in self._blocked and chat["type"] != "private":
            return "left"
        return "member"

    def _user_dict(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            return dict(self.bot_user)
        user = self._users.get(user_id)
        if user is None:
            return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
        return dict(user)

    def _m_get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params)
        if params.get("user_id") in (None, ""):
            raise ApiError(400, "Bad Request: user_id is empty")
        user_id = _as_int(params.get("user_id"), "Bad Request: user not found")
        return self._member_dict(self._user_dict(user_id), self._status_for(chat, user_id))

    def _m_get_chat_administrators(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        chat = self._resolve_chat(params)
        if chat["type"] == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        admins = [
            (user_id, status)
            for (chat_id, user_id), status in self._member_status.items()
            if chat_id == chat["id"] and status in {"creator", "administrator"}
        ]
        admins.sort(key=lambda item: (item[1] != "creator", item[0]))
        return [self._member_dict(self._user_dict(uid), status) for uid, status in admins]

    def _m_leave_chat(self, params: dict[str, Any]) -> bool:
        chat = self._resolve_chat(params)
        if chat["type"] == "private":
            raise ApiError(400, "Bad Request: chat member status can't be changed in private chats")
        self._member_status[(chat["id"], self.bot_id)] = "left"
        self._blocked[chat["id"]] = f"Forbidden: bot is not a member of the {chat['type']} chat"
        return True

    # ------------------------------------------------------------------ media and copies
    # Incoming media from users, copyMessage/copyMessages and sendPhoto (the operators'
    # announcements and the /stats chart), as strict as telegram-bot-api.

    def _register_media_methods(self) -> None:
        for name, impl in {
            "copyMessage": self._m_copy_message,
            "copyMessages": self._m_copy_messages,
            "sendPhoto": self._m_send_photo,
        }.items():
            self._methods[name.lower()] = (name, impl)
            self._unimplemented.pop(name.lower(), None)

    def _file(self, kind: str) -> dict[str, Any]:
        unique = next(self._query_ids)
        base = {"file_id": f"{kind[:2].upper()}ACAgIAAxkBAAI{unique:06d}", "file_unique_id": f"AQAD{unique:06d}"}
        if kind == "photo":
            return {**base, "width": 1280, "height": 720, "file_size": 81_234}
        if kind == "video":
            return {**base, "width": 1280, "height": 720, "duration": 12, "mime_type": "video/mp4"}
        if kind == "document":
            return {**base, "file_name": f"belge-{unique}.pdf", "mime_type": "application/pdf", "file_size": 52_000}
        if kind == "animation":
            return {**base, "width": 480, "height": 270, "duration": 3}
        raise ValueError(f"unsupported media kind {kind!r} (photo, video, document, animation)")

    def send_media(
        self,
        kind: str = "photo",
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        language_code: str | None = "tr",
        media_group_id: str | None = None,
        caption_entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """Queue a ``message`` update with a photo, video, document or animation from a user,
        with an optional caption (``caption_entities`` as the client made them, e.g. bold)
        and ``media_group_id`` for the items of an album."""
        with self._cond:
            user = self._user(user_id, language_code)
            chat = self._chat_for(chat_id, user_id, "private" if chat_id is None or chat_id > 0 else "supergroup", None)
            media = self._file(kind)
            content: dict[str, Any] = {kind: [media] if kind == "photo" else media}
            if caption:
                content["caption"] = caption
                entities = [dict(e) for e in caption_entities or []]
                entities += _auto_entities(caption, entities)
                if entities:
                    content["caption_entities"] = sorted(entities, key=_entity_key)
            if media_group_id is not None:
                content["media_group_id"] = media_group_id
            message = self._incoming(chat, "from", user, **content)
            self._store_user_message(message)
            return self._queue({"message": message})

    def send_formatted(
        self,
        text: str,
        entities: list[dict[str, Any]],
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        language_code: str | None = "tr",
    ) -> dict[str, Any]:
        """Queue a text message formatted in the client (``entities`` such as bold or a link;
        commands, mentions and URLs are added like Telegram)."""
        with self._cond:
            user = self._user(user_id, language_code)
            chat = self._chat_for(chat_id, user_id, "private", None)
            message = self._incoming(chat, "from", user, text=text)
            marked = [dict(e) for e in entities] + message.get("entities", [])
            message["entities"] = sorted(marked, key=_entity_key)
            self._store_user_message(message)
            return self._queue({"message": message})

    def _caption(self, params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
        """A caption read like a message text, but optional and at most 1024 characters."""
        raw = params.get("caption")
        if raw is None or raw == "":
            return "", []
        try:
            caption, entities = self._render_text(raw, params.get("parse_mode"), params.get("caption_entities"))
        except ApiError as error:
            if error.description == "Bad Request: message text is empty":
                return "", []
            if error.description == "Bad Request: message is too long":
                raise ApiError(400, "Bad Request: message caption is too long") from error
            raise
        if len(caption) > MAX_CAPTION_LENGTH:
            raise ApiError(400, "Bad Request: message caption is too long")
        return caption, entities

    def _store_bot_message(
        self, chat: dict[str, Any], content: dict[str, Any], params: dict[str, Any], markup: Any
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": dict(chat),
            "date": int(time.time()),
            **content,
        }
        inline = self._inline_markup(markup)
        if inline is not None:
            message["reply_markup"] = inline
        self._messages[(chat["id"], message["message_id"])] = _StoredMessage(
            chat_id=chat["id"],
            message_id=message["message_id"],
            from_bot=True,
            message=message,
            seq=next(self._seq),
            source_text=content.get("text") or content.get("caption"),
            parse_mode=params.get("parse_mode") or None,
            reply_markup=markup,
        )
        return message

    def _copied_content(self, original: dict[str, Any], params: dict[str, Any], *, caption: bool) -> dict[str, Any]:
        """What a copy of ``original`` shows: its content without the sender, date or forward
        header; with ``caption`` the request's caption/remove_caption apply (copyMessage)."""
        if not any(kind in original for kind in _COPYABLE_KINDS):
            raise ApiError(400, "Bad Request: message can't be copied")
        content = {k: json.loads(json.dumps(original[k])) for k in _COPIED_KEYS if k in original}
        has_caption_slot = any(kind in original for kind in _CAPTIONED_KINDS)
        if has_caption_slot and (_as_bool(params.get("remove_caption")) or (caption and "caption" in params)):
            content.pop("caption", None)
            content.pop("caption_entities", None)
        if caption and has_caption_slot and "caption" in params:
            text, entities = self._caption(params)
            if text:
                content["caption"] = text
                if entities:
                    content["caption_entities"] = entities
        content.pop("media_group_id", None)
        return content

    def _source_message(self, params: dict[str, Any], message_id: int) -> _StoredMessage | None:
        source = self._resolve_chat({"chat_id": params.get("from_chat_id")})
        stored = self._messages.get((source["id"], message_id))
        return None if stored is None or stored.deleted else stored

    def _m_copy_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params)
        if params.get("message_id") in (None, ""):
            raise ApiError(400, "Bad Request: message identifier is not specified")
        stored = self._source_message(
            params, _as_int(params.get("message_id"), "Bad Request: message to copy not found")
        )
        if stored is None:
            raise ApiError(400, "Bad Request: message to copy not found")
        self._check_can_send(chat)
        content = self._copied_content(stored.message, params, caption=True)
        markup = self._validate_markup(params.get("reply_markup"))
        message = self._store_bot_message(chat, content, params, markup)
        return {"message_id": message["message_id"]}

    def _m_copy_messages(self, params: dict[str, Any]) -> list[dict[str, int]]:
        chat = self._resolve_chat(params)
        raw = params.get("message_ids")
        if raw in (None, ""):
            raise ApiError(400, "Bad Request: message identifiers are not specified")
        ids = _as_json(raw, "Bad Request: can't parse message identifiers JSON object")
        if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise ApiError(400, "Bad Request: can't parse message identifiers JSON object")
        if not ids:
            raise ApiError(400, "Bad Request: message identifiers are not specified")
        if len(ids) > _COPY_LIMIT:
            raise ApiError(400, "Bad Request: too many messages to copy")
        if any(b <= a for a, b in itertools.pairwise(ids)):
            raise ApiError(400, "Bad Request: message identifiers must be in a strictly increasing order")
        self._check_can_send(chat)
        found = [s for s in (self._source_message(params, i) for i in ids) if s is not None]
        copyable = [s for s in found if any(kind in s.message for kind in _COPYABLE_KINDS)]
        if not copyable:
            raise ApiError(400, "Bad Request: there are no messages to copy")
        groups: dict[str, str] = {}
        result = []
        for stored in copyable:
            content = self._copied_content(stored.message, params, caption=False)
            group = stored.message.get("media_group_id")
            if group is not None:  # album grouping is kept, under a new group id
                content["media_group_id"] = groups.setdefault(group, f"{13_000_000_000_000_000 + next(self._seq)}")
            message = self._store_bot_message(chat, content, params, None)
            result.append({"message_id": message["message_id"]})
        return result

    def _m_send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._resolve_chat(params)
        photo = params.get("photo")
        if photo is None or photo == "":
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if isinstance(photo, UploadedFile):
            size = _image_size(photo.data)
            if size is None:
                raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            if photo.size > 10 * 1024 * 1024:
                raise ApiError(400, "Bad Request: file is too big")
            width, height = size
            if width + height > 10_000 or max(width, height) > 20 * min(width, height):
                raise ApiError(400, "Bad Request: PHOTO_INVALID_DIMENSIONS")
        elif isinstance(photo, str) and any(
            p["file_id"] == photo for s in self._messages.values() for p in s.message.get("photo", [])
        ):
            width, height = 1280, 720
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        self._check_can_send(chat)
        caption, entities = self._caption(params)
        markup = self._validate_markup(params.get("reply_markup"))
        unique = next(self._query_ids)
        content: dict[str, Any] = {
            "photo": [
                {
                    "file_id": f"AgACAgIAAxkBAAI{unique:06d}",
                    "file_unique_id": f"AQAD{unique:06d}",
                    "width": width,
                    "height": height,
                    "file_size": photo.size if isinstance(photo, UploadedFile) else 81_234,
                }
            ]
        }
        if caption:
            content["caption"] = caption
            if entities:
                content["caption_entities"] = entities
        message = self._store_bot_message(chat, content, params, markup)
        if isinstance(photo, UploadedFile):
            self._uploads[(chat["id"], message["message_id"])] = photo
        return json.loads(json.dumps(message))

    def upload(self, chat_id: int, message_id: int) -> UploadedFile | None:
        """The file the bot uploaded with a message (e.g. the PNG of a ``sendPhoto``)."""
        with self._lock:
            return self._uploads.get((chat_id, message_id))


@dataclass(frozen=True)
class _WithDescription:
    """A successful result that Telegram accompanies with a ``description``."""

    result: Any
    text: str


def _describe(predicate: Callable[..., Any]) -> str:
    name = getattr(predicate, "__name__", repr(predicate))
    return "a condition" if name == "<lambda>" else name


# --------------------------------------------------------------------------------------------
# Script entry point
# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run a standalone fake server until SIGINT/SIGTERM; prints ``READY <base_url>``."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for tests")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 = free)")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default=DEFAULT_BOT_USERNAME)
    parser.add_argument("--bot-id", type=int, default=DEFAULT_BOT_ID)
    parser.add_argument("--long-poll-cap", type=float, default=2.0)
    args = parser.parse_args(argv)

    fake = FakeBotAPI(args.token, args.bot_username, args.bot_id, long_poll_cap=args.long_poll_cap).start(args.port)
    done = threading.Event()

    def _stop(*_: object) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"READY {fake.base_url}", flush=True)
    try:
        while not done.wait(0.2):
            pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
