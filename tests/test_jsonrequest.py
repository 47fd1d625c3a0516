"""handlers.jsonrequest: a request without files goes as one JSON body, one with files as
python-telegram-bot sends it; timeouts and errors come back as PTB's own."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from handlers.jsonrequest import JsonRequest

URL = "https://api.example/bot123:abc/sendMessage"
TEXT = '<b>Öğrenen şehir</b> nedir? 🔗 <a href="https://example.org/a?b=1&c=2">UIL</a>'


def _data(**values: object) -> RequestData:
    return RequestData([RequestParameter.from_input(name, value) for name, value in values.items()])


Handler = Callable[[httpx.Request], httpx.Response]


def _request(handler: Handler, kind: type[HTTPXRequest] = JsonRequest) -> HTTPXRequest:
    return kind(httpx_kwargs={"transport": httpx.MockTransport(handler)})


async def test_parameters_go_as_one_json_body() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True, "result": True})

    markup = InlineKeyboardMarkup([[InlineKeyboardButton("👍", callback_data="fb:1:x")]])
    request = _request(handler)
    await request.initialize()
    try:
        status, body = await request.do_request(
            URL, "POST", _data(chat_id=-1001234567890123, text=TEXT, parse_mode="HTML", reply_markup=markup)
        )
    finally:
        await request.shutdown()
    assert (status, json.loads(body)) == (200, {"ok": True, "result": True})
    (sent,) = seen
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["user-agent"] == JsonRequest.USER_AGENT
    assert json.loads(sent.content.decode("utf-8")) == {
        "chat_id": -1001234567890123,
        "text": TEXT,
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "👍", "callback_data": "fb:1:x"}]]},
    }
    assert "Öğrenen şehir".encode() in sent.content  # UTF-8 as written, not escaped


async def test_the_same_parameters_as_a_form_would_carry() -> None:
    """What Telegram reads from the JSON body is what it reads from PTB's form."""
    bodies: dict[str, httpx.Request] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        bodies[request.headers["content-type"].split(";")[0]] = request
        return httpx.Response(200, json={"ok": True, "result": True})

    data = _data(chat_id=42, text=TEXT, link_preview_options={"is_disabled": True}, disable_notification=True)
    for kind in (JsonRequest, HTTPXRequest):
        request = _request(handler, kind)
        await request.initialize()
        try:
            await request.do_request(URL, "POST", data)
        finally:
            await request.shutdown()
    form = dict(httpx.QueryParams(bodies["application/x-www-form-urlencoded"].content.decode()))
    as_json = json.loads(bodies["application/json"].content)
    assert {k: v if isinstance(v, str) else json.dumps(v) for k, v in as_json.items()} == form


async def test_files_go_as_multipart_as_before() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True, "result": True})

    request = _request(handler)
    await request.initialize()
    try:
        await request.do_request(URL, "POST", _data(chat_id=42, document=InputFile(b"%PDF-1.4", filename="a.pdf")))
        await request.do_request(URL, "POST", None)  # no parameters at all: PTB's way
    finally:
        await request.shutdown()
    assert seen[0].headers["content-type"].startswith("multipart/form-data")
    assert b"%PDF-1.4" in seen[0].content
    assert "content-type" not in seen[1].headers and seen[1].content == b""


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ReadTimeout("slow"), TimedOut),
        (httpx.PoolTimeout("full"), TimedOut),
        (httpx.ConnectError("refused"), NetworkError),
    ],
)
async def test_errors_are_ptbs(error: httpx.HTTPError, expected: type[Exception]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    request = _request(handler)
    await request.initialize()
    try:
        with pytest.raises(expected) as caught:
            await request.do_request(URL, "POST", _data(chat_id=42, text="x"))
    finally:
        await request.shutdown()
    assert caught.value.__cause__ is error  # handlers.retry reads the cause
    if isinstance(error, httpx.PoolTimeout):
        assert "not* sent" in str(caught.value)


async def test_timeouts_given_or_the_clients() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True, "result": True})

    request = JsonRequest(read_timeout=7.0, write_timeout=3.0, httpx_kwargs={"transport": httpx.MockTransport(handler)})
    await request.initialize()
    try:
        await request.do_request(URL, "POST", _data(chat_id=1, text="x"))
        await request.do_request(URL, "POST", _data(chat_id=1, text="x"), read_timeout=30.0)
    finally:
        await request.shutdown()
    assert seen[0].extensions["timeout"]["read"] == 7.0 and seen[0].extensions["timeout"]["write"] == 3.0
    assert seen[1].extensions["timeout"]["read"] == 30.0 and seen[1].extensions["timeout"]["write"] == 3.0
