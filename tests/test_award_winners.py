"""The award's winners by year (issue 9): 2015-2021 named from the member research
(../shared/research, a source per city), 2017 with the 14 of its 16 that are named."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Which cities won the award in 2015?", "Espoo"),
        ("Hangi şehirler 2019'da ödül aldı", "Melitopol"),
        ("2021 ödülünü kazananlar", "Clermont-Ferrand"),
        ("Did Espoo win the award?", "2015"),
        ("Bristol hangi yıl ödül aldı", "2017"),
        ("names of the 2019 winners", "Sønderborg"),
    ],
)
def test_a_years_winners_are_named(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "learning-city-award")
    assert says in to_plain(reply.text)


def test_a_year_only_partly_named_says_how_many_are(assistant: Assistant) -> None:
    text = to_plain(assistant.ask("Who won the award in 2017?").text)
    assert "16 cities" in text and "name 14 of them" in text and "Contagem" in text


def test_the_2024_winners_keep_their_own_card(assistant: Assistant) -> None:
    assert assistant.ask("Did Doha win the award").entry_id == "award-winners-2024"


def test_a_winner_is_still_a_member_when_asked_when_it_joined(assistant: Assistant) -> None:
    """A winner's name names the award only with the award's words: 'Espoo ne zaman katıldı' is Espoo's card."""
    assert assistant.ask("Espoo ne zaman katıldı").entry_id == "member-espoo"


def test_a_conference_place_checked_is_not_an_award(assistant: Assistant) -> None:
    """Shanghai (a 2021 winner) is not an award name: the place checked against the 1st conference."""
    reply = assistant.ask("The first conference was in Shanghai, correct?")
    assert reply.entry_id == "conference-1-beijing" or "conference-1-beijing" in reply.suggestions
