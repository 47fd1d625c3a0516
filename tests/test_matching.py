"""Matching behaviour that must hold whatever the tuning: typos, folding, cities,
off-topic questions, language."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.matching import Matcher


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Öğrenen şehir nedir?", "what-is-learning-city"),
        ("ogrenen sehir nedir", "what-is-learning-city"),
        ("ÖĞRENEN ŞEHİR NEDİR", "what-is-learning-city"),
        ("What is a learning city?", "what-is-learning-city"),
        ("KOMEK nedir?", "what-is-komek"),
        ("Türkiye'deki öğrenen şehirler hangileri?", "members-turkey"),
        ("turkiyedeki ogrenen sehirler hangileri", "members-turkey"),
        ("How many cities are in the network?", "member-count"),
        ("kaç şehir üye", "member-count"),
        ("Medellín konferansı", "conference-4-medellin"),
        ("medelin konferansi", "conference-4-medellin"),
        ("Who won the Learning City Award in 2024?", "award-winners-2024"),
    ],
)
def test_answers(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == ("answer", entry), (reply.kind, reply.entry_id, reply.suggestions)


def test_every_city_is_answered_from_the_city_data(assistant: Assistant) -> None:
    for city in assistant.content.cities:
        for question in (f"{city.name} öğrenen şehir mi?", f"{city.name} ne zaman katıldı?",
                         f"Is {city.name} a learning city?"):
            reply = assistant.ask(question)
            assert reply.entry_id == city.entry_id and reply.matched, (question, reply.kind, reply.entry_id)
            assert str(city.joined) in reply.text
            assert city.name in reply.text


@pytest.mark.parametrize(
    ("question", "city"),
    [
        ("Bolu öğrenen şehir mi?", "bolu"),
        ("İzmir ne zaman katıldı?", "izmir"),
        ("Is Hatay a learning city?", "hatay"),
        ("Afyon öğrenen şehir mi?", "afyonkarahisar"),
        ("izmir'in uyelik yili", "izmir"),
        ("Eskişehir'in üyelik yılı", "eskisehir"),
    ],
)
def test_city_questions(assistant: Assistant, question: str, city: str) -> None:
    reply = assistant.ask(question)
    assert reply.matched and reply.entry_id == f"city-{city}"


@pytest.mark.parametrize(
    "question",
    [
        "where to eat in Konya?",
        "Konya'da ne yenir?",
        "İzmir hava durumu",
        "Bursa'da gezilecek yerler",
        "Pekin'e uçak bileti",
        "Cork to Dublin train",
        "tell me a joke",
        "asdfgh qwerty",
        "bugün hava nasıl",
    ],
)
def test_off_topic_questions_get_no_confident_answer(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.matched, (reply.entry_id, reply.score)


def test_unknown_question_says_it_does_not_know(assistant: Assistant) -> None:
    reply = assistant.ask("zxcv qwerty plmokn")
    assert reply.kind == "fallback"
    assert reply.entry_id is None
    assert "uil.unesco.org" in reply.text


def test_close_call_offers_up_to_three_topic_buttons() -> None:
    matcher = Matcher([
        ("a", [("en", "learning city award winners")], ()),
        ("b", [("en", "learning city award rules")], ()),
        ("c", [("en", "learning city conference")], ()),
    ])
    result = matcher.match("learning city award")
    assert result.decision == "suggest"
    assert {m.entry_id for m in result.ranked[:2]} == {"a", "b"}


def test_suggestion_reply_has_buttons(assistant: Assistant) -> None:
    reply = assistant.ask("GNLC ödül")
    if reply.kind == "suggest":
        buttons = [b for row in reply.buttons for b in row if b.data and b.data.startswith("e:")]
        assert 1 <= len(buttons) <= 3
        assert [b.data for b in buttons] == [f"e:{s}" for s in reply.suggestions]
    else:
        assert reply.kind == "answer"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ogrenen sehir nedir", "tr"),
        ("Öğrenen şehir nedir?", "tr"),
        ("what is a learning city", "en"),
        ("how many cities are members", "en"),
        ("uye olmak icin ne yapmali", "tr"),
    ],
)
def test_reply_language_follows_the_question(assistant: Assistant, question: str, lang: str) -> None:
    assert assistant.ask(question, pref="en" if lang == "tr" else "tr").lang == lang


def test_preference_breaks_ties(assistant: Assistant) -> None:
    assert assistant.ask("komek", pref="en").lang == "en"
    assert assistant.ask("komek", pref="tr").lang == "tr"
    assert assistant.ask("komek", user_lang="en-US").lang == "en"
    assert assistant.ask("komek", user_lang="tr").lang == "tr"


@pytest.mark.parametrize("question", ["", "   ", "🙂🙂🙂", "?!?", "x" * 5000, "<script>alert(1)</script> & co",
                                      "İİİıııIII", "\u0000\u200b", "a" * 10 + " " + "b " * 3000])
def test_odd_input_never_crashes_and_stays_valid(assistant: Assistant, question: str) -> None:
    from bot.tghtml import MAX_MESSAGE, utf16_len, validate

    reply = assistant.ask(question)
    assert reply.messages
    for message in reply.messages:
        assert validate(message, strict=False) == []
        assert 0 < utf16_len(message) <= MAX_MESSAGE
    assert "<script>" not in reply.text
