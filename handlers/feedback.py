"""👍 / 👎 votes on answers."""

from __future__ import annotations

from telegram import Update

from bot.callbacks import CallbackKind
from handlers.context import Context, render
from handlers.language import language_of
from handlers.queries import answer_query, pressed

__all__ = ["on_feedback"]


async def on_feedback(update: Update, context: Context) -> None:
    """Store a 👍 / 👎 vote on an answer and thank the user."""
    query = update.callback_query
    if query is None or update.effective_user is None:
        return
    parsed = pressed(query)
    if parsed is None or parsed.kind != CallbackKind.FEEDBACK or not context.bot_data.assistant.has_entry(parsed.value):
        await answer_query(query)  # forged or stale: a vote for nothing the bot offered is not counted
        return
    lang = await language_of(update, context)
    await answer_query(query, render(context, "feedback_thanks", lang))
    await context.bot_data.storage.add_feedback(
        update.effective_user.id,
        update.effective_chat.id if update.effective_chat else None,
        parsed.value,
        parsed.number,
    )
