"""/forgetme: deleting everything stored about a person, after a confirmation button."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot import callbacks
from bot.callbacks import CallbackKind, ForgetChoice
from handlers.context import Context, render
from handlers.language import language_of
from handlers.queries import answer_query, pressed_in_private

__all__ = ["on_forget_button", "on_forgetme"]

logger = logging.getLogger(__name__)


async def on_forgetme(update: Update, context: Context) -> None:
    """Ask for confirmation before deleting everything stored about the user."""
    message = update.effective_message
    if message is None or update.effective_user is None:
        return
    lang = await language_of(update, context)
    user_id = update.effective_user.id
    buttons = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    render(context, "button_forget", lang), callback_data=callbacks.forget(ForgetChoice.YES, user_id)
                ),
                InlineKeyboardButton(
                    render(context, "button_cancel", lang), callback_data=callbacks.forget(ForgetChoice.NO, user_id)
                ),
            ]
        ]
    )
    await message.reply_text(render(context, "forget_confirm", lang), reply_markup=buttons)


async def on_forget_button(update: Update, context: Context) -> None:
    """Delete the user's data on confirmation; only the user who asked can confirm."""
    query = update.callback_query
    if query is None:
        return
    await answer_query(query)
    parsed = pressed_in_private(query)  # only on the /forgetme message, in the person's own chat
    if parsed is None or parsed.kind != CallbackKind.FORGET:
        return
    if update.effective_user is None or parsed.number != update.effective_user.id:
        return
    lang = await language_of(update, context)
    if parsed.choice == ForgetChoice.YES:
        removed = await context.bot_data.storage.forget_user(update.effective_user.id)
        logger.info("Deleted %d stored rows at a user's request", removed)
        await query.edit_message_text(render(context, "forget_done", lang))
    else:
        await query.edit_message_text(render(context, "forget_cancelled", lang))
