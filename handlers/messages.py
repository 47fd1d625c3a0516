"""Free-text questions: every private message; in groups, mentions and replies to the bot."""

from __future__ import annotations

from telegram import MessageEntity, Update

from bot.commands import Audience, command_target, parse_command, spec
from handlers.commands import on_command
from handlers.context import Context, assistant_of, is_private
from handlers.language import speaker_of
from handlers.sending import send_reply, with_feedback

__all__ = ["addressed_text", "on_group_text", "on_private_text", "typed_command"]


async def _answer(update: Update, context: Context, text: str) -> None:
    message = update.effective_message
    if message is None:
        return
    speaker = await speaker_of(update.effective_user, context)
    user = update.effective_user
    # Follow-ups are read per person: in a group each member has a context of their own.
    chat = (message.chat_id, user.id if user else None)
    reply = assistant_of(context).ask(text, pref=speaker.chosen, user_lang=speaker.client, chat=chat)
    private = is_private(update)
    # Recorded before the answer is sent: a /forgetme confirmed while the answer is on its
    # way then deletes this question too, instead of it being stored right after.
    await context.bot_data.record_question(
        chat_id=message.chat_id, user_id=user.id if user else None, text=text, reply=reply
    )
    await send_reply(message, with_feedback(reply, context) if private else reply, quote=not private, context=context)


def typed_command(update: Update, context: Context) -> bool:
    """Whether a text Telegram did not mark as a command is one of ours all the same:
    "/CİTY Bolu", typed with a Turkish capital, has no command entity (the name is not ASCII)."""
    message = update.effective_message
    text = message.text if message is not None else None
    parsed = parse_command(text) if text else None
    command = spec(parsed[0]) if parsed else None
    if text is None or command is None or command.audience != Audience.PUBLIC:
        return False
    target = command_target(text)
    if target is None:
        return is_private(update)
    return target.lower() == (context.bot.username or "").lower()


async def on_private_text(update: Update, context: Context) -> None:
    """Answer a question asked in a private chat."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    if typed_command(update, context):
        await on_command(update, context)
        return
    await _answer(update, context, message.text)


def addressed_text(update: Update, context: Context) -> str | None:
    """The question in a group message that mentions the bot or replies to it, else None."""
    message = update.effective_message
    if message is None or message.text is None:
        return None
    username = (context.bot.username or "").lower()
    text = message.text
    mentioned = False
    for entity, value in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if (entity.type == MessageEntity.MENTION and value.lstrip("@").lower() == username) or (
            entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == context.bot.id
        ):
            mentioned = True
            text = text.replace(value, " ")
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == context.bot.id
    )
    return text if mentioned or replied else None


async def on_group_text(update: Update, context: Context) -> None:
    """Answer a group message addressed to the bot; ignore ordinary chatter."""
    if typed_command(update, context):
        await on_command(update, context)
        return
    text = addressed_text(update, context)
    if text is not None:
        await _answer(update, context, text)
