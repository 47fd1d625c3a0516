"""Which conference was about something: the facts read the other way round."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("hangi konferansın teması iklim eylemiydi", "conference-6-jubail", "İklim eyleminin"),
        ("which conference was about climate action", "conference-6-jubail", "climate action"),
        ("which conference was about resilience", "conference-5-yeonsu", "resilience"),
        ("sürdürülebilir öğrenen şehirler teması hangi konferansta", "conference-2-mexico", "Mexico City"),
    ],
)
def test_the_one_thing_whose_theme_holds_the_words(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in to_plain(reply.text), reply.text


def test_two_themes_that_hold_the_words_are_both_given(assistant: Assistant) -> None:
    reply = assistant.ask("which conference focused on inclusion?")
    text = to_plain(reply.text)
    assert reply.entry_id == "conferences-overview" and "1st conference" in text and "4th conference" in text


@pytest.mark.parametrize(
    "question",
    [
        "hangi konferans ekonomi üzerineydi",  # no theme holds it
        "konferansların teması neydi",  # no "which": not this reading
        "which conference was held in Cork",  # no "about": the fact finder's
    ],
)
def test_no_theme_no_answer_from_this_reading(assistant: Assistant, question: str) -> None:
    assert assistant.understanding.values.answer(question, "en") is None


@pytest.mark.parametrize("question", ["Did Cork win the award in 2024?", "Cork 2024'te ödül aldı mı"])
def test_a_place_in_a_question_about_another_kinds_year_is_only_a_place(assistant: Assistant, question: str) -> None:
    """Cork hosted the 3rd conference, but "the award in 2024" is the award's year."""
    reply = assistant.ask(question)
    assert reply.entry_id == "award-winners-2024" and "Cork" in reply.text, reply.text
    assert assistant.ask("Cork konferansı 2017'de miydi").entry_id == "conference-3-cork"
