"""handlers.jsonrequest: a request without files goes as one JSON body, one with files as
python-telegram-bot sends it; timeouts and errors come back as PTB's own. The pool's streams
tell whether they are readable from their socket. A message sent inside
``sent_messages_unread`` comes back as True (not parsed), and only there."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable
from typing import Any

import httpcore
import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from handlers.jsonrequest import JsonRequest, _Stream, pooled_transport, sent_messages_unread

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


async def test_a_message_sent_is_not_parsed_inside_sent_messages_unread() -> None:
    sent = {"message_id": 7, "date": 1, "chat": {"id": 42, "type": "private"}, "text": "x"}
    answers = {
        "sendMessage": httpx.Response(200, json={"ok": True, "result": sent}),
        "getMe": httpx.Response(200, json={"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "b"}}),
        "answerCallbackQuery": httpx.Response(200, json={"ok": True, "result": True}),
        "refused": httpx.Response(400, json={"ok": False, "error_code": 400, "description": "Bad Request: nope"}),
    }
    request = _request(lambda r: answers[r.url.path.rsplit("/", 1)[1]])
    url = URL.rsplit("/", 1)[0]
    await request.initialize()
    try:
        assert await request.post(f"{url}/sendMessage", _data(chat_id=42, text="x")) == sent  # read as before
        with sent_messages_unread():
            assert await request.post(f"{url}/sendMessage", _data(chat_id=42, text="x")) is True
            assert await request.post(f"{url}/getMe") == {"id": 1, "is_bot": True, "first_name": "b"}  # no message
            assert await request.post(f"{url}/answerCallbackQuery", _data(callback_query_id="q")) is True
            with pytest.raises(BadRequest, match="Nope"):  # errors as before
                await request.post(f"{url}/refused", _data(chat_id=42))
        assert await request.post(f"{url}/sendMessage", _data(chat_id=42, text="x")) == sent  # only inside

        async def elsewhere() -> object:  # another task started meanwhile reads its messages
            return await request.post(f"{url}/sendMessage", _data(chat_id=42, text="x"))

        other = asyncio.ensure_future(elsewhere())
        with sent_messages_unread():
            assert await other == sent
    finally:
        await request.shutdown()


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


# ---------------------------------------------------------------------- the pool's streams


class _Inner(httpcore.AsyncNetworkStream):
    """A stream of a connected socket, as httpcore's backends give one."""

    def __init__(self, sock: socket.socket | None) -> None:
        self.sock, self.asked = sock, []

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return b"data"

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.asked.append(buffer.decode())

    async def aclose(self) -> None:
        self.asked.append("closed")

    def get_extra_info(self, info: str) -> Any:
        self.asked.append(info)
        return self.sock if info == "socket" else f"inner {info}"


async def test_a_pooled_stream_is_readable_when_its_socket_is() -> None:
    """Readable once the other side wrote or closed (Telegram closed the connection), not while idle."""
    near, far = socket.socketpair()
    with near, far:
        inner = _Inner(near)
        stream = _Stream(inner)
        assert stream.get_extra_info("is_readable") is False
        far.sendall(b"x")
        assert stream.get_extra_info("is_readable") is True
        near.recv(1)
        assert stream.get_extra_info("is_readable") is False
        far.close()
        assert stream.get_extra_info("is_readable") is True
        assert inner.asked.count("socket") == 1  # looked up once
        # everything else is the inner stream's
        assert stream.get_extra_info("ssl_object") == "inner ssl_object"
        assert await stream.read(10) == b"data"
        await stream.write(b"GET")
        await stream.aclose()
        assert inner.asked[-3:] == ["ssl_object", "GET", "closed"]
    assert _Stream(_Inner(None)).get_extra_info("is_readable") is True  # no socket: as httpcore, "closed"


def test_the_pooled_transport_only_without_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "https_proxy",
        "http_proxy",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    made = pooled_transport(7, httpx.create_ssl_context())
    assert made is not None
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    assert pooled_transport(7, httpx.create_ssl_context()) is None  # httpx's default, which heeds the proxy


async def test_requests_through_the_pooled_transport_reuse_and_renew_connections() -> None:
    """Over real sockets: a kept-alive connection serves the next request; one the server closed
    while idle is noticed and replaced; the request works again after a shutdown."""
    connections: list[int] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(
                next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
            )
            body = await reader.readexactly(length)
            close = json.loads(body).get("text") == "close"
            answer = b'{"ok":true,"result":true}'
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                % (len(answer), answer)
            )
            await writer.drain()
            if close:
                writer.close()
                return

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}/bot1:a/sendMessage"
    transport = pooled_transport(4, httpx.create_ssl_context())
    assert transport is not None
    request = JsonRequest(httpx_kwargs={"transport": transport})
    try:
        await request.initialize()
        for text in ("a", "b", "close", "c"):
            assert (await request.do_request(url, "POST", _data(chat_id=1, text=text)))[0] == 200
            await asyncio.sleep(0.05)  # the server's close reaches the idle connection
        assert len(connections) == 2  # a and b on one connection; c on a new one
        await request.shutdown()
        await request.initialize()
        assert (await request.do_request(url, "POST", _data(chat_id=1, text="d")))[0] == 200
    finally:
        await request.shutdown()
        server.close()
        await server.wait_closed()
