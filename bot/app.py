"""Building and running the Telegram Application: the one module of ``bot`` that
imports :mod:`telegram`. All wiring lives in :func:`build_application`."""

from __future__ import annotations

import logging

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.assistant import Assistant
from bot.config import Config
from bot.content import COMMANDS, LANGS
from bot.logs import setup_logging
from bot.services import BotData
from handlers.callbacks import on_button
from handlers.commands import on_command, on_unknown_command
from handlers.errors import on_error
from handlers.inline import on_inline_query
from handlers.messages import on_group_text, on_private_text

__all__ = ["build_application", "run"]

logger = logging.getLogger(__name__)


async def _post_init(application: Application) -> None:  # type: ignore[type-arg]
    data: BotData = application.bot_data
    await data.open()
    commands = data.assistant.content.messages.commands
    for lang in LANGS:
        menu = [BotCommand(name, commands[name][lang]) for name in COMMANDS]
        # Turkish is the default menu; English for clients set to English.
        await application.bot.set_my_commands(menu, language_code=None if lang == "tr" else lang)
    logger.info("Running as @%s with %d FAQ entries", application.bot.username, len(data.assistant.content.faq))


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
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
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.setup(config, assistant)

    new_messages = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler(list(COMMANDS), on_command, filters=new_messages))
    application.add_handler(MessageHandler(new_messages & filters.COMMAND & filters.ChatType.PRIVATE,
                                           on_unknown_command))
    application.add_handler(MessageHandler(new_messages & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE,
                                           on_private_text))
    application.add_handler(MessageHandler(new_messages & filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS,
                                           on_group_text))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(InlineQueryHandler(on_inline_query))
    application.add_error_handler(on_error)
    return application


def run(config: Config, assistant: Assistant) -> int:
    """Run the bot with long polling until SIGINT/SIGTERM; the exit code."""
    setup_logging(config.logging_level, secrets=[config.token])
    application = build_application(config, assistant)
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
