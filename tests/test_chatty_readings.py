"""Chatty messages: the story around a question neither sinks nor takes over the question.

Each reading is tested both ways: the chatty question it answers, and a look-alike it must
leave as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.ourcity import with_city
from bot.replies import ReplyKind
from bot.smalltalk import load_smalltalk


# ---------------------------------------------------------------- "our city" read with its name
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Merhaba, Eskişehir'de yaşıyorum; şehrimiz Türkiye'nin ilk üyesiymiş, doğru mu?", "first-turkish-member"),
        ("Konyalıyım, bizim şehir ilk üye miydi?", "first-turkish-member"),
        ("Eskişehirliyim, Türkiye'nin ilk öğrenen şehri biziz diye biliyorum, yanlış mı?", "first-turkish-member"),
        ("Hello, I'm a librarian from Cork. Our city won the learning city award, didn't it?", "award-winners-2024"),
    ],
)
def test_our_city_is_read_with_its_name(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("İzmirliyim, bizim şehir de listede var mı?", "city-izmir"),  # its membership: the city's card
        ("I'm from Hamburg. Is our city a learning city?", "member-hamburg"),
        ("Bursalıyım şehrimiz ne zaman üye oldu", "city-bursa"),
    ],
)
def test_our_city_membership_is_still_its_card(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_with_city_needs_one_city_and_a_word_for_it(assistant: Assistant) -> None:
    assert with_city(assistant, "Sa, Eskişehirliyim, bizim şehir ilk üyeymiş?") == (
        "Sa, Eskişehirliyim, Eskişehir ilk üyeymiş?"
    )
    assert with_city(assistant, "I'm from Cork and we're the 2024 winners, right?") == (
        "I'm from Cork and Cork the 2024 winners, right?"
    )
    assert with_city(assistant, "Eskişehirliyim, Konya ilk üye mi?") is None  # no word for the asker's city
    assert with_city(assistant, "Konyalıyım ama İzmir'de yaşıyorum, bizim şehir ilk mi?") is None  # which one?
    assert with_city(assistant, "Almanya'dayım, bizim şehir üye mi?") is None  # a country is no city


def test_our_city_never_answers_instead_of_a_refusal(assistant: Assistant) -> None:
    reply = assistant.ask("Konyalıyım, şehrimizin belediye başkanı kim, ne zamandan beri görevde")
    assert reply.kind == ReplyKind.NO_ANSWER


def test_broken_city_words_are_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text(
        "- chatter: {phrases: [a], words: [b], endings: [c], ends: [d], city_words: [[x]]}\n", encoding="utf-8"
    )
    assert "city_words needs a list of phrases" in "\n".join(load_smalltalk(tmp_path)[1])
