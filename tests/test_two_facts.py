"""Two attributes of one thing asked in one message get both, and the Turkish forms
around them are read ("tarihlerdeydi", "sonunda", "hangisiydi", "ilki")."""

from __future__ import annotations

import pytest

import bot.assistant as assistant_module
from bot.askdepth import MAX_DEPTH
from bot.assistant import Assistant
from bot.factpositions import both_ends
from bot.phrases import word_matches
from bot.replies import ReplyKind
from bot.textnorm import fold_question
from bot.twoquestions import questions


@pytest.mark.parametrize(
    ("question", "entry", "both"),
    [
        (
            "Acaba Pekin konferansı hangi tarihlerdeydi, bir de sonunda hangi belge çıktı?",
            "conference-1-beijing",
            ("21–23 Ekim 2013", "Pekin Bildirgesi"),  # was the Yeonsu Declaration: "sonunda" read as "the latest"
        ),
        ("Cork konferansında ne çıktı, bir de tema neydi acaba?", "conference-3-cork", ("Cork Eylem Çağrısı", "2030")),
        ("Jubail'deki konferans ne zaman yapıldı, konusu iklim miydi?", "conference-6-jubail", ("3–5 Aralık", "İklim")),
        (
            "When was the Medellín conference and what was its theme?",
            "conference-4-medellin",
            ("1–3 October 2019", "Inclusion"),
        ),
    ],
)
def test_both_attributes_are_answered(assistant: Assistant, question: str, entry: str, both: tuple[str, str]) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    first, second = (reply.text.index(part) for part in both)
    assert first < second  # in the order asked
    assert reply.text.count("🔗") == 1  # one source line, not two replies glued together


def test_one_attribute_asked_twice_is_said_once(assistant: Assistant) -> None:
    reply = assistant.ask("Pekin konferansı ne zaman yapıldı, hangi tarihlerdeydi?")
    assert reply.entry_id == "conference-1-beijing"
    assert reply.text.count("21–23 Ekim 2013") == 1


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Pekin konferansı hangi tarihlerdeydi?", "conference-1-beijing"),
        ("En son yapılan konferans hangisiydi?", "conference-6-jubail"),
        ("Öğrenen şehirler konferanslarının ilki hangisiydi?", "conference-1-beijing"),
        ("Almanya'nın ilk öğrenen şehri hangisiydi?", "members-c-DE"),
        ("Konya 2016'da katılmadı mı?", "city-konya"),
    ],
)
def test_turkish_forms_are_read(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_copula_after_endings_is_an_ending() -> None:
    assert word_matches("tarihlerdeydi", "tarih")  # tarih + ler + de + ydi
    assert word_matches("pekindeymis", "pekin")
    assert word_matches("neredeydi", "nerede")
    assert not word_matches("yenir", "yeni")  # another word


@pytest.mark.parametrize(
    ("question", "entry", "both"),
    [
        ("Türkiye'deki en eski üye ile en yeni üye hangisi?", "members-turkey", ("Eskişehir", "Ankara")),
        ("the first and latest Turkish members?", "members-turkey", ("Eskişehir", "Ankara")),
        ("ilk ve son konferans nerede yapıldı?", "conferences-overview", ("Pekin", "Jubail")),
        ("Which were the first and the last conferences?", "conferences-overview", ("2013", "2024")),
    ],
)
def test_the_first_and_the_latest_are_both_answered(
    assistant: Assistant, question: str, entry: str, both: tuple[str, str]
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    first, latest = (reply.text.index(part) for part in both)
    assert first < latest


def test_both_ends_needs_both_joined() -> None:
    def ends(text: str) -> tuple[list[str], list[str]] | None:
        return both_ends(fold_question(text).split())

    assert ends("ilk ve son konferans") == (["ilk", "konferans"], ["son", "konferans"])
    assert ends("ilk konferans") is None  # one end only
    assert ends("ilk konferanstan sonraki son belge") is None  # not joined by "ve/ile/and"


@pytest.mark.parametrize(
    ("question", "held"),
    [
        # the year, then that year's others from Türkiye (was a fallback)
        ("When did Bursa join, and was anyone else from Turkey in the same batch?", ("2022", "Sakarya", "Yozgat")),
        ("Bolu hangi yıl üye oldu, aynı yıl başka kim katıldı?", ("2018", "3.")),  # Bolu alone that year
    ],
)
def test_a_year_then_the_same_years_others(assistant: Assistant, question: str, held: tuple[str, ...]) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER
    assert all(part in reply.text for part in held)
    assert not assistant.conversations.get(("same year", *questions(question)))  # the inner conversation is gone


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("When did Bursa join?", "was anyone else from Turkey in the same batch?"),
        ("Bursa ne zaman katıldı?", "aynı yıl başka kim vardı?"),
        ("Bursa ne zaman katıldı?", "aynı grupta başka kim vardı?"),
    ],
)
def test_the_same_batch_as_a_follow_up(assistant: Assistant, first: str, then: str) -> None:
    assistant.ask(first, chat="c")
    reply = assistant.ask(then, chat="c")
    assert reply.kind == ReplyKind.ANSWER
    assert "Sakarya" in reply.text and "Yozgat" in reply.text


def test_the_same_year_is_no_unknown_city(assistant: Assistant) -> None:
    reply = assistant.ask("aynı yıl başka kim katıldı?")  # no context: nothing to lean on
    assert reply.entry_id != "not-listed"  # was "aynı is not in my list of member cities"


@pytest.mark.parametrize(
    ("first", "then", "entry"),
    [
        ("Cork konferansı ne zamandı?", "orada hangi belge kabul edilmişti?", "conference-3-cork"),  # was the 2nd's
        ("What is UIL?", "where is it based, Hamburg right?", "uil-address"),  # was Hamburg's member card
    ],
)
def test_a_follow_up_points_at_the_last_thing(assistant: Assistant, first: str, then: str, entry: str) -> None:
    assistant.ask(first, chat="c")
    reply = assistant.ask(then, chat="c")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("2020 yılında Türkiye'den hangi şehirler ağa katıldı?", "members-turkey"),  # "yılında" names the year
        ("Medellín konferansında hangi belge kabul edilmişti?", "conference-4-medellin"),
        ("4. konferans nerede yapılmıştı?", "conference-4-medellin"),
        ("Konya 2017 yılında mı katıldı?", "city-konya"),
    ],
)
def test_year_words_and_past_perfect(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "held"),
    [
        ("Sakarya ile aynı yıl hangi şehirler katıldı?", ("Bursa", "Yozgat")),  # was did-you-mean
        ("Which cities joined the same year as Izmir?", ("Balıkesir", "Afyonkarahisar")),
    ],
)
def test_the_same_year_as_a_named_city(assistant: Assistant, question: str, held: tuple[str, str]) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER
    assert all(part in reply.text for part in held)
    name = assistant.understanding.names_in(fold_question(question))[0]
    assert not assistant.conversations.get(("same year", name, question))  # the inner conversation is gone


def _plain(reply_text: str) -> str:
    return fold_question(reply_text)


def test_two_questions_about_two_entries_get_both_answers(assistant: Assistant) -> None:
    reply = assistant.ask("İyi akşamlar. Ağa üye olmanın şartları neler? Bir de üye olunca rapor vermek gerekiyor mu?")
    assert reply.kind == ReplyKind.ANSWER
    said = _plain(" ".join(reply.messages))
    assert "iyi uygulamalardan" in said  # the requirements (the first question)
    assert "iki yilda bir rapor" in said  # the duties (the second), after them
    assert said.index("iyi uygulamalardan") < said.index("iki yilda bir rapor")


def test_a_mixed_reading_of_two_questions_gives_each_its_own(assistant: Assistant) -> None:
    said = _plain(" ".join(assistant.ask("When was the network founded? And where is UIL?").messages))
    assert "2013" in said and "hamburg" in said
    assert "1951" not in said  # not "UIL was founded in 1951/52": the two questions mixed


@pytest.mark.parametrize(
    "question", ["Ankara mı önce katıldı, İzmir mi?", "Ankara mı daha önce katıldı, yoksa İzmir mi?"]
)
def test_one_question_between_two_things_is_not_two(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    said = _plain(" ".join(reply.messages))
    assert "izmir" in said and "ankara" in said
    assert "bursa" not in said  # not "who joined before Ankara" as well


def test_a_question_that_leans_on_the_story_is_not_answered_alone(assistant: Assistant) -> None:
    reply = assistant.ask("KOMEK broşüründe UIL için 'Kategori 1 Merkezi' yazıyor, bu ne demek? Kategori 2 var mı?")
    assert reply.entry_id == "uil-category-1"
    assert "edindirme" not in _plain(" ".join(reply.messages))  # "bu ne demek?" alone is not KOMEK's name


def test_a_same_year_question_about_a_thing_with_no_year_does_not_ask_itself(assistant: Assistant) -> None:
    # KOMEK is the one thing named; its "same year" follow-up read that message again, without end
    reply = assistant.ask("Ben 2017'de KOMEK'te seramik kursuna başladım, aynı yıl bir konferans olmuş galiba, nerede?")
    assert reply.kind in (ReplyKind.ANSWER, ReplyKind.SUGGEST, ReplyKind.FALLBACK)


def test_readings_that_would_ask_each_other_without_end_are_stopped(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    depths: list[int] = []

    def again(a: Assistant, text: str, reply: object, lang: object) -> object:
        depths.append(len(depths))
        return a.ask(text)  # a reading that reads the whole message again: no end of its own

    monkeypatch.setattr(assistant_module, "chatty", again)
    reply = assistant.ask("Konya ne zaman katıldı?")
    assert reply.kind == ReplyKind.FALLBACK  # the deepest ask got "no answer", and each reading passed it up
    assert len(depths) == MAX_DEPTH


def test_a_second_question_that_goes_on_from_the_first(assistant: Assistant) -> None:
    reply = assistant.ask("Gaziantep'te bir dernekte çalışıyorum. Gaziantep öğrenen şehir mi, değilse nasıl olabilir?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "province-gaziantep")  # was did-you-mean
    assert assistant.ask("Konya üye mi, belediye başkanı kim?").kind == ReplyKind.NO_ANSWER  # what the content lacks


def test_doc_is_a_document(assistant: Assistant) -> None:
    reply = assistant.ask("what doc came out of the Medellín conference?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-4-medellin")
    assert "Manifesto" in reply.text
