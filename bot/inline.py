"""Inline mode: a few articles for what someone types after the bot's name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import tghtml
from bot.lang import choose_lang
from bot.replies import InlineArticle

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["inline_articles"]


def inline_articles(
    assistant: Assistant, query: str, *, pref: str | None = None, user_lang: str | None = None, limit: int = 5
) -> list[InlineArticle]:
    """Up to ``limit`` answers for an inline query (the best matches, members first)."""
    lang = choose_lang(pref, user_lang)
    query = query.strip()
    if query:
        query, written_lang = assistant.understanding.spelled(query)  # typos corrected
        result = assistant.matcher.match(query, limit)
        lang = written_lang or result.lang or choose_lang(pref, user_lang, result.best.lang if result.best else None)
        ids = [m.entry_id for m in result.ranked if m.score >= assistant.matcher.thresholds.suggest]
        if assistant.members is not None:
            found = [m.entry_id for m in assistant.members.inline_members(query, limit)]
            ids = list(dict.fromkeys([*found, *ids]))
    else:
        ids = [e for t in assistant.content.topics for e in t.entries[:1]][:limit]
    articles: list[InlineArticle] = []
    for entry_id in ids:
        if len(articles) >= limit:
            break
        reply = assistant.entry_reply(entry_id, lang)
        if query and assistant.guard.check(query, entry_id, shown=reply.text) is not None:
            continue  # "KOMEK kurs ücreti": KOMEK's entry gives no fee, so it is not offered as one
        articles.append(
            InlineArticle(
                entry_id,
                assistant.title(entry_id, lang),
                tghtml.truncate_text(tghtml.to_plain(reply.messages[0]), 120),
                reply.messages[0],
            )
        )
    if not articles:
        text = assistant._msg("inline_fallback_text", lang)
        articles.append(
            InlineArticle(
                "none",
                assistant._msg("inline_fallback_title", lang),
                tghtml.truncate_text(tghtml.to_plain(text), 120),
                text,
            )
        )
    return articles
