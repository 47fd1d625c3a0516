"""Confirmations and chatty questions: a claim checked against the facts, a question
wrapped in what people say around it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    "question",
    [
        "The network has 356 cities, correct?",
        "Şu an ağda 356 şehir var değil mi?",
        "I read the GNLC has 356 members. Is that current?",
        "The network has about 230 cities, right?",
    ],
)
def test_a_past_figure_checked_as_todays_gets_the_current_counts_card(assistant: Assistant, question: str) -> None:
    """The reply says when the figure was right and what the latest count is; the card is today's."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count"), reply.text
    assert "425" in text


@pytest.mark.parametrize(
    "question",
    ["2024'te ağda 356 şehir mi vardı?", "Ağda 356 şehir var mıydı?", "Did the network have 356 cities in 2024?"],
)
def test_a_figure_asked_about_its_own_time_keeps_its_card(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-growth"), reply.text
    assert "356" in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    [
        "Wasn't the 3rd conference held in Glasgow?",
        "Was the 3rd conference in Glasgow?",
        "3. konferans Glasgow'da mı yapıldı?",
        "The 3rd conference was in Glasgow, right?",
    ],
)
def test_a_place_checked_against_a_conference_by_its_rank(assistant: Assistant, question: str) -> None:
    """Glasgow also names an award winner: with "the 3rd conference" it is only the place checked."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-3-cork"), reply.text
    assert "Cork" in to_plain(reply.text)


def test_a_winner_with_the_awards_year_is_still_the_award(assistant: Assistant) -> None:
    reply = assistant.ask("Glasgow 2024 ödülünü aldı mı?")
    assert reply.entry_id == "award-winners-2024", reply.text
