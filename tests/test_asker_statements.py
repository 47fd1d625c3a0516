"""What the asker says about themselves before the question ("I volunteer with Ukrainian
refugees in Konya.", "I'm writing a report for my city council.", "As a councillor in Cork,
I wonder: ...") neither answers nor sinks the question after it. Each reading is tested both
ways: the message it answers, and a look-alike it leaves as it was.
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # a word of an uncovered topic in the statement ("volunteer") is the asker's, not the question's
        (
            "I volunteer with Ukrainian refugees in Konya. What are the aims of the Global Network of Learning Cities?",
            "gnlc-aims",
        ),
        (
            "I volunteer in Konya. Can you explain the concept of a learning city in simple terms?",
            "what-is-learning-city",
        ),
        ("Konya'da gönüllüyüm. Ağın amacı ne?", "gnlc-aims"),
        # the statement's place stays when the question points back at it
        ("I volunteer in Konya. When did we join?", "city-konya"),
        ("Konya'da gönüllüyüm. Şehrimiz ne zaman üye oldu?", "city-konya"),
        # "Can you help?" is no question of its own: the statement held it
        (
            "I'm writing a grant proposal for an NGO in Izmir and need to mention when the city joined the network. "
            "Can you help?",
            "city-izmir",
        ),
    ],
)
def test_the_question_after_a_statement(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("I'm writing a report for my city council. What is a learning city?", "what-is-learning-city"),
        ("Is my city a member? I live in Bolu.", "city-bolu"),  # "my city" is still the asker's city
    ],
)
def test_a_city_council_is_not_the_askers_city(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_says_our_city_but_not_of_a_council(assistant: Assistant) -> None:
    assert assistant.understanding.says_our_city("When did my city join?")
    assert not assistant.understanding.says_our_city("I work for my city council.")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("As a councillor in Cork, I wonder: what is a learning city?", "what-is-learning-city"),
        ("As a teacher in Bolu, I wonder: when did Bolu join?", "city-bolu"),
        ("As a teacher in Bolu, I wonder when we joined?", "city-bolu"),  # "we": the asker's place
    ],
)
def test_as_a_role_in_a_place_is_where_the_asker_is(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how to join? Thanks a lot!", "how-to-join"),
        ("how to join? Have a nice day!", "how-to-join"),
        ("NASIL ÜYE OLABİLİRİZ? Çok sağ olun.", "how-to-join"),
        ("Konya üye mi? Teşekkürler, iyi günler.", "city-konya"),
    ],
)
def test_thanks_after_the_question_is_left_out(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(("question", "kind"), [("Teşekkürler. Çok sağ olun.", "thanks"), ("Thanks! Bye!", "bye")])
def test_small_talk_alone_stays_small_talk(assistant: Assistant, question: str, kind: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.SMALLTALK, f"smalltalk-{kind}")


@pytest.mark.parametrize(
    "question",
    ["Muhtarım. En yeni üyeler hangileri?", "Muhtarım, mahallede soran oldu. En yeni üyeler hangileri?"],
)
def test_a_sentence_about_the_asker_is_no_unknown_city(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "newest-members")


@pytest.mark.parametrize("question", ["Göbeklitepe öğrenen şehir mi?", "Tokyo, öğrenen şehir mi?"])
def test_an_unknown_name_asked_about_is_still_not_listed(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "not-listed")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # "were there", "have there been": that something is, not the asker's place
        ("Hi, I'm a student in Shanghai. How many learning cities were there back in 2016?", "member-growth"),
        (
            "I volunteer with Ukrainian refugees in Konya. How many ICLCs have there been so far?",
            "conferences-overview",
        ),
        ("I'm from Cork. What was adopted there?", "conference-3-cork"),  # "there": Cork's conference
    ],
)
def test_there_is_no_place_when_it_says_something_is(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Muhtarım, mahallede soran oldu. Almanya'da kaç tane üye şehir var?", "members-c-DE"),
        ("Almanya'da kaç tane üye şehir var? Hocamız ödev verdi de.", "members-c-DE"),
        ("ağda kaç ülke var", "member-count"),  # no country named: the network's
        ("Türkiye'den kaç şehir üye?", "members-turkey"),
    ],
)
def test_a_count_of_a_country_is_not_the_networks(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Meksika'daki konferans kaç gün sürdü? Sunumda kullanacağım.",
        "Meksika'daki konferans kaç gün sürdü? Öğrencilerime anlatacağım.",
        "Meksika'daki konferans kaç gün sürdü?",
    ],
)
def test_a_remark_that_says_nothing_of_the_content_leaves_the_question(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-2-participants")


def test_a_remark_with_names_still_counts(assistant: Assistant) -> None:
    """ "Eşim Konya diyor ben Eskişehir diyorum": the remark names the two, the question asks the first."""
    reply = assistant.ask("Türkiye'den ilk üye olan şehir hangisi? Eşim Konya diyor ben Eskişehir diyorum")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "first-turkish-member")
