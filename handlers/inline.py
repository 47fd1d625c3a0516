"""Inline mode: ``@bot question`` in any chat."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from handlers.context import Context, assistant_of
from handlers.language import speaker_of

__all__ = ["on_inline_query"]


async def on_inline_query(update: Update, context: Context) -> None:
    """Offer up to five matching answers as articles."""
    query = update.inline_query
    if query is None:
        return
    speaker = await speaker_of(query.from_user, context)
    articles = assistant_of(context).inline(query.query, pref=speaker.chosen, user_lang=speaker.client)
    results = [
        InlineQueryResultArticle(
            id=article.id,
            title=article.title,
            description=article.description,
            input_message_content=InputTextMessageContent(article.html, parse_mode=ParseMode.HTML),
        )
        for article in articles
    ]
    await query.answer(results, cache_time=60, is_personal=True)
