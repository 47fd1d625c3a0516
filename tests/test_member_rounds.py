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


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Ağdaki en yeni ülkeler hangileri?", "ilk kez katılan 13 ülke"),
        ("En son hangi ülkeler katıldı?", "ilk kez katılan 13 ülke"),
        ("Which countries joined the network most recently?", "13 countries joined the network for the first time"),
        ("Which is the newest country in the network?", "13 countries joined the network for the first time"),
    ],
)
def test_the_newest_countries_are_the_latest_rounds_first_time_countries(
    assistant: Assistant, question: str, says: str
) -> None:
    """Before, the newest cities' FAQ card, or KOMEK's membership ('En son hangi ülkeler katıldı?')."""
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER, reply.text
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("En son hangi şehirler katıldı?", "newest-members"),  # cities, not countries
        ("What is the latest country to host the conference?", "conference-6-jubail"),
        ("Almanya'dan en son hangi şehirler katıldı?", "members-c-DE"),  # a country's latest members
    ],
)
def test_the_newest_cities_or_host_are_not_the_newest_countries(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert "ilk kez" not in to_plain(reply.text) and "first time" not in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    [
        "which capitals joined in 2025",
        "2025'te katılan başkentler hangileri?",
        "Which national capitals were in the December 2025 list?",
    ],
)
def test_a_rounds_capitals_are_named(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == "members-y-2025"  # the capitals are of the year's list of members
    assert "11" in reply.text and "Porto-Novo" in reply.text and "Caracas" in reply.text


def test_the_capitals_are_members_of_that_round(assistant: Assistant) -> None:
    assert assistant.members is not None
    directory = assistant.members.directory
    batch = directory.batch(2025)
    assert batch is not None and len(batch.capitals) == 11 and batch.capitals_source
    for name in batch.capitals:
        found = [m for m in directory.members if m.city == name]
        assert len(found) == 1 and found[0].joined.first == 2025, name


def test_a_round_without_capitals_says_none(assistant: Assistant) -> None:
    """2024's announcement names no capitals in the sources: no capitals line, the year's list."""
    assert "capital cities" not in assistant.ask("which capitals joined in 2024").text
    assert "Porto-Novo" not in assistant.ask("How many cities joined in 2025?").text  # not asked: not said
