"""Inline button presses."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest

from handlers.context import Context, assistant_of
from handlers.jsonrequest import sent_messages_unread
from handlers.language import remember_lang, speaker_of
from handlers.queries import answer_query, pressed
from handlers.sending import keyboard, send_reply

__all__ = ["on_button"]

logger = logging.getLogger(__name__)


async def on_button(update: Update, context: Context) -> None:
    """Answer the callback at once, then show the entry, topic or menu it asks for."""
    query = update.callback_query
    if query is None:
        return
    await answer_query(query)
    if pressed(query) is None:
        return  # forged or stale: not a button of the message pressed
    speaker = await speaker_of(update.effective_user, context)
    reply = assistant_of(context).button(query.data or "", pref=speaker.chosen, user_lang=speaker.client)
    message = query.message
    if reply is None or message is None or not hasattr(message, "reply_text"):
        return  # an old keyboard, or a message too old to reach: nothing to do
    reply = await remember_lang(update, context, reply)
    if reply.edit and len(reply.messages) == 1:
        try:
            with sent_messages_unread():  # the message edited is not read
                await query.edit_message_text(reply.messages[0], reply_markup=keyboard(reply))
            return
        except BadRequest as exc:
            if "not modified" in str(exc).lower():
                return
            logger.info("Could not edit the menu message (%s); sending a new one", exc)
    await send_reply(message, reply, context=context)  # type: ignore[arg-type]
