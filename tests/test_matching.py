"""Matching behaviour that must hold whatever the tuning: typos, folding, cities,
off-topic questions, language."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.matching import Matcher
from bot.textnorm import term


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
        for question in (
            f"{city.name} öğrenen şehir mi?",
            f"{city.name} ne zaman katıldı?",
            f"Is {city.name} a learning city?",
        ):
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
    matcher = Matcher(
        [
            ("a", [("en", "learning city award winners")], ()),
            ("b", [("en", "learning city award rules")], ()),
            ("c", [("en", "learning city conference")], ()),
        ]
    )
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
        ("When did İzmir join the network?", "en"),  # a Turkish name does not make it Turkish
        ("define learning city", "en"),
        ("izmir learning city mi", "tr"),  # English words in a Turkish question closed by "mi"
        ("hamburg a learning city mi?", "tr"),
    ],
)
def test_reply_language_follows_the_question(assistant: Assistant, question: str, lang: str) -> None:
    assert assistant.ask(question, pref="en" if lang == "tr" else "tr").lang == lang


def test_preference_breaks_ties(assistant: Assistant) -> None:
    assert assistant.ask("komek", pref="en").lang == "en"
    assert assistant.ask("komek", pref="tr").lang == "tr"
    assert assistant.ask("komek", user_lang="en-US").lang == "en"
    assert assistant.ask("komek", user_lang="tr").lang == "tr"


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "🙂🙂🙂",
        "?!?",
        "x" * 5000,
        "<script>alert(1)</script> & co",
        "İİİıııIII",
        "\u0000\u200b",
        "a" * 10 + " " + "b " * 3000,
    ],
)
def test_odd_input_never_crashes_and_stays_valid(assistant: Assistant, question: str) -> None:
    from bot.tghtml import MAX_MESSAGE, utf16_len, validate

    reply = assistant.ask(question)
    assert reply.messages
    for message in reply.messages:
        assert validate(message, strict=False) == []
        assert 0 < utf16_len(message) <= MAX_MESSAGE
    assert "<script>" not in reply.text


# ---------------------------------------------------------------------------- issue 4: quality


@pytest.mark.parametrize(
    "question",
    ["kpss ne zaman", "when is the exam", "ne zaman?", "nerede", "what is 2+2", "2024", "how many"],
)
def test_question_words_and_numbers_alone_never_answer(assistant: Assistant, question: str) -> None:
    # Shared filler words ("ne zaman", "when is", "nerede") and bare numbers cannot carry a match.
    assert not assistant.ask(question).matched


def test_a_phrasing_made_only_of_question_words_still_matches_exactly(assistant: Assistant) -> None:
    reply = assistant.ask("sen kimsin?")
    assert (reply.kind, reply.entry_id) == ("answer", "about-bot")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # Turkish suffixes, with and without apostrophes and Turkish letters
        ("Bolu'nun üyelik yılı", "city-bolu"),
        ("İzmir'in üyeliği ne zaman başladı", "city-izmir"),
        ("Eskişehir'e ne zaman üye oldu", "city-eskisehir"),
        ("Konyanın üyelik yılı", "city-konya"),
        ("uyeliginin sartlari", "membership-requirements"),
        ("Medellín konferansının teması", "conference-4-medellin"),
        # synonyms and abbreviations
        ("öğrenen kent nedir", "what-is-learning-city"),
        ("GNLC", "what-is-gnlc"),
        ("UIL?", "what-is-uil"),
        ("komek?", "what-is-komek"),
        ("Birinci konferans nerede yapıldı", "conference-1-beijing"),
        ("When was the 2nd conference?", "conference-2-date"),
        # English and Turkish words of one entry meet ("joined" ~ "katıldı")
        ("which city joined first from Turkey", "first-turkish-member"),
        ("2024 ödülünü kim kazandı", "award-winners-2024"),
        ("What was the size of the 2022 intake?", "members-y-2022"),  # a year's intake is who joined
        ("when does the application window open", "application-calls"),
        # typos
        ("ogrnen sehr nedir", "what-is-learning-city"),
        ("konfreans medelin", "conference-4-medellin"),
        ("when did sakarya jion", "city-sakarya"),
        ("who cordinates the learning cities netowrk", "who-runs"),
    ],
)
def test_inflections_synonyms_and_typos(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == ("answer", entry), (reply.kind, reply.entry_id, reply.suggestions)


@pytest.mark.parametrize(
    "question",
    [
        "Medellín'de gezilecek yerler",
        "Pekin ördeği tarifi",
        "Jubail weather",
        "Cork'ta ne yenir",
        "Hamburg'da hava nasıl",
        "Bolu'da kamp yapılacak yerler",
        "UNESCO dünya mirası listesi",
        "Konya'nın nüfusu kaç?",
        "What's the capital of Saudi Arabia?",
        "UNESCO burs veriyor mu?",
    ],
)
def test_off_topic_questions_naming_a_city_or_unesco(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.matched, (reply.entry_id, reply.score)


def test_small_talk_around_a_question_does_not_hide_it(assistant: Assistant) -> None:
    reply = assistant.ask("Merhaba, yerel bir gazetede çalışıyorum, haber için soruyorum: Bolu ağa ne zaman katıldı?")
    assert reply.entry_id == "city-bolu" and reply.matched


def test_two_entries_that_fit_equally_get_a_did_you_mean() -> None:
    matcher = Matcher(
        [
            ("venue", [("en", "conference venue and hotels")], ()),
            ("dates", [("en", "conference venue and dates")], ()),
            ("award", [("en", "award winners")], ()),
        ]
    )
    clear = matcher.match("conference venue dates")
    assert clear.best is not None and clear.best.entry_id == "dates" and clear.decision == "answer"
    tie = matcher.match("conference venue")
    assert {m.entry_id for m in tie.ranked[:2]} == {"venue", "dates"}
    assert tie.ranked[0].score >= matcher.thresholds.answer
    assert tie.decision == "suggest"  # good enough, but not ahead of the runner-up by the margin


def test_unknown_words_count_against_a_match() -> None:
    matcher = Matcher([("konya", [("tr", "Konya öğrenen şehir mi")], ())])
    known = matcher.match("Konya öğrenen şehir mi").best
    unknown = matcher.match("Konya etli ekmek nerede yenir").best
    assert known is not None and known.score == pytest.approx(100.0)
    assert unknown is None or unknown.score < matcher.thresholds.suggest


def test_a_common_english_word_is_no_longer_form_of_a_short_one() -> None:
    matcher = Matcher([("award", [("en", "which cities won the award")], ()), ("sayi", [("tr", "kaç şehir say")], ())])
    won, say = (matcher._vocab[term(word) or word] for word in ("won", "say"))  # their groups' words
    assert won not in matcher._lexicon.similar("wondered")  # a word of its own, not "won" + "dered"
    assert won in matcher._lexicon.similar(term("wonn") or "wonn")  # a typo still is
    assert say in matcher._lexicon.similar("sayiliyor")  # Turkish: "say" + "ılıyor"


def test_keywords_are_phrasings_of_their_own() -> None:
    matcher = Matcher(
        [
            ("gnlc", [("en", "what is the global network of learning cities")], ("GNLC",)),
            ("other", [("en", "learning cities conference")], ()),
        ]
    )
    result = matcher.match("GNLC?")
    assert result.best is not None and result.best.entry_id == "gnlc" and result.decision == "answer"
    assert result.best.lang is None  # the keyword matched, not a phrasing


def test_ranking_is_deterministic_and_limited(assistant: Assistant) -> None:
    first = assistant.matcher.match("öğrenen şehir", limit=3)
    assert len(first.ranked) <= 3
    assert [m.score for m in first.ranked] == sorted((m.score for m in first.ranked), reverse=True)
    assert assistant.matcher.match("öğrenen şehir", limit=3) == first


def test_the_index_is_built_once(assistant: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.matching

    calls: list[str] = []
    original = bot.matching.terms
    monkeypatch.setattr(bot.matching, "terms", lambda text: calls.append(text) or original(text))
    for _ in range(3):
        assistant.ask("Konya ne zaman katıldı?")
    assert len(calls) <= 3  # only the question's last clause, never the content


def test_scoring_only_the_entries_with_a_selective_word_changes_nothing_shown(assistant: Assistant) -> None:
    # The shortcut for questions with a rare word must give the same decision and the
    # same entries above the suggestion line as scoring every candidate.
    from pathlib import Path

    from bot.evaluation import load_cases

    matcher = assistant.matcher
    floor = matcher._unseen_floor
    shown = matcher.thresholds.suggest
    questions = [c.question for c in load_cases(Path(__file__).parent / "eval" / "questions.yaml")]
    try:
        for question in questions:
            matcher.clear_caches(words=False)
            quick = matcher.match(question)
            matcher.clear_caches(words=False)
            matcher._unseen_floor = -1.0  # never take the shortcut
            full = matcher.match(question)
            matcher._unseen_floor = floor
            assert quick.decision == full.decision, question
            assert [(m.entry_id, round(m.score, 6)) for m in quick.ranked if m.score >= shown] == [
                (m.entry_id, round(m.score, 6)) for m in full.ranked if m.score >= shown
            ], question
    finally:
        matcher._unseen_floor = floor
        matcher.clear_caches(words=False)


def test_a_repeated_question_is_remembered(assistant: Assistant) -> None:
    matcher = assistant.matcher
    first = matcher.match("KOMEK nedir?")
    assert matcher.match("KOMEK nedir?") is first
    matcher.clear_caches()
    again = matcher.match("KOMEK nedir?")
    assert again is not first and again == first
