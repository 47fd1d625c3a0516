"""The replies to inline buttons and to ``/start PAYLOAD`` deep links."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot import callbacks
from bot.callbacks import CallbackKind
from bot.lang import Lang
from bot.members.replies import ListFilter
from bot.replies import Button, Reply, reply_of

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["button_reply", "payload_button"]


def button_reply(a: Assistant, data: str, lang: Lang) -> Reply | None:
    """The reply to an inline button's callback data; None for stale, forged or unknown data."""
    parsed = callbacks.parse(data)
    if parsed is None:
        return None
    if parsed.kind == CallbackKind.MENU:
        return replace(a.faq_reply([], lang, ""), edit=True)
    value = parsed.value
    if parsed.kind == CallbackKind.ENTRY and (value in a.content.faq or value in a.content.city_by_entry):
        return a.entry_reply(value, lang)
    if parsed.kind == CallbackKind.TOPIC:
        topic = next((t for t in a.content.topics if t.id == value), None)
        if topic is None:
            return None
        buttons = tuple((Button(a.title(e, lang), data=callbacks.entry(e)),) for e in topic.entries)
        return reply_of(
            a.render.msg("topic_header", lang, title=topic.title[lang]),
            lang,
            buttons=(*buttons, (a.menu_button(lang),)),
            edit=True,
        )
    if parsed.kind == CallbackKind.LANG:
        return a.listings.lang([value], lang, "")
    if parsed.kind == CallbackKind.MEMBERS and a.members is not None:
        chosen = ListFilter.parse(value)
        if chosen is None or not a.members.valid(chosen):
            return None
        return replace(a.members.list_reply(chosen, parsed.number, lang), edit=True)
    if parsed.kind == CallbackKind.ENTRY and a.members is not None:
        return a.members.entry_reply(value, lang)
    return None


def payload_button(a: Assistant, payload: str) -> str | None:
    """The button a ``/start PAYLOAD`` deep link stands for (an entry, a topic or a
    city), as callback data; None when it names none of them."""
    key = payload.strip().lower()
    if key in a.content.faq or key in a.content.city_by_entry:
        return callbacks.entry(key)
    if any(t.id == key for t in a.content.topics):
        return callbacks.topic(key)
    city = a.listings.named(key)
    return callbacks.entry(city.entry_id) if city else None
