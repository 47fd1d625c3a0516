"""A member and a country checked as its place (issue 9): "Is Melton in Australia?",
"Ibadan Nijerya'da mı" get the member's card, which says where it is."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Is Melton in Australia?", "member-melton", "Australia"),
        ("Ibadan Nijerya'da mı", "member-ibadan", "Nijerya"),
        ("Bonn Fransa'da mı", "member-bonn", "Almanya"),  # the card sets it right
        ("Konya Almanyada mı", "city-konya", "Türkiye"),
    ],
)
def test_a_country_checked_as_a_members_place_gets_its_card(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_conference_place_stays_the_conferences(assistant: Assistant) -> None:
    """Yeonsu hosted the 5th conference: the facts check that place, not the member's card."""
    assert assistant.ask("Yeonsu is in Japan?").entry_id == "conference-5-yeonsu"


def test_a_country_named_without_being_checked_is_not_a_place_check(assistant: Assistant) -> None:
    """'Turkey' here only says where the claim is made: no member card for 'eskisehir turkey True?'."""
    question = (
        "Quick q, I'm an Erasmus student in Eskişehir and my professor says we're the oldest "
        "learning city in Turkey. True?"
    )
    assert assistant.ask(question).entry_id != "city-eskisehir"


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Which region is Ashgabat in?", "member-ashgabat", "UNESCO region: Asia and the Pacific"),
        ("Ashgabat hangi bölgede", "member-ashgabat", "UNESCO bölgesi: Asya ve Pasifik"),
        ("Which UNESCO region is Bouaké in?", "member-bouake", "UNESCO region: Africa"),
    ],
)
def test_a_members_card_says_its_unesco_region(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_curated_turkish_citys_region_is_not_its_card(assistant: Assistant) -> None:
    """ "Konya hangi bölgede" may ask Türkiye's geography; Konya's card says no region."""
    assert assistant.ask("Konya hangi bölgede").entry_id != "city-konya"


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("kazan rusya ogrenen sehir mi", "member-kazan"),  # an everyday word, but its country is named
        ("kazan rusya'da mı", "member-kazan"),
    ],
)
def test_a_member_named_by_an_everyday_word_counts_with_its_country(
    assistant: Assistant, text: str, entry: str
) -> None:
    assert assistant.ask(text).entry_id == entry


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        # names that are no everyday word in the bot's talk: found in lower case too
        ("cork odul aldi mi", "member-cork"),  # both of its awards, not only 2024's list
        ("did cork ever win the award", "member-cork"),
        ("fasta hangi sehirler uye", "members-c-MA"),  # Fas (Morocco), no city "fasta"
    ],
)
def test_a_lower_case_name_that_is_no_everyday_word_is_a_place(assistant: Assistant, text: str, entry: str) -> None:
    assert assistant.ask(text).entry_id == entry


def test_a_wine_cork_is_no_city(assistant: Assistant) -> None:
    assert assistant.ask("how do i recycle a wine cork").kind != ReplyKind.ANSWER


def test_an_everyday_word_without_its_country_is_still_a_word(assistant: Assistant) -> None:
    """ "Rusya'dan ödül kazanan şehir var mı": "kazanan" wins, it is not Kazan."""
    reply = assistant.ask("Rusya'dan ödül kazanan şehir var mı")
    assert reply.entry_id != "member-kazan" and "Kazan (" not in reply.text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("İzmir ile Afyon aynı yıl mı girdi?", "Evet, aynı yıl katıldılar: 2020."),
        ("Did Bursa and Sakarya join together?", "Yes, they joined in the same year: 2022."),
        ("Bolu ile Hatay aynı anda mı katıldı", "Hayır, aynı yıl katılmadılar."),
    ],
)
def test_joined_together_is_answered_yes_or_no_first(assistant: Assistant, text: str, says: str) -> None:
    assert to_plain(assistant.ask(text).text).startswith(says)


def test_which_joined_first_is_no_yes_or_no(assistant: Assistant) -> None:
    text = to_plain(assistant.ask("İzmir mi önce katıldı Bolu mu").text)
    assert text.startswith("Katılış sırasıyla: Bolu (2018), İzmir (2020)")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Which UNESCO region is Egypt in for the network?", "Arab States"),
        ("Mısır hangi UNESCO bölgesinde", "Arap Devletleri"),
        ("Which region does Japan belong to?", "Asia and the Pacific"),
        ("Almanya hangi bölgede yer alıyor", "Avrupa ve Kuzey Amerika"),
    ],
)
def test_a_countrys_region(assistant: Assistant, text: str, region: str) -> None:
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "unesco-regions")
    assert region in to_plain(reply.text)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Türkiye hangi bölgede", "unesco-regions"),  # the FAQ's own answer, with the five regions
        ("Mısır'dan hangi şehirler üye", "members-c-EG"),  # the country's list, not its region
    ],
)
def test_other_country_questions_keep_their_answers(assistant: Assistant, text: str, entry: str) -> None:
    reply = assistant.ask(text)
    assert reply.entry_id == entry and "üye şehirleri UNESCO'nun" not in reply.text


@pytest.mark.parametrize(
    ("text", "entry", "lead"),
    [
        ("İstanbul neden üye değil", "province-istanbul", "Kaynaklarım bunun nedenini söylemiyor"),
        ("Why is Istanbul not a member?", "province-istanbul", "My sources do not say why"),
        ("Why is Hamburg a member?", "member-hamburg", "My sources do not say why"),
        ("Ankara neden bu kadar geç katıldı", "city-ankara", "Kaynaklarım bunun nedenini söylemiyor"),
    ],
)
def test_why_a_city_is_or_is_not_a_member_says_the_sources_do_not_say(
    assistant: Assistant, text: str, entry: str, lead: str
) -> None:
    reply = assistant.ask(text)
    assert reply.entry_id == entry and to_plain(reply.text).startswith(lead)


def test_a_membership_without_why_has_no_such_lead(assistant: Assistant) -> None:
    assert "nedenini" not in assistant.ask("İstanbul üye mi").text
    assert "nedenini" not in assistant.ask("üye sayısı neden azaldı").text  # the lapses' own answer
