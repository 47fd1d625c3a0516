"""Command handlers: every command the assistant knows goes through one handler."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.commands import parse_command
from handlers.common import Context, assistant_of, language_of, remember_lang, send_reply

__all__ = ["on_command", "on_unknown_command"]


async def on_command(update: Update, context: Context) -> None:
    """Reply to /start, /help, /cities, /city, /about, /conferences, /links, /faq, /lang."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    parsed = parse_command(message.text)
    if parsed is None:
        return
    pref, user_lang = await language_of(update.effective_user, context)
    first_name = update.effective_user.first_name if update.effective_user else ""
    reply = assistant_of(context).command(
        parsed[0], context.args or [], pref=pref, user_lang=user_lang, first_name=first_name
    )
    await remember_lang(update, context, reply)
    await send_reply(message, reply, quote=message.chat.type != ChatType.PRIVATE, context=context)


async def on_unknown_command(update: Update, context: Context) -> None:
    """Point a private chat to /help when a command is not one of ours."""
    message = update.effective_message
    if message is None:
        return
    pref, user_lang = await language_of(update.effective_user, context)
    await send_reply(message, assistant_of(context).command("", pref=pref, user_lang=user_lang), context=context)
