"""Building and running the Telegram Application: all wiring lives in
:func:`build_application`; resources open in ``post_init`` and close in ``post_shutdown``."""

from __future__ import annotations

import asyncio
import functools
import importlib.util
import logging
import secrets
import ssl
import sys

import httpx
from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
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
from bot.callbacks import PATTERNS
from bot.commands import REGISTRY, Audience
from bot.config import Config
from bot.logs import setup_logging
from bot.services import Services
from bot.storage import Storage, StorageError
from handlers.admin import (
    on_announce,
    on_announce_button,
    on_announcements,
    on_operator_message,
    on_reload,
    on_stats,
    on_unanswered,
)
from handlers.callbacks import on_button
from handlers.commands import on_command, on_unknown_command
from handlers.context import App
from handlers.delivery import start_announcements, stop_deliveries, telegram_sender
from handlers.errors import on_error
from handlers.feedback import on_feedback
from handlers.guards import drop_repeated_updates, throttle_floods
from handlers.inline import on_inline_query
from handlers.jsonrequest import JsonRequest, pooled_transport
from handlers.membership import on_migrate, on_my_chat_member
from handlers.messages import on_group_text, on_private_text
from handlers.privacy import on_forget_button, on_forgetme
from handlers.profile import publish_profile
from handlers.ratelimit import PacingLimiter
from handlers.subscriptions import on_subscribe, on_unsubscribe
from handlers.updates import FairUpdateProcessor

__all__ = ["build_application", "run"]

logger = logging.getLogger(__name__)

# Seconds for each phase of a request to Telegram (PTB's defaults are 5 s to read and 1 s to
# get a pooled connection). sendMessage is usually answered in well under a second, but a busy
# Telegram can take several; a read timeout means "sent, answer unknown" and the message is
# not sent again (handlers.retry), so the read timeout is generous. A long poll waits its own
# ``timeout`` plus GET_UPDATES_READ_TIMEOUT.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
WRITE_TIMEOUT = 10.0
POOL_TIMEOUT = 5.0
GET_UPDATES_READ_TIMEOUT = 10.0
# Connections to Telegram: up to 256 for requests, one for the long poll (PTB's defaults).
POOL_SIZE = 256

# The handlers of the commands the assistant does not answer alone (see bot.commands).
_COMMAND_HANDLERS = {
    "subscribe": on_subscribe,
    "unsubscribe": on_unsubscribe,
    "forgetme": on_forgetme,
    "announce": on_announce,
    "announcements": on_announcements,
    "stats": on_stats,
    "unanswered": on_unanswered,
    "reload": on_reload,
}


async def _post_init(application: App) -> None:
    data = application.bot_data
    await data.open(telegram_sender(application.bot))
    await publish_profile(application.bot, data.config, data.assistant.content.messages)
    await start_announcements(application)
    logger.info("Running as @%s with %d FAQ entries", application.bot.username, len(data.assistant.content.faq))


async def _post_shutdown(application: App) -> None:
    await stop_deliveries(application)
    await application.bot_data.close()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's default TLS context (certifi's roots, or SSL_CERT_FILE / SSL_CERT_DIR), made
    once: loading the roots takes tens of milliseconds, and otherwise each of the bot's HTTP
    clients (two, built again after a shutdown) loads its own copy."""
    return httpx.create_ssl_context()


@functools.cache
def _no_sniffio() -> None:
    """httpcore asks which async library runs by importing sniffio, on every request (in
    two or three places of each); without sniffio installed, as here, each of those imports
    searches every folder of ``sys.path`` again and fails: about 0.2 ms of CPU per reply,
    a tenth of a bare python-telegram-bot's. Marked as absent (Python's own way: ``None`` in
    ``sys.modules``), the import fails at once, and httpcore takes asyncio as before."""
    if importlib.util.find_spec("sniffio") is None:
        sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]


def _request(*, pool_size: int, read_timeout: float) -> JsonRequest:
    _no_sniffio()
    # The pool's transport made here (handlers.jsonrequest), or httpx's default one where proxies are set.
    transport = pooled_transport(pool_size, _tls_context())
    return JsonRequest(
        connection_pool_size=pool_size,
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=read_timeout,
        write_timeout=WRITE_TIMEOUT,
        pool_timeout=POOL_TIMEOUT,
        httpx_kwargs={"verify": _tls_context()} if transport is None else {"transport": transport},
    )


def build_application(config: Config, assistant: Assistant) -> App:
    """The Application with every handler, the defaults and the shared services."""
    if not config.token:
        raise ValueError("a bot token is needed to build the Telegram application")
    context_types = ContextTypes(bot_data=Services)
    application: App = (
        ApplicationBuilder()
        .token(config.token)
        .base_url(config.api_base_url)
        .request(_request(pool_size=POOL_SIZE, read_timeout=READ_TIMEOUT))
        .get_updates_request(_request(pool_size=1, read_timeout=GET_UPDATES_READ_TIMEOUT))
        .defaults(Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .context_types(context_types)
        # At most 30 messages in any second (bursts up to that), and 20 a minute per group; the limiter
        # never retries: replies retry in handlers.retry, announcements in the broadcaster.
        .rate_limiter(PacingLimiter())
        # 16 updates side by side, and each group in a lane of its own: a slow chat or a busy
        # group does not hold up the others.
        .concurrent_updates(FairUpdateProcessor(16))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.setup(config, assistant)

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, drop_repeated_updates), group=-2)
    application.add_handler(TypeHandler(Update, throttle_floods), group=-1)
    public = [c.name for c in REGISTRY if c.audience == Audience.PUBLIC]
    application.add_handler(CommandHandler(public, on_command, filters=new))
    for command in REGISTRY:
        if command.audience != Audience.PUBLIC:
            callback = _COMMAND_HANDLERS[command.name]
            application.add_handler(
                CommandHandler(command.name, callback, filters=new & private if command.private_only else new)
            )
    application.add_handler(MessageHandler(new & filters.COMMAND & private, on_unknown_command))
    # An operator's messages may be an announcement (after /announce) or an album's items.
    operators = filters.User(user_id=config.admin_ids)
    application.add_handler(MessageHandler(new & ~filters.COMMAND & private & operators, on_operator_message))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND & private, on_private_text))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND & groups, on_group_text))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migrate))
    application.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(CallbackQueryHandler(on_feedback, pattern=PATTERNS["feedback"]))
    application.add_handler(CallbackQueryHandler(on_forget_button, pattern=PATTERNS["forget"]))
    application.add_handler(CallbackQueryHandler(on_announce_button, pattern=PATTERNS["announce"]))
    application.add_handler(CallbackQueryHandler(on_button))  # the assistant's buttons, and stale ones
    application.add_handler(InlineQueryHandler(on_inline_query))
    application.add_error_handler(on_error)
    return application


async def _probe_database(config: Config) -> None:
    """Open, migrate and test-write the database once, so that a locked, read-only,
    corrupt or unreachable file stops the start with a one-line error naming it."""
    async with Storage(config.storage_target) as storage:
        await storage.check_writable()


async def _check_token(application: App) -> None:
    """Ask Telegram about the bot once (getMe) so that a rejected token stops the start with
    InvalidToken before polling begins (whose start-up would log it as a traceback). Other
    failures are left to the polling start-up, which reports and retries them. The bot stays
    initialised, so polling (on the same event loop) starts without a second getMe."""
    try:
        await application.bot.initialize()
    except InvalidToken:
        raise
    except TelegramError:
        pass


def run(config: Config, assistant: Assistant) -> int:
    """Run the bot until SIGINT/SIGTERM: long polling, or a webhook server when
    BOT_WEBHOOK_URL is set. Returns the process exit code."""
    secret = config.webhook_secret or (secrets.token_urlsafe(32) if config.webhook_url else None)
    setup_logging(
        config.logging_level,
        secrets=[config.token, secret, config.database_password],
        store_questions=config.store_questions,
    )
    # One event loop for the checks and the bot (run_polling takes the current loop), so that
    # the HTTP clients and the bot's identity from the token check serve the polling too.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(_probe_database(config))
    except StorageError as exc:
        print(f"Database error: {exc}", file=sys.stderr)
        loop.close()
        return 2
    assistant.warm()  # what the first questions would build, before the first update
    application = build_application(config, assistant)
    try:
        if config.webhook_url:
            if config.webhook_secret is None:
                logger.warning(
                    "BOT_WEBHOOK_SECRET is not set: generated a random secret for this run and registered "
                    "it with Telegram (set BOT_WEBHOOK_SECRET to choose one)"
                )
            assert secret is not None
            from handlers.webhook import serve_webhook  # only for a webhook (polling needs none of it)

            return loop.run_until_complete(serve_webhook(application, config, secret))
        loop.run_until_complete(_check_token(application))
        application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
    except InvalidToken:  # its message holds the token: never shown
        print(
            "Telegram rejected the bot token (TELEGRAM_BOT_TOKEN): it was revoked or mistyped; "
            "get the current one from @BotFather",
            file=sys.stderr,
        )
        return 2
    finally:
        if not loop.is_closed():  # run_polling closes it itself
            loop.run_until_complete(application.bot.shutdown())
            loop.close()
    return 0
