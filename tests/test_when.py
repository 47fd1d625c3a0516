"""Reading the time an operator writes after /announce."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.when import BadTime, format_when, split_when


def test_istanbul_time_unless_an_offset_is_given() -> None:
    when, rest = split_when("2026-12-05 10:00 Yeni dönem")
    assert rest == "Yeni dönem"
    assert when == datetime(2026, 12, 5, 7, 0, tzinfo=UTC)  # Istanbul is UTC+3
    assert split_when("2026-12-05T10:00+01:00")[0] == datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    assert split_when("2026-12-05 10:00 -0530")[0] == datetime(2026, 12, 5, 15, 30, tzinfo=UTC)
    assert split_when("2026-12-05 9:05:30Z")[0] == datetime(2026, 12, 5, 9, 5, 30, tzinfo=UTC)
    assert format_when(datetime(2026, 12, 5, 7, 0, tzinfo=UTC)) == "2026-12-05 10:00 (Europe/Istanbul)"


def test_text_without_a_time_is_left_alone() -> None:
    assert split_when("Merhaba 2026-12-05 10:00") == (None, "Merhaba 2026-12-05 10:00")
    assert split_when("") == (None, "")
    assert split_when("2026-12-05x") == (None, "2026-12-05x")


@pytest.mark.parametrize("text", ["2026-02-30 10:00", "2026-12-05", "2026-12-05 24:00", "2026-12-05 10:00 +15:00"])
def test_a_date_that_is_no_time_is_refused(text: str) -> None:
    with pytest.raises(BadTime):
        split_when(text)


def test_the_offset_is_exact() -> None:
    when, _ = split_when("2026-06-01 00:00+03:00")
    assert when is not None and when.utcoffset() == timedelta(hours=3)
