"""Webhook mode: a tornado server for Telegram's POSTs (checked against the secret
token) and the health check, serving until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import resource
import signal
import socket
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, Final
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.ioloop
import tornado.iostream
import tornado.web
from telegram import Update

from bot.config import Config
from handlers.context import App

__all__ = ["MAX_BODY", "InvalidUpdate", "connection_cap", "parse_update", "serve_webhook"]

logger = logging.getLogger(__name__)


# What an update can be: a message of 4,096 characters quoting another, with its entities and
# buttons, is a few tens of KB; Telegram's own webhook bodies stay far below this.
MAX_BODY: Final = 256 * 1024
HEADER_TIMEOUT: Final = 10.0  # seconds for a connection to send its request line and headers
BODY_TIMEOUT: Final = 10.0  # seconds to send the body once the headers are in
_DISCARD_LIMIT: Final = 64 * 1024  # a refused request's body up to this is read and dropped
MAX_CONNECTIONS: Final = 512  # open connections at most (fewer when file descriptors are scarce)
# Updates that carry a message; each must have its chat (the handlers rely on it).
_MESSAGE_FIELDS: Final = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_message",
    "edited_business_message",
)


class InvalidUpdate(ValueError):
    """A webhook body that is not an update Telegram could have sent."""


def _no_constant(name: str) -> object:
    raise InvalidUpdate(f"{name} is not JSON")


def _is_int(value: object) -> bool:
    return type(value) is int  # not bool, not float


def parse_update(body: bytes) -> dict[str, Any]:
    """The update in a webhook body, checked for what the bot relies on: a JSON object with
    an integer ``update_id`` (not null, NaN, a string or a boolean) and, for a message, its
    chat. Raises :class:`InvalidUpdate` (a 400), also for JSON nested too deep to parse."""
    try:
        data = json.loads(body, parse_constant=_no_constant)
    except RecursionError:
        raise InvalidUpdate("nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:  # includes InvalidUpdate
        raise InvalidUpdate(str(exc)) from None
    if not isinstance(data, dict):
        raise InvalidUpdate("not a JSON object")
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool) or not 0 <= update_id < 2**63:
        raise InvalidUpdate(f"update_id must be a non-negative integer, not {update_id!r:.40}")
    for name in _MESSAGE_FIELDS:
        if name in data:
            message = data[name]
            chat = message.get("chat") if isinstance(message, dict) else None
            if not isinstance(chat, dict) or not _is_int(chat.get("id")) or not isinstance(chat.get("type"), str):
                raise InvalidUpdate(f"{name} without a chat")
            if not _is_int(message.get("message_id")):
                raise InvalidUpdate(f"{name} without a message_id")
    return data


@tornado.web.stream_request_body
class _WebhookHandler(tornado.web.RequestHandler):
    """POSTs from Telegram: the method and secret token are checked from the headers, before
    any of the body is read. A refused request's body is dropped as it comes when it is
    small, and never read when it is not (the refusal is sent and the connection closed);
    an accepted body is capped at :data:`MAX_BODY`, then checked and queued."""

    def initialize(self, bot_application: App, secret: str) -> None:
        self.application_ = bot_application
        self.secret = secret
        self.chunks: list[bytes] = []
        self.refused: int | None = None

    def prepare(self) -> None:
        if self.request.method != "POST":
            self.refused = 405
        elif not self.application_.running:  # stopping: 503 makes Telegram deliver it again later
            self.refused = 503
        elif not hmac.compare_digest(
            self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "").encode(), self.secret.encode()
        ):
            logger.warning("Rejected a webhook request without the secret token from %s", self.request.remote_ip)
            self.refused = 403
        if self.refused is not None and not self._small_body():
            # Answer now and close: the body is never read (closing is the only way not to).
            self.set_status(self.refused)
            self.finish()

    def _small_body(self) -> bool:
        """Whether the request declares a small body: one that is read and dropped, so that the
        client, which has sent it already, reads the refusal instead of a reset connection."""
        length = self.request.headers.get("Content-Length", "0")
        return "Transfer-Encoding" not in self.request.headers and length.isdigit() and int(length) <= _DISCARD_LIMIT

    def data_received(self, chunk: bytes) -> None:
        if self.refused is None:
            self.chunks.append(chunk)

    def get(self) -> None:
        self.set_status(self.refused or 405)

    async def post(self) -> None:
        if self.refused is not None:
            self.set_status(self.refused)
            return
        try:
            data = parse_update(b"".join(self.chunks))
            update = Update.de_json(data, self.application_.bot)
        except Exception as exc:  # not JSON, or not an update PTB can read (a date out of range, say)
            logger.warning("Rejected a malformed webhook request: %s", exc)
            self.set_status(400)
            return
        await self.application_.update_queue.put(update)
        self.set_status(200)


class _HealthHandler(tornado.web.RequestHandler):
    """GET /healthz: 200 while the bot runs and its database is open."""

    def initialize(self, bot_application: App) -> None:
        self.application_ = bot_application

    def get(self) -> None:
        data = self.application_.bot_data
        healthy = self.application_.running and data.is_open
        self.set_status(200 if healthy else 503)
        self.write("ok" if healthy else "unavailable")


def connection_cap() -> int:
    """:data:`MAX_CONNECTIONS`, or half the file descriptors the process may open if that is
    fewer (the database, the connections to Telegram and the log need the rest)."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return MAX_CONNECTIONS
    return max(16, min(MAX_CONNECTIONS, soft // 2))


class _Server(tornado.httpserver.HTTPServer):
    """An HTTPServer that keeps at most ``max_connections`` open: a new connection past the cap
    closes the oldest one (a peer that keeps connections open without finishing its request
    cannot lock Telegram out; a closed keep-alive connection is simply reopened), so accepting
    never runs out of file descriptors. Said in the log once per :data:`_NOTICE_EVERY` s."""

    def initialize(self, *args: Any, max_connections: int = MAX_CONNECTIONS, **kwargs: Any) -> None:
        super().initialize(*args, **kwargs)
        self.max_connections = max_connections
        self.open_streams: deque[tornado.iostream.IOStream] = deque()
        self.evicted = 0
        self._noticed = -_NOTICE_EVERY

    def handle_stream(self, stream: tornado.iostream.IOStream, address: tuple[Any, ...]) -> None:
        streams = self.open_streams
        if len(streams) >= self.max_connections:
            self.open_streams = streams = deque(s for s in streams if not s.closed())
        while len(streams) >= self.max_connections:
            streams.popleft().close()
            self.evicted += 1
            now = asyncio.get_running_loop().time()
            if now - self._noticed >= _NOTICE_EVERY:
                self._noticed = now
                logger.warning(
                    "More than %d open webhook connections: closing the oldest (%d closed so far)",
                    self.max_connections,
                    self.evicted,
                )
        streams.append(stream)
        super().handle_stream(stream, address)

    def add_sockets(self, sockets: Iterable[socket.socket]) -> None:
        # tornado's own accept handler raises on every readiness event while accept() fails
        # (out of file descriptors): a traceback per attempt, thousands a second.
        for sock in sockets:
            self._sockets[sock.fileno()] = sock
            self._handlers[sock.fileno()] = _Acceptor(sock, self._handle_connection).remove


class _Acceptor:
    """Accepts connections on a listening socket; when accept() fails (no file descriptors
    left, say) it says so once a minute and pauses accepting for :data:`_ACCEPT_PAUSE` s."""

    def __init__(self, sock: socket.socket, callback: Callable[[socket.socket, Any], None]) -> None:
        self.sock = sock
        self.callback = callback
        self.loop = tornado.ioloop.IOLoop.current()
        self.removed = False
        self.paused: object | None = None
        self.noticed = -_NOTICE_EVERY
        self.loop.add_handler(sock, self.on_readable, tornado.ioloop.IOLoop.READ)

    def on_readable(self, fd: object, events: int) -> None:
        for _ in range(128):  # then let other work run; the socket stays readable
            if self.removed:
                return
            try:
                connection, address = self.sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as exc:
                now = self.loop.time()
                if now - self.noticed >= _NOTICE_EVERY:
                    self.noticed = now
                    logger.warning("Could not accept a webhook connection (%s); pausing accepts briefly", exc)
                self.loop.remove_handler(self.sock)
                self.paused = self.loop.call_later(_ACCEPT_PAUSE, self.resume)
                return
            self.callback(connection, address)

    def resume(self) -> None:
        self.paused = None
        if not self.removed:
            self.loop.add_handler(self.sock, self.on_readable, tornado.ioloop.IOLoop.READ)

    def remove(self) -> None:
        self.removed = True
        if self.paused is not None:
            self.loop.remove_timeout(self.paused)
        else:
            self.loop.remove_handler(self.sock)


_ACCEPT_PAUSE: Final = 0.5


_NOTICE_EVERY: Final = 60.0


async def serve_webhook(application: App, config: Config, secret: str) -> int:
    """Webhook mode: register the webhook with the secret, serve it (and /healthz) on
    PORT until SIGTERM/SIGINT, then stop taking updates and finish the ones in hand."""
    assert config.webhook_url is not None
    path = urlsplit(config.webhook_url).path or "/"
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await application.initialize()
    try:
        await application.post_init(application)  # type: ignore[misc]
        await application.start()
        await application.bot.set_webhook(
            config.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES, drop_pending_updates=False
        )
        web = tornado.web.Application(
            [
                # (not "application": tornado passes its own Application to RequestHandler under that name)
                (re.escape(path), _WebhookHandler, {"bot_application": application, "secret": secret}),
                (r"/healthz", _HealthHandler, {"bot_application": application}),
            ]
        )
        server = _Server(
            web,
            idle_connection_timeout=HEADER_TIMEOUT,  # also the time allowed for the headers
            body_timeout=BODY_TIMEOUT,
            max_body_size=MAX_BODY,
            max_buffer_size=MAX_BODY + 64 * 1024,
            max_header_size=16 * 1024,
            max_connections=connection_cap(),
        )
        server.listen(config.port, address=config.webhook_listen)
        logger.info("Webhook server listening on %s:%d%s", config.webhook_listen, config.port, path)
        await stop.wait()
        logger.info("Stopping: no new updates; finishing the ones in hand")
        server.stop()
        await application.stop()
    finally:
        if application.running:  # setWebhook (or the server) failed: shutdown() refuses a running app
            await application.stop()
        if application.post_shutdown:
            await application.post_shutdown(application)
        await application.shutdown()
    return 0
