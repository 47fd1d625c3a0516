"""Answers about the whole network (issue 10): cities, countries, regions, years, in
Turkish and English; /city and /cities; paging; inline; and off-topic questions that
name member cities, which are still refused."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.callbacks import CallbackKind
from bot.replies import Reply, ReplyKind
from bot.tghtml import to_plain
from test_assistant import all_buttons, assert_sendable


def ask(assistant: Assistant, text: str) -> Reply:
    reply = assistant.ask(text)
    assert_sendable(reply)
    return reply


def follow_pages(assistant: Assistant, first: Reply, lang: str = "tr") -> list[Reply]:
    """Every page of a list, by pressing "next" until there is none."""
    pages = [first]
    while True:
        nxt = [b for b in all_buttons(pages[-1]) if b.data and b.data.startswith(f"{CallbackKind.MEMBERS}:")]
        forward = [b for b in nxt if int(b.data.rsplit(":", 1)[1]) == len(pages)]  # type: ignore[union-attr]
        if not forward:
            return pages
        page = assistant.button(forward[0].data or "", pref=lang)
        assert page is not None and page.edit
        assert_sendable(page)
        pages.append(page)


# --------------------------------------------------------------------------- one city


def test_a_listed_city_in_english_with_year_source_and_note(assistant: Assistant) -> None:
    reply = ask(assistant, "Is Hamburg a learning city?")
    assert (reply.kind, reply.entry_id, reply.lang) == (ReplyKind.ANSWER, "member-hamburg", "en")
    assert "Hamburg" in reply.text and "Germany" in reply.text and "Joined: 2019" in reply.text
    assert "city-hamburg-joins-unesco-global-network-learning-cities" in reply.text  # its source
    assert "Research note" in reply.text and "second German member" in reply.text
    assert any(b.data == "m:c=DE:0" for b in all_buttons(reply))


def test_a_listed_city_in_turkish(assistant: Assistant) -> None:
    for text in ("Hamburg öğrenen şehir mi?", "Hamburg ne zaman katıldı?"):
        reply = ask(assistant, text)
        assert (reply.entry_id, reply.lang) == ("member-hamburg", "tr")
        assert "Almanya" in reply.text and "Katılım yılı: 2019" in reply.text and "Kaynak" in reply.text


def test_a_range_is_said_honestly(assistant: Assistant) -> None:
    tr = ask(assistant, "Gelsenkirchen ne zaman katıldı?")
    assert "2015–2016 arası (kesin yıl bilinmiyor)" in tr.text
    en = ask(assistant, "When did Gelsenkirchen join the network?")
    assert "between 2015 and 2016 (the exact year is not known)" in en.text
    before = ask(assistant, "When did Nairobi join?")
    assert "before 2017 (the exact year is not known)" in before.text
    assert "not verified" in before.text  # its note says its status is not verified


@pytest.mark.parametrize(
    ("name", "entry"),
    [
        ("Kahire", "member-cairo"),
        ("İskenderiye", "member-alexandria"),
        ("Medine", "member-madinah-medina"),
        ("Riyad", "member-riyadh"),
        ("Pekin", "member-beijing"),
        ("Tahran", "member-tehran"),
        ("Bakü", "member-baku"),
        ("Marakeş", "member-marrakech"),
        ("Kiev", "member-kyiv"),
        ("Lozan", "member-lausanne"),
        ("Kyiv", "member-kyiv"),
        ("Xi'an", "member-xian"),
    ],
)
def test_turkish_exonyms_and_transliterations(assistant: Assistant, name: str, entry: str) -> None:
    assert ask(assistant, f"{name} öğrenen şehir mi?").entry_id == entry


def test_an_ambiguous_name_answers_for_each_city(assistant: Assistant) -> None:
    reply = ask(assistant, "Nam-gu üye mi?")
    assert "Nam-gu (Busan)" in reply.text and "Nam-gu (Ulsan)" in reply.text


def test_a_turkish_member_keeps_its_curated_answer(assistant: Assistant) -> None:
    bolu = assistant.content.city_by_entry["city-bolu"]
    for text in ("Bolu öğrenen şehir mi?", "Is Bolu a learning city?"):
        reply = ask(assistant, text)
        assert reply.entry_id == "city-bolu"
        assert reply.text == assistant.city_reply(bolu, reply.lang).text


def test_a_turkish_province_that_is_not_a_member_gets_a_clear_no(assistant: Assistant) -> None:
    reply = ask(assistant, "Kayseri öğrenen şehir mi?")
    assert reply.entry_id == "province-kayseri" and "üyesi değil" in reply.text
    for city in assistant.content.cities:
        assert city.name in reply.text
    en = ask(assistant, "Is Istanbul a learning city?")
    assert "is not a member" in en.text and "The 11 members in Türkiye" in en.text
    for question in ("is Istanbul not a member?", "İstanbul üye değil mi?"):  # asked the other way round
        assert ask(assistant, question).entry_id == "province-istanbul", question
    assert ask(assistant, "Is Hamburg not a member?").entry_id == "member-hamburg"


def test_a_city_not_in_the_list_abroad_is_never_a_flat_no(assistant: Assistant) -> None:
    members = assistant.members
    assert members is not None
    count = members.directory.count
    en = ask(assistant, "Is Paris a learning city?")
    assert en.entry_id == "not-listed" and "is not in my list of member cities" in en.text
    assert f"{count} of the network's 425 members (as of 4 December 2025)" in en.text
    assert "https://www.uil.unesco.org/en/learning-cities" in en.text and "not a member" not in en.text
    tr = ask(assistant, "Berlin öğrenen şehir mi?")
    assert tr.entry_id == "not-listed" and f"425 üyesinden {count} tanesini" in tr.text and "4 Aralık 2025" in tr.text


# --------------------------------------------------------------------------- lists


def test_cities_of_a_country_in_both_languages(assistant: Assistant) -> None:
    en = ask(assistant, "Which German cities are members?")
    tr = ask(assistant, "Almanya'dan hangi şehirler üye?")
    assert en.entry_id == tr.entry_id == "members-c-DE"
    for name in ("Gelsenkirchen", "Hamburg", "Bonn", "Dresden"):
        assert name in en.text and name in tr.text
    assert "the 4 member cities I know of" in en.text and "bildiğim 4 üye şehir" in tr.text
    assert "Almanya" in tr.text and "Germany" in en.text


def test_how_many_from_a_country_states_the_known_number(assistant: Assistant) -> None:
    reply = ask(assistant, "Fransa'dan kaç şehir?")
    assert reply.entry_id == "members-c-FR" and "bildiğim 6 üye şehir" in reply.text and "eksik" in reply.text


def test_a_long_country_list_is_paged_never_cut(assistant: Assistant) -> None:
    first = ask(assistant, "Güney Kore'de hangi şehirler var?")
    assert first.entry_id == "members-c-KR"
    pages = follow_pages(assistant, first)
    assert len(pages) >= 2
    text = "\n".join(p.text for p in pages)
    members = assistant.members
    assert members is not None
    korean = members.directory.in_country("KR")
    for m in korean:
        assert text.count(f">{m.city}</a>") == 1, m.city
    assert "Sayfa 1/" in pages[0].text and f"Sayfa {len(pages)}/{len(pages)}" in pages[-1].text
    back = next(b.data for b in all_buttons(pages[1]) if b.data and b.data.endswith(":0"))
    again = assistant.button(back)  # "previous" on the second page: the first page again
    assert again is not None and again.text == pages[0].text


def test_the_country_button_under_a_member_opens_its_list(assistant: Assistant) -> None:
    reply = ask(assistant, "Is Medellín a member?")
    button = next(b.data for b in all_buttons(reply) if b.data and b.data.startswith("m:"))
    listed = assistant.button(button)
    assert listed is not None and "Medellín" in listed.text


def test_a_region_list_pages_through_every_member(assistant: Assistant) -> None:
    for question, region, lang in (
        ("Afrika'dan üye şehirler", "africa", "tr"),
        ("Which African cities are members?", "africa", "en"),
        ("learning cities in Asia and the Pacific", "asia-pacific", "en"),
    ):
        first = ask(assistant, question)
        assert first.entry_id == f"members-r-{region}"
        pages = follow_pages(assistant, first, lang)
        text = "\n".join(p.text for p in pages)
        members = assistant.members
        assert members is not None
        for m in members.directory.in_region(region):
            assert m.city.replace("'", "&#x27;") in text or m.city in text, m.city


def test_who_joined_in_a_year(assistant: Assistant) -> None:
    reply = ask(assistant, "2024'te kimler katıldı?")
    assert reply.entry_id == "members-y-2024" and "2024" in reply.text
    assert "64 yeni üye" in reply.text  # what UIL announced for the batch
    text = "\n".join(p.text for p in follow_pages(assistant, reply))
    assert "Dresden" in text and "Lviv" in text
    assert "Netishyn" in text and "aralık olarak bilinen" in text  # 2022-2024: only possibly 2024
    en = ask(assistant, "Which cities joined in 2024?")
    assert en.entry_id == "members-y-2024" and "64 new members from 35 countries" in en.text


def test_turkiye_list_is_still_the_faqs(assistant: Assistant) -> None:
    assert ask(assistant, "Türkiye'den hangi şehirler üye?").entry_id == "members-turkey"


@pytest.mark.parametrize(
    "text", ["How many Turkish cities are members now", "how many cities from Turkey are in the network now"]
)
def test_turkiye_list_whatever_else_the_question_weighs(assistant: Assistant, text: str) -> None:
    """ "now" leans towards the network's count; a question about Türkiye's members is the FAQ's list."""
    reply = ask(assistant, text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")
    assert "11" in reply.text


def test_a_stale_or_forged_page_button(assistant: Assistant) -> None:
    assert assistant.button("m:c=XX:0") is None
    assert assistant.button("m:r=mars:0") is None
    assert assistant.button("m:c=DE:x") is None
    last = assistant.button("m:c=DE:99")  # past the end: the last page
    assert last is not None and "Hamburg" in last.text


# --------------------------------------------------------------------------- off-topic


@pytest.mark.parametrize(
    "text",
    [
        "Hamburg'da otel",
        "Kahire'de hava",
        "Kahire'de hava nasıl?",
        "best hotels in Hamburg",
        "Kazan'da hava nasıl",
        "Lira kuru bugün",
        "Almanya'da iş bulmak",
        "Kayseri mantısı nasıl yapılır",
        "Üyelik ücreti kaç lira?",
    ],
)
def test_off_topic_questions_naming_cities_are_refused(assistant: Assistant, text: str) -> None:
    reply = ask(assistant, text)
    assert reply.kind != ReplyKind.ANSWER, (text, reply.entry_id)


def test_faq_questions_naming_member_cities_stay_the_faqs(assistant: Assistant) -> None:
    assert ask(assistant, "pekin bildirgesi ne").entry_id == "beijing-declaration"
    assert ask(assistant, "Eskişehir ilk üye mi?").entry_id == "first-turkish-member"


# --------------------------------------------------------------------------- commands, inline


@pytest.mark.parametrize(
    ("args", "entry"),
    [
        (["Hamburg"], "member-hamburg"),
        (["Kahire"], "member-cairo"),
        (["Ho", "Chi", "Minh", "City"], "member-ho-chi-minh-city"),
        (["Quezon"], "member-quezon-city"),
        (["Bolu"], "city-bolu"),
        (["Kayseri"], "province-kayseri"),
    ],
)
def test_city_command_for_every_kind_of_name(assistant: Assistant, args: list[str], entry: str) -> None:
    for lang in ("tr", "en"):
        reply = assistant.command("city", args, pref=lang)
        assert_sendable(reply)
        assert reply.entry_id == entry and reply.lang == lang


def test_city_command_works_for_every_listed_city(assistant: Assistant) -> None:
    members = assistant.members
    assert members is not None
    for m in members.directory.members:
        reply = assistant.command("city", m.city.split(), pref="en")
        assert m.city in reply.text, m.city
        assert reply.entry_id == m.entry_id or m.city in ("Nam-gu (Busan)",), m.city


def test_city_command_not_listed_is_usage_and_escaped(assistant: Assistant) -> None:
    reply = assistant.command("city", ["<Paris>"], pref="en")
    assert reply.kind == ReplyKind.USAGE and "&lt;Paris&gt;" in reply.text and "425" in reply.text


@pytest.mark.parametrize(
    ("args", "entry"),
    [
        (["2024"], "members-y-2024"),
        (["Almanya"], "members-c-DE"),
        (["Germany"], "members-c-DE"),
        (["almanya"], "members-c-DE"),
        (["Afrika"], "members-r-africa"),
        (["Africa"], "members-r-africa"),
        (["Güney", "Kore"], "members-c-KR"),
        (["Almanya", "2024"], "members-c-DE-y-2024"),
    ],
)
def test_cities_command_takes_a_year_a_country_or_a_region(assistant: Assistant, args: list[str], entry: str) -> None:
    for lang in ("tr", "en"):
        reply = assistant.command("cities", args, pref=lang)
        assert_sendable(reply)
        assert reply.entry_id == entry and reply.kind == ReplyKind.INFO


def test_cities_command_keeps_turkiye_by_default(assistant: Assistant) -> None:
    default = assistant.command("cities", pref="tr")
    assert assistant.command("cities", ["Türkiye"], pref="tr").text == default.text
    assert assistant.command("cities", ["Turkey"], pref="tr").text == default.text
    assert assistant.command("cities", ["Atlantis"], pref="en").kind == ReplyKind.USAGE
    nothing = assistant.command("cities", ["Japonya", "2024"], pref="tr")
    assert "tuttuğum listede bu seçime uyan üye şehir yok" in nothing.text


def test_inline_finds_member_cities(assistant: Assistant) -> None:
    ids = [a.id for a in assistant.inline("Hamburg", pref="en")]
    assert "member-hamburg" in ids
    assert "member-hamburg" in [a.id for a in assistant.inline("Hamb", pref="en")]
    assert next(a.id for a in assistant.inline("Kahire öğrenen şehir mi", pref="tr")) == "member-cairo"


def test_every_member_reply_and_list_page_is_sendable(assistant: Assistant) -> None:
    members = assistant.members
    assert members is not None
    for lang in ("tr", "en"):
        replies = members.every_reply(lang)  # type: ignore[arg-type]
        assert len(replies) > 400
        for _, reply in replies:
            assert_sendable(reply)


# --------------------------------------------------------------------------- evaluation set


def test_the_city_evaluation_set(assistant: Assistant) -> None:
    """tests/eval/cities.yaml: written with this work (a tuning set, not a holdout). Measured
    2026-12-01: accuracy 1.000, off-topic rejection 1.000, confident wrong 0.000, language 0.973."""
    from pathlib import Path

    from bot.evaluation import evaluate, load_cases

    cases = load_cases(Path(__file__).parent / "eval" / "cities.yaml")
    assert len(cases) >= 100 and sum(c.expect is None for c in cases) >= 35
    assert {c.expect for c in cases if c.expect} <= assistant.content.entry_ids()
    report = evaluate(assistant, cases)
    misses = [(o.case.question, o.kind, o.entry) for o in report.misses]
    assert report.accuracy >= 0.97, misses
    assert report.rejection == 1.0, misses  # no off-topic question naming a city gets an answer
    assert report.confident_wrong_rate == 0.0, misses
    assert report.language_accuracy >= 0.95


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Sakarya ne zaman kabul edildi?", "city-sakarya"),
        ("when was Ankara admitted", "city-ankara"),
        ("Hatay'ın üyeliği devam ediyor mu", "city-hatay"),
        ("is Bolu's membership confirmed", "city-bolu"),
        ("Eskişehir'in üyeliği kesin mi", "city-eskisehir"),
        ("İzmir'in durumu ne?", "city-izmir"),
        ("Balıkesir hangi ay katıldı", "city-balikesir"),
        ("Afyon 2021de mi katıldı", "city-afyonkarahisar"),
        ("Bursalıyım, Bursa'nın üyeliği sürüyor mu?", "city-bursa"),
        ("is Sakarya still in?", "city-sakarya"),
        ("Yozgat hala var mı", "city-yozgat"),
        ("Balıkesirliyim, bizim il ne zamandan beri üye?", "city-balikesir"),
        ("balıkesir listede yok mu", "city-balikesir"),  # on the list: whether it is a member
        ("Bolu listede var mı", "city-bolu"),
        ("is Bolu on the list?", "city-bolu"),
        ("Sakarya üyeymiş öyle mi", "city-sakarya"),
    ],
)
def test_status_and_confirmation_of_a_named_member(assistant: Assistant, text: str, entry: str) -> None:
    """Whether a member still is one, how sure, which month: its card, which says so."""
    reply = ask(assistant, text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), text


@pytest.mark.parametrize(
    "text",
    [
        "Konya'nın hava durumu",
        "Bursa's status as a metropolitan city",
        "Bolu Dağı yol durumu",
        "Sakarya'da deprem durumu",
        "Bursa'ya kabul sınavı ne zaman",
        "Lyon durumu ne",
        "Hatay'da ekim ayında hava nasıl",
        "Konya still cold?",
        "Bolu hala soğuk mu",
    ],
)
def test_status_words_about_something_else_are_not_membership(assistant: Assistant, text: str) -> None:
    reply = ask(assistant, text)
    assert reply.kind != ReplyKind.ANSWER, (text, reply.entry_id)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Asya bölgesinden kaç şehir var?", "members-r-asia-pacific"),
        ("Avrupa ve Kuzey Amerika bölgesinde kaç üye var?", "members-r-europe-north-america"),
        ("ağın kaç bölgesi var?", "unesco-regions"),
        ("which UNESCO region is Türkiye in?", "unesco-regions"),
    ],
)
def test_a_regions_members_and_the_regions_themselves(assistant: Assistant, question: str, entry: str) -> None:
    reply = ask(assistant, question)
    assert reply.entry_id == entry, reply.text


def test_a_misspelt_content_word_is_no_unknown_city(assistant: Assistant) -> None:
    """ "unesko" is UNESCO misspelt, not a city missing from the list; "göbeklitepe" still is one."""
    assert ask(assistant, "unesko ogrenen sehirler agi nedir").entry_id == "what-is-gnlc"
    assert ask(assistant, "Göbeklitepe öğrenen şehir mi").entry_id == "not-listed"
    # a four-letter stem one letter off another is no misspelling: "paris" (term "pari") is not "part"
    assert ask(assistant, "paris ogrenen sehir mi").entry_id == "not-listed"
    assert ask(assistant, "is paris a learning city").entry_id == "not-listed"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Sakarya ne zaman dahil oldu?", "city-sakarya"),  # "dahil oldu": joined
        ("Hamburg ağa dahil mi?", "member-hamburg"),
        ("GNLC'nin tam adı ne?", "what-is-gnlc"),  # "adı" is no "adım" (the steps of joining)
    ],
)
def test_included_is_joined_and_a_full_name_is_the_networks(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [("Japonya'da kaç tane var?", "members-c-JP"), ("How many are there in Japan?", "members-c-JP")],
)
def test_how_many_in_a_country_alone_counts_its_members(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize("question", ["Japonya'da kaç kişi var?", "Japonya'da kaç ada var?"])
def test_how_many_of_something_else_in_a_country_is_not_its_members(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id != "members-c-JP"


@pytest.mark.parametrize(
    ("question", "entry", "why"),
    [
        ("istanbul neden yok", "province-istanbul", True),
        ("neden Antalya yok?", "province-antalya", True),
        ("why is istanbul missing", "province-istanbul", True),
        ("konya neden yok", "city-konya", False),  # a member: it is there, its card alone
    ],
)
def test_why_a_place_is_not_there(assistant: Assistant, question: str, entry: str, why: bool) -> None:
    """Only a place, a why and an absence: its card, after "the sources do not say why" for no member."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    said = ("Kaynaklarım bunun nedenini söylemiyor", "My sources do not say why")
    assert to_plain(reply.text).startswith(said) is why
