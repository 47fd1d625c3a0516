"""Building and running the Telegram Application: the one module of ``bot`` that
imports :mod:`telegram`. All wiring lives in :func:`build_application`."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import secrets
import signal
import sys
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.assistant import Assistant
from bot.config import Config
from bot.content import CHAT_COMMANDS, COMMANDS, LANGS
from bot.logs import setup_logging
from bot.services import BotData
from bot.storage import Storage, StorageError
from handlers.admin import on_announce, on_announce_button, on_announcements, on_reload, on_stats, on_unanswered
from handlers.callbacks import on_button
from handlers.commands import on_command, on_unknown_command
from handlers.delivery import start_announcements, stop_deliveries, telegram_sender
from handlers.errors import on_error
from handlers.guards import drop_repeated_updates, throttle_floods
from handlers.inline import on_inline_query
from handlers.messages import on_group_text, on_private_text
from handlers.subscriptions import (
    on_feedback,
    on_forget_button,
    on_forgetme,
    on_migrate,
    on_my_chat_member,
    on_subscribe,
    on_unsubscribe,
)

__all__ = ["build_application", "run"]

logger = logging.getLogger(__name__)


async def _post_init(application: Application) -> None:  # type: ignore[type-arg]
    data: BotData = application.bot_data
    await data.open(telegram_sender(application.bot))
    commands = data.assistant.content.messages.commands
    for lang in LANGS:
        menu = [BotCommand(name, commands[name][lang]) for name in COMMANDS + CHAT_COMMANDS]
        # Turkish is the default menu; English for clients set to English.
        await application.bot.set_my_commands(menu, language_code=None if lang == "tr" else lang)
    await start_announcements(application)
    logger.info("Running as @%s with %d FAQ entries", application.bot.username, len(data.assistant.content.faq))


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    await stop_deliveries()
    data: BotData = application.bot_data
    await data.close()


def build_application(config: Config, assistant: Assistant) -> Application:  # type: ignore[type-arg]
    """The Application with every handler, the defaults and the shared services."""
    if not config.token:
        raise ValueError("a bot token is needed to build the Telegram application")
    application = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .context_types(ContextTypes(bot_data=BotData))
        # At most 30 messages a second, evenly spaced (a burst of 30 on top would exceed it), and 20 a
        # minute per group; RetryAfter is waited out and retried by the limiter.
        .rate_limiter(AIORateLimiter(overall_max_rate=1, overall_time_period=1 / 30, max_retries=3))
        .concurrent_updates(16)  # one slow chat does not hold up the others
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.setup(config, assistant)

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, drop_repeated_updates), group=-2)
    application.add_handler(TypeHandler(Update, throttle_floods), group=-1)
    application.add_handler(CommandHandler(list(COMMANDS), on_command, filters=new))
    application.add_handler(CommandHandler("subscribe", on_subscribe, filters=new))
    application.add_handler(CommandHandler("unsubscribe", on_unsubscribe, filters=new))
    application.add_handler(CommandHandler("forgetme", on_forgetme, filters=new & private))
    for name, callback in (
        ("announce", on_announce),
        ("announcements", on_announcements),
        ("stats", on_stats),
        ("unanswered", on_unanswered),
        ("reload", on_reload),
    ):
        application.add_handler(CommandHandler(name, callback, filters=new))
    application.add_handler(MessageHandler(new & filters.COMMAND & private, on_unknown_command))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND & private, on_private_text))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND & groups, on_group_text))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    application.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(CallbackQueryHandler(on_feedback, pattern=r"^fb:"))
    application.add_handler(CallbackQueryHandler(on_forget_button, pattern=r"^forget:"))
    application.add_handler(CallbackQueryHandler(on_announce_button, pattern=r"^ann:"))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(InlineQueryHandler(on_inline_query))
    application.add_error_handler(on_error)
    return application


async def _probe_database(config: Config) -> None:
    """Open, migrate and test-write the database once, so that a locked, read-only,
    corrupt or unreachable file stops the start with a one-line error naming it."""
    async with Storage(config.database) as storage:
        await storage.check_writable()


def run(config: Config, assistant: Assistant) -> int:
    """Run the bot until SIGINT/SIGTERM: long polling, or a webhook server when
    BOT_WEBHOOK_URL is set. Returns the process exit code."""
    secret = config.webhook_secret or (secrets.token_urlsafe(32) if config.webhook_url else None)
    setup_logging(config.logging_level, secrets=[config.token, secret])
    try:
        asyncio.run(_probe_database(config))
    except StorageError as exc:
        print(f"Database error: {exc}", file=sys.stderr)
        return 2
    application = build_application(config, assistant)
    if config.webhook_url:
        if config.webhook_secret is None:
            logger.warning(
                "BOT_WEBHOOK_SECRET is not set: generated a random secret for this run and registered "
                "it with Telegram (set BOT_WEBHOOK_SECRET to choose one)"
            )
        assert secret is not None
        return asyncio.run(_serve_webhook(application, config, secret))
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    return 0


class _WebhookHandler(tornado.web.RequestHandler):
    """POSTs from Telegram: checked against the secret token, then queued."""

    def initialize(self, bot_application: Application, secret: str) -> None:  # type: ignore[type-arg, override]
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

    def initialize(self, bot_application: Application) -> None:  # type: ignore[type-arg, override]
        self.application_ = bot_application

    def get(self) -> None:
        data: BotData = self.application_.bot_data
        healthy = self.application_.running and data.is_open
        self.set_status(200 if healthy else 503)
        self.write("ok" if healthy else "unavailable")


async def _serve_webhook(application: Application, config: Config, secret: str) -> int:  # type: ignore[type-arg]
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
            await application.post_shutdown(application)  # type: ignore[misc]
        await application.shutdown()
    return 0
