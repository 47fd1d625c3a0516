"""Places checked and conferences by where they were held: "Medellín Kolombiya'da mı
Meksika'da mı?", "Was a conference ever held in Africa?", "First ICLC held outside Asia?"."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "place"),
    [
        ("Medellín Kolombiya'da mı Meksika'da mı?", "conference-4-medellin", "Kolombiya"),
        ("Medellín Kolombiya'da mı yoksa Meksika'da mı?", "conference-4-medellin", "Kolombiya"),
        ("Jubail Suudi Arabistan'da mı Katar'da mı?", "conference-6-jubail", "Suudi Arabistan"),
        ("Is Medellín in Colombia or in Mexico?", "conference-4-medellin", "Colombia"),
        ("Cork İrlanda'da mı İngiltere'de mi?", "conference-3-cork", "İrlanda"),
    ],
)
def test_a_host_checked_between_two_places_gets_where_it_was(
    assistant: Assistant, question: str, entry: str, place: str
) -> None:
    """A country that is also a name of another conference ("Meksika": the 2nd) is one of
    the places checked, not a second thing named."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert place in to_plain(reply.text)


def test_two_conferences_named_as_a_choice_are_still_compared(assistant: Assistant) -> None:
    reply = assistant.ask("Meksika konferansı mı önce Medellín mi?")
    assert reply.entry_id == "conferences-overview", reply.text
    text = to_plain(reply.text)
    assert "2." in text and "4." in text
