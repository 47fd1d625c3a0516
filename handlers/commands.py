"""Command handlers: every command the assistant knows goes through one handler."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.commands import parse_command
from handlers.context import Context, assistant_of
from handlers.language import remember_lang, speaker_of
from handlers.sending import send_reply

__all__ = ["on_command", "on_unknown_command"]


async def on_command(update: Update, context: Context) -> None:
    """Reply to /start, /help, /cities, /city, /about, /conferences, /links, /faq, /lang."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    parsed = parse_command(message.text)
    if parsed is None:
        return
    name, args = parsed
    speaker = await speaker_of(update.effective_user, context)
    first_name = update.effective_user.first_name if update.effective_user else ""
    reply = assistant_of(context).command(
        name, args, pref=speaker.chosen, user_lang=speaker.client, first_name=first_name
    )
    reply = await remember_lang(update, context, reply)
    await send_reply(message, reply, quote=message.chat.type != ChatType.PRIVATE, context=context)


async def on_unknown_command(update: Update, context: Context) -> None:
    """Point a private chat to /help when a command is not one of ours."""
    message = update.effective_message
    if message is None:
        return
    speaker = await speaker_of(update.effective_user, context)
    reply = assistant_of(context).command("", pref=speaker.chosen, user_lang=speaker.client)
    await send_reply(message, reply, context=context)
