"""The network's size and its headquarters asked in other words, and fillers that ask
nothing ("already", "zaten", "biri bana basitçe anlatabilir mi").

Each reading is tested both ways: the question it now answers, and a look-alike that keeps
its own answer.
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.factpositions import latest_counted
from bot.replies import ReplyKind
from bot.textnorm import fold_question


@pytest.mark.parametrize(
    "question",
    [
        "latest member count",
        "latest number of members",
        "what is the latest count of the network",
        "ağın en son üye sayısı",
        "what's the latest official size of the GNLC?",  # "official" is no question about a confirmed date
        "what is the size of the network?",  # was the websites entry
        "what's the latest figure for the network",
        "ağın büyüklüğü ne?",
    ],
)
def test_the_size_now_is_the_latest_count(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-count")
    assert "425" in reply.text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("latest members", "newest-members"),  # the newest members, not the count
        ("en son kaç şehir katıldı", "newest-members"),  # how many joined last
        ("Is the 2027 conference officially confirmed?", "conference-7"),
        ("is the date of the next conference official yet?", "conference-7"),
        ("Is the 7th conference official?", "conference-7"),
    ],
)
def test_look_alikes_keep_their_answer(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_latest_counted_marks_only_latest_before_a_count_noun() -> None:
    def said(text: str) -> list[str]:
        tokens = fold_question(text).split()
        return [tokens[i] for i in sorted(latest_counted(tokens))]

    assert said("ağın en son üye sayısı") == ["en", "son"]
    assert said("the latest member count") == ["latest"]
    assert said("latest members") == []
    assert said("son 5 yılda üye sayısı") == []  # "in the last 5 years": a span, not now


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("is Bursa already in?", "city-bursa"),
        ("isn't Bursa already in?", "city-bursa"),
        (
            "Honestly I'm a bit lost, my mayor wants Bursa in some UNESCO learning thing, isn't it already in?",
            "city-bursa",
        ),
        ("Bursa zaten üye mi?", "city-bursa"),
        ("Konya çoktan üye oldu mu?", "city-konya"),
        ("is Konya a member yet?", "city-konya"),
        ("öğrenen şehirler meselesi nedir", "what-is-learning-city"),
        ("learning city thing explained", "what-is-learning-city"),
        ("Ya ben bu öğrenen şehir olayını hiç anlamadım, biri bana basitçe anlatabilir mi?", "what-is-learning-city"),
    ],
)
def test_fillers_do_not_sink_the_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("bu ağın merkezi Paris'te mi?", "uil-address"),  # was a did-you-mean
        ("Benim aklıma takıldı, bu ağın merkezi Paris'te mi?", "uil-address"),
        ("is the network's headquarters in Paris?", "uil-address"),
        ("ağın merkezi nerede?", "who-runs"),  # as before: who runs it, in Hamburg
    ],
)
def test_the_networks_headquarters_is_uil(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert "Hamburg" in reply.text


@pytest.mark.parametrize(
    "question",
    ["UIL used to have another name, what was it?", "UIL'in başka bir adı var mıydı?", "Did UIL have another name?"],
)
def test_another_name_is_the_old_name(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "what-is-uil")
    assert "UNESCO Institute for Education" in reply.text
