"""What the content files must hold: the message keys with their placeholders, the
id rule, the audiences of announcements, and the command names the copy describes."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from bot.commands import ADMIN_COMMANDS, CHAT_COMMANDS, COMMANDS

__all__ = [
    "ADMIN_COMMANDS",
    "ANSWER_PLACEHOLDERS",
    "AUDIENCES",
    "CHAT_COMMANDS",
    "COMMANDS",
    "ID_PATTERN",
    "LOCAL_TZ",
    "MESSAGE_FIELDS",
    "PLACEHOLDER",
    "PLAIN_MESSAGE_LIMITS",
]

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
# Placeholders an answer may contain; the assistant replaces them with rendered lists.
ANSWER_PLACEHOLDERS = frozenset({"cities", "conferences", "links"})
PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")

# Every message key the code uses, with the placeholders its template may use.
MESSAGE_FIELDS: dict[str, frozenset[str]] = {
    key: frozenset(fields.split())
    for key, fields in {
        "language_name": "",
        "welcome": "name",
        "help": "",
        "about": "",
        "fallback": "",
        "did_you_mean": "",
        "empty_question": "",
        "menu_prompt": "",
        "topic_header": "title",
        "cities_header": "count as_of",
        "cities_year_header": "year count",
        "cities_year_none": "year",
        "cities_year_range": "year first last",
        "cities_usage": "",
        "city_line": "name url joined",
        "city_answer": "name country joined url",
        "city_usage": "",
        "city_not_found": "query url",
        "conferences_header": "count",
        "conference_line": "number city country dates theme",
        "conference_outcome": "outcome",
        "links_header": "",
        "link_line": "label url description",
        "lang_usage": "",
        "lang_set": "language",
        "source_label": "",
        "unknown_command": "",
        "button_topics": "",
        "inline_fallback_title": "",
        "inline_fallback_text": "",
        "error": "",
        "setting_not_saved": "",
        "subscribe_done": "",
        "subscribe_already": "",
        "unsubscribe_done": "",
        "unsubscribe_not": "",
        "subscribe_group_admins": "",
        "group_welcome": "",
        "forget_confirm": "",
        "forget_done": "",
        "forget_cancelled": "",
        "button_forget": "",
        "button_cancel": "",
        "button_helpful": "",
        "button_not_helpful": "",
        "feedback_thanks": "",
        "admin_only": "",
        "flood_notice": "",
        "announce_usage": "",
        "announce_invalid": "problems",
        "announce_preview": "count",
        "announce_preview_scheduled": "count when",
        "announce_version": "language",
        "announce_version_all": "",
        "announce_waiting": "",
        "announce_waiting_english": "",
        "announce_not_copyable": "",
        "announce_bad_time": "",
        "button_announce_english": "",
        "button_announce_schedule": "",
        "button_stop": "",
        "announce_scheduled": "id when count",
        "announce_stopped": "sent total failed",
        "announce_stop_late": "",
        "announcements_scheduled_header": "",
        "announcement_scheduled_line": "id when preview",
        "button_unschedule": "id",
        "announcement_unscheduled": "id",
        "button_announce_send": "",
        "announce_cancelled": "",
        "announce_stale": "",
        "announce_progress": "sent total failed",
        "announce_done": "sent total failed",
        "announcements_header": "",
        "announcement_line": "id date status sent total failed preview",
        "announcements_none": "",
        "stats": "users groups subscribers questions_7d questions_30d match_rate up down",
        "stats_top_header": "",
        "stats_unanswered_header": "",
        "count_line": "count text",
        "stats_chart_caption": "",
        "chart_questions": "days count",
        "chart_answered": "",
        "chart_suggested": "",
        "chart_unanswered": "",
        "chart_feedback": "count",
        "chart_up": "",
        "chart_down": "",
        "chart_no_votes": "",
        "list_empty": "",
        "unanswered_header": "count",
        "unanswered_group": "count text proposal",
        "unanswered_closest": "entry score",
        "unanswered_new_entry": "score",
        "unanswered_usage": "",
        "questions_not_stored": "",
        "reload_ok": "entries cities",
        "reload_failed": "count problems",
        "bot_description": "",
        "bot_short_description": "",
    }.items()
}
# Messages Telegram shows as plain text, with their own length limits (setMyDescription,
# setMyShortDescription).
PLAIN_MESSAGE_LIMITS: dict[str, int] = {"bot_description": 512, "bot_short_description": 120}
# Who a scheduled announcement goes to (``to`` in announcements.yaml).
AUDIENCES: tuple[str, ...] = ("all", "subscribers", "announce")
LOCAL_TZ = ZoneInfo("Europe/Istanbul")  # for announcement times written without an offset
