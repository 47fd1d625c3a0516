"""Honest replies to questions the content does not answer (bot/guard.py, no_answer.yaml).

Both directions: a question asking for something the nearest entry does not give (a
price, a phone number, hours, who holds a post, something after the content's date, a
city the entry is not about) is not answered with that entry; its look-alikes that the
content does answer still are.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.cli import main
from bot.evaluation import evaluate, load_cases
from bot.guard import Rule, Verdict, content_guard
from bot.honesty import AskKind
from bot.replies import ReplyKind
from bot.tghtml import to_plain


def _offers(reply_buttons: tuple[tuple[object, ...], ...], entry: str) -> bool:
    return any(getattr(b, "data", None) == f"e:{entry}" for row in reply_buttons for b in row)


@pytest.mark.parametrize(
    ("question", "nearest"),
    [
        ("ağa üye olmak kaç para", "member-count"),  # a price
        ("how much is the KOMEK English course", None),
        ("milli komisyonun telefonu ne", None),  # a phone number
        ("2024 ödül jürisinde kimler vardı", "award-winners-2024"),  # who holds a post
        ("Jubail konferansında Türkiye'den kim konuştu", "conference-6-jubail"),
        ("yeni üyeler ne zaman açıklanacak", "newest-members"),  # after the content's date
        ("what is next year's application deadline", "application-calls"),
        ("2026 ödül başvuruları ne zaman", None),
        ("Medellín Manifestosu'nu kim yazdı", None),  # an author
        ("who wrote the Beijing Declaration", None),
        ("Pekin Bildirgesi kaç sayfa", None),  # a document's length
        ("how many pages is the Cork Call to Action", None),
    ],
)
def test_what_the_nearest_entry_does_not_give_gets_an_honest_reply(
    assistant: Assistant, question: str, nearest: str | None
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and not reply.matched and reply.entry_id is None, reply.text
    assert "uil.unesco.org" in reply.text or "komek.org.tr" in reply.text or "Komisyon" in reply.text
    if nearest is not None:  # what the bot does know stays one tap away
        assert _offers(reply.buttons, nearest)


def test_a_question_after_the_content_date_says_as_of_when(assistant: Assistant) -> None:
    reply = assistant.ask("yeni üyeler ne zaman açıklanacak")
    assert "4 Aralık 2025" in to_plain(reply.text)
    assert "4 December 2025" in to_plain(assistant.ask("what is next year's application deadline").text)


@pytest.mark.parametrize(
    "question",
    [
        "who coordinates the learning city programme in Izmir",
        "how is the learning city programme run in Sakarya",
        "who is the KOMEK contact for UNESCO",
        "Bolu'nun öğrenen şehir koordinatörü kim",
        "what is the Konya mayor's email address",
    ],
)
def test_a_name_the_entry_is_not_about_is_not_answered_with_it(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert not reply.matched, (reply.entry_id, question)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("ağı kim yönetiyor", "who-runs"),
        ("ağın koordinatörü kim", "who-runs"),
        ("başvuru formunu kim imzalıyor", "how-to-join"),
        ("who signs the application form", "how-to-join"),
        ("belediye başkanının taahhüdü şart mı", "membership-requirements"),
        ("bir sonraki başvuru çağrısı ne zaman açılacak", "application-calls"),
        ("when is the next call for applications", "application-calls"),
        ("gelecek konferans nerede", "conference-7"),
        ("2027 konferansı kesin mi", "conference-7"),
        ("UIL'E MEKTUP ATACAĞIM ADRES NE", "uil-address"),  # the asker's future, not the content's
        ("Balıkesir kaçta katıldı", "city-balikesir"),  # "kaçta" is the year here, not the hour
        ("is Ankara a member now", "city-ankara"),
        ("2024 ödülünü kim kazandı", "award-winners-2024"),
        ("Merhaba, Kırşehir'de bir belediyede çalışıyorum; Türkiye'den başvuru nasıl yapılıyor?", "join-turkey"),
        ("KOMEK nedir", "what-is-komek"),
        ("Mexico City konferansına kaç kişi katıldı", "conference-2-participants"),
    ],
)
def test_look_alikes_the_content_answers_are_still_answered(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry, (reply.kind, reply.entry_id)


def test_ask_json_of_a_guarded_question_is_no_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "ağa üye olmak kaç para"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["matched"] is False and found["kind"] == "no_answer" and found["entry"] is None


def test_this_year_is_after_the_content_only_once_the_year_has_turned(assistant: Assistant) -> None:
    def verdict(today: datetime.date) -> Verdict | None:
        guard = content_guard(assistant.content, assistant.matcher, assistant.understanding.no_answer, today=today)
        return guard.check("bu yıl kaç üye şehir var", "member-count")

    assert verdict(datetime.date(2026, 3, 1)) == Verdict(Rule.ASKS, AskKind.LATER, "2026")
    assert verdict(datetime.date(2025, 12, 20)) is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("KOMEK'te İngilizce kursu var mı", "komek-courses"),
        ("is there an online course at KOMEK", "komek-courses"),
        ("öğrenen şehir olunca sertifika veriliyor mu", "certificates"),
        ("where to stay in Cork", "travel"),
        ("Konferans için vize gerekiyor mu", "travel"),
        ("UNESCO Creative Cities üyesi Türk şehirleri", "other-unesco"),
        ("how many Turkish cities applied in 2025", "applications-detail"),
        ("başvurunun değerlendirilmesi kaç ay sürüyor", "applications-detail"),
        ("Yozgat'ın öğrenen şehir eylem planı ne", "city-work"),
        ("what projects has Bursa done as a learning city", "city-work"),
        ("UNESCO Türkiye Milli Komisyonu adresi nerede", "natcom-contact"),
        ("GNLC logosunu afişlerde kullanabilir miyiz", "branding-support"),
    ],
)
def test_uncovered_topics_real_users_ask(assistant: Assistant, question: str, topic: str) -> None:
    assert getattr(assistant.understanding.uncovered(question), "id", None) == topic
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and not reply.matched


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("KOMEK'in yurt dışı şubeleri nerede", "what-is-komek"),
        ("yeonsu konferansı online mıydı", "conference-5-yeonsu"),
        ("üyeler rapor vermek zorunda mı", "member-duties"),
        ("başvuru formunu kim imzalıyor", "how-to-join"),
    ],
)
def test_the_new_topics_leave_covered_questions_alone(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.understanding.uncovered(question) is None
    assert assistant.ask(question).entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [("UIL e-posta adresi", "contact"), ("üyeler kaç yılda bir rapor veriyor", "member-duties")],
)
def test_a_fact_that_leaves_a_word_unanswered_gives_way_to_the_matcher(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry


def test_the_places_follow_what_the_question_is_about(assistant: Assistant) -> None:
    komek = assistant.ask("KOMEK'in telefon numarası ne")
    assert komek.kind == ReplyKind.NO_ANSWER and "komek.org.tr" in komek.text
    uil = assistant.ask("UIL phone number")
    assert uil.kind == ReplyKind.NO_ANSWER and "uil.unesco.org" in uil.text and "komek.org.tr" not in uil.text


@pytest.mark.parametrize(
    ("question", "entry", "where"),
    [
        ("Konya hâlâ üye mi", "city-konya", "uil.unesco.org"),
        ("is Bolu still a member", "city-bolu", "uil.unesco.org"),
        ("KOMEK'te şu an kaç kursiyer var", "what-is-komek", "komek.org.tr"),
    ],
)
def test_a_question_about_now_is_told_as_of_when(assistant: Assistant, question: str, entry: str, where: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry
    plain = to_plain(reply.text)
    assert "4 Aralık 2025" in plain or "4 December 2025" in plain
    assert where in reply.messages[-1].split("ℹ️")[-1]


def test_an_answer_that_says_as_of_when_gets_no_second_date(assistant: Assistant) -> None:
    reply = assistant.ask("şu an kaç üye şehir var")
    assert reply.entry_id == "member-count" and "ℹ️" not in reply.text
    assert "ℹ️" not in assistant.ask("Konya ne zaman üye oldu").text  # not about now


@pytest.mark.parametrize(
    "question",
    [
        "milli komisyonda öğrenen şehirlerle kim ilgileniyor",
        "head of the learning cities team at UIL",
        "Balıkesir'in öğrenen şehir stratejisi ne",
    ],
)
def test_more_ways_to_ask_what_the_content_does_not_have(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_who_is_in_charge_of_the_network_is_still_answered(assistant: Assistant) -> None:
    assert assistant.ask("who is in charge of the GNLC").entry_id == "who-runs"


PROBES = Path(__file__).parent / "eval" / "honesty_probes.yaml"


def test_the_probes_are_refused_and_their_look_alikes_answered(assistant: Assistant) -> None:
    """tests/eval/honesty_probes.yaml (442): measured 2026-12-02 at right at once 0.947,
    refused 0.993, confidently wrong 0.014 (main before this work: 0.908, 0.800, 0.147);
    with round 5 (518): 0.954, 0.989, 0.015. The bars sit a little below."""
    report = evaluate(assistant, load_cases(PROBES))
    misses = "\n".join(f"{o.kind} {o.entry} {o.case.expect}: {o.case.question}" for o in report.misses)
    assert len(report.off_topic) >= 280 and len(report.on_topic) >= 150
    assert report.rejection >= 0.97, misses
    assert report.confident_wrong_rate <= 0.02, misses
    assert report.accuracy >= 0.93, misses


@pytest.mark.parametrize(
    ("question", "where"),
    [("KOMEK cumartesi açık mı", "komek.org.tr"), ("ağın whatsapp hattı", "uil.unesco.org")],
)
def test_nothing_close_but_a_kind_asked_says_what_is_not_here_and_where(
    assistant: Assistant, question: str, where: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and where in reply.text


def test_an_off_topic_hour_keeps_the_plain_fallback(assistant: Assistant) -> None:
    assert assistant.ask("müze kaçta açılıyor").kind == ReplyKind.FALLBACK


@pytest.mark.parametrize(
    "question",
    [
        "komek kursları hangi tarihte başlar",
        "ödül jürisinde Türk var mı",
        "Eskişehir'in öğrenen şehir faaliyetleri neler",
    ],
)
def test_course_dates_jury_and_a_city_s_activities_are_not_here(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_inline_does_not_offer_an_entry_for_what_it_does_not_give(assistant: Assistant) -> None:
    """Inline articles go through the same check: KOMEK's entry is no answer to a fee."""
    assert [a.id for a in assistant.inline("KOMEK kurs ücreti ne kadar")] == ["none"]
    assert "what-is-komek" in [a.id for a in assistant.inline("KOMEK nedir")]
    assert assistant.inline("Bolu ne zaman katıldı")[0].id == "city-bolu"


@pytest.mark.parametrize(
    "question", ["2018'de kaç şehir katıldı", "how many cities joined in 2016", "2017'de ağa kaç şehir katıldı"]
)
def test_a_citys_card_is_not_the_answer_to_a_question_that_does_not_name_the_city(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind != ReplyKind.ANSWER or reply.entry_id not in assistant.content.city_by_entry, reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Bolu'nun katılım yılı", "city-bolu"),
        ("Konyalıyım, bizim il ne zaman girdi?", "city-konya"),
        ("afyon üye mi", "city-afyonkarahisar"),
    ],
)
def test_a_question_naming_the_city_still_gets_its_card(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


@pytest.mark.parametrize(
    "question",
    ["kaç UNESCO üyesi ülke var", "how many member states does UNESCO have", "UNESCO'nun kaç üye devleti var"],
)
def test_unescos_own_member_states_are_not_the_networks_members(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize("question", ["UNESCO Öğrenen Şehirler Ağına kaç ülke üye", "ağa kaç ülke üye"])
def test_the_networks_countries_are_still_counted(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id == "member-count"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("who founded the network", "gnlc-history"), ("who set up the network", "gnlc-history")],
)
def test_who_founded_an_organisation_is_its_history_not_a_persons_post(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize("question", ["Hayat boyu öğrenme nedir", "What is lifelong learning?"])
def test_lifelong_learning_has_no_definition_in_the_sources(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and "UIL" in reply.text


@pytest.mark.parametrize(
    "question", ["UNESCO Hayat Boyu Öğrenme Enstitüsü nedir", "What is the UNESCO Institute for Lifelong Learning?"]
)
def test_a_topics_unless_words_leave_the_question_to_the_content(assistant: Assistant, question: str) -> None:
    """The institute's name holds the words: `unless` (enstitü, institute) keeps it the content's."""
    assert assistant.ask(question).entry_id == "what-is-uil"


@pytest.mark.parametrize("question", ["ödül başvurusu için son tarih ne zaman?", "What is the deadline for the award?"])
def test_the_awards_deadline_is_not_in_the_sources(assistant: Assistant, question: str) -> None:
    """ "son tarih" is a deadline, not the latest round (was the 2024 winners)."""
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and "12" in reply.text


@pytest.mark.parametrize("question", ["Ödüle nasıl başvurulur", "How do cities apply for the award?"])
def test_how_to_apply_for_the_award_stays_answered(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id == "learning-city-award"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Ödül kazananları hangi kriterlere göre seçiliyor?", "award-criteria"),
        ("How are the award winners selected, what criteria?", "award-criteria"),
        ("Öğrenen şehir konferansına kimler katılabilir?", "conference-attendance"),
        ("How can our city register for the conference?", "conference-attendance"),
        ("Başvurmak için belediye meclisi kararı almamız lazım mı?", "local-approval"),
        ("Do we need a council resolution before applying?", "local-approval"),
    ],
)
def test_the_awards_criteria_who_attends_a_conference_and_local_approvals_are_not_in_the_sources(
    assistant: Assistant, question: str, topic: str
) -> None:
    """Who may apply for the award, what each conference was and who signs an application
    are in the sources; how winners are chosen, who may attend and a city council's
    decision are not (were the award's card, the conferences' overview, how to join)."""
    assert getattr(assistant.understanding.uncovered(question), "id", None) == topic
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and "uil.unesco.org" in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Ödüle kimler başvurabilir?", "learning-city-award"),
        ("Who attended the 2nd conference, how many people?", "conference-2-participants"),
        ("Jubail konferansı nerede yapıldı?", "conference-6-jubail"),
    ],
)
def test_the_award_and_the_conferences_are_still_answered(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


def test_a_conferences_days_are_no_question_about_komeks_course_days(assistant: Assistant) -> None:
    assert assistant.ask("KOMEK kursları hangi günler?").kind == ReplyKind.NO_ANSWER
    reply = assistant.ask("KOMEK sitesinde Meksika konferansı 2 gün sürdü yazıyor, 3 gün değil miydi?")
    assert reply.kind != ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    "question", ["Belediye başkanımız kim?", "Belediye başkanımız kim, bilmiyorum. Söyler misin?", "Müdürümüz kim?"]
)
def test_the_askers_people_asked_about_are_a_person_question(assistant: Assistant, question: str) -> None:
    """ "Who is our mayor?": the mayor is what is asked, not who asks (no nearest entry's answer)."""
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("müdürüm Bursa'nın hangi yıl üye olduğunu sordu", "city-bursa"),
        ("başkanımız soruyor: Konya ne zaman üye oldu?", "city-konya"),
    ],
)
def test_the_askers_people_who_ask_are_not_asked_about(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "dün telefonda bahsetti": how the story was told, not a phone number asked
        (
            "kuzenim sakaryada belediyede calisiyor, dun telefonda unescodan bahsetti. sakarya ne zaman uye olmustu",
            "city-sakarya",
        ),
        # "in my German course": the asker's class, not a question about KOMEK's courses
        (
            "A participant in my German course asked whether UIL has always had that name. When was it founded?",
            "what-is-uil",
        ),
        # "en az ne kadar süre": at least how long, not the award round with the fewest winners
        ("ödüle başvurmak için en az ne kadar süre üye olmak gerekiyor", "learning-city-award"),
    ],
)
def test_a_word_of_the_story_is_no_question_the_content_lacks(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    ["UIL'i telefonla aradım, açmadılar. Telefon numarası doğru mu?", "Are there German courses at KOMEK?"],
)
def test_what_the_question_itself_asks_is_still_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    "question",
    [
        "who won the award for best film 2024",  # another award than the Learning City Award
        "how can i learn turkish quickly",  # personal learning advice
        "hayat boyu öğrenme için hangi kitapları okumalıyım",
        "izmir ogrenen sehir festivali ne zaman",  # a city's own events
        "hatay'ın öğrenen şehir koordinatörü kim, kime ulaşayım",  # a city's coordinator: a person
        "konyada python ogrenmek istiyorum nereye gideyim",
    ],
)
def test_near_the_domain_but_not_in_the_sources(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind in (ReplyKind.NO_ANSWER, ReplyKind.FALLBACK)  # refused, no entry's answer


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Who won the 2024 award?", "award-winners-2024"),
        ("Ağın koordinatörü kim?", "who-runs"),
        (
            "My kid asked me what UNESCO's lifelong learning institute is called in Turkish, can you help?",
            "what-is-uil",
        ),
    ],
)
def test_their_look_alikes_are_answered(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize("question", ["Konyalıyım, ağın koordinatörü hangi kurum", "ağın koordinatörü hangi kurum"])
def test_the_networks_coordinator_is_an_institution_not_a_person(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "who-runs")
    assert assistant.ask("Konya'nın koordinatörü kim").kind == ReplyKind.NO_ANSWER  # a city's coordinator: a person


def test_the_national_commissions_focal_point_is_a_person_not_the_networks_aim(assistant: Assistant) -> None:
    """ "point" is the network's aim ("what's the point of the network"), but a focal point is a person."""
    assert assistant.ask("national commission focal point for learning cities").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("what's the point of the network").entry_id == "gnlc-aims"
