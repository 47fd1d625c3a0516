"""Webhook mode: a tornado server for Telegram's POSTs (checked against the secret
token) and the health check, serving until SIGTERM/SIGINT."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import signal
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Update

from bot.config import Config
from handlers.context import App

__all__ = ["serve_webhook"]

logger = logging.getLogger(__name__)


class _WebhookHandler(tornado.web.RequestHandler):
    """POSTs from Telegram: checked against the secret token, then queued."""

    def initialize(self, bot_application: App, secret: str) -> None:
        self.application_ = bot_application
        self.secret = secret

    async def post(self) -> None:
        if not self.application_.running:  # stopping: 503 makes Telegram deliver it again later
            self.set_status(503)
            return
        given = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            logger.warning("Rejected a webhook request without the secret token from %s", self.request.remote_ip)
            self.set_status(403)
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.application_.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # not JSON, or not an update
            logger.warning("Rejected a malformed webhook request: %s", exc)
            self.set_status(400)
            return
        if update is not None:
            await self.application_.update_queue.put(update)
        self.set_status(200)

    def get(self) -> None:
        self.set_status(405)


class _HealthHandler(tornado.web.RequestHandler):
    """GET /healthz: 200 while the bot runs and its database is open."""

    def initialize(self, bot_application: App) -> None:
        self.application_ = bot_application

    def get(self) -> None:
        data = self.application_.bot_data
        healthy = self.application_.running and data.is_open
        self.set_status(200 if healthy else 503)
        self.write("ok" if healthy else "unavailable")


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
        server = tornado.httpserver.HTTPServer(web)
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
