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
from handlers.admin import on_announce, on_announce_button, on_announcements, on_reload, on_stats, on_unanswered
from handlers.callbacks import on_button
from handlers.commands import on_command, on_unknown_command
from handlers.common import track_chat
from handlers.delivery import start_announcements, stop_deliveries, telegram_sender
from handlers.errors import on_error
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
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    application.bot_data.setup(config, assistant)

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, track_chat), group=-1)
    application.add_handler(CommandHandler(list(COMMANDS), on_command, filters=new))
    application.add_handler(CommandHandler("subscribe", on_subscribe, filters=new))
    application.add_handler(CommandHandler("unsubscribe", on_unsubscribe, filters=new))
    application.add_handler(CommandHandler("forgetme", on_forgetme, filters=new & private))
    for name, callback in (("announce", on_announce), ("announcements", on_announcements), ("stats", on_stats),
                           ("unanswered", on_unanswered), ("reload", on_reload)):
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


def run(config: Config, assistant: Assistant) -> int:
    """Run the bot with long polling until SIGINT/SIGTERM; the exit code."""
    setup_logging(config.logging_level, secrets=[config.token])
    application = build_application(config, assistant)
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
