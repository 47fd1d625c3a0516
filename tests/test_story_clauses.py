"""What the asker says about themselves is not what is asked: the time of their story
("I'm visiting Eskişehir next month"), "basit bir soru olacak", "miymiş gerçekten"."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.clauses import asking_part, clauses
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I'm visiting Eskisehir next month, is it a learning city?", "city-eskisehir"),  # was "nothing later"
        ("Gelecek ay Hamburg'a gideceğim, UIL nerede?", "uil-address"),
        ("Kusura bakmayın çok basit bir soru olacak ama öğrenen şehir ne demek?", "what-is-learning-city"),
        ("sorum şu olacak: 7. konferans nerede olacak?", "conference-7"),
        ("afyon da uye miymis gercekten?", "city-afyonkarahisar"),
        ("Afyon da üye miymiş gerçekten?", "city-afyonkarahisar"),
    ],
)
def test_the_story_around_a_question_asks_nothing(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Which cities will join in 2026?",
        "Next year I'm moving to Bursa. Which cities will join next year?",  # the question asks about later too
        "Next month I'm going to Hamburg, will UIL open a new office?",
    ],
)
def test_a_question_about_later_is_still_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_asking_part_is_the_clauses_that_ask() -> None:
    assert asking_part("I'm visiting Eskisehir next month, is it a learning city?") == "is it a learning city?"
    assert asking_part("Is Eskisehir a learning city?") is None  # one clause: nothing told around it
    assert asking_part("I'm visiting Eskisehir next month.") is None  # nothing asked


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Eskişehir'den önce Türkiye'den üye var mıydı?", "first-turkish-member"),  # none: it was the first
        ("Which conference came before Beijing?", "conference-1-beijing"),
        ("Bolu 2017'de girmedi miydi?", "city-bolu"),  # "girmedi": joined, said not to
        ("İzmir 2019'da girmedi mi?", "city-izmir"),
        ("Which is the newest batch of members?", "newest-members"),
        ("How many cities were in the 2024 batch?", "members-y-2024"),
    ],
)
def test_order_and_joining_words(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_none_before_the_first_says_so(assistant: Assistant) -> None:
    reply = assistant.ask("Eskişehir'den önce Türkiye'den üye var mıydı?")
    assert "ilk" in reply.text and "2016" in reply.text


@pytest.mark.parametrize("question", ["What was the biggest intake?", "What was the biggest batch?"])
def test_a_lower_case_word_after_the_is_no_city(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id != "not-listed"  # was "biggest is not in my list of member cities"


def test_nobody_is_no_question_about_the_bot(assistant: Assistant) -> None:
    reply = assistant.ask("Türkiye'den 2021'de kimse katılmadı mı?")
    assert reply.entry_id != "about-bot"  # "kimse" (nobody) read as "kimsin" (who are you)
    assert "2021" in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the asker's people ("öğrencilerim": my students) are no unknown city, and ask what they ask
        ("Konya'da öğretmenim, öğrencilerim öğrenen şehir nedir diye sordu", "what-is-learning-city"),
        ("Konya'da öğretmenim. Öğrencilerim öğrenen şehir nedir diye sordu.", "what-is-learning-city"),
        ("torunum KOMEK ne zaman kuruldu diye soruyor", "what-is-komek"),
        ("meslektaşım Hatay hâlâ üye mi diye merak ediyor", "city-hatay"),
        # "... in Konya and my students asked me ...": where the asker is from, then the question
        ("I'm a teacher in Konya and my students asked me what a learning city is", "what-is-learning-city"),
        ("I'm from Cork and I wonder which conference was held there", "conference-3-cork"),
        ("Erzurum öğrenen şehir mi?", "province-erzurum"),  # a city's name still is one
    ],
)
def test_the_askers_people_and_place(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I am an English teacher in Ankara. Did Ankara join recently? When exactly?", "city-ankara"),
        ("I run a small NGO in Ankara, heard Ankara joined recently, when exactly?", "city-ankara"),
        ("Merhaba, biz köyde yaşıyoruz, köyler de üye olabilir mi acaba?", "membership-requirements"),
        ("Can villages join?", "membership-requirements"),
        ("Konyalıyım. Konya hangi konferansa katılmıştı?", "komek-conference-role"),
    ],
)
def test_the_question_after_the_story(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize("question", ["köyler üye olabilir mi?", "bizim ilçe üye olabilir mi?"])
def test_common_nouns_are_no_unknown_city(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id != "not-listed"  # was "köyler is not in my list of member cities"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # what the asker is doing ("bir AB projesi yazıyoruz") is no question about cities' projects
        (
            "Bir AB projesi yazıyoruz, öğrenen şehrin temel özelliklerine (Key Features) atıf yapmamız lazım. "
            "Bunlar nelerdir?",
            "key-features",
        ),
        (
            "Sağlıkla ilgili bir proje yürütüyorum. Ağın tematik kümeleri varmış, hangi konular var?",
            "thematic-clusters",
        ),
        # "there": the conference the story names; volunteering was the asker's
        (
            "I volunteered at the Cork conference back in 2017, lovely memories! What was the document adopted there?",
            "conference-3-cork",
        ),
        # "seneye" (next year) is when the asker travels, not what is asked
        (
            "Medellín'de yapılan konferansın teması neydi acaba? Seneye Kolombiya'ya gideceğim 🙂",
            "conference-4-medellin",
        ),
        # "başvuracak bir belediye": a municipality that would apply, no question about later
        ("Türkiye'den başvuracak bir belediye Milli Komisyon'dan bir yazı almak zorunda mı?", "join-turkey"),
    ],
)
def test_the_story_holds_no_refusal(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "I don't know KOMEK's course hours. Where can I find them?",
        "Can I volunteer at the next conference?",
        "KOMEK'te çalışıyorum, maaşlar ne kadar?",
        "Bir proje yürütüyorum, UIL'in logosunu kullanabilir miyim?",
        "Konya'nın öğrenen şehir projeleri neler?",
        "Seneye konferans nerede olacak?",
    ],
)
def test_what_the_content_lacks_is_still_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # KOMEK's site is where the asker looked, not what is asked
        (
            "Balıkesirliyim, KOMEK'in sitesindeki listede Balıkesir'i göremeyince üzüldüm. "
            "Biz üye değil miyiz yoksa liste mi eski?",
            "city-balikesir",
        ),
        (
            'ya şu 1000 şehir meselesi ne, KOMEK sitesinde "1000\'in üzerinde şehir öğrenen şehir olmuş" yazıyor, '
            "bu üye sayısı mı?",
            "thousand-cities-claim",
        ),
        ("KOMEK'in sitesi ne?", "what-is-komek"),  # the website asked
        ("İlk konferans 2015'te Meksika'daydı, emin misin?", "conference-1-beijing"),  # a tag: the story is asked
    ],
)
def test_a_thing_named_only_in_the_story(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_written_ordinal_ends_no_clause() -> None:
    from bot.clauses import clauses

    assert clauses("Pekin Bildirgesi 2. konferansta mı kabul edildi?") == [
        "Pekin Bildirgesi 2. konferansta mı kabul edildi?"
    ]
    assert clauses("I live in Konya. When did Konya join?") == ["I live in Konya.", "When did Konya join?"]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "yazacağımı" (what I will write) is no "yazacağı mı": no question about later
        (
            "Ağla ilgili bir soru sormak istiyorum ama kime yazacağımı bilmiyorum. UIL'in e-posta adresi nedir acaba?",
            "contact",
        ),
        ("konya uyemi", "city-konya"),  # a particle written together is still read
    ],
)
def test_a_future_participle_is_no_particle(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Çocuğumun öğrenme güçlüğü var, okulda çok zorlanıyor. Hangi öğrenme yöntemleri işe yarar sizce?",
        "Thinking of visiting Cork where the conference was held – what's the weather like there in September?",
        "What are good study tips?",
    ],
)
def test_personal_advice_and_weather_are_not_ours(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_learning_methods_of_learning_cities_are_no_personal_advice(assistant: Assistant) -> None:
    assert assistant.ask("Which learning methods do learning cities promote?").kind != ReplyKind.NO_ANSWER


def test_but_begins_a_clause_of_its_own() -> None:
    """ "KOMEK'in listesinde 6 şehir var ama gerçekte kaç Türk üyesi var?": the story, then the question."""
    text = "KOMEK sitesindeki listede 6 şehir var ama gerçekte kaç Türk üyesi var?"
    assert clauses(text) == ["KOMEK sitesindeki listede 6 şehir var", "ama gerçekte kaç Türk üyesi var?"]
    assert asking_part(text) == "ama gerçekte kaç Türk üyesi var?"
    assert clauses("Konya ile Bolu") == ["Konya ile Bolu"]  # no "but": one clause


def test_the_real_count_after_a_story_about_a_list(assistant: Assistant) -> None:
    reply = assistant.ask("KOMEK sitesindeki listede 6 şehir var ama gerçekte kaç Türk üyesi var?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "brief-members-list")  # not KOMEK's web site
    assert "11" in reply.text


def test_a_written_ordinal_ends_no_last_clause(assistant: Assistant) -> None:
    """ "2. konferans" after a story about KOMEK's courses: the 2nd conference, not KOMEK."""
    question = "hocam selamlar ben komekte ebru kursuna gidiyorum, hocamız sordu ödev gibi, 2. konferans nerede olmuş"
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-2-mexico")


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("who will host the 2027 conference", "No host city"),
        ("2027 konferansına hangi şehir ev sahipliği yapacak", "Ev sahibi"),
    ],
)
def test_the_7th_conferences_host_is_said_unknown(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-7")
    assert says in reply.text
