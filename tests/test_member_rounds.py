"""A year's admission round (issue 9): the countries that joined the network for the first
time in it are in the round's reply (members.yaml first_countries, with their source), and
"which countries joined in 2025" is that round."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("2025'te ilk kez katılan ülkeler", "ilk kez katılan 13 ülke"),
        ("which countries joined in 2025", "13 countries joined the network for the first time"),
        ("Aralık 2025'te kaç yeni şehir katıldı", "Türkmenistan"),
    ],
)
def test_the_2025_round_names_its_first_time_countries(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER
    text = to_plain(reply.text)
    assert says in text and "hanoicapital.chinhphu.vn" in text


def test_a_round_without_them_says_none(assistant: Assistant) -> None:
    """The 2024 round's sources name no first-time countries: no line for them."""
    text = to_plain(assistant.ask("2024'te kaç şehir katıldı").text)
    assert "ilk kez" not in text
