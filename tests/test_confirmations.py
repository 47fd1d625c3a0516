"""Confirmations and chatty questions: a claim checked against the facts, a question
wrapped in what people say around it."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.clauses import asks, clauses
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    "question",
    [
        "The network has 356 cities, correct?",
        "Şu an ağda 356 şehir var değil mi?",
        "I read the GNLC has 356 members. Is that current?",
        "The network has about 230 cities, right?",
    ],
)
def test_a_past_figure_checked_as_todays_gets_the_current_counts_card(assistant: Assistant, question: str) -> None:
    """The reply says when the figure was right and what the latest count is; the card is today's."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count"), reply.text
    assert "425" in text


@pytest.mark.parametrize(
    "question",
    ["2024'te ağda 356 şehir mi vardı?", "Ağda 356 şehir var mıydı?", "Did the network have 356 cities in 2024?"],
)
def test_a_figure_asked_about_its_own_time_keeps_its_card(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-growth"), reply.text
    assert "356" in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    [
        "Wasn't the 3rd conference held in Glasgow?",
        "Was the 3rd conference in Glasgow?",
        "3. konferans Glasgow'da mı yapıldı?",
        "The 3rd conference was in Glasgow, right?",
    ],
)
def test_a_place_checked_against_a_conference_by_its_rank(assistant: Assistant, question: str) -> None:
    """Glasgow also names an award winner: with "the 3rd conference" it is only the place checked."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-3-cork"), reply.text
    assert "Cork" in to_plain(reply.text)


def test_a_winner_with_the_awards_year_is_still_the_award(assistant: Assistant) -> None:
    reply = assistant.ask("Glasgow 2024 ödülünü aldı mı?")
    assert reply.entry_id == "award-winners-2024", reply.text


def test_the_clauses_of_a_message_and_a_question_tag() -> None:
    assert clauses("Turkey has six learning cities, hasn't it?") == ["Turkey has six learning cities?", "hasn't it?"]
    assert clauses("Staj yapmak istiyorum, UIL nerede?") == ["Staj yapmak istiyorum,", "UIL nerede?"]  # no tag
    assert asks("Ağa kaç ülke üye,") and asks("Where is UIL?") and not asks("belki staj için başvururum")


def test_the_clause_that_asks_what_the_whole_leans_to(assistant: Assistant) -> None:
    """Two readings agree: the whole message's first "did you mean" and its asking clause alone."""
    reply = assistant.ask("Merhaba, gazeteciyim. Ağa kaç ülke üye, güncel rakam lazım bize")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count"), reply.text


def test_a_statement_clause_is_never_the_question(assistant: Assistant) -> None:
    """The researcher's own topic (growth) is not what the message asks."""
    reply = assistant.ask(
        "Hi, I'm a researcher looking at growth of networks. I saw several figures, so what's the official size now?"
    )
    assert reply.entry_id != "member-growth" or reply.kind != ReplyKind.ANSWER, reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("UIL hangi şehirde, belki staj için başvururum", "uil-address"),
        ("UIL hangi şehirde, orada staj yapmayı düşünüyorum", "uil-address"),
        ("Hatay'da yaşıyorum, KOMEK'in broşüründe bizi göremedim, yoksa üye değil miyiz?", "city-hatay"),
    ],
)
def test_what_the_content_lacks_only_in_a_statement_does_not_sink_the_question(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text


@pytest.mark.parametrize(
    "question",
    ["UIL'de staj var mı?", "UIL hangi şehirde, staj var mı?", "KOMEK'te çalışıyorum, kurs ücretleri ne kadar?"],
)
def test_what_the_content_lacks_in_a_clause_that_asks_stays_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Jubail or Riyadh for the 6th conference?", "conference-6-jubail", "Jubail"),
        ("Riyadh or Jubail for the 6th conference?", "conference-6-jubail", "Jubail"),
        ("Konferans Pekin mi Şanghay mı'ydı", "conference-1-beijing", "Pekin, Çin"),
    ],
)
def test_the_other_choice_beside_a_things_place_asks_where(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in to_plain(reply.text), reply.text


def test_the_other_choice_beside_a_thing_without_a_place_is_no_place(assistant: Assistant) -> None:
    """A declaration has no place of its own: the choice is between names, answered by the declaration."""
    reply = assistant.ask("Pekin Bildirgesi mi Pekin Manifestosu mu?")
    assert "Bildirgesi" in to_plain(reply.text) and "ev sahibi" not in to_plain(reply.text), reply.text


def test_how_old_komek_is_its_founding_not_an_age_limit(assistant: Assistant) -> None:
    reply = assistant.ask("what is KOMEK exactly and how old is it?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "what-is-komek"), reply.text
    for question in ("How old do you have to be for KOMEK?", "How old must I be to attend KOMEK courses?"):
        assert assistant.ask(question).kind == ReplyKind.NO_ANSWER, question


@pytest.mark.parametrize(
    "question",
    [
        "how many cities are in the GNLC these days?",
        "how many cities are in the GNLC at the moment?",
        "bugünlerde ağda kaç şehir var?",
        "bu aralar ağda kaç şehir var?",
    ],
)
def test_words_for_now_do_not_sink_a_question(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count"), reply.text


def test_today_still_asks_about_opening_hours(assistant: Assistant) -> None:
    assert assistant.ask("Is KOMEK open today?").kind != ReplyKind.ANSWER


def test_joined_together_checks_the_member_named_first(assistant: Assistant) -> None:
    """Both in the order they joined; the entry a tap away is the one the question is about."""
    reply = assistant.ask("Bonn joined in 2019 together with Hamburg?")
    text = to_plain(reply.text)
    assert reply.entry_id == "member-bonn" and "Hamburg (2019)" in text and "Bonn (2020)" in text, reply.text
    assert assistant.ask("Did Hamburg join together with Bonn?").entry_id == "member-hamburg"


def test_which_joined_first_gives_the_first_to_join(assistant: Assistant) -> None:
    assert assistant.ask("Which joined first, Bonn or Hamburg?").entry_id == "member-hamburg"
    assert assistant.ask("Bonn or Hamburg, which joined earlier?").entry_id == "member-hamburg"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Hatay UNESCO listesinde var mı?", "city-hatay"),
        ("Hatay bu UNESCO şehir listesinde var mı?", "city-hatay"),
        ("Is Hatay on the UNESCO list?", "city-hatay"),
        ("Is Bonn on the UNESCO list?", "member-bonn"),
    ],
)
def test_on_the_unesco_list_asks_whether_it_is_a_member(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text


def test_a_list_question_with_other_words_is_not_a_membership_check(assistant: Assistant) -> None:
    """ "Hatay listesinde kaç kurs var?" asks about something else: not Hatay's card."""
    assert assistant.ask("Hatay listesinde kaç kurs var?").entry_id != "city-hatay"


@pytest.mark.parametrize("question", ["Dublin ödül aldı mı?", "Has Dublin won the Learning City Award?"])
def test_a_member_whose_note_says_it_received_the_award(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-dublin"), reply.text
    assert "2021" in to_plain(reply.text)


def test_a_winner_the_facts_know_and_a_member_silent_on_the_award_are_not_read_so(assistant: Assistant) -> None:
    assert assistant.ask("Did Glasgow win the award?").entry_id == "award-winners-2024"
    assert assistant.ask("Did Hamburg win an award?").entry_id != "member-hamburg"


@pytest.mark.parametrize(
    "question",
    [
        "Hi, I'm from Kyiv and live in Konya now. Are there Ukrainian cities in the network, and what about Poland?",
        "Hello from Kyiv! Are there any Ukrainian cities in the network, or only Turkish ones?",
    ],
)
def test_a_clause_the_member_directory_answers_when_the_rest_goes_on_from_it(
    assistant: Assistant, question: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-c-UA"), reply.text


def test_a_directory_clause_beside_another_question_is_not_taken_alone(assistant: Assistant) -> None:
    """ "Avrupa'da hangi ülkelerden ..., mesela İsviçre'den var mı?" asks two things: not Europe's list alone."""
    reply = assistant.ask("Merhaba, Avrupa'da hangi ülkelerden şehir var merak ettim, mesela İsviçre'den var mı?")
    assert reply.kind != ReplyKind.ANSWER or reply.entry_id == "members-c-CH", reply.text
    assert asks("Are there Ukrainian cities in the network,") and not asks("I'm from Kyiv and live in Konya now.")


@pytest.mark.parametrize(
    "question",
    ["Did Istanbul win the 2024 award?", "2024 ödülünü Konya kazanmadı mı?", "Did Konya win the 2024 award?"],
)
def test_whether_a_city_of_turkiye_won_the_award(assistant: Assistant, question: str) -> None:
    """A province or a Turkish member: the content's answer about Türkiye and the award."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "award-turkey"), reply.text


def test_applying_for_the_award_or_a_known_winner_is_not_whether_turkiye_won(assistant: Assistant) -> None:
    assert assistant.ask("Konya ödüle başvurabilir mi?").entry_id != "award-turkey"
    assert assistant.ask("Doha ödül aldı mı?").entry_id == "award-winners-2024"


@pytest.mark.parametrize(
    "question",
    [
        "Cork won the award only once, in 2015?",
        "Cork kaç kez ödül aldı?",
        "How many times has Cork won the award?",
        "Cork hangi yıl ödül aldı?",
        "Cork ödülü ne zaman kazandı?",
        "Did Cork win the award twice?",
        "Cork ödül aldı mı",  # whether it won: every round it won (2015 and 2024), not the latest alone
        "Did Cork win the award?",
    ],
)
def test_a_member_that_won_in_several_rounds_asked_when_or_how_often_gets_every_round(
    assistant: Assistant, question: str
) -> None:
    """Before, the 2024 winners' card (or the conferences' count, or Cork's conference)."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-cork"), reply.text
    text = to_plain(reply.text)
    assert "2015" in text.split("\n")[0] and "2024" in text.split("\n")[0], text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Did Cork win the award in 2024?", "award-winners-2024"),  # that round
        ("Cork 2015'te ödül aldı mı?", "learning-city-award"),
        ("Wuhan hangi yıl ödül aldı", "award-winners-2024"),  # one round only
    ],
)
def test_whether_a_member_won_or_one_round_is_that_rounds_card(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text


@pytest.mark.parametrize(
    ("question", "says"),
    [("Espoo ödül aldı mı", "Espoo"), ("Bristol ödül aldı mı", "Bristol"), ("2024'te kaç şehir ödül aldı?", "10")],
)
def test_aldi_asks_who_received_the_award(assistant: Assistant, question: str, says: str) -> None:
    """'aldı' (received) asks the winners, as 'kazandı' and 'won' do: before, an earlier round's
    winner asked in Turkish got a 'did you mean'."""
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER, reply.text
    assert says in to_plain(reply.text)


def test_a_members_award_asked_as_a_follow_up_in_turkish(assistant: Assistant) -> None:
    chat = ("test", "espoo")
    assistant.ask("Espoo ne zaman katıldı?", chat=chat)
    reply = assistant.ask("ödül de aldı mı?", chat=chat)
    assert reply.kind == ReplyKind.ANSWER and "2015" in to_plain(reply.text), reply.text


def test_which_of_a_countrys_members_won_the_award_as_a_follow_up(assistant: Assistant) -> None:
    chat = ("test", "morocco")
    assistant.ask("Which Moroccan cities are learning cities?", chat=chat)
    reply = assistant.ask("which of them won an award?", chat=chat)
    assert reply.entry_id == "award-winners-2024" and "Benguerir" in to_plain(reply.text)


def test_which_of_them_after_another_answer_is_not_a_countrys_winners(assistant: Assistant) -> None:
    """Only after a country's list: after the 2024 winners, 'which of them ...' is theirs."""
    chat = ("test", "winners")
    assistant.ask("Which cities won the award in 2024?", chat=chat)
    reply = assistant.ask("which of them won an award?", chat=chat)
    assert "Morocco" not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "lead"),
    [
        ("Ankara 2024'te mi katıldı?", "city-ankara", "Hayır: Ankara ağa 2024 yılında değil, 2025 yılında katıldı."),
        ("Hatay 2019'da mı katıldı, emin misin?", "city-hatay", "Evet: Hatay ağa 2019 yılında katıldı."),
        ("Did Ankara join in 2024?", "city-ankara", "No: Ankara joined the network in 2025, not in 2024."),
        ("Bolu 2019'da üye miydi?", "city-bolu", "Evet: Bolu 2019 yılında ağın üyesiydi"),
        ("Was Bolu a member in 2017?", "city-bolu", "No: Bolu was not yet a member in 2017"),
        ("Cork 2015'te mi üye oldu?", "member-cork", "Evet: Cork ağa 2015 yılında katıldı."),
        ("İzmir 2019'da katıldı diye haber yapacağım, teyit eder misin?", "city-izmir", "Hayır: İzmir"),
        # a member, a year and a check alone ask the year it joined
        ("Hatay 2018 değil miydi?", "city-hatay", "Hayır: Hatay ağa 2018 yılında değil, 2019 yılında katıldı."),
        ("konya 2017 mi", "city-konya", "Evet: Konya ağa 2017 yılında katıldı."),
        ("Hatay 2019'da mı?", "city-hatay", "Evet: Hatay ağa 2019 yılında katıldı."),
        ("Is Hamburg 2019, right?", "member-hamburg", "Yes: Hamburg joined the network in 2019."),
    ],
)
def test_a_year_checked_of_a_members_joining_gets_yes_or_no(
    assistant: Assistant, question: str, entry: str, lead: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert to_plain(reply.text).startswith(lead)


def test_a_place_that_is_no_member_checked_with_a_year_gets_its_card(assistant: Assistant) -> None:
    reply = assistant.ask("istanbul 2018 mi")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "province-istanbul")


@pytest.mark.parametrize("question", ["ankara ve konya 2017 mi", "Hatay 2018 ödül aldı mı", "2024 ödülü Cork mu"])
def test_a_year_check_with_two_places_or_another_ask_is_no_bare_check(assistant: Assistant, question: str) -> None:
    assert not to_plain(assistant.ask(question).text).startswith(("Evet: ", "Hayır: "))


@pytest.mark.parametrize(
    "question", ["Konya ne zaman katıldı?", "Konya 2017'den beri üye", "Heraklion 2019'da mı katıldı?"]
)
def test_no_yes_or_no_without_a_check_or_an_exact_year(assistant: Assistant, question: str) -> None:
    """A plain question, a statement, and a member known only by a range of years (2015-2018)."""
    assert not to_plain(assistant.ask(question).text).startswith(("Evet", "Hayır", "Yes", "No"))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("ilk konferans 2014'te miydi?", "Hayır. 1. konferans 2013"),
        ("ilk konferans 2013'te miydi?", "Evet. 1. konferans 2013"),
        ("Cork konferansı 2015'te miydi?", "Hayır. Cork"),  # the 2015 one is shown, Cork's is checked
        ("Yeonsu 2019'da mıydı?", "Hayır."),
        ("Was the Medellín conference in 2019?", "Yes."),
        ("Türkiye'nin üçüncü üyesi 2019'da mı katıldı?", "Hayır. Türkiye'den ağa katılış sırasıyla 3.: Bolu"),
    ],
)
def test_a_year_checked_of_a_fact_gets_yes_or_no_once(assistant: Assistant, question: str, lead: str) -> None:
    text = to_plain(assistant.ask(question).text)
    assert text.startswith(lead)
    assert text.count("Hayır") + text.count("Evet") + text.count("Yes.") <= 1


@pytest.mark.parametrize(
    ("question", "entry", "lead"),
    [
        ("uil pariste değil mi", "uil-address", "Hayır. UIL Hamburg"),  # no apostrophe, "değil mi" as the tag
        ("UIL Paris'te mi?", "uil-address", "Hayır."),
        ("UIL Hamburg'da mı?", "uil-address", "Evet."),
        ("Son konferans Riyad'da mıydı?", "conference-6-jubail", "Hayır."),
        ("4. konferans Meksika'da mı yapıldı?", "conference-4-medellin", "Hayır. Mexico City"),
    ],
)
def test_a_place_checked_of_a_fact_gets_yes_or_no(assistant: Assistant, question: str, entry: str, lead: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert to_plain(reply.text).startswith(lead)


def test_where_asked_plainly_gets_no_yes_or_no(assistant: Assistant) -> None:
    assert to_plain(assistant.ask("UIL nerede?").text).startswith("UIL Hamburg")


@pytest.mark.parametrize(
    ("question", "entry"),
    [("What happened in Medellín?", "conference-4-medellin"), ("medellin de ne oldu", "conference-4-medellin")],
)
def test_what_happened_in_a_host_city_is_its_conference(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_what_happened_to_a_member_that_hosted_nothing_is_its_card(assistant: Assistant) -> None:
    assert assistant.ask("Laayoune ne oldu?").entry_id == "member-laayoune"
