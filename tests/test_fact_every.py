"""One attribute of every thing of a kind (bot/factevery.py)."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Konferansların temaları neler?", ["Sürdürülebilir öğrenen şehirler inşa etmek", "İklim eyleminin"]),
        ("hangi belgeler kabul edildi konferanslarda?", ["Pekin Bildirgesi", "Medellín Manifestosu", "Yeonsu"]),
        ("Which documents were adopted at the conferences?", ["Mexico City Statement", "Cork Call to Action"]),
        ("What were the themes of all the conferences?", ["Building sustainable learning cities"]),
    ],
)
def test_an_attribute_of_every_conference(assistant: Assistant, question: str, says: list[str]) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conferences-overview")
    plain = to_plain(reply.messages[0])
    assert all(s in plain for s in says), plain


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Son konferansın teması neydi?", "conference-6-jubail"),  # one of them
        ("İklim eylemi temalı konferans hangisiydi?", "conference-6-jubail"),  # the one with that theme
        ("Cork konferansının teması neydi?", "conference-3-cork"),
    ],
)
def test_one_conference_is_still_one(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_a_turkish_kind_word_ending_in_s_is_no_english_plural(assistant: Assistant) -> None:
    every = assistant.understanding.every
    assert every.answer("konferans teması", "tr") is None
    assert every.answer("konferansların teması", "tr") is not None
