"""A claim the asker read or heard, checked: "I read Chefchaouen is a learning city, is that
so?", "my grandma keeps saying the city won something from UNESCO". What was read or heard is
the question; who said it, and the story before it, are not. Each reading is tested both ways:
the message it answers, and a look-alike it leaves as it was.
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I read Chefchaouen is a learning city, is that so?", "member-chefchaouen"),
        ("Hi, planning a trip to Morocco and I read Chefchaouen is a learning city, is that so?", "member-chefchaouen"),
        ("my friend keeps saying Izmir joined in 2019", "city-izmir"),
        ("I heard Konya is a member, is that so?", "city-konya"),
        ("Where can I read about becoming a member?", "how-to-join"),  # "read" is no claim here
    ],
)
def test_what_was_read_or_heard_is_the_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "hey, my grandma lives in Heraklion and keeps saying the city won something from UNESCO, true?",
        "Heraklion won something from UNESCO?",
        "Heraklion UNESCO'dan bir şey kazanmış mı?",
    ],
)
def test_something_won_from_unesco_is_the_award(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-heraklion")
    assert "Award" in reply.text  # its research note: the award it received


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I live in Konya and wonder since when it's a member", "city-konya"),  # "wonder" is no win
        ("Did Medellín's football club win the league?", None),  # a win, but nothing of UNESCO's
    ],
)
def test_a_win_of_something_else_is_no_award(assistant: Assistant, question: str, entry: str | None) -> None:
    reply = assistant.ask(question)
    if entry is None:
        assert reply.kind != ReplyKind.ANSWER
    else:
        assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Is Buenos Aires in the network now, is that official?", "member-buenos-aires"),
        ("Hello from Buenos Aires 🇦🇷 I read we're in the network now, is that official?", "member-buenos-aires"),
        ("What is the official website of the network?", "websites"),  # no member named: the websites
    ],
)
def test_is_that_official_asks_the_membership(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_it_after_a_story_about_the_award_is_the_award(assistant: Assistant) -> None:
    """The story names Wyndham and the award; "it" is the award, "how many" the round's count."""
    question = (
        "A colleague at Wyndham told me the award only goes to a handful of cities each round. "
        "Any idea how many got it in 2021?"
    )
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "learning-city-award")
    assert "10" in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [("Cork kaç kez ödül aldı?", "member-cork"), ("How many times did Cork win the award?", "member-cork")],
)
def test_how_many_times_a_member_won_is_still_its_rounds(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert "2015" in reply.text and "2024" in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("KOMEK ne zamandan beri kurs veriyor?", "what-is-komek"),  # since it was founded, not a member
        ("KOMEK ne zamandan beri üye?", "komek-member-since"),
    ],
)
def test_courses_since_is_komeks_founding(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
