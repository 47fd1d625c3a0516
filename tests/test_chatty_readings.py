"""Chatty messages: the story around a question neither sinks nor takes over the question.

Each reading is tested both ways: the chatty question it answers, and a look-alike it must
leave as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.askersplace import without_the_askers_place
from bot.assistant import Assistant
from bot.clauses import asks
from bot.ourcity import with_city
from bot.placeasked import cards_named
from bot.quoted import what_is_quoted
from bot.referring import points_back, referent_and_question
from bot.replies import ReplyKind
from bot.smalltalk import load_smalltalk
from bot.thereplace import with_place
from bot.twoquestions import questions


# ---------------------------------------------------------------- "our city" read with its name
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Merhaba, Eskişehir'de yaşıyorum; şehrimiz Türkiye'nin ilk üyesiymiş, doğru mu?", "first-turkish-member"),
        ("Konyalıyım, bizim şehir ilk üye miydi?", "first-turkish-member"),
        ("Eskişehirliyim, Türkiye'nin ilk öğrenen şehri biziz diye biliyorum, yanlış mı?", "first-turkish-member"),
        # Cork won in 2015 and 2024: its card says both rounds
        ("Hello, I'm a librarian from Cork. Our city won the learning city award, didn't it?", "member-cork"),
        ("I'm a librarian in Cork; when did our city host the conference?", "conference-3-cork"),  # not Cork's card
        ("Corkluyum, şehrimizde yapılan konferansta hangi belge kabul edildi?", "conference-3-cork"),
        ("Konyalıyım, üyeliğimiz ne zaman başladı?", "city-konya"),  # "üyeliğimiz": our city's membership
        ("abi ben izmirliyim, bizim uyelik ne zaman basladi", "city-izmir"),
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
        ("I'm from Cork, when did our city join the network?", "member-cork"),
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


def test_from_our_city_is_from_the_city_named(assistant: Assistant) -> None:
    """ "bizden sonra": after the asker's city, its name with the ablative ending."""
    assert with_city(assistant, "Konyalıyım, bizden sonra kim katıldı?") == "Konyalıyım, Konya'dan sonra kim katıldı?"
    assert with_city(assistant, "Eskişehirliyim, şehrimizden sonra?") == "Eskişehirliyim, Eskişehir'den sonra?"
    assert with_city(assistant, "Konyalıyım, Bolu bizden sonra mı girdi?") is None  # beside Bolu in its clause
    reply = assistant.ask("Konyalıyım, bizden sonra kim katıldı?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-bolu")


def test_our_city_never_answers_instead_of_a_refusal(assistant: Assistant) -> None:
    reply = assistant.ask("Konyalıyım, şehrimizin belediye başkanı kim, ne zamandan beri görevde")
    assert reply.kind == ReplyKind.NO_ANSWER


def test_broken_city_words_are_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text(
        "- chatter: {phrases: [a], words: [b], endings: [c], ends: [d], city_words: [[x]]}\n", encoding="utf-8"
    )
    assert "city_words needs a list of phrases" in "\n".join(load_smalltalk(tmp_path)[1])


# ---------------------------------------------------------------- what the asker needs the answer for
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("raporumuz için soruyorum, ağda kaç şehir var", "member-count"),  # not the members' reports
        ("projem için Konya ne zaman üye oldu", "city-konya"),  # not cities' own projects (no answer)
        ("for my project I need to know when the Beijing Declaration was adopted", "beijing-declaration"),
        ("for my master's thesis: when did Konya join?", "city-konya"),
        ("Bir haber için soruyorum, 2024 ödülünü kimler aldı?", "award-winners-2024"),
    ],
)
def test_what_the_answer_is_for_is_not_the_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Konya'nın öğrenen şehir projeleri neler?",  # cities' own projects: not in the sources
        "what projects does Konya run as a learning city?",
        "for our project we need Konya's learning city action plan",  # the plan is asked: not in the sources
        "bir proje için KOMEK'ten hibe alabilir miyiz?",
    ],
)
def test_a_question_about_projects_is_still_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_a_report_asked_about_is_still_the_members_duties(assistant: Assistant) -> None:
    assert assistant.ask("Do member cities have to send a report?").entry_id == "member-duties"
    chatter = assistant.understanding.smalltalk.chatter
    assert chatter.purpose(["uyelik", "raporu", "icin", "ne", "gerekiyor"]) == set()  # its report, not mine
    assert chatter.purpose(["raporumuz", "icin", "soruyorum"]) == {0, 1}
    assert chatter.purpose(["for", "a", "school", "project", "how", "many"]) == {0, 1, 2, 3}
    assert chatter.purpose(["for", "our", "city", "how", "many"]) == set()  # the city is no story word


# ---------------------------------------------------------------- what the asker did, in the past tense
@pytest.mark.parametrize(
    ("question", "core"),
    [
        ("dün sınıfta tartıştık, ağ ne zaman kuruldu", "ağ ne zaman kuruldu"),
        ("derste konuştuk ödül hangi yıllarda verildi", "ödül hangi yıllarda verildi"),
        ("geçen hafta arkadaşlarla araştırdık, Konya ne zaman üye oldu", "Konya ne zaman üye oldu"),
    ],
)
def test_a_first_person_past_verb_ends_chatter(assistant: Assistant, question: str, core: str) -> None:
    assert assistant.understanding.without_chatter(question) == core


def test_we_joined_is_no_chatter(assistant: Assistant) -> None:
    assert assistant.understanding.without_chatter("Bursa biz ne zaman katıldık") is None  # "katıldık": the city joined
    assert assistant.ask("Bursa'dan yazıyorum, biz ne zaman katıldık?").entry_id == "city-bursa"
    assert assistant.ask("dün sınıfta tartıştık, ağ ne zaman kuruldu").entry_id == "gnlc-history"


# ---------------------------------------------------------------- the one country an example or a "which ones" names
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Are there small towns in the network too, for example in Finland?", "members-c-FI"),
        ("Doğu Avrupa'dan da şehir var mı, mesela Polonya?", "members-c-PL"),
        ("küçük belediyeler de üye olabiliyor mu, örneğin Kore'de var mı?", "members-c-KR"),
        (
            "I'm a Slovenian student in Ankara and my professor claims Slovenia has three learning cities. Which ones?",
            "members-c-SI",
        ),
    ],
)
def test_the_country_an_example_names(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Is Hamburg the only German city, for example?",  # a member named: not Germany's list
        "mesela Almanya ile Fransa'dan kaç şehir var?",  # two countries
        "My teacher says Germany and France have many learning cities. Which ones?",
        "for example, what does a learning city actually do?",  # no country
    ],
)
def test_no_one_country_no_country_card(assistant: Assistant, question: str) -> None:
    assert not (assistant.ask(question).entry_id or "").startswith("members-c-")


# ------------------------------------------------ "as far as I know": a hedge, not a word of the question
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Duyduğuma göre son konferans nerede yapıldı?", "conference-6-jubail"),  # the fact finder's, not the list
        ("Bildiğim kadarıyla Konya 2017'de katıldı, doğru mu?", "city-konya"),
        ("From what I've heard the 3rd conference was in Cork, when was it?", "conference-3-cork"),
        ("As far as I know the network has 425 members, is that still right?", "member-count"),
    ],
)
def test_a_hedge_is_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "As far as I know KOMEK courses cost money, how much are they?",
        "Duyduğuma göre KOMEK kursları ücretliymiş, ne kadar?",
    ],
)
def test_a_hedge_keeps_a_refusal(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("belediyede eğitim koordinatörüyüm, ağa kaç şehir üye?", "member-count"),  # "-yüm": who the asker is
        ("does anyone know when the network was founded?", "gnlc-history"),
        ("ağ ne zaman kuruldu, bilen var mı?", "gnlc-history"),
    ],
)
def test_who_asks_and_anyone_know_are_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


# ---------------------------------------------------------------- "varsa": a conditional, no city's name
def test_a_conditional_is_no_unknown_city(assistant: Assistant) -> None:
    reply = assistant.ask("Afyon da bu listede var mı, varsa hangi yıl girmiş?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-afyonkarahisar")  # not "varsa is not listed"
    assert assistant.ask("Bolu üye mi, varsa ne zaman girdi?").entry_id == "city-bolu"
    assert assistant.ask("Paris listede var mı, varsa hangi yıl girmiş?").entry_id == "not-listed"  # still Paris


# ---------------------------------------------------------------- "what did it produce", "where can I find what ..."
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("what did the Beijing conference produce?", "conference-1-beijing"),  # its outcome
        ("Which conference produced the Yeonsu Declaration?", "conference-5-yeonsu"),
        ("I'm in Ireland for work. Where can I find what the Cork conference produced?", "conference-3-cork"),
        ("Konya'nın ne zaman katıldığını nereden öğrenebilirim?", "city-konya"),
    ],
)
def test_an_outcome_asked_in_other_words(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_where_can_i_find_keeps_a_place_or_a_refusal(assistant: Assistant) -> None:
    assert assistant.ask("Where can I find UIL?").entry_id == "uil-address"  # where it is, not what it is
    assert assistant.ask("KOMEK kurs ücretlerini nereden öğrenebilirim?").kind == ReplyKind.NO_ANSWER


# ---------------------------------------------------------------- two figures for the network's size: which is right
@pytest.mark.parametrize(
    "question",
    [
        "Some say 1000 learning cities, some say 425 — who is right?",
        "Bazı yerlerde 1000 şehir yazıyor, bazılarında 425, hangisi doğru?",
        "Arkadaşım 1000'den fazla dedi, ben 425 dedim, kim haklı?",
    ],
)
def test_the_1000_claim_against_the_count(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "thousand-cities-claim")


@pytest.mark.parametrize("question", ["Is it 356 or 425 members now?", "ağda kaç şehir var?"])
def test_the_count_without_the_1000_claim(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id == "member-count"


# ---------------------------------------------------------------- two questions in one: the answer that holds both
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("What is UIL and where is it?", "what-is-uil"),  # its card says it is in Hamburg
        (
            "How many cities in Türkiye are members, and which joined first?",
            "members-turkey",
        ),  # the list, Eskişehir first
    ],
)
def test_the_answer_that_holds_both_questions(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Where is UIL?", "uil-address"),  # one question: its address
        ("Kazan hangi ülkeden ve ne zaman katıldı?", "member-kazan"),  # "Kazan hangi ülkeden" alone is no answer of it
        ("What is UIL, and who runs the network?", "who-runs"),  # UIL's card does not hold the second
    ],
)
def test_two_questions_keep_the_whole_answer(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_questions_splits_a_second_question_joined_to_the_first() -> None:
    assert questions("Hi, sorry if this is a dumb question, but what exactly is UIL and where is it?") == [
        "but what exactly is UIL",
        "where is it?",
    ]
    assert questions("Konya and Bursa joined when?") == ["Konya and Bursa joined when?"]  # no question after "and"


# ---------------------------------------------------------------- a last question that points back
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "I study in Ankara and my teacher mentioned a conference held in Colombia. When was that?",
            "conference-4-medellin",
        ),
        (
            "I'm into climate policy and somebody mentioned a learning cities conference on climate. Which one was it?",
            "conference-6-jubail",
        ),
        ("a learning cities conference about climate. Which one was that?", "conference-6-jubail"),  # no loop
    ],
)
def test_a_question_that_points_back(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_referent_and_question(assistant: Assistant) -> None:
    found = referent_and_question(
        assistant, "I'm a student and my friend mentioned the Cork conference. When was that?"
    )
    assert found == "my friend mentioned the Cork conference. When was that?"
    assert referent_and_question(assistant, "I live in Cork. When did Konya join?") is None  # names its own thing
    assert (
        referent_and_question(assistant, "I live in Cork. How many cities are in the network?") is None
    )  # points nowhere


# ---------------------------------------------------------------- "a friend said X, is it true?": X is the question
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Komşum Bonn da öğrenen şehir dedi, doğru mu?", "member-bonn"),
        ("bir arkadaş Konya 2017'de katıldı dedi, doğru mu?", "city-konya"),
        ("öğretmenim Cork'ta konferans yapıldı dedi, doğru mu?", "conference-3-cork"),
    ],
)
def test_what_someone_said_is_the_claim_checked(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_what_someone_said_keeps_a_refusal(assistant: Assistant) -> None:
    assert assistant.ask("bir arkadaş KOMEK kursları ücretsiz dedi, doğru mu?").kind == ReplyKind.NO_ANSWER
    core = assistant.understanding.without_chatter("bir arkadaş Hamburg da öğrenen şehir dedi, doğru mu bu?")
    assert core == "bir Hamburg da öğrenen şehir, doğru mu bu?"  # who said it and "dedi" left out, the claim kept


@pytest.mark.parametrize("question", ["ağda şu anki toplam şehir sayısı nedir?", "şimdiki üye sayısı kaç?"])
def test_su_anki_is_now(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count")


# ---------------------------------------------------------------- after what the asker says about themselves
def test_the_rest_after_the_asker_when_it_agrees(assistant: Assistant) -> None:
    question = "Ya ben KOMEK'te ebru kursuna gidiyorum, hocamız KOMEK UNESCO üyesi dedi, doğru mu bu, kaçtan beri?"
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "komek-member-since")
    assert assistant.ask("Ben KOMEK'te resim kursuna gidiyorum, kurs ücreti ne kadar?").kind == ReplyKind.NO_ANSWER


# ---------------------------------------------------------------- a place named only where the asker says who they are
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I work for a town council in Italy. Could you walk me through how a city becomes a member?", "how-to-join"),
        ("Could you walk me through how a city becomes a member?", "how-to-join"),
        (
            "Hello! I'm from Cork originally and I remember a big UNESCO event in town. Which conference was that?",
            "conference-3-cork",
        ),
        ("I live in Hamburg. When did it join the network?", "member-hamburg"),  # "it": Hamburg
    ],
)
def test_a_place_of_the_asker_is_the_subject_only_when_pointed_at(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("What is the GNLC, in a nutshell?", "what-is-gnlc"),
        ("öğrenen şehir nedir, basit bir dille anlatır mısınız?", "what-is-learning-city"),
        ("what's a learning city in plain words?", "what-is-learning-city"),  # "words" is no list of words
        # an age to explain it to is no figure asked ("5": the 5th conference, "10": a count)
        ("explain learning cities like i'm 5", "what-is-learning-city"),
        ("what is UIL? explain like im ten", "what-is-uil"),
        ("pekin bildirgesini sade dille anlatır mısın", "beijing-declaration"),
        ("what is the Beijing Declaration, for a press release", "beijing-declaration"),
    ],
)
def test_how_short_an_answer_is_asked_for_is_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


# ---------------------------------------------------------------- "bir sorum olacak": no question about the future
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Hocam bi sorum olacak, Yeonsu Bildirgesi hangi yıl kabul edildi?", "conference-5-yeonsu"),
        ("bir ricam olacak, Konya ne zaman katıldı?", "city-konya"),
        ("Bir sorum olacak: ağda kaç şehir var?", "member-count"),
    ],
)
def test_i_will_have_a_question_asks_nothing_later(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_question_about_the_future_is_still_refused(assistant: Assistant) -> None:
    assert assistant.ask("ağda kaç şehir olacak?").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("2026'da kaç üye olacak?").kind == ReplyKind.NO_ANSWER


# ---------------------------------------------------------------- "there", "orada", "is it": the one place named
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Kardeşim Almanya'da yaşıyor, orada öğrenen şehir var mı?", "members-c-DE"),  # not what a learning city is
        ("My sister lives in Germany, are there learning cities there?", "members-c-DE"),
        ("I'm moving to Cork next month, is it a learning city?", "member-cork"),
        ("Kayseri'ye taşındım, orası üye mi?", "province-kayseri"),
        ("My cousin studies in Finland, are there any learning cities there?", "members-c-FI"),
        ("I live near Cork. What came out of the conference there?", "conference-3-cork"),  # not the first one
        ("Medellín'de yaşıyorum, orada yapılan konferansın teması neydi?", "conference-4-medellin"),
    ],
)
def test_the_place_pointed_at(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_it_is_no_place_beside_another_thing(assistant: Assistant) -> None:
    question = "I'm an exchange student in Konya and my host family talks about KOMEK. What is it exactly?"
    assert assistant.ask(question).entry_id == "what-is-komek"  # "it": KOMEK, not Konya
    assert with_place(assistant, "Are there learning cities in Germany?") is None  # "are there": no place pointed at
    assert with_place(assistant, "I live in Bonn or Cork, is it a member?") is None  # two places


# ---------------------------------------------------------------- asking for the source: the answer has it
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Konya ne zaman katıldı, kaynağıyla birlikte yazar mısınız?", "city-konya"),
        ("Ağın kaç üyesi var, kaynak linki de verir misiniz?", "member-count"),
        ("Can you tell me when the 3rd conference was held and cite a source?", "conference-3-cork"),
        ("What is your source for the member count?", "member-count"),  # "your source" is no city's name
    ],
)
def test_a_request_for_the_source_is_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize("question", ["kaynağın ne?", "what is your source?"])
def test_the_source_alone_is_still_a_confirmation(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.SMALLTALK


# ---------------------------------------------------------------- the place the question names, not the story's
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Ben Konyalıyım ama İstanbul'da yaşıyorum, İstanbul üye mi?", "province-istanbul"),  # was Konya's card
        ("Ankara'da doğdum Eskişehir'de büyüdüm, Eskişehir ne zaman üye oldu?", "city-eskisehir"),  # was Ankara's
        ("Konya'da doğdum ama Bolu'da yaşıyorum, Bolu ne zaman katıldı?", "city-bolu"),
        ("I'm from Hamburg but study in Bonn: is Bonn a learning city?", "member-bonn"),
    ],
)
def test_the_place_the_question_names(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_cards_named(assistant: Assistant) -> None:
    assert cards_named(assistant, "Almanya'da Hamburg ve Kayseri") == {
        "members-c-DE",
        "member-hamburg",
        "province-kayseri",
    }
    assert assistant.ask("Bursalıyım, bizim şehir ne zaman katıldı?").entry_id == "city-bursa"  # one place: its own


# ---------------------------------------------------------------- where the asker is from is not what they ask
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Merhaba, Eskişehir'de bir okulda çalışıyorum, 2024 ödülünü kim kazandı?", "award-winners-2024"),
        ("Hi, I'm from Cork, which countries joined in 2025?", "newest-members"),  # not Cork's card
        ("Sevgili bot, Ankara'dan selamlar 🙂 öğrenen şehir ne demek?", "what-is-learning-city"),  # not Ankara's
        ("Trabzonda yasiyorum agda kac sehir var", "member-count"),  # not Trabzon's "no"
        ("Konya'lıyım, hangi şehirler ödül aldı 2024'te?", "award-winners-2024"),  # not "no Turkish city"
        ("Eskişehirliyim, Türkiye'den kaç şehir üye?", "members-turkey"),
        # a question with a sure answer of its own: not the asker's place's card
        ("Konyalıyım, GNLC nedir", "what-is-gnlc"),
        ("Hello! I'm from Cork. what is the GNLC", "what-is-gnlc"),
        ("Konyalıyım, 2025'te katılan başkentler hangileri?", "members-y-2025"),
        ("Konyalıyım, 5. konferans nerede yapıldı?", "conference-5-yeonsu"),  # "5." ends no sentence
        # where the asker works pulls to no entry (not the municipality's application)
        ("belediyede çalışıyorum, türkiye'deki öğrenen şehirler hangileri?", "members-turkey"),
        ("belediyede çalışıyorum, hangi illerimiz üye", "members-turkey"),
        ("belediyede çalışıyorum, nasıl başvururuz?", "how-to-join"),
        ("Eskişehirliyim, üyelik şartları neler", "membership-requirements"),  # not the award's eligibility
    ],
)
def test_where_the_asker_is_from_is_not_the_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Konyalıyım, ağa hangi yıl katıldı?", "city-konya"),  # who joined: the place (Turkish drops the subject)
        ("Bolu'da yaşıyorum, hangi yıl üye oldu?", "city-bolu"),
        ("Hi, I'm from Cork. When did it join?", "member-cork"),  # "it": Cork
        ("Bursalıyım şehrimiz ne zaman üye oldu", "city-bursa"),
        ("Konyalıyım, kaçıncı sıradayız?", "city-konya"),
        (
            "I'm writing a grant proposal for an NGO in Izmir and need to know when the city joined. Can you help?",
            "city-izmir",
        ),
    ],
)
def test_the_askers_place_when_the_question_leans_on_it(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_without_the_askers_place(assistant: Assistant) -> None:
    assert (
        without_the_askers_place(assistant, "Eskişehirliyim, Türkiye'den kaç şehir üye?")
        == "Türkiye'den kaç şehir üye?"
    )
    assert without_the_askers_place(assistant, "Konyalıyım, Konya ne zaman katıldı?") is None  # named again


# ---------------------------------------------------------------- "depremden sonra": a time of the story
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Depremden sonra Hatay'ın üyeliği devam ediyor mu?", "city-hatay"),
        ("I live in Hatay. Is Hatay still a member after the earthquake?", "city-hatay"),
    ],
)
def test_a_time_after_an_event_of_the_story(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Konya'dan sonra hangi şehir katıldı?", "city-bolu"),  # an order: after Konya
        ("Cork'tan sonraki konferans nerede?", "conference-4-medellin"),
    ],
)
def test_after_a_known_thing_is_still_an_order(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_before_an_event_keeps_its_past_figure(assistant: Assistant) -> None:
    assert assistant.ask("Pandemiden önce kaç üye vardı?").entry_id != "member-count"  # not today's count


def test_what_the_asker_could_not_find_is_no_chatter(assistant: Assistant) -> None:
    core = assistant.understanding.without_chatter("derste konuştuk ödül hangi yıllarda verildi")
    assert core == "ödül hangi yıllarda verildi"  # a past verb ends a clause of chatter
    tokens = ["komek", "in", "sitesinde", "bizi", "goremedim", "yoksa", "uye", "degil", "miyiz"]
    marked = assistant.understanding.smalltalk.chatter.marks(tokens, assistant.understanding.knows)
    assert not marked[4]  # "göremedim": where the asker looked stays part of what they ask


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("When was the network founded and who runs it?", "gnlc-history"),  # was refused: no person in the history
        ("Ağ ne zaman kuruldu ve kim yönetiyor?", "gnlc-history"),
    ],
)
def test_two_questions_each_answered_are_not_refused(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    ["When was the network founded and how much does membership cost?", "KOMEK ne zaman kuruldu ve müdürü kim?"],
)
def test_two_questions_one_not_in_the_sources_stay_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Merhabaa 😊😊 KOMEK nedir??", "what-is-komek"),  # a greeting drawn out
        ("selammm ağda kaç şehir var", "member-count"),
        ("hiii what is UIL?", "what-is-uil"),
        ("Kolay gelsin usta, bi sorum olcak ağda kaç ülke var", "member-count"),  # "olcak" is no unknown city
    ],
)
def test_greetings_drawn_out_and_slang_are_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [("bu öğrenen şehir işi nedir?", "what-is-learning-city"), ("şu UNESCO ağı olayı ne?", "what-is-gnlc")],
)
def test_this_thing_is_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert assistant.understanding.smalltalk.chatter.marks(
        ["komek", "in", "isi", "ne"], assistant.understanding.knows
    ) == [
        False,
        False,
        False,
        False,
    ]  # "KOMEK'in işi ne": no "bu", KOMEK's work is asked


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("KOMEK'in kurslarını çok seviyorum. Ağda kaç ülke var?", "member-count"),  # was KOMEK's card
        ("I loved reading about the Cork conference. How many cities are in the network now?", "member-count"),
    ],
)
def test_the_question_sentence_after_a_story(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a remark after the question: its words sank the whole (nothing), its names drew it away
        (
            "Hangi şehirler ödüle başvurabiliyor? Biz yeni üye sayılırız, müdürüm boşuna uğraşmayalım dedi",
            "learning-city-award",
        ),
        ("Türkiye'nin ilk öğrenen şehri hangisi? Babam Bursa diyor, ben İzmir diyorum.", "first-turkish-member"),
        ("Which was the first Turkish member city? My uncle says Konya, I say Bolu.", "first-turkish-member"),
        # the remark is about the thing asked, not other names: the whole's answer stays
        ("İkinci konferans ertelendi mi? Mayıs'ta olacaktı galiba.", "conference-2-date"),
        ("Ne zaman kuruldu? KOMEK'i soruyorum.", "what-is-komek"),  # the question names nothing of its own
    ],
)
def test_the_question_before_a_remark(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("My friend says Ireland has a few learning cities. Which ones?", "members-c-IE"),  # not the Cork conference
        ("My teacher says Korea has many learning cities. Which ones?", "members-c-KR"),  # not the Yeonsu one
    ],
)
def test_which_ones_after_a_country_is_its_members(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question", ["I heard Ireland hosted a conference. Which one?", "Ireland hosted the 3rd conference, right?"]
)
def test_a_conference_asked_stays_the_conference(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id == "conference-3-cork"


# ---------------------------------------------------------------- a story told after the question
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("KOMEK nedir, annem oraya gidiyor", "what-is-komek"),
        ("KOMEK ne zaman kuruldu, annem oraya gidiyor da", "what-is-komek"),
    ],
)
def test_a_story_after_the_question_is_chatter(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert "annem" not in (assistant.understanding.without_chatter(question) or "")


def test_a_verb_before_the_question_word_is_not_a_story_after_it(assistant: Assistant) -> None:
    # "katılabilir mi merak ettim": the story begins after "mi"; the verb asked about stays
    assert assistant.understanding.without_chatter("bizim ilçe belediyesi de katılabilir mi merak ettim") == (
        "bizim ilçe belediyesi de katılabilir mi"
    )
    # no word that asks before the story: nothing after the last known word is left out
    core = assistant.understanding.without_chatter(
        "I'm learning Turkish, can you correct my sentence 'okula gidiyorum dün'?"
    )
    assert core is None or "sentence" in core


def test_a_story_after_an_uncovered_question_keeps_it_refused(assistant: Assistant) -> None:
    assert assistant.ask("KOMEK kurs ücretleri ne kadar, annem gidecek").kind == ReplyKind.NO_ANSWER


def test_a_follow_up_with_chatter_is_read_without_it(assistant: Assistant) -> None:
    # "my hometown" said of the city named is chatter; the follow-up's rewrite names Izmir alone
    assert assistant.understanding.without_chatter("and what about Izmir, my hometown?") == "and what about Izmir"
    assert assistant.ask("When did Eskisehir join?", chat="hometown").entry_id == "city-eskisehir"
    reply = assistant.ask("and what about Izmir, my hometown?", chat="hometown")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-izmir")
    assert "2020" in reply.text


@pytest.mark.parametrize(
    ("question", "back"),
    [
        ("Türkiye'den hangi şehirler bu ağda?", False),  # "bu ağda": this network, not the story's place
        ("Which Turkish cities are in this network?", False),
        ("Bu şehir ne zaman katıldı?", True),
        ("Is it a member?", True),
    ],
)
def test_this_network_points_back_at_nothing(assistant: Assistant, question: str, back: bool) -> None:
    assert points_back(assistant, question) is back


def test_the_askers_city_is_not_the_turkish_members_asked(assistant: Assistant) -> None:
    reply = assistant.ask("Ben Konya'da öğretmenim. Türkiye'den hangi şehirler bu ağda?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")  # was Konya's card


@pytest.mark.parametrize(
    "question",
    ["Bir haberde gördüm, Kiev savaşa rağmen üye olmuş mu gerçekten?", "Did Kyiv join despite the war?"],
)
def test_despite_an_event_the_content_does_not_know(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-kyiv")


def test_a_flag_ends_a_sentence(assistant: Assistant) -> None:
    question = "I'm from Colombia so it's a bit of a proud thing for us 🇨🇴 When and where was the 4th conference?"
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-4-medellin")


def test_it_in_a_question_that_names_its_thing_is_that_thing(assistant: Assistant) -> None:
    question = "What exactly is UIL and what does it have to do with learning cities?"
    assert points_back(assistant, question)  # "it" alone would point back at the story
    assert not points_back(assistant, question, own_name=True)
    assert points_back(assistant, "Is UIL there?", own_name=True)  # "there" still points at the story's place
    story = "Hello, I'm a master's student in Hamburg and my supervisor mentioned UIL. " + question
    assert assistant.ask(story).entry_id == "what-is-uil"  # not its address: Hamburg is where the asker is
    assert assistant.ask(question).entry_id == "what-is-uil"


def test_an_emoji_ends_a_clause_of_the_story(assistant: Assistant) -> None:
    # "school project" is the asker's, not a question about cities' projects (a topic the content lacks)
    reply = assistant.ask("I'm doing a school project 😅 how many countries are in the network?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count")


@pytest.mark.parametrize(
    "question",
    [
        "Selamlar, Konya'da KOMEK'e gidiyorum. Konya bu ağa ne zaman üye olmuştu acaba? Kızım sordu da",
        "Merhaba, Konyalıyım, KOMEK'te kursa gidiyorum. Konya ne zamandan beri öğrenen şehir acaba?",
    ],
)
def test_the_place_the_asker_goes_to_is_not_what_is_asked(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-konya")  # not KOMEK's


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Ben Konya'da KOMEK'te çalışıyorum. KOMEK ne zaman kuruldu?", "what-is-komek"),  # asked again: KOMEK
        # what the story reports is the question's subject ("diye hatırlıyorum"), "o" points back at it
        ("3. konferans İrlanda'daydı diye hatırlıyorum ama şehri unuttum, Dublin miydi?", "conference-3-cork"),
        ("Konyalıyım, 2015'te Meksika'daki konferansa bizden biri gitmişti, KOMEK miydi o?", "komek-conference-role"),
    ],
)
def test_a_story_the_question_is_about_stays(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_a_place_in_the_story_after_the_question_is_not_added_to_it(assistant: Assistant) -> None:
    reply = assistant.ask("Do member cities have to report anything to UNESCO? My manager in Bogotá wants to know")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-duties")  # was did-you-mean: "Bogotá Do ..."
    # another clause that asks keeps the places it names for the one read
    other = assistant.ask(
        "yav bu işler hep büyük şehirlere mi, küçük ilçeler de üye olabiliyor mu, örneğin Kore'de ilçeler var mı?"
    )
    assert other.entry_id != "membership-requirements"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I'm writing an article about Korea's learning cities, how many are there?", "members-c-KR"),
        (
            "Kore dizisi izlerken aklıma geldi 😂 Kore'de çok fazla öğrenen şehir olduğunu duydum, kaç tane var?",
            "members-c-KR",
        ),
        ("So I heard Turkey has some learning cities, which ones?", "members-turkey"),  # Türkiye's: the FAQ's list
    ],
)
def test_how_many_of_the_members_the_story_speaks_of(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


# ---------------------------------------------------------------- a quoted term and "what is it?"
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # the story (KOMEK's courses, the grandson) is not the question: what the quoted term is
        (
            'KOMEK\'te ebru kursuna gittim. Torunum "UNESCO öğrenen şehir" diye bir şey söyledi, bu ne oluyor?',
            "what-is-learning-city",
        ),
        ('My grandson mentioned something called a "learning city". What is that exactly?', "what-is-learning-city"),
        ('Someone at work said "GNLC", what is it?', "what-is-gnlc"),
    ],
)
def test_a_quoted_term_asked_about_is_read_alone(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_what_is_quoted_needs_a_question_of_what_it_is() -> None:
    assert what_is_quoted('Torunum "UNESCO öğrenen şehir" dedi, bu tam olarak ne oluyor?') == "UNESCO öğrenen şehir"
    assert what_is_quoted("Someone said ‘GNLC’, what does it mean?") == "GNLC"
    assert what_is_quoted("KOMEK'te kursa gidiyorum, KOMEK'in anlamı ne?") is None  # an apostrophe is no quote
    assert what_is_quoted('"Öğrenen şehir" olan Konya ne zaman katıldı?') is None  # asks something else
    assert what_is_quoted('"GNLC" ve "UIL" nedir?') is None  # two terms: not one question of what it is


def test_the_askers_people_are_no_city_of_their_own(assistant: Assistant) -> None:
    # "Torunum ... öğrenen şehir ..." once read as "Is Torunum a learning city?"
    reply = assistant.ask('Torunum "UNESCO öğrenen şehir" diye bir şey söyledi, bu tam olarak ne oluyor?')
    assert reply.entry_id != "not-listed"
    assert "torunum" in assistant.understanding.people_terms() or "torun" in assistant.understanding.people_terms()


# ---------------------------------------------------------------- the story's names draw a sure answer away
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "kimi Konya dedi kimi Eskişehir": a claim of the class, not a question; its names drew the answer
        (
            "Sınıfta tartıştık, kimi Bursa dedi kimi Bolu. Türkiye'nin bu ağdaki ilk şehri hangisiydi?",
            "first-turkish-member",
        ),
        ("Eskişehir'de doğdum büyüdüm, şimdi Almanya'dayım. Bu ağ ilk kez hangi şehirde başlatıldı?", "gnlc-history"),
    ],
)
def test_a_sure_answer_the_story_drew_away_is_the_questions(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_some_said_one_some_the_other_asks_nothing() -> None:
    assert not asks("kimi Konya dedi kimi Eskişehir")
    assert asks("kimi Konya dedi kimi Eskişehir, hangisi doğru")
    assert asks("kimi ne zaman katıldı")


# ---------------------------------------------------------------- "is X part of it?": the network the story names
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Öğrenen şehirler ağını dün duydum, çok hoşuma gitti. Bursa da içinde mi?", "city-bursa"),
        ("Dün öğrenen şehirler ağını okudum. İstanbul da bunun içinde mi?", "province-istanbul"),
        ("My students keep asking about this learning cities network. Is Antalya part of it?", "province-antalya"),
    ],
)
def test_a_place_in_it_after_the_network_is_named(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_it_is_not_the_network_when_the_story_names_none(assistant: Assistant) -> None:
    reply = assistant.ask("Dün UNESCO'yu okudum. İstanbul da bunun içinde mi?")  # UNESCO, not the network
    assert reply.entry_id != "province-istanbul" or reply.kind != ReplyKind.ANSWER


# ---------------------------------------------------------------- "X üye mi, değilse nasıl başvururuz?"
def test_if_not_a_member_how_to_join_gets_both(assistant: Assistant) -> None:
    reply = assistant.ask("Mersin bu ağın üyesi mi, değilse nasıl başvururuz?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "province-mersin")
    assert len(reply.messages) >= 2  # not a member, then how to join
    assert "e:join-turkey" in [b.data for row in reply.buttons for b in row]
    reply = assistant.ask("Is Antalya a member? Otherwise how do we apply?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "province-antalya")


def test_if_not_after_a_member_is_its_card_alone(assistant: Assistant) -> None:
    reply = assistant.ask("Bolu üye mi, değilse nasıl başvururuz?")
    assert (reply.kind, reply.entry_id, len(reply.messages)) == (ReplyKind.ANSWER, "city-bolu", 1)


# ---------------------------------------------------------------- the question before a remark that only adds words
def test_a_remark_after_the_question_does_not_turn_it_into_another(assistant: Assistant) -> None:
    reply = assistant.ask("hey, what's the e-mail of the learning cities team? need to cc them on our application")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "contact")


# ---------------------------------------------------------------- a kind's overview, then its ordinal
def test_an_ordinal_after_the_conferences_overview(assistant: Assistant) -> None:
    chat = ("overview", 1)
    assert assistant.ask("Konferanslar nerelerde yapıldı?", chat=chat).entry_id == "conferences-overview"
    reply = assistant.ask("ya dördüncüsü?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-4-medellin")


# ---------------------------------------------------------------- a year said before the question is kept
def test_a_year_before_the_last_clause_is_not_dropped(assistant: Assistant) -> None:
    # "ağda kaç şehir vardı" alone is today's count (425): the year said before it is what is asked
    reply = assistant.ask("Eskişehir girdiğinde, yani 2016'da, ağda kaç şehir vardı?")
    assert reply.entry_id != "member-count"
    assert "member-growth" in (reply.entry_id, *reply.suggestions)
    assert assistant.understanding.after_chatter("Selam, 2016'da: ağda kaç şehir vardı", strict=False) is None
    assert assistant.understanding.after_chatter("Selam, ödev hazırlıyorum: ağda kaç şehir vardı", strict=False)


# ---------------------------------------------------------------- tuning13's shapes
@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Bursa üye dimi", "city-bursa"),  # "di mi": "değil mi"
        ("Hamburg da ağda varmış, yanlış duymadım değil mi?", "member-hamburg"),
        ("Ağ 2020'de kaç şehirden oluşuyordu?", "member-growth"),
        ("One last question: when was the very first conference?", "conference-1-beijing"),  # not the latest
        ("Kolay gelsin, belediyede çalışıyorum, müdür sordu: başvuru formunu kim imzalıyor?", "how-to-join"),
        ("Is it true the 2nd conference took place in May 2015?", "conference-2-date"),  # a month checked, not where
    ],
)
def test_tuning13_shapes(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_reason_asked_of_a_fact_says_the_sources_give_none(assistant: Assistant) -> None:
    reply = assistant.ask("Eskişehir neden ilk üye olan şehir oldu?")
    assert reply.text.startswith("Kaynaklarım bunun nedenini söylemiyor")
    assert "Eskişehir" in reply.text
    assert "nedenini" not in assistant.ask("Türkiye'nin ilk üyesi hangisi?").text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Bursa ile aynı yıl katılan Türk şehirleri hangileri?", "Sakarya"),  # "Türk" is the city's country
        ("Which Turkish cities joined the same year as Izmir?", "In the order they joined"),  # in English
    ],
)
def test_the_same_year_as_one_turkish_city(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")
    assert says in reply.text
