"""Which language to use with a person: the one place the Telegram layer decides it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import Update, User

from bot.lang import Lang, choose_lang
from bot.replies import Reply, ReplyKind
from bot.storage import StorageError
from handlers.context import Context, render

__all__ = ["Speaker", "language_of", "remember_lang", "speaker_of"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Speaker:
    """What tells a person's language: their /lang choice and their Telegram client's."""

    chosen: Lang | None = None
    client: str | None = None

    @property
    def lang(self) -> Lang:
        """The language to use when the person's own words do not tell."""
        return choose_lang(self.chosen, self.client)


async def speaker_of(user: User | None, context: Context) -> Speaker:
    """The language settings of ``user`` (the /lang choice is read from the database;
    a database that cannot be read leaves only the client's language)."""
    if user is None:
        return Speaker()
    try:
        chosen = await context.bot_data.storage.get_lang(user.id)
    except Exception as exc:  # a database problem must not cost the person their answer
        logger.warning("Could not read the language choice of a user: %s", exc)
        chosen = None
    return Speaker(choose_lang(chosen, None) if chosen else None, user.language_code)


async def language_of(update: Update, context: Context) -> Lang:
    """The language for the person behind ``update``."""
    return (await speaker_of(update.effective_user, context)).lang


async def remember_lang(update: Update, context: Context, reply: Reply) -> Reply:
    """Store the language a /lang reply chose; the reply to send: that one, or (when the
    database takes no writes: read-only, a full disk) one saying it could not be saved."""
    if reply.set_lang is None or update.effective_user is None:
        return reply
    try:
        await context.bot_data.storage.set_lang(update.effective_user.id, reply.set_lang)
    except StorageError as exc:
        logger.error("Could not save a language choice: %s", exc)
        return Reply((render(context, "setting_not_saved", reply.lang),), reply.lang, kind=ReplyKind.INFO)
    return reply
