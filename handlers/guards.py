"""Checks every update passes before the handlers: seen before? flooding?"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.commands import command_target, parse_command, spec
from bot.storage import SeenChat
from bot.throttle import Kind, Verdict
from handlers.context import Context, render
from handlers.language import language_of
from handlers.messages import addressed_text, typed_command
from handlers.queries import answer_query

__all__ = ["drop_repeated_updates", "throttle_floods"]

logger = logging.getLogger(__name__)


def _chat_seen(update: Update) -> SeenChat | None:
    """The chat an update comes from, to record it as seen."""
    chat = update.effective_chat
    if chat is None or update.my_chat_member is not None or chat.type == ChatType.CHANNEL:
        return None
    user = update.effective_user
    lang = user.language_code if user is not None and chat.type == ChatType.PRIVATE else None
    return SeenChat(chat.id, chat.type, chat.title or chat.full_name, lang)


async def drop_repeated_updates(update: Update, context: Context) -> None:
    """Stop an update that was processed before (redelivered after a crash); record the
    chat of a new one as seen (type, title, last seen)."""
    try:
        first = await context.bot_data.storage.claim_update(update.update_id, _chat_seen(update))
    except Exception as exc:  # the database (a full disk, say) is not worth losing an answer over
        logger.warning("Could not record update %s: %s", update.update_id, exc)
        return
    if not first:
        logger.info("Update %s was processed before; ignoring the repeat", update.update_id)
        raise ApplicationHandlerStop


def _kind_asked(update: Update, context: Context) -> Kind | None:
    """What the update asks of the bot, when the bot would answer it; None for what it
    ignores (group chatter, edits, stickers, commands for other bots), which is not counted."""
    if update.callback_query is not None:
        return Kind.BUTTON
    if update.inline_query is not None:
        return Kind.INLINE
    message = update.message
    if message is None or message.text is None or message.chat.type == ChatType.CHANNEL:
        return None
    if message.chat.type == ChatType.PRIVATE or typed_command(update, context):
        return Kind.MESSAGE
    parsed = parse_command(message.text)
    if parsed is not None:  # a command in a group: ours, and for this bot (or for any bot)
        target = command_target(message.text)
        ours = spec(parsed[0]) is not None
        for_us = target is None or target.lower() == (context.bot.username or "").lower()
        return Kind.MESSAGE if ours and for_us else None
    return Kind.MESSAGE if addressed_text(update, context) is not None else None


async def throttle_floods(update: Update, context: Context) -> None:
    """Answer a flooding user once with a notice (privately: never into a group), then ignore
    them for a while. Operators are never throttled."""
    user = update.effective_user
    kind = _kind_asked(update, context) if user is not None else None
    if user is None or kind is None or context.bot_data.is_admin(user.id):
        return
    verdict = context.bot_data.throttle.check(user.id, kind)
    if verdict == Verdict.OK:
        return
    if verdict == Verdict.NOTICE:
        logger.warning("User %s is flooding the bot (%s); ignoring them for a while", user.id, kind)
        text = render(context, "flood_notice", await language_of(update, context))
        if update.callback_query is not None:
            await answer_query(update.callback_query, text, show_alert=True)  # seen by the presser alone
        elif update.message is not None and update.message.chat.type == ChatType.PRIVATE:
            try:
                await update.message.reply_text(text)
            except TelegramError as exc:
                logger.info("Could not send the flood notice to %s: %s", user.id, exc)
    elif update.callback_query is not None:
        await answer_query(update.callback_query)
    raise ApplicationHandlerStop
