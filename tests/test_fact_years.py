"""A year with no thing of an ordered kind (issue 9): "2018'de ödül verildi mi?" is a plain no
with the years there were; a year after the last one held is "I don't know that"."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("2018'de kaç şehir ödül aldı", "learning-city-award", "2018 yılında UNESCO Öğrenen Şehir Ödülü verilmedi"),
        ("Was there a Learning City Award in 2023?", "learning-city-award", "not given in 2023"),
        ("Did Cork win the award in 2018?", "learning-city-award", "not given in 2018"),
        ("2014'te konferans var mıydı", "conferences-overview", "2014 yılında bir Uluslararası"),
        ("was there a conference in 2020", "conferences-overview", "2019, 2021, and 2024"),
        ("2021'de hangi Türk şehri katıldı", "members-turkey", "2021 yılında Türkiye'den ağa katılan şehir olmadı"),
        ("did any Turkish city join in 2023", "members-turkey", "2022, and 2025"),
    ],
)
def test_a_year_with_none_is_a_plain_no_with_the_years_there_were(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_the_years_are_listed_as_the_language_lists_them(assistant: Assistant) -> None:
    text = to_plain(assistant.ask("2016 ödülü").text)
    assert "2015, 2017, 2019, 2021 ve 2024" in text


@pytest.mark.parametrize(
    "question",
    ["2025'te ödül verildi mi", "2026 award winners", "2026 konferansı nerede", "2026'da Türkiye'den kim katıldı"],
)
def test_a_year_after_the_last_one_held_is_not_known(assistant: Assistant, question: str) -> None:
    """The sources may not have it yet: no "no", an honest "I don't know that"."""
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER
    assert not any(no in reply.text for no in ("verilmedi", "not given", "yapılmadı", "olmadı"))


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("2021 ödülünü kaç şehir aldı", "learning-city-award", "10"),
        ("2013 konferansı", "conference-1-beijing", "Pekin"),
        ("2027 konferansı", "conference-7", "doğrulanmış bir bilgi yok"),
        ("2020'de Türkiye'den kaç şehir katıldı", "members-turkey", "İzmir, Balıkesir, Afyonkarahisar"),
    ],
)
def test_a_year_with_one_still_gets_it(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_kind_without_a_none_range_is_not_said_to_have_none(assistant: Assistant) -> None:
    """The network's size is known for some years only: 2018 is not "no members"."""
    reply = assistant.ask("2018'de ağda kaç şehir vardı")
    assert "yapılmadı" not in reply.text and "verilmedi" not in reply.text
