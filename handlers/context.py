"""The typed context every handler gets, and the small lookups all of them share."""

from __future__ import annotations

from typing import Any, TypeAlias

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, CallbackContext, ExtBot

from bot.assistant import Assistant
from bot.lang import Lang
from bot.services import Services

__all__ = ["App", "Context", "assistant_of", "is_private", "render"]

Context: TypeAlias = CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], Services]
# The Application as the wiring builds it; ``application.bot_data`` is the Services.
App: TypeAlias = Application[ExtBot[int], Any, dict[Any, Any], dict[Any, Any], Services, Any]


def assistant_of(context: Context) -> Assistant:
    """The assistant serving this update (replaced as a whole by /reload)."""
    return context.bot_data.assistant


def render(context: Context, key: str, lang: Lang, /, **values: object) -> str:
    """A message from the content, in ``lang``."""
    return context.bot_data.assistant.content.messages.render(key, lang, **values)


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE
