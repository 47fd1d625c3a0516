"""Operators' commands (BOT_ADMIN_IDS), one concern a module: who may use them
(:mod:`.access`), announcing (:mod:`.announce` the command, :mod:`.compose` the
operator's messages, :mod:`.preview`, :mod:`.buttons`), the list of announcements
(:mod:`.listing`), statistics and unanswered questions (:mod:`.reports`) and reloading
the content (:mod:`.reload`). Every call and every button press checks the admin list."""

from handlers.admin.announce import on_announce
from handlers.admin.buttons import on_announce_button
from handlers.admin.compose import on_operator_message
from handlers.admin.listing import on_announcements
from handlers.admin.reload import on_reload
from handlers.admin.reports import on_stats, on_unanswered

__all__ = [
    "on_announce",
    "on_announce_button",
    "on_announcements",
    "on_operator_message",
    "on_reload",
    "on_stats",
    "on_unanswered",
]
