"""Questions about the network's members worldwide beyond "is X a member" and "which
members" (issue 9): how many joined in a year (UIL's admission rounds), the first or latest
member of a country or region, a country's total as a source states it, the country with
the most members, the countries of a region, country short forms ("UK", "US"), and what
the sources say about a member's current status. Each with near questions that must not
be taken by the new readings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.content import ContentError, load_content
from bot.members.model import Joined, JoinedKind, Member
from bot.members.overview import ordered_ends
from bot.members.shapes import Order
from bot.replies import Reply, ReplyKind
from bot.tghtml import to_plain
from test_assistant import all_buttons, assert_sendable


def ask(assistant: Assistant, text: str) -> Reply:
    reply = assistant.ask(text)
    assert_sendable(reply)
    return reply


def member(name: str, joined: str) -> Member:
    return Member(name.lower(), name, "DE", "europe-north-america", Joined.parse(joined, until=2025), "https://x.org")


# --------------------------------------------------------------------------- a year's round


@pytest.mark.parametrize(
    ("text", "entry", "parts"),
    [
        ("2024'te kaç şehir katıldı", "members-y-2024", ["64", "35 ülkeden", "14 Şubat 2024", "53"]),
        ("how many cities joined in 2022", "members-y-2022", ["77", "44 countries", "2 September 2022"]),
        ("2019 yılında ağa kaç yeni şehir girdi", "members-y-2019", ["38", "23 ülkeden", "17 Temmuz 2019"]),
        ("2020'de kaç şehir kabul edildi", "members-y-2020", ["55", "54"]),  # the correction is shown
        ("how many new members were admitted in 2024?", "members-y-2024", ["64"]),
    ],
)
def test_how_many_joined_in_a_year_is_the_announced_round(
    assistant: Assistant, text: str, entry: str, parts: list[str]
) -> None:
    reply = ask(assistant, text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    for part in parts:
        assert part in reply.text
    year = entry.rsplit("-", 1)[1]
    assert any(b.data == f"m:y={year}:0" for b in all_buttons(reply))  # the year's list, one tap away


def test_the_latest_round_is_the_faq_entry_that_answers_it(assistant: Assistant) -> None:
    for text in ("2025'te kaç şehir katıldı", "how many cities joined in 2025"):
        reply = ask(assistant, text)
        assert reply.entry_id == "newest-members"
        assert "72" in reply.text and "46" in reply.text and "45" in reply.text  # 45 of them named


def test_a_year_without_an_announced_round_is_left_to_the_faq(assistant: Assistant) -> None:
    assert assistant.members is not None
    for text in ("2017'de kaç şehir katıldı", "2016'da kaç şehir katıldı", "2013'te kaç şehir katıldı"):
        assert assistant.members.question(text) is None


def test_cities_admitted_in_a_year_is_the_round(assistant: Assistant) -> None:
    assert ask(assistant, "cities admitted in 2024").entry_id == "members-y-2024"
    assert ask(assistant, "cities admitted in 2025").entry_id == "newest-members"
    assert ask(assistant, "2024'te kimler katıldı").entry_id == "members-y-2024"  # who: the list, as before


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("2024'te kaç şehir ödül aldı", "award-winners-2024"),
        ("2024'te kaç şehir vardı", "member-growth"),
        ("how many members were there in 2024", "member-growth"),
    ],
)
def test_near_questions_keep_their_answers(assistant: Assistant, text: str, entry: str) -> None:
    assert ask(assistant, text).entry_id == entry


def test_a_future_year_is_not_a_round(assistant: Assistant) -> None:
    reply = ask(assistant, "how many cities will join in 2026")
    assert reply.entry_id != "members-y-2026" and reply.kind != ReplyKind.ANSWER


# --------------------------------------------------------------------------- first and latest


def test_ordered_ends_is_honest_about_ranges() -> None:
    a, b, c = member("A", "2015-2016"), member("B", "2019"), member("C", "2020")
    assert ordered_ends([b, a, c], Order.FIRST) == ([a], True)  # a range wholly before the rest
    assert ordered_ends([b, a, c], Order.LAST) == ([c], True)
    d, e = member("D", "2016"), member("E", "2015-2018")
    ends, certain = ordered_ends([d, e, b], Order.FIRST)
    assert set(ends) == {d, e} and not certain  # E may have joined in 2015, or after D
    f = member("F", "2019")
    assert ordered_ends([b, f, a], Order.LAST) == ([b, f], True)  # two of the same year
    assert ordered_ends([], Order.FIRST) == ([], True)
    assert Joined.parse("before 2017", until=2025).kind is JoinedKind.BEFORE


@pytest.mark.parametrize(
    "text",
    ["Almanya'dan ağa ilk katılan şehir hangisi?", "which German city joined first", "Almanya'nın ilk öğrenen şehri"],
)
def test_the_first_member_of_a_country(assistant: Assistant, text: str) -> None:
    reply = ask(assistant, text)
    assert reply.entry_id == "members-c-DE"  # a reading of Germany's list
    assert "Gelsenkirchen" in reply.text and "2015" in reply.text and "2016" in reply.text  # the range, kept
    assert "Hamburg" not in reply.text
    assert any(b.data == "m:c=DE:0" for b in all_buttons(reply))


def test_a_source_that_names_the_first_settles_a_range(assistant: Assistant) -> None:
    # Melitopol 2016, Nikopol and Novoyavorivsk 2016-2020: its source says "first Ukrainian member"
    reply = ask(assistant, "Ukrayna'nın ilk üyesi")
    assert reply.entry_id == "members-c-UA" and "first Ukrainian member" in reply.text
    assert "Nikopol" not in reply.text
    korea = ask(assistant, "the first learning city in Korea")  # no source names Korea's first
    assert korea.entry_id == "members-c-KR" and "not certain" in korea.text


def test_the_latest_members_of_a_country_all_of_that_year(assistant: Assistant) -> None:
    reply = ask(assistant, "Çin'in en son katılan üyesi")
    assert reply.entry_id == "members-c-CN"
    for city in ("Ningbo", "Shenyang", "Tianjin"):
        assert city in reply.text
    assert "Beijing" not in reply.text and "eksik" in reply.text


def test_an_uncertain_first_says_which_may_be_first_and_why(assistant: Assistant) -> None:
    for text, word in (
        ("en eski Afrika üyesi", "kesin değil"),
        ("which is the oldest member in Africa", "not certain"),
    ):
        reply = ask(assistant, text)
        assert reply.entry_id == "members-r-africa"
        assert "Bahir Dar" in reply.text and word in reply.text


def test_newest_members_of_a_region(assistant: Assistant) -> None:
    reply = ask(assistant, "the newest members in Latin America")
    assert reply.entry_id == "members-r-latin-america-caribbean"
    assert "Buenos Aires" in reply.text and "2024" not in reply.text.split("The list I keep")[0]


def test_turkiye_first_and_latest_stay_the_curated_answers(assistant: Assistant) -> None:
    assert ask(assistant, "Türkiye'nin ilk öğrenen şehri").entry_id == "first-turkish-member"
    assert ask(assistant, "Türkiye'den en son katılan şehir").entry_id == "newest-members"
    assert ask(assistant, "first city in Turkey to join").entry_id == "first-turkish-member"


def test_order_words_without_a_place_are_not_taken(assistant: Assistant) -> None:
    assert ask(assistant, "en yeni üyeler kimler").entry_id == "newest-members"
    assert ask(assistant, "ilk konferans hangi ülkede").entry_id == "conference-1-beijing"


@pytest.mark.parametrize("text", ["what is the oldest city in Europe", "Avrupa'nın en eski şehri hangisi"])
def test_the_oldest_city_is_not_the_oldest_member(assistant: Assistant, text: str) -> None:
    reply = ask(assistant, text)
    assert not (reply.entry_id or "").startswith("member")


# --------------------------------------------------------------------------- stated totals


def test_a_country_total_says_the_stated_figure_and_the_list(assistant: Assistant) -> None:
    reply = ask(assistant, "Kore'den kaç şehir var")
    assert reply.entry_id == "members-c-KR"
    assert "59" in reply.text and "45" in reply.text and "unesco.or.kr" in reply.text
    iran = ask(assistant, "How many Iranian cities are members")
    assert "more than 10 members" in iran.text and "12" in iran.text and "2020" in iran.text
    ukraine = ask(assistant, "Ukrayna'dan kaç üye var")
    assert "9 üye" in ukraine.text and "Harkiv" in ukraine.text  # before Kharkiv joined


def test_stated_totals_are_checked(content_copy: Path) -> None:
    path = content_copy / "members.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  KR:\n    count: 59\n", "  KR:\n    count: 59\n    more_than: 50\n", 1)
    text = text.replace('    as_of: "2025"\n', '    as_of: "late 2025"\n', 1)
    text = text.replace("stated:\n", "stated:\n  QQ: {count: 1, as_of: '2020', citation: x}\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    problems = [str(p) for p in info.value.problems]
    assert any("stated KR" in p and "either count or more_than" in p for p in problems), problems
    assert any("as_of must be YYYY or YYYY-MM" in p for p in problems), problems
    assert any("stated QQ" in p and "unknown country code" in p for p in problems), problems


def test_the_stated_totals_are_read(content_dir: Path) -> None:
    data = load_content(content_dir).members
    assert data is not None
    korea = data.stated["KR"]
    assert (korea.count, korea.as_of, korea.month) == (59, date(2025, 12, 1), True)
    assert (data.stated["IR"].count, data.stated["IR"].more_than) == (None, 10)
    assert all(s.source or s.citation for s in data.stated.values())


def test_the_country_with_the_most_members(assistant: Assistant) -> None:
    for text in ("en çok üyesi olan ülke hangisi", "which country has the most learning cities"):
        reply = ask(assistant, text)
        assert reply.entry_id == "members-c-KR"
        assert "59" in reply.text and "45" in reply.text
    assert ask(assistant, "en çok ödül alan şehir").entry_id != "members-c-KR"


# --------------------------------------------------------------------------- countries, names


def test_country_short_forms(assistant: Assistant) -> None:
    assert ask(assistant, "Is the UK in the network").entry_id == "members-c-GB"
    assert ask(assistant, "which uk cities are members").entry_id == "members-c-GB"  # "uk" is no word
    assert ask(assistant, "İngiltere ağda mı").entry_id == "members-c-GB"
    us = ask(assistant, "Is the USA a member")
    assert us.entry_id == "members-none" and "first time" in us.text  # the first US member, unnamed
    assert "ilk kez" in ask(assistant, "ABD'den üye var mı").text
    assert ask(assistant, "Hollanda'dan hangi şehirler üye").entry_id == "members-c-NL"


@pytest.mark.parametrize("text", ["tell us about member cities", "CAN YOU HELP US JOIN THE NETWORK"])
def test_us_as_a_word_is_not_the_country(assistant: Assistant, text: str) -> None:
    assert assistant.members is not None
    q = assistant.members.question(text)
    assert q is None or q.country != "US"


def test_the_country_with_most_cities_is_not_about_members(assistant: Assistant) -> None:
    assert ask(assistant, "en çok şehri olan ülke hangisi").entry_id != "members-c-KR"


def test_the_countries_of_a_region(assistant: Assistant) -> None:
    reply = ask(assistant, "Afrika'dan hangi ülkeler üye")
    assert reply.entry_id == "members-r-africa"
    assert "Kamerun" in reply.text and "ülke" in reply.text
    assert any(b.data == "m:r=africa:0" for b in all_buttons(reply))
    assert ask(assistant, "Meksika'ya kaç ülke katıldı").entry_id == "conference-2-participants"


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("text", "entry", "part"),
    [
        ("Is Melitopol still a member", "member-melitopol", "under occupation since 2022"),
        ("Kaunas hala üye mi", "member-kaunas", "ilk kez"),
        ("Laâyoune üye mi", "member-laayoune", "ayrılan iki üyeden biri"),
        ("Is Cali a learning city?", "member-cali", "February 2026"),
        ("Muharraq ne zaman katıldı", "member-muharraq", "yeniden kabul"),
    ],
)
def test_what_the_sources_say_about_a_members_status(assistant: Assistant, text: str, entry: str, part: str) -> None:
    reply = ask(assistant, text)
    assert reply.entry_id == entry and part in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Avrupa'dan hangi ülkeler UNESCO üyesi",
        "which countries in Africa are UNESCO members",
        "Almanya UNESCO'ya ilk ne zaman üye oldu",
        "which country has the most UNESCO members",
        "2024'te UNESCO'ya kaç ülke katıldı",
        "2020'de ne kabul edildi",
        "What was approved in 2022?",
    ],
)
def test_unesco_member_states_are_not_the_networks_members(assistant: Assistant, text: str) -> None:
    assert assistant.members is not None
    q = assistant.members.question(text)
    assert q is None or q.ask.value in ("city", "list")


@pytest.mark.parametrize(
    "text",
    [
        "Have any cities left the network?",
        "Ağdan ayrılan şehir oldu mu",
        "ağın üye sayısı neden azaldı",
        "Is any member city removed from the GNLC?",
    ],
)
def test_members_leaving_the_network(assistant: Assistant, text: str) -> None:
    reply = ask(assistant, text)
    assert reply.entry_id == "member-growth"
    assert "292" in reply.text and "425" in reply.text and "Kaunas" in reply.text


def test_a_member_still_in_is_its_status(assistant: Assistant) -> None:
    reply = ask(assistant, "Is Kaunas still in the network?")
    assert reply.entry_id == "member-kaunas" and "first time" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "turn left at the city hall",
        "kaç kişi ayrıldı konferanstan",
        "Have any members left UNESCO?",
        "can a member city be removed from the network?",
        "üye bir şehir ağdan çıkarılabilir mi",
    ],
)
def test_leaving_words_elsewhere_are_not_lapses(assistant: Assistant, text: str) -> None:
    assert ask(assistant, text).entry_id != "member-growth"


def test_lapses_need_tr_and_en(content_copy: Path) -> None:
    path = content_copy / "members.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    - tr: "Ocak 2017', '    - xx: "Ocak 2017', 1), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content_copy)
    assert any("each fact must have tr and en" in str(p) for p in info.value.problems)


@pytest.mark.parametrize(
    ("first", "then", "entry", "part"),
    [
        ("Almanya'nın ilk öğrenen şehri hangisi", "peki Fransa?", "members-c-FR", "Clermont-Ferrand"),
        ("2024'te kaç şehir katıldı", "peki 2022?", "members-y-2022", "77"),
        ("how many cities joined in 2019", "and in 2020?", "members-y-2020", "55"),
        ("Afrika'dan hangi ülkeler üye", "peki Asya?", "members-r-asia-pacific", "Güney Kore"),
    ],
)
def test_follow_ups_keep_the_shape(assistant: Assistant, first: str, then: str, entry: str, part: str) -> None:
    chat = ("world-follow-up", first)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert_sendable(reply)
    assert reply.entry_id == entry and part in reply.text


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("any canadian member cities?", "members-c-CA"),  # country adjectives (content/members.yaml countries)
        ("which kenyan cities are learning cities", "members-c-KE"),  # not Konya, fuzzily
        ("Which Iranian cities were added in 2020?", "members-c-IR-y-2020"),  # "added", "enlisted": joined
        ("As a researcher from Nigeria, I'd love to know which Nigerian cities were enlisted.", "members-c-NG"),
        ("How many cities were admitted in the December 2025 round?", "newest-members"),
    ],
)
def test_adjectives_and_intake_words(assistant: Assistant, text: str, entry: str) -> None:
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("first", "follow_up", "entry"),
    [
        ("Which cities in Colombia are members?", "and in 2025?", "members-c-CO-y-2025"),  # the year, the country kept
        ("Which UK cities are members?", "and in 2025?", "members-c-GB-y-2025"),  # "UK": no name to ask again with
        ("Fas'tan hangi şehirler üye?", "2022'de hangileri katıldı?", "members-c-MA-y-2022"),  # not the world's 2022
        ("Almanya'dan hangi şehirler üye?", "ya Fransa?", "members-c-FR"),
        ("Which cities joined in 2024?", "from how many countries?", "members-y-2024"),  # the same list says it
        (
            "Which Brazilian cities are learning cities?",
            "which of them came in with the February 2024 batch?",
            "members-c-BR-y-2024",
        ),
        ("Almanya'dan hangi şehirler üye?", "kaç tane?", "members-c-DE"),
        # a full question of its own wins; a city named is the city's question
        ("Which cities in Morocco are members?", "Which cities joined in 2024?", "members-y-2024"),
        ("Almanya'dan hangi şehirler üye?", "peki Hamburg?", "member-hamburg"),
        ("Almanya'dan hangi şehirler üye?", "Konya ne zaman katıldı", "city-konya"),
    ],
)
def test_follow_ups_to_a_list_keep_its_filter(assistant: Assistant, first: str, follow_up: str, entry: str) -> None:
    chat = ("list-follow-up", first, follow_up)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(follow_up, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_another_place_after_a_years_list_drops_the_year_it_has_no_members_in(assistant: Assistant) -> None:
    chat = ("list-follow-up", "France")
    assistant.ask("Almanya'dan hangi şehirler üye?", chat=chat)
    assert assistant.ask("ya 2020'de?", chat=chat).entry_id == "members-c-DE-y-2020"
    assert assistant.ask("ya Fransa?", chat=chat).entry_id == "members-c-FR"  # France had none in 2020


@pytest.mark.parametrize(
    ("text", "order", "entry"),
    [
        ("Ankara mı önce katıldı İzmir mi?", ["İzmir", "Ankara"], "members-turkey"),
        ("Was it Eskişehir or Konya that joined first?", ["Eskişehir", "Konya"], "members-turkey"),
        ("Bonn mu daha önce katıldı Hamburg mu", ["Hamburg", "Bonn"], "member-hamburg"),
        ("Afyon 2020'de girdi, İzmir'le aynı anda mı?", ["Afyonkarahisar", "İzmir"], "members-turkey"),  # one year
    ],
)
def test_members_compared_in_the_order_they_joined(
    assistant: Assistant, text: str, order: list[str], entry: str
) -> None:
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    first_line = reply.text.split("\n")[0]
    assert first_line.index(order[0]) < first_line.index(order[1])
    assert_sendable(reply)


def test_two_members_without_an_order_are_no_comparison(assistant: Assistant) -> None:
    assert assistant.members is not None
    assert assistant.members.compared("Konya ve Bolu üye mi", "tr") is None
    assert assistant.members.compared("Konya'dan önce kim katıldı", "tr") is None  # one member named


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("The 2020 round added 55 cities, right?", "members-y-2020"),  # a figure checked asks nothing more
        ("Chile has had learning cities since 2019, correct?", "members-c-CL"),  # since: not 2019's (empty) list
    ],
)
def test_figures_and_since_in_membership_questions(assistant: Assistant, text: str, entry: str) -> None:
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("first", "follow_up", "says"),
    [
        ("Japonya'dan hangi şehirler üye", "which one joined first", "Okayama"),
        ("Which cities in Qatar are members?", "and the last one?", "Al Khor"),
        ("Which cities in Colombia are members?", "kaç üyesi var şimdi", "Kolombiya"),  # its members: Colombia's
        ("İtalya'dan üye var mı?", "en yenileri?", "🆕"),  # the latest of the list before
        ("Which cities from Chile are members?", "when did they join?", "Chile"),  # they: the list's members
    ],
)
def test_order_and_counts_of_the_list_before(assistant: Assistant, first: str, follow_up: str, says: str) -> None:
    chat = ("list-order", first, follow_up)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(follow_up, chat=chat)
    assert reply.kind == ReplyKind.ANSWER and says in reply.text


@pytest.mark.parametrize("question", ["Latin American learning cities?", "South American members"])
def test_a_region_by_its_adjective(assistant: Assistant, question: str) -> None:
    assert ask(assistant, question).entry_id == "members-r-latin-america-caribbean"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Brescia", "member-brescia"),
        ("Kazan?", "member-kazan"),
        ("Konya", "city-konya"),
        ("which country is Bouaké in", "member-bouake"),  # where it is: the card says
        ("Brescia nerede", "member-brescia"),
    ],
)
def test_a_message_that_is_only_a_members_name_gets_its_card(assistant: Assistant, question: str, entry: str) -> None:
    assert ask(assistant, question).entry_id == entry
    assert ask(assistant, "Brescia'da kurs var mı").entry_id != "member-brescia"  # something else asked


def test_a_name_alone_after_a_conference_is_still_the_conference(assistant: Assistant) -> None:
    chat = object()
    assistant.ask("ilk konferans nerede?", chat=chat)
    assert assistant.ask("Cork", chat=chat).entry_id == "conference-3-cork"


@pytest.mark.parametrize(
    ("follow_up", "entry"), [("and in Africa?", "members-r-africa"), ("peki Almanya'da?", "members-c-DE")]
)
def test_a_place_after_the_networks_size_is_its_list(assistant: Assistant, follow_up: str, entry: str) -> None:
    chat = ("size", follow_up)
    assert assistant.ask("How many members in total?", chat=chat).entry_id == "member-count"
    reply = assistant.ask(follow_up, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_year_after_the_networks_size_is_its_size_then(assistant: Assistant) -> None:
    assistant.ask("Ağda kaç şehir var?", chat="size-2020")
    reply = assistant.ask("peki 2020'de?", chat="size-2020")
    assert reply.entry_id == "member-growth" and "230" in reply.text


@pytest.mark.parametrize("question", ["Türkiye'de kaç üye şehir var toplam", "Turkiyede kac uye sehir var toplam"])
def test_turkiyes_total_is_its_list_not_the_networks_size(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")  # was did-you-mean, the network first
    assert "11" in reply.text
    assert assistant.ask("Ağda toplam kaç şehir var?").entry_id == "member-count"


def test_the_country_that_gives_the_most_cities(assistant: Assistant) -> None:
    reply = assistant.ask("Ağa en çok şehir veren ülke hangisi?")  # "veren": gives (a word of the question's shape)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-c-KR")
    assert assistant.ask("Konya turu var mı?").entry_id != "city-konya"  # a tour of Konya is no membership question


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Arkadaşım Balıkesir'in üye olmadığını söylüyor, doğru mu?", "city-balikesir"),  # was nothing
        ("Balıkesir'in üye olmadığı doğru mu?", "city-balikesir"),
        ("Konya'nın üye olduğu doğru mu?", "city-konya"),
    ],
)
def test_a_claim_about_a_membership_is_checked(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "count", "district"),
    [("Seul üye mi?", "4", "Eunpyeong-gu"), ("Is Busan a member?", "3", "Saha-gu")],
)
def test_a_city_whose_districts_are_members_gets_them(
    assistant: Assistant, question: str, count: str, district: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id != "not-listed"
    plain = to_plain(reply.text)
    assert f"{count} " in plain and district in plain


def test_a_citys_districts_come_earliest_first(assistant: Assistant) -> None:
    """Seoul's districts in the order they joined, as every list: Eunpyeong-gu (2015–2022)
    before Yongsan-gu (2018), Songpa-gu (2020) and Gangdong-gu (2025)."""
    reply = assistant.ask("is seoul a member")
    assert reply.entry_id == "member-eunpyeong-gu-seoul"
    plain = to_plain(reply.text)
    order = [plain.index(d) for d in ("Eunpyeong-gu", "Yongsan-gu", "Songpa-gu", "Gangdong-gu")]
    assert order == sorted(order)


def test_a_city_with_no_districts_listed_is_still_not_listed(assistant: Assistant) -> None:
    assert assistant.ask("Is Tokyo a member?").entry_id == "not-listed"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Avrupa'dan hangi ülkeler var?", "members-r-europe-north-america"),  # a region's countries: with members
        ("Latin Amerika'da hangi ülkeler var?", "members-r-latin-america-caribbean"),
        ("Which European and North American countries are in the network?", "members-r-europe-north-america"),
        ("Aşkabat hangi bölgede sayılıyor", "member-ashgabat"),  # its card says its region
        ("Şangay ne zaman katıldı?", "member-shanghai"),
        ("I'm staying in Hamburg, is my host city in the network?", "member-hamburg"),
    ],
)
def test_regions_countries_and_other_names(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_turkish_citys_region_is_not_its_card(assistant: Assistant) -> None:
    # "Konya hangi bölgede?": its card says nothing of the UNESCO region (the regions' entry does)
    assert assistant.ask("Konya hangi bölgede?").entry_id != "city-konya"


@pytest.mark.parametrize(
    "question",
    [
        "dünyada en çok üyesi olan ülke hangisi?",  # "dünyada": the whole network's
        "kore diye tahmin ediyorum ama dünyada en çok üyesi olan ülke hangisi?",  # a guess, then the question
        "Kore mi en çok üyesi olan ülke?",
        "Is China the country with the most members?",
        "Which country in the world has the most learning cities?",
    ],
)
def test_the_country_with_most_members_also_with_a_country_guessed(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-c-KR")


def test_the_world_in_a_count_is_the_whole_network(assistant: Assistant) -> None:
    assert assistant.ask("dünyada kaç öğrenen şehir var").entry_id == "member-count"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("cork üye mi", "member-cork"), ("cork da üye mi ağa", "member-cork"), ("sur öğrenen şehir mi", "member-sur")],
)
def test_a_member_named_by_an_everyday_word_in_lower_case_in_a_membership_question(
    assistant: Assistant, question: str, entry: str
) -> None:
    """Only membership words beside it: the word is the member's name ("cork", "sur")."""
    reply = ask(assistant, question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("tunustan uye var mi", "members-c-TN"),  # members from Tunus: the country's (Tunis and Sousse)
        ("Tunus'tan üye var mı?", "members-c-TN"),
        ("tunus uye mi", "member-tunis"),  # Tunus a member: the city
    ],
)
def test_a_name_of_a_city_and_a_country_with_from_is_the_country(
    assistant: Assistant, question: str, entry: str
) -> None:
    assert assistant.ask(question).entry_id == entry
