"""Things between two others, or of the years from one to another (bot/factbetween.py)."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says", "not_said"),
    [
        # the years from one to the other, both included
        (
            "2019 ile 2022 arasında Türkiye'den kaç şehir katıldı?",
            "members-turkey",
            ["7 şehir", "Hatay (2019)", "Yozgat (2022)"],
            ["Eskişehir", "Ankara"],
        ),
        ("How many Turkish cities joined between 2016 and 2018?", "members-turkey", ["3", "Bolu (2018)"], ["Hatay"]),
        ("2015 ile 2020 arasında kaç konferans yapıldı?", "conferences-overview", ["3", "Cork"], ["Pekin", "Yeonsu"]),
        # strictly between two things named
        (
            "Hatay'dan sonra ve Bursa'dan önce hangi şehirler katıldı?",
            "members-turkey",
            ["3 şehir", "İzmir", "Balıkesir", "Afyonkarahisar"],
            ["Sakarya"],
        ),
        ("Eskişehir ile Bolu arasında hangi şehir katıldı?", "city-konya", ["Konya (2017)"], ["Hatay"]),
        ("Which conference came between Mexico City and Medellín?", "conference-3-cork", ["Cork"], ["Beijing"]),
    ],
)
def test_the_things_between(
    assistant: Assistant, question: str, entry: str, says: list[str], not_said: list[str]
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    plain = to_plain(reply.messages[0])
    assert all(s in plain for s in says), plain
    assert not any(s in plain for s in not_said), plain


@pytest.mark.parametrize(
    "question",
    [
        "Konya ile Ankara arasında kaç km var?",  # a distance, not the members between
        "Konya ile Ankara arasında hangi şehirler var?",  # "ile" is no province ("il")
    ],
)
def test_between_two_places_is_no_question_of_members(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not (reply.kind == ReplyKind.ANSWER and reply.entry_id == "members-turkey")


def test_one_year_alone_is_not_a_range(assistant: Assistant) -> None:
    reply = assistant.ask("2020'de Türkiye'den kaç şehir katıldı?")
    assert "3 şehir" in to_plain(reply.text)
    assert "arasında" not in reply.text


@pytest.mark.parametrize(
    ("question", "entry", "says", "not_said"),
    [
        ("Türkiye'nin ilk dört üyesi hangileri?", "members-turkey", ["4 şehir", "Hatay (2019)"], ["İzmir"]),
        ("the first three Turkish members?", "members-turkey", ["3", "Bolu (2018)"], ["Hatay"]),
        ("ilk iki konferans nerede yapıldı?", "conferences-overview", ["2", "Pekin", "Mexico City"], ["Cork"]),
        # a year shared at the cut is kept whole: the 5th member joined with two others in 2020
        ("Türkiye'nin ilk beş üyesi", "members-turkey", ["7 şehir", "Afyonkarahisar"], ["Bursa"]),
    ],
)
def test_the_first_few(assistant: Assistant, question: str, entry: str, says: list[str], not_said: list[str]) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    plain = to_plain(reply.messages[0])
    assert all(s in plain for s in says), plain
    assert not any(s in plain for s in not_said), plain


def test_the_first_one_is_still_the_first_members_card(assistant: Assistant) -> None:
    assert assistant.ask("Türkiye'nin ilk üyesi hangisi?").entry_id == "first-turkish-member"


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Beşinci konferans dördüncüden kaç yıl sonra yapıldı?", "conferences-overview", "2 yıl"),
        ("En eski Türk üyesiyle en yeni Türk üyesi arasında kaç yıl var?", "members-turkey", "9 yıl"),
        ("How many years between the first and the last conference?", "conferences-overview", "11 years"),
        ("How many years after Beijing was the Cork conference?", "conferences-overview", "4 years"),
    ],
)
def test_the_years_between_two_things(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


@pytest.mark.parametrize("question", ["Kaç yıl önce ilk konferans yapıldı?", "Konya kaç yıldır üye?"])
def test_years_asked_of_one_thing_are_no_gap(assistant: Assistant, question: str) -> None:
    assert assistant.understanding.between.gap(question, "tr") is None
