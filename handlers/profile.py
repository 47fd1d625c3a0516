"""What Telegram shows about the bot, set at start-up from the content and the command
registry: the command menus (everybody's, and each operator's own in a chat scope) and
the description and short description, in Turkish (the default) and English."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.commands import menu
from bot.config import Config
from bot.content import Messages
from bot.lang import LANGS

__all__ = ["publish_profile"]

logger = logging.getLogger(__name__)


def _menu(messages: Messages, lang: str, *, operator: bool) -> list[BotCommand]:
    return [BotCommand(c.name, messages.commands[c.name][lang]) for c in menu(operator=operator)]


async def publish_profile(bot: Bot, config: Config, messages: Messages) -> None:
    """Set the menus and the profile texts. The public menu must be set; an operator's
    menu or a profile text that Telegram refuses is logged and the bot starts anyway."""
    for lang in LANGS:
        # Turkish is the default; English for clients set to English.
        code = None if lang == "tr" else lang
        await bot.set_my_commands(_menu(messages, lang, operator=False), language_code=code)
    for admin in sorted(config.admin_ids):
        for lang in LANGS:
            code = None if lang == "tr" else lang
            try:
                await bot.set_my_commands(
                    _menu(messages, lang, operator=True), scope=BotCommandScopeChat(admin), language_code=code
                )
            except TelegramError as exc:  # e.g. an operator who never opened a chat with the bot
                logger.warning("Could not set the operators' menu for user %s: %s", admin, exc)
                break
    for lang in LANGS:
        code = None if lang == "tr" else lang
        try:
            await bot.set_my_description(messages.texts["bot_description"][lang], language_code=code)
            await bot.set_my_short_description(messages.texts["bot_short_description"][lang], language_code=code)
        except TelegramError as exc:
            logger.warning("Could not set the bot's %s description: %s", lang, exc)
