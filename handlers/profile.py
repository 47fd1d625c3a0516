"""What Telegram shows about the bot, set at start-up from the content and the command
registry: the command menus (everybody's, and each operator's own in a chat scope) and
the description and short description, in Turkish (the default) and English."""

from __future__ import annotations

import asyncio
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
    menu or a profile text that Telegram refuses is logged and the bot starts anyway.
    The requests go out side by side (each is a round trip to Telegram before polling)."""

    def code(lang: str) -> str | None:
        return None if lang == "tr" else lang  # Turkish is the default; English for clients set to English

    async def public_menu(lang: str) -> None:
        await bot.set_my_commands(_menu(messages, lang, operator=False), language_code=code(lang))

    async def operator_menu(admin: int) -> None:
        for lang in LANGS:
            try:
                await bot.set_my_commands(
                    _menu(messages, lang, operator=True), scope=BotCommandScopeChat(admin), language_code=code(lang)
                )
            except TelegramError as exc:  # e.g. an operator who never opened a chat with the bot
                logger.warning("Could not set the operators' menu for user %s: %s", admin, exc)
                return

    async def texts(lang: str) -> None:
        try:
            await bot.set_my_description(messages.texts["bot_description"][lang], language_code=code(lang))
            await bot.set_my_short_description(messages.texts["bot_short_description"][lang], language_code=code(lang))
        except TelegramError as exc:
            logger.warning("Could not set the bot's %s description: %s", lang, exc)

    done = await asyncio.gather(
        *(public_menu(lang) for lang in LANGS),
        *(operator_menu(admin) for admin in sorted(config.admin_ids)),
        *(texts(lang) for lang in LANGS),
        return_exceptions=True,  # all settle before a failure (of a public menu) goes up
    )
    for outcome in done:
        if isinstance(outcome, BaseException):
            raise outcome
