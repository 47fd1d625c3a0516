"""A country's membership of UNESCO itself is not the network's (issue 9: honest when the
content has no answer), and a question about the network's cities stays theirs."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    "question",
    ["UNESCO'ya Türkiye ne zaman üye oldu", "When did Turkey join UNESCO?", "Is Germany a UNESCO member?"],
)
def test_a_country_joining_unesco_is_an_honest_no_answer(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and reply.entry_id is None
    assert "unesco.org" in reply.text
    assert len(reply.buttons) == 2  # the country's member cities, and the menu


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Konya UNESCO'ya ne zaman katıldı", "city-konya"),  # a city: the network's membership
        ("Türkiye UNESCO öğrenen şehirler ağına ne zaman katıldı", "members-turkey"),
        ("Which German cities are UNESCO learning cities?", "members-c-DE"),
        ("Almanya'dan UNESCO'ya kaç şehir üye", "members-c-DE"),
    ],
)
def test_the_networks_members_stay_answered(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
