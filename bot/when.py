"""The time an operator writes after /announce: "2026-12-05 10:00" is Istanbul time,
"2026-12-05 10:00 +01:00" (or ``Z``) carries its own offset."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from bot.content.schema import LOCAL_TZ

__all__ = ["BadTime", "format_when", "split_when"]

_WHEN = re.compile(
    r"^\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[ T](?P<time>\d{1,2}:\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?:\s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?))?(?=\s|$)"
)


class BadTime(ValueError):
    """Something that starts like a date but is no valid time."""


def split_when(text: str) -> tuple[datetime | None, str]:
    """(the time at the start of ``text`` or None, the rest). Raises :class:`BadTime`
    when ``text`` starts with a date that is not a valid date and time."""
    match = _WHEN.match(text)
    if match is None:
        return None, text.strip()
    if match.group("time") is None:
        raise BadTime(f"{match.group('date')} has no time of day")
    try:
        hour, minute = match.group("time").split(":")
        second = match.group("second") or "00"
        naive = datetime.fromisoformat(f"{match.group('date')}T{int(hour):02d}:{minute}:{second}")
    except ValueError as exc:
        raise BadTime(str(exc)) from exc
    offset = match.group("offset")
    if offset is None:
        when = naive.replace(tzinfo=LOCAL_TZ)
    elif offset == "Z":
        when = naive.replace(tzinfo=UTC)
    else:
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 14 or minutes > 59:
            raise BadTime(f"no time zone has the offset {offset}")
        sign = 1 if offset[0] == "+" else -1
        when = naive.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return when, text[match.end() :].strip()


def format_when(when: datetime | float) -> str:
    """A time as operators read it: Istanbul time, to the minute."""
    moment = datetime.fromtimestamp(when, LOCAL_TZ) if isinstance(when, (int, float)) else when.astimezone(LOCAL_TZ)
    return moment.strftime("%Y-%m-%d %H:%M") + " (Europe/Istanbul)"
