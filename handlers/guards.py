"""Checks every update passes before the handlers: seen before? flooding?"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.storage import SeenChat
from bot.throttle import Verdict
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


def _asks_the_bot(update: Update, context: Context) -> bool:
    """Whether the update would get an answer (so that group chatter is not counted)."""
    if update.callback_query is not None or update.inline_query is not None:
        return True
    message = update.message
    if message is None or message.chat.type == ChatType.CHANNEL:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if typed_command(update, context):
        return True
    return bool(message.text and message.text.startswith("/")) or addressed_text(update, context) is not None


async def throttle_floods(update: Update, context: Context) -> None:
    """Answer a flooding user once with a notice, then ignore them for a while."""
    user = update.effective_user
    if user is None or not _asks_the_bot(update, context):
        return
    verdict = context.bot_data.throttle.check(user.id)
    if verdict == Verdict.OK:
        return
    if verdict == Verdict.NOTICE:
        logger.warning("User %s is flooding the bot; ignoring them for a while", user.id)
        text = render(context, "flood_notice", await language_of(update, context))
        if update.callback_query is not None:
            await answer_query(update.callback_query, text, show_alert=True)
        elif update.effective_message is not None and update.inline_query is None:
            await update.effective_message.reply_text(text)
    elif update.callback_query is not None:
        await answer_query(update.callback_query)
    raise ApplicationHandlerStop
