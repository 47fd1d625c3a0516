"""Follow-ups about order: a place in an order asked of the last thing ("kaçıncı Türk
üyesi?" after Ankara)."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


def _chat(assistant: Assistant, *questions: str) -> tuple[str | None, str]:
    chat = ("test", questions)
    for question in questions[:-1]:
        assistant.ask(question, chat=chat)
    reply = assistant.ask(questions[-1], chat=chat)
    assistant.conversations.forget(chat)
    assert reply.kind == ReplyKind.ANSWER, reply.text
    return reply.entry_id, to_plain(reply.text)


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("Ankara ne zaman üye oldu?", "kaçıncı Türk üyesi?", "city-ankara", "11."),
        ("Konya ne zaman üye oldu?", "kaçıncı türk üyeydi?", "city-konya", "2."),
        ("Bolu ne zaman katıldı?", "Türkiye'den kaçıncı üye oldu?", "city-bolu", "3."),
    ],
)
def test_a_place_in_turkiyes_order_asked_after_a_turkish_member_is_that_members(
    assistant: Assistant, first: str, then: str, entry: str, says: str
) -> None:
    """Before, the first Turkish member's card (which says Konya was second) whatever the member."""
    got, text = _chat(assistant, first, then)
    assert got == entry, text
    assert says in text


@pytest.mark.parametrize(
    ("first", "then", "entry"),
    [
        # not a Turkish member: Türkiye's members in the order they joined
        ("Hamburg ne zaman katıldı?", "Türkiye'den kaçıncı üye oldu?", "members-turkey"),
        ("Ankara ne zaman üye oldu?", "Türkiye'den kaç şehir üye?", "members-turkey"),  # no order asked
        ("Ankara ne zaman üye oldu?", "Türkiye'den ilk üye kim?", "first-turkish-member"),  # the first, not Ankara
    ],
)
def test_a_question_about_turkiye_after_a_member_that_asks_no_place_in_order_stands_alone(
    assistant: Assistant, first: str, then: str, entry: str
) -> None:
    got, text = _chat(assistant, first, then)
    assert got == entry, text


@pytest.mark.parametrize(
    ("question", "says", "not_says"),
    [
        ("Bolu'dan önce Türkiye'den kimler vardı?", ["Eskişehir", "Konya"], []),
        ("Bolu'dan önce hangi şehirler katıldı?", ["Eskişehir", "Konya"], []),
        ("Which Turkish cities joined after Hatay?", ["İzmir", "Bursa", "Ankara"], []),
        ("Bolu'dan önce hangi şehir katıldı?", ["Konya"], ["Eskişehir"]),  # one: the one before
        ("Hatay'dan hemen sonra kimler katıldı?", ["İzmir"], ["Bursa"]),  # right after: the nearest
        ("Bursa'dan önce en son katılan Türk şehirleri hangileri", ["İzmir"], ["Eskişehir"]),
    ],
)
def test_every_turkish_member_before_or_after_one_when_all_are_asked(
    assistant: Assistant, question: str, says: list[str], not_says: list[str]
) -> None:
    """Before, only the nearest one (Konya for 'Bolu'dan önce kimler vardı?')."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert reply.kind == ReplyKind.ANSWER, text
    assert all(s in text for s in says) and not any(s in text for s in not_says), text


def test_the_one_that_came_after_the_last_member(assistant: Assistant) -> None:
    """'gelen' (the one that came) is a word of Türkiye's order: before, no answer."""
    _, text = _chat(assistant, "Hatay ne zaman katıldı?", "ondan sonra gelen hangisi?")
    assert "İzmir" in text and "Bursa" not in text


def test_the_last_to_join_is_not_asked_of_a_thing_without_an_order(assistant: Assistant) -> None:
    """'joined' is also KOMEK's membership (its only 'member since' template); with 'last' it asks
    an order, which KOMEK's kind has not: before, KOMEK's membership year."""
    entry, text = _chat(assistant, "How many Turkish members are there?", "which joined last?")
    assert entry == "newest-members" and "Ankara" in text
    assert assistant.ask("which joined last?").entry_id != "komek-member-since"
    nominations = assistant.ask("how many nominations per country")  # one kind answers it, no order asked
    assert nominations.entry_id == "learning-city-award"


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("How many members were there in September 2022?", "what about two years later?", "member-growth", "356"),
        ("2020'de ağda kaç şehir vardı?", "peki iki yıl sonra?", "member-growth", "294"),
        ("When was the 3rd conference?", "and two years later?", "conference-4-medellin", "2019"),
        ("How many cities won the award in 2017?", "and two years later?", "learning-city-award", "2019"),
        ("Bursa ne zaman katıldı?", "üç yıl sonra Türkiye'den kim katıldı?", "city-ankara", "Ankara"),
    ],
)
def test_a_year_counted_from_the_last_things_year(
    assistant: Assistant, first: str, then: str, entry: str, says: str
) -> None:
    """Before, no answer: "two years later" named no year."""
    got, text = _chat(assistant, first, then)
    assert got == entry, text
    assert says in text


def test_years_later_without_a_year_before_or_a_chat_is_not_read_so(assistant: Assistant) -> None:
    from bot.yearshift import shifted_year

    chat = ("test", "kommek")
    assistant.ask("KOMEK nedir?", chat=chat)
    context = assistant.conversations.get(chat)
    assistant.conversations.forget(chat)
    assert context is not None
    assert shifted_year(assistant.understanding.follow, "and two years later?", context) is None  # KOMEK has no year
    assert assistant.ask("what about two years later?").kind != ReplyKind.ANSWER


@pytest.mark.parametrize(
    "question", ["When was the network at its largest?", "Ağ ne zaman en büyüktü?", "Ağ en kalabalık ne zamandı?"]
)
def test_when_the_network_was_largest_is_the_latest_count(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count"), text
    assert "425" in text and "356" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How big is the network?", "member-count"),  # no superlative: today's count
        ("Which country has the most learning cities?", "members-c-KR"),  # a country, not a time
    ],
)
def test_the_size_or_the_largest_country_is_not_when_it_was_largest(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert "Earlier counts" not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "says", "not_says"),
    [
        ("Which German city joined before Bonn?", ["Hamburg", "Gelsenkirchen"], ["Dresden"]),
        ("Bonn'dan önce Almanya'dan kimler katıldı?", ["Hamburg"], ["Dresden"]),
        ("Which German cities joined after Hamburg?", ["Bonn"], ["Gelsenkirchen"]),
        ("Which Irish cities joined after Cork?", ["Waterford"], []),
    ],
)
def test_a_countrys_members_before_or_after_one_of_them(
    assistant: Assistant, question: str, says: list[str], not_says: list[str]
) -> None:
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id in ("members-c-DE", "members-c-IE"), text
    assert all(s in text for s in says) and not any(s in text for s in not_says), text


def test_a_countrys_member_before_the_last_one_asked_as_a_follow_up(assistant: Assistant) -> None:
    entry, text = _chat(assistant, "When did Bonn join?", "which German city came before it?")
    assert entry == "members-c-DE" and "Hamburg" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Bonn mu önce katıldı Hamburg mu?", "member-hamburg"),  # two members: the comparison
        ("Konya'dan sonra hangi Türk şehri katıldı?", "city-bolu"),  # Türkiye's order: the facts'
    ],
)
def test_two_members_or_turkiyes_order_are_not_a_countrys_members_beside_one(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert "among the members I know of, these" not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Which region has the most members?", "Asia and the Pacific"),
        ("En çok üyesi olan bölge hangisi?", "Asya ve Pasifik"),
        ("Which region has the fewest members?", "Africa"),
        ("What is the smallest region?", "Africa"),
        ("Hangi bölgede en fazla öğrenen şehir var?", "Asya ve Pasifik"),
    ],
)
def test_the_regions_ranked_by_the_lists_counts_with_the_caveat(
    assistant: Assistant, question: str, first: str
) -> None:
    """Before, the newest members' card, 'largest is not in my list' or a 'did you mean'."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "unesco-regions"), text
    assert first in text.split("\n")[0]
    assert "official" in text or "resmî" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("UNESCO bölgeleri neler", "unesco-regions"),  # no ranking asked
        ("Avrupa bölgesinde en çok üyesi olan ülke hangisi?", "members-r-europe-north-america"),  # one region
        ("Which country has the most members?", "members-c-KR"),  # countries
    ],
)
def test_regions_without_a_ranking_or_one_regions_countries_are_not_ranked(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert "By region" not in to_plain(reply.text) and "Bölgelere göre" not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Which year did the most cities join the network?", "members-y-2022", "77"),
        ("Hangi yıl en çok şehir katıldı?", "members-y-2022", "77"),
        ("Hangi yıl en az şehir katıldı?", "members-y-2019", "38"),
        ("In which round were the fewest cities admitted?", "members-y-2019", "38"),
    ],
)
def test_the_admission_round_with_the_most_or_fewest_new_members(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    """Before, the latest round (72 in 2025) or the counts over time, as if they answered it."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), text
    assert says in text.split("\n")[0] and "2015–2016" in text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("2022'de kaç şehir katıldı?", "members-y-2022"),  # one year's round, as before
        ("Which year had the most winners?", "learning-city-award"),  # the award's rounds
        ("When was the network at its largest?", "member-count"),  # its size, not an intake
    ],
)
def test_one_round_the_awards_or_the_size_are_not_the_largest_intake(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert "announced admission rounds" not in to_plain(reply.text)
    assert "Duyurulan üye alımları" not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("first", "entry", "says"),
    [("Türkiye'den ilk üye hangisi?", "city-eskisehir", "2016"), ("Bolu kaçıncı üye?", "city-bolu", "2018")],
)
def test_when_it_joined_after_a_turkish_member_found_by_its_place(
    assistant: Assistant, first: str, entry: str, says: str
) -> None:
    """'katıldı' asks a Turkish member's joining as 'ne zaman' does: before, a 'did you mean'."""
    got, text = _chat(assistant, first, "ne zaman katıldı?")
    assert got == entry and says in text


def test_when_did_it_join_after_the_first_turkish_member(assistant: Assistant) -> None:
    got, text = _chat(assistant, "Which was the first Turkish member?", "when did it join?")
    assert got == "city-eskisehir" and "2016" in text
    assert assistant.ask("How do cities join?").entry_id == "how-to-join"  # 'join' alone: how


def test_since_when_after_a_member_of_a_shared_year_is_its_own_card(assistant: Assistant) -> None:
    got, text = _chat(assistant, "Is Bursa a member?", "since when?")
    assert got == "city-bursa" and "2022" in text


@pytest.mark.parametrize(
    "question", ["Which other German cities are members?", "Almanya'dan başka hangi şehirler üye?"]
)
def test_other_cities_of_a_country_are_its_list(assistant: Assistant, question: str) -> None:
    """'other', 'başka' said nothing the member directory read: before, a 'did you mean'."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-c-DE"), reply.text


def test_other_cities_beside_a_named_one_are_not_its_card(assistant: Assistant) -> None:
    reply = assistant.ask("İzmir'in yanında başka Türk şehri var mıydı?")
    assert reply.entry_id != "city-izmir", reply.text


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("When did Ankara join?", "which other capitals joined with it?", "members-y-2025", "Caracas"),
        ("Ankara ne zaman katıldı?", "onunla birlikte başka başkent katıldı mı?", "members-y-2025", "Lusaka"),
        ("When did Bursa join?", "who joined with it?", "members-turkey", "Sakarya"),
    ],
)
def test_joined_with_it_is_that_year_and_capitals_are_the_whole_rounds(
    assistant: Assistant, first: str, then: str, entry: str, says: str
) -> None:
    """'with it', 'onunla birlikte' are 'the same year'; other capitals are the round's, not Türkiye's."""
    got, text = _chat(assistant, first, then)
    assert got == entry and says in text, text


def test_a_country_asked_in_a_region_is_not_the_regions_ranked(assistant: Assistant) -> None:
    assert "Bölgelere göre" not in to_plain(assistant.ask("Bölgede en çok üyesi olan ülke hangisi?").text)


def test_how_many_of_a_country_after_the_networks_count(assistant: Assistant) -> None:
    """ "türkiyeden kaç tane" after the network's count: Türkiye's members, not the network's count."""
    chat = ("t", "country-count")
    assert assistant.ask("ağda kaç şehir var", chat=chat).entry_id == "member-count"
    reply = assistant.ask("türkiyeden kaç tane", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")
    chat = ("t", "country-count-2")
    assistant.ask("ağda kaç şehir var", chat=chat)
    assert assistant.ask("almanyadan kaç tane", chat=chat).entry_id == "members-c-DE"


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("2020de türkiyeden izmir girdi di mi", "başka?", "members-turkey", "Balıkesir"),  # that year's others
        ("When did Bursa join?", "any others?", "members-turkey", "Sakarya"),
        ("Hamburg üye mi?", "any others?", "members-c-DE", "Dresden"),  # a member abroad: its country's
        ("2024 ödülünü kimler aldı", "başka?", "award-winners-2024", "Glasgow"),  # no member: the card again
        ("KOMEK nedir", "başka?", "what-is-komek", "KOMEK"),
    ],
)
def test_others_after_an_answer(assistant: Assistant, first: str, then: str, entry: str, says: str) -> None:
    chat = ("others", first)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("first", "then", "entry"),
    [
        ("turkiyede ilk ogrenen sehir hangisi", "peki ya Bursa?", "city-bursa"),  # a member named after the first
        ("Türkiye'nin en yeni üyesi hangisi?", "and Bolu?", "city-bolu"),
        ("Türkiye'nin ilk üyesi hangisi?", "peki Hamburg?", "member-hamburg"),
    ],
)
def test_a_member_named_after_one_of_the_order(assistant: Assistant, first: str, then: str, entry: str) -> None:
    chat = ("named-after-order", first, then)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
