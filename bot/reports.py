"""Operators' reports, as Telegram HTML from the content's messages: statistics,
unanswered questions, recent announcements. The CLI prints the same as plain text."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.content import Messages
from bot.storage import Announcement, DeliveryCounts, Stats
from bot.tghtml import Html, escape, truncate_text, visible_text
from bot.when import format_when

if TYPE_CHECKING:
    from bot.suggest import Group

__all__ = ["announcements_report", "scheduled_report", "stats_report", "suggestions_report", "unanswered_report"]


def _counted(messages: Messages, lang: str, rows: list[tuple[str, int]]) -> Html:
    if not rows:
        return messages.render("list_empty", lang)
    return Html("\n").join(
        messages.render("count_line", lang, count=n, text=truncate_text(text, 120)) for text, n in rows
    )


def stats_report(stats: Stats, messages: Messages, lang: str, *, texts_stored: bool = True) -> Html:
    """/stats: people, groups, subscribers, questions, match rate, top lists, feedback."""
    parts = [
        messages.render(
            "stats",
            lang,
            users=stats.users,
            groups=stats.groups,
            subscribers=stats.subscribers,
            questions_7d=stats.questions_7d,
            questions_30d=stats.questions_30d,
            match_rate=f"{stats.match_rate:.0%}",
            up=stats.votes_up,
            down=stats.votes_down,
        )
    ]
    if texts_stored or stats.top_questions:
        parts.append(messages.render("stats_top_header", lang) + "\n" + _counted(messages, lang, stats.top_questions))
        parts.append(
            messages.render("stats_unanswered_header", lang) + "\n" + _counted(messages, lang, stats.top_unanswered)
        )
    if not texts_stored:
        parts.append(messages.render("questions_not_stored", lang))
    return Html("\n\n").join(parts)


def unanswered_report(rows: list[tuple[str, int]], messages: Messages, lang: str, *, texts_stored: bool = True) -> Html:
    """/unanswered: the most frequent unanswered questions, grouped by folded text."""
    body = _counted(messages, lang, rows)
    if not texts_stored and not rows:
        body = messages.render("questions_not_stored", lang)
    return messages.render("unanswered_header", lang, count=len(rows)) + "\n" + body


def suggestions_report(groups: list[Group], messages: Messages, lang: str, *, texts_stored: bool = True) -> Html:
    """/unanswered: the unanswered questions in groups, most asked first, each with the
    closest entry (add the phrasing there) or the hint that a new entry is needed."""
    if not groups:
        body = messages.render("questions_not_stored" if not texts_stored else "list_empty", lang)
    else:
        lines = []
        for group in groups:
            score = f"{group.score:.0f}"
            proposal = (
                messages.render("unanswered_closest", lang, entry=group.entry, score=score)
                if group.entry
                else messages.render("unanswered_new_entry", lang, score=score)
            )
            text = truncate_text(group.examples[0], 120)
            lines.append(messages.render("unanswered_group", lang, count=group.count, text=text, proposal=proposal))
        body = Html("\n").join(lines)
    return Html(messages.render("unanswered_header", lang, count=len(groups)) + "\n" + body)


def announcements_report(items: list[tuple[Announcement, DeliveryCounts]], messages: Messages, lang: str) -> Html:
    """/announcements: recent announcements with their delivery counts."""
    if not items:
        return messages.render("announcements_none", lang)
    lines = [messages.render("announcements_header", lang)]
    for announcement, counts in items:
        preview = truncate_text(visible_text(announcement.text.get(lang) or announcement.text["tr"]), 80)
        date = datetime.fromtimestamp(announcement.created).strftime("%Y-%m-%d %H:%M")
        lines.append(
            messages.render(
                "announcement_line",
                lang,
                id=announcement.id,
                date=date,
                status=announcement.status,
                sent=counts.sent,
                total=counts.total,
                failed=counts.failed,
                preview=escape(preview),
            )
        )
    return Html("\n\n").join(lines)


def scheduled_report(scheduled: list[Announcement], messages: Messages, lang: str) -> Html:
    """The announcements scheduled from Telegram, soonest first (each gets a Cancel button)."""
    lines = [messages.render("announcements_scheduled_header", lang)]
    for announcement in scheduled:
        preview = truncate_text(visible_text(announcement.text.get(lang) or announcement.text["tr"]), 80)
        when = format_when(announcement.due) if announcement.due is not None else "?"
        lines.append(
            messages.render("announcement_scheduled_line", lang, id=announcement.id, when=when, preview=preview)
        )
    return Html("\n\n").join(lines)
