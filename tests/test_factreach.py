"""When the network reached a size (issue 9): read against the counts over time in
content/facts.yaml, never a date the sources do not give."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("when did the network have 230 members", "member-growth", "September 2020"),  # a count given
        ("ağda ne zaman 230 şehir vardı", "member-growth", "Eylül 2020"),
        ("When did the network reach 300 members?", "member-growth", "294 cities as of September 2022"),
        ("Ağ ne zaman 300 şehre ulaştı", "member-growth", "aşıldı"),  # between two counts: no date
        ("When did GNLC pass 100 cities?", "member-growth", "115 cities as of August 2016"),  # before the first
        ("When did it reach 500 members?", "member-count", "Not as far as I know"),  # past the latest
    ],
)
def test_a_size_reached_is_read_against_the_counts(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_between_two_counts_names_both_and_no_date(assistant: Assistant) -> None:
    text = to_plain(assistant.ask("ağ hangi yıl 400 üyeyi geçti").text)
    assert "356" in text and "425" in text and "tam tarihini vermiyor" in text


@pytest.mark.parametrize(
    "question",
    [
        "Why do some sources say 1000 cities when the network lists far fewer members?",  # "when", a conjunction
        "When did 72 cities join?",  # a round of joining, not a size
        "when did the conference have 650 participants",  # attendance
        "Türkiye ne zaman 10 üyeye ulaştı",  # Türkiye's members
    ],
)
def test_other_questions_with_a_number_are_not_a_size_reached(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert "passed" not in reply.text and "aşıldı" not in reply.text and "Not as far as I know" not in reply.text
