"""The award's winners by year (issue 9): 2015-2021 named from the member research
(../shared/research, a source per city), 2017 with the 14 of its 16 that are named."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("Which cities won the award in 2015?", "Espoo"),
        ("Hangi şehirler 2019'da ödül aldı", "Melitopol"),
        ("2021 ödülünü kazananlar", "Clermont-Ferrand"),
        ("names of the 2019 winners", "Sønderborg"),
        # "hangileri" asks "which", which the award's rounds answer with their year's card
        ("2019'da ödül alan şehirler hangileri?", "Seodaemun-gu"),
        ("2021'de ödül alan şehirler hangileri?", "Clermont-Ferrand"),
    ],
)
def test_a_years_winners_are_named(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "learning-city-award")
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        # a winner of an earlier round: that year and its winners, then the city's own card
        ("Did Espoo win the award?", "member-espoo", "received the UNESCO Learning City Award in 2015"),
        ("Bristol hangi yıl ödül aldı", "member-bristol", "2017 yılında aldı"),
        ("Suwon ödül almış mı", "member-suwon", "Gelsenkirchen"),  # the year's other winners too
    ],
)
def test_an_earlier_rounds_winner_is_its_own_card_with_the_year(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_2024_winner_keeps_the_rounds_own_card(assistant: Assistant) -> None:
    assert assistant.ask("Doha ödül aldı mı?").entry_id == "award-winners-2024"


def test_a_year_only_partly_named_says_how_many_are(assistant: Assistant) -> None:
    text = to_plain(assistant.ask("Who won the award in 2017?").text)
    assert "16 cities" in text and "name 14 of them" in text and "Contagem" in text


def test_the_2024_winners_keep_their_own_card(assistant: Assistant) -> None:
    assert assistant.ask("Did Doha win the award").entry_id == "award-winners-2024"


def test_a_winner_is_still_a_member_when_asked_when_it_joined(assistant: Assistant) -> None:
    """A winner's name names the award only with the award's words: 'Espoo ne zaman katıldı' is Espoo's card."""
    assert assistant.ask("Espoo ne zaman katıldı").entry_id == "member-espoo"


def test_a_conference_place_checked_is_not_an_award(assistant: Assistant) -> None:
    """Shanghai (a 2021 winner) is not an award name: the place checked against the 1st conference."""
    reply = assistant.ask("The first conference was in Shanghai, correct?")
    assert reply.entry_id == "conference-1-beijing" or "conference-1-beijing" in reply.suggestions


# ------------------------------------------------------------ winners by country or region


def _shown(html: str) -> str:
    """What a reader sees of ``html``: its text, without the links' addresses."""
    return html_lib.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize(
    ("question", "entry", "says", "not_says"),
    [
        ("Which Korean city won the award in 2019?", "member-seodaemun-gu", "Seodaemun-gu", "Suwon"),
        ("which city won the Learning City Award for Ethiopia", "member-bahir-dar", "Bahir Dar (2015)", "Amman"),
        ("Did any Irish city win the award?", "award-winners-2024", "Cork (2015, 2024)", "Glasgow"),
        ("Almanya'dan ödül alan şehir var mı", "member-gelsenkirchen", "Gelsenkirchen (2017)", "Espoo"),
        ("Afrika'dan ödül alan şehirler", "award-winners-2024", "Ibadan (2019)", "Amman"),
    ],
)
def test_the_winners_from_a_country_or_region_are_named(
    assistant: Assistant, question: str, entry: str, says: str, not_says: str
) -> None:
    reply = assistant.ask(question)
    text = _shown(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in text and not_says not in text
    assert "uil.unesco.org" in reply.text  # where the complete list is


def test_a_count_of_winners_from_a_country_states_the_number(assistant: Assistant) -> None:
    text = _shown(assistant.ask("How many Chinese cities won the award?").text)
    assert "China (5)" in text and "Wuhan (2024)" in text
    assert "14 of its 16" in text  # the 2017 list is incomplete, and the reply says so


def test_each_winner_links_to_its_own_source(assistant: Assistant) -> None:
    reply = assistant.ask("Which Qatari cities won the award?")
    assert reply.text.count("<a href=") >= 3  # Al Wakra, Doha, and UIL's pages


def test_a_country_with_no_winner_named_is_a_plain_no(assistant: Assistant) -> None:
    reply = assistant.ask("Fransa 2017'de ödül aldı mı")
    text = _shown(reply.text)
    assert reply.kind == ReplyKind.ANSWER and "Fransa şehri yok" in text
    assert "Clermont-Ferrand" not in text  # a 2021 winner is not a 2017 one


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Türkiye'den ödül alan şehir var mı", "award-turkey"),  # the content's own answer
        ("Almanya 2018'de ödül aldı mı", "learning-city-award"),  # no award that year: the facts' no
    ],
)
def test_turkiye_and_a_year_without_an_award_keep_their_answers(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry and "kazananlarından" not in reply.text


def test_how_to_win_is_not_a_list_of_winners(assistant: Assistant) -> None:
    text = _shown(assistant.ask("How can a German city win the award?").text)
    assert "Gelsenkirchen" not in text


def test_a_region_by_its_adjective(assistant: Assistant) -> None:
    """ "Asian", "Arab": the region, as "African" and "European" already were."""
    assert "Chengdu (2019)" in _shown(assistant.ask("Which Asian cities won the award?").text)
    assert assistant.ask("Which Arab cities are members?").entry_id == "members-r-arab-states"


def test_winning_alone_names_the_award(assistant: Assistant) -> None:
    """ "win", "won", "kazandı" name the award on their own; "wonder" is no "won"."""
    assert "Cuenca" in _shown(assistant.ask("Did any Latin American city win in 2024?").text)
    assert assistant.ask("I wonder whether any Ukrainian cities are in the network").entry_id == "members-c-UA"


def test_a_city_not_listed_in_the_gnlc_is_not_in_my_list(assistant: Assistant) -> None:
    assert assistant.ask("Is Barcelona in the GNLC?").entry_id == "not-listed"


def test_whether_a_city_may_win_is_not_the_winners(assistant: Assistant) -> None:
    reply = assistant.ask("Almanya'dan bir şehir ödül kazanabilir mi")
    assert "Gelsenkirchen" not in _shown(reply.text)


@pytest.mark.parametrize("question", ["Hangi şehirler ödül aldı?", "Who won the Learning City Award?"])
def test_the_winners_with_no_year_are_the_latest_rounds(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    text = _shown(reply.text)
    assert reply.entry_id == "award-winners-2024" and "Glasgow" in text and "2019 (10)" in text


@pytest.mark.parametrize(
    "question",
    [
        "who won the champions league",
        "Which year had the most award winners?",
        "Who will win the next Learning City Award?",
    ],
)
def test_other_who_won_questions_are_not_the_latest_winners(assistant: Assistant, question: str) -> None:
    assert "2019 (10)" not in _shown(assistant.ask(question).text)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Was Konya ever awarded the learning city award?", "award-turkey"),  # "awarded": whether it won
        ("Did Konya win the Learning City Award?", "award-turkey"),
    ],
)
def test_whether_a_turkish_city_was_awarded(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Did Eunpyeong-gu win the award?",  # the directory's "Eunpyeong-gu (Seoul)" is the winners' "Eunpyeong-gu"
        "Hi, I'm a city officer in Eunpyeong-gu. Which cities won the Learning City Award in 2024? We're on it I think",
    ],
)
def test_a_winner_the_facts_know_by_its_short_name(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "award-winners-2024")
    assert "Glasgow" in reply.text


def test_a_winners_name_alone_is_no_question_about_the_award(assistant: Assistant) -> None:
    # Limerick is one of 2017's winners: "when did it become a member" is its membership
    reply = assistant.ask("Good evening, I'm a librarian in Limerick. When did Limerick become a member?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-limerick")
    assert assistant.ask("Did Limerick win the award?").entry_id == "member-limerick"  # its year, on its card
    assert "2017" in assistant.ask("Did Limerick win the award?").text


def test_a_follow_up_after_a_winner_is_about_that_city(assistant: Assistant) -> None:
    chat = ("winner", "cuenca")
    assert assistant.ask("Did Cuenca win the award?", chat=chat).entry_id == "award-winners-2024"
    reply = assistant.ask("when did it join?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-cuenca")


def test_since_when_after_a_2024_winner_is_its_membership(assistant: Assistant) -> None:
    chat = ("winner", "doha")
    assistant.ask("Doha ödül aldı mı?", chat=chat)
    reply = assistant.ask("ne zaman üye oldu?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-doha")
    chat = ("winner", "round")
    assistant.ask("2024 ödülünü kimler aldı?", chat=chat)
    assert assistant.ask("kaç şehir aldı?", chat=chat).entry_id == "award-winners-2024"  # still the award's
