"""Commands, buttons, deep links and inline answers, independent of Telegram."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.callbacks import CALLBACK_MAX_BYTES
from bot.replies import Reply
from bot.tghtml import MAX_MESSAGE, utf16_len, validate


def all_buttons(reply: Reply) -> list:  # type: ignore[type-arg]
    return [b for row in reply.buttons for b in row]


def assert_sendable(reply: Reply) -> None:
    assert reply.messages
    for message in reply.messages:
        assert validate(message, strict=False) == [], message
        assert utf16_len(message) <= MAX_MESSAGE
    for button in all_buttons(reply):
        assert (button.data is None) != (button.url is None)
        if button.data is not None:
            assert 1 <= len(button.data.encode()) <= CALLBACK_MAX_BYTES


def test_start_welcomes_and_shows_every_topic(assistant: Assistant) -> None:
    reply = assistant.command("start", first_name="Ayşe <admin>")
    assert_sendable(reply)
    assert "Ayşe &lt;admin&gt;" in reply.text
    assert [b.data for b in all_buttons(reply)] == [f"t:{t.id}" for t in assistant.content.topics]


@pytest.mark.parametrize(
    ("payload", "entry"),
    [("konya", "city-konya"), ("city-bolu", "city-bolu"), ("what-is-komek", "what-is-komek"), ("KOMEK", None)],
)
def test_start_deep_links(assistant: Assistant, payload: str, entry: str | None) -> None:
    reply = assistant.command("start", [payload])
    assert_sendable(reply)
    if entry is None:  # a topic id opens the topic
        assert any(b.data and b.data.startswith("e:") for b in all_buttons(reply))
    else:
        assert reply.entry_id == entry


def test_start_unknown_payload_falls_back_to_welcome(assistant: Assistant) -> None:
    assert assistant.command("start", ["nonsense-payload"]).text == assistant.command("start").text


def test_cities(assistant: Assistant) -> None:
    reply = assistant.command("cities", pref="tr")
    assert_sendable(reply)
    for city in assistant.content.cities:
        assert city.name in reply.text and str(city.joined) in reply.text and city.url in reply.text
    assert assistant.content.cities_as_of in reply.text


def test_cities_by_year(assistant: Assistant) -> None:
    reply = assistant.command("cities", ["2022"], pref="en")
    assert_sendable(reply)
    for name in ("Bursa", "Sakarya", "Yozgat"):
        assert name in reply.text
    assert "Konya" not in reply.text
    none = assistant.command("cities", ["1999"], pref="en")
    assert "1999" in none.text and none.kind == "usage"


@pytest.mark.parametrize("args", [["abc"], ["20"], ["2020", "2021"], ["٢٠٢٠"]])
def test_cities_bad_argument_gets_usage(assistant: Assistant, args: list[str]) -> None:
    reply = assistant.command("cities", args, pref="en")
    assert reply.kind == "usage" and "/cities 2020" in reply.text


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Bolu", "bolu"),
        ("izmir", "izmir"),
        ("İZMİR", "izmir"),
        ("Afyon", "afyonkarahisar"),
        ("Eskisehr", "eskisehir"),
        ("konya büyükşehir", "konya"),
    ],
)
def test_city(assistant: Assistant, name: str, city: str) -> None:
    reply = assistant.command("city", name.split())
    assert_sendable(reply)
    assert reply.entry_id == f"city-{city}"


def test_city_usage_and_not_found(assistant: Assistant) -> None:
    assert assistant.command("city", pref="en").kind == "usage"
    reply = assistant.command("city", ["<Paris>"], pref="en")
    assert_sendable(reply)
    assert reply.kind == "usage" and "&lt;Paris&gt;" in reply.text


def test_conferences_lists_all_six_with_buttons(assistant: Assistant) -> None:
    reply = assistant.command("conferences", pref="en")
    assert_sendable(reply)
    for city in ("Beijing", "Mexico City", "Cork", "Medellín", "Yeonsu", "Jubail"):
        assert city in reply.text
    assert len(all_buttons(reply)) == 6


@pytest.mark.parametrize("name", ["help", "about", "links", "faq"])
def test_simple_commands_in_both_languages(assistant: Assistant, name: str) -> None:
    tr, en = assistant.command(name, pref="tr"), assistant.command(name, pref="en")
    assert_sendable(tr)
    assert_sendable(en)
    assert tr.text != en.text


def test_links(assistant: Assistant) -> None:
    reply = assistant.command("links", pref="tr")
    for link in assistant.content.links:
        assert link.url in reply.text


def test_lang(assistant: Assistant) -> None:
    reply = assistant.command("lang", ["en"], pref="tr")
    assert reply.set_lang == "en" and reply.lang == "en"
    usage = assistant.command("lang", ["de"], pref="tr")
    assert usage.set_lang is None and usage.kind == "usage"
    assert {b.data for b in all_buttons(usage)} == {"lang:tr", "lang:en"}
    assert assistant.button("lang:tr").set_lang == "tr"  # type: ignore[union-attr]


def test_unknown_command(assistant: Assistant) -> None:
    assert "/help" in assistant.command("frobnicate").text


def test_buttons(assistant: Assistant) -> None:
    menu = assistant.button("menu", pref="en")
    assert menu is not None and menu.edit
    topic = assistant.content.topics[0]
    listing = assistant.button(f"t:{topic.id}", pref="en")
    assert listing is not None and listing.edit
    assert [b.data for b in all_buttons(listing)][:-1] == [f"e:{e}" for e in topic.entries]
    entry = assistant.button(f"e:{topic.entries[0]}", pref="en")
    assert entry is not None and entry.entry_id == topic.entries[0] and not entry.edit
    for stale in ("e:gone", "t:gone", "x", "", "lang:"):
        result = assistant.button(stale)
        assert result is None or result.kind == "usage"


def test_every_answer_is_sendable_with_related_buttons(assistant: Assistant) -> None:
    for entry_id in assistant.content.entry_ids():
        for lang in ("tr", "en"):
            reply = assistant.entry_reply(entry_id, lang)
            assert_sendable(reply)


def test_members_answer_is_rendered_from_the_city_data(assistant: Assistant) -> None:
    reply = assistant.entry_reply("members-turkey", "tr")
    assert "{cities}" not in reply.text
    for city in assistant.content.cities:
        assert city.name in reply.text


def test_inline(assistant: Assistant) -> None:
    articles = assistant.inline("komek")
    assert 1 <= len(articles) <= 5
    assert articles[0].id == "what-is-komek"
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert validate(article.html, strict=False) == []
        assert len(article.description) <= 120
    assert assistant.inline("")  # an empty query still offers something
    nothing = assistant.inline("qwertyuiop asdfgh")
    assert len(nothing) == 1 and nothing[0].id == "none"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("sen robot musun", "about-bot"),  # who answers: the bot says what it is
        ("are you a human?", "about-bot"),
        ("bir insanla mı konuşuyorum", "about-bot"),
        ("KOMEK'te robotik kursu var mı", None),  # a course, not the bot: an honest no-answer
        ("yapay zeka öğrenmek için hangi kitabı okuyayım", None),
    ],
)
def test_asking_what_the_bot_is(assistant: Assistant, question: str, entry: str | None) -> None:
    assert assistant.ask(question).entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("başvuru dosyasında hangi belgeler gerekiyor", "how-to-join"),  # the form, signed by the mayor
        ("Who evaluates applications for membership?", "membership-requirements"),  # a jury of experts
        ("Who evaluates membership applications?", "membership-requirements"),
    ],
)
def test_what_an_application_holds_who_evaluates_it_and_who_nominates(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == ("answer", entry)
