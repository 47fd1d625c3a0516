"""Requests to Telegram: parameters in one JSON body, a connection pool whose idle
connections are cheap to check, and sent messages that are not parsed when nobody reads them."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import ssl
import urllib.request
from collections.abc import Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import httpcore
import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

if TYPE_CHECKING:
    from telegram._utils.types import JSONDict, ODVInput

__all__ = ["JsonRequest", "json_body", "pooled_transport", "sent_messages_unread"]

_UNREAD: ContextVar[bool] = ContextVar("sent_messages_unread", default=False)


@contextlib.contextmanager
def sent_messages_unread() -> Iterator[None]:
    """Within this block (of the current task), a request through :class:`JsonRequest` that
    Telegram answers with a message (``sendMessage``: the message sent) returns True, as the
    methods that answer True do, so python-telegram-bot builds no :class:`telegram.Message` of
    it: its parse of our answer, entities and keyboard included, took about 0.1 ms of CPU per
    reply, more than a tenth of the bot's own work (docs/benchmarks.md, "the seventh speed
    work"). For callers that do not read what was sent; what is sent, errors and retries are
    unchanged."""
    token = _UNREAD.set(True)
    try:
        yield
    finally:
        _UNREAD.reset(token)


_JSON = {"Content-Type": "application/json", "User-Agent": BaseRequest.USER_AGENT}


def json_body(request_data: RequestData) -> bytes:
    """The parameters of a request as one JSON object, in UTF-8."""
    return json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


class JsonRequest(HTTPXRequest):
    """python-telegram-bot's HTTPX request, except that a request without files sends its
    parameters as one JSON body (``application/json``, which the Bot API takes for every
    method) instead of a form. A form JSON-encodes every nested parameter on its own and then
    percent-encodes, in Python, every byte outside ASCII: about 0.2 ms of CPU for a typical
    answer (700 characters of Turkish HTML and its keyboard) against 0.03 ms for the JSON body
    (docs/benchmarks.md, "the fifth speed work"). Requests with files go as before
    (multipart), and timeouts and errors are those of :class:`HTTPXRequest`."""

    __slots__ = ()

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        """Telegram's answer as PTB reads it; a message sent, inside :func:`sent_messages_unread`, as True."""
        data = BaseRequest.parse_json_payload(payload)
        result = data.get("result")
        if _UNREAD.get() and data.get("ok") is True and isinstance(result, dict) and "message_id" in result:
            data["result"] = True
        return data

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        client = getattr(self, "_client", None)  # HTTPXRequest's own client (not public)
        if request_data is None or request_data.contains_files or not isinstance(client, httpx.AsyncClient):
            return await super().do_request(
                url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
            )
        if client.is_closed:
            raise RuntimeError("This HTTPXRequest is not initialized!")
        default = client.timeout  # a timeout not given is the client's (as HTTPXRequest does)
        timeout = httpx.Timeout(
            connect=default.connect if isinstance(connect_timeout, DefaultValue) else connect_timeout,
            read=default.read if isinstance(read_timeout, DefaultValue) else read_timeout,
            write=default.write if isinstance(write_timeout, DefaultValue) else write_timeout,
            pool=default.pool if isinstance(pool_timeout, DefaultValue) else pool_timeout,
        )
        try:
            response = await client.request(
                method=method, url=url, headers=_JSON, timeout=timeout, content=json_body(request_data)
            )
        except httpx.TimeoutException as err:  # as HTTPXRequest maps them
            if isinstance(err, httpx.PoolTimeout):
                raise TimedOut(
                    message=(
                        "Pool timeout: All connections in the connection pool are occupied. "
                        "Request was *not* sent to Telegram. Consider adjusting the connection "
                        "pool size or the pool timeout."
                    )
                ) from err
            raise TimedOut from err
        except httpx.HTTPError as err:
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return response.status_code, response.content


def _readable(sock: socket.socket | None) -> bool:
    """Whether a socket has something to read (or is gone): httpcore's own test."""
    fd = sock.fileno() if sock is not None else -1
    if fd < 0:
        return True
    if getattr(select, "poll", None) is None:  # pragma: no cover - not on Linux
        return bool(select.select([fd], [], [], 0)[0])
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    return bool(poll.poll(0))


class _Stream(httpcore.AsyncNetworkStream):
    """A stream of httpcore's AnyIO backend that answers "is it readable?" from its socket.

    The connection pool asks that of every idle connection before and after each request
    (has Telegram closed it?); AnyIO answers by building the table of all the stream's
    attributes each time, most of the cost of a check (py-spy: 0.2 ms of CPU per reply with a
    handful of pooled connections). The socket is looked up once; everything else is the
    inner stream's."""

    __slots__ = ("_inner", "_socket")

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return _readable(self._socket)
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    """httpcore's AnyIO backend (the one it uses under asyncio), with :class:`_Stream` streams."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.AsyncNetworkStream:  # pragma: no cover - Telegram is reached over TCP
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def pooled_transport(pool_size: int, ssl_context: ssl.SSLContext) -> httpx.AsyncHTTPTransport | None:
    """The transport python-telegram-bot's HTTPXRequest gets from httpx (HTTP/1.1, up to
    ``pool_size`` connections, all kept alive), with a pool on :class:`_Backend`. None where
    the environment names proxies (httpx heeds them only without a transport of one's own,
    so there the default stays), or where httpx keeps its pool differently."""
    if urllib.request.getproxies():
        return None
    limits = httpx.Limits(max_connections=pool_size, max_keepalive_connections=pool_size)
    made = httpx.AsyncHTTPTransport(verify=ssl_context, limits=limits)
    if not isinstance(getattr(made, "_pool", None), httpcore.AsyncConnectionPool):  # httpx's own (not public)
        return None
    made._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=_Backend(),
    )
    return made
