"""The per-chat follow-up context: time to live, bounded, never shared."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.conversation import Conversations, Topic
from bot.replies import ReplyKind
from bot.tghtml import to_plain


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_topic_lives_for_the_ttl_and_per_chat() -> None:
    clock = Clock()
    conversations = Conversations(ttl=60, clock=clock)
    conversations.remember(1, Topic("city", "konya", "when"))
    assert conversations.get(1) == Topic("city", "konya", "when")
    assert conversations.get(2) is None  # another person's chat
    clock.now = 59
    assert conversations.get(1) is not None
    clock.now = 61
    assert conversations.get(1) is None
    assert len(conversations) == 0


def test_memory_is_bounded_least_recent_first() -> None:
    conversations = Conversations(max_chats=2)
    for chat in (1, 2, 3):
        conversations.remember(chat, Topic("city", str(chat)))
    assert conversations.get(1) is None
    assert conversations.get(2) is not None and conversations.get(3) is not None
    assert len(conversations) == 2


def test_no_chat_means_no_memory() -> None:
    conversations = Conversations()
    conversations.remember(None, Topic("city", "konya"))
    assert conversations.get(None) is None and len(conversations) == 0
    conversations.remember("a", Topic("city", "konya"))
    conversations.forget("a")
    assert conversations.get("a") is None


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        Conversations(ttl=0)
    with pytest.raises(ValueError):
        Conversations(max_chats=0)


def test_unesco_before_the_networks_name_in_a_follow_up(assistant: Assistant) -> None:
    chat = ("komek", "unesco")
    assistant.ask("KOMEK nedir?", chat=chat)
    reply = assistant.ask("ne zamandan beri UNESCO öğrenen şehirler üyesi?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "komek-member-since")


@pytest.mark.parametrize(
    ("first", "then", "entry"),
    [
        ("Hamburg üye mi?", "ne zamandan beri?", "member-hamburg"),  # not the network's own beginning
        ("Is Bonn a member?", "since when?", "member-bonn"),
        ("Batumi üye mi?", "ne zaman?", "member-batumi"),  # "zaman" alone is a follow-up word ("o zaman")
        ("batum uye", "ne zaman", "member-batumi"),
    ],
)
def test_since_when_after_a_member_abroad_is_that_members(
    assistant: Assistant, first: str, then: str, entry: str
) -> None:
    chat = ("abroad", first)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_full_question_after_a_member_abroad_stands_alone(assistant: Assistant) -> None:
    chat = ("abroad", "fresh")
    assistant.ask("Hamburg üye mi?", chat=chat)
    assert assistant.ask("ağ ne zaman kuruldu?", chat=chat).entry_id == "gnlc-history"


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("KOMEK ne zaman kuruldu?", "peki UIL?", "what-is-uil", "1951/52 yılında"),
        ("UIL ne zaman kuruldu?", "peki KOMEK?", "what-is-komek", "2004 yılından beri"),
        ("UIL'in web sitesi ne?", "peki KOMEK'in?", "what-is-komek", "komek.org.tr"),
        ("ilk konferans ne zaman?", "peki 2024 ödülü?", "award-winners-2024", "Benguerir"),  # "when" stays behind
    ],
)
def test_a_thing_of_another_kind_carries_a_specific_attribute(
    assistant: Assistant, first: str, then: str, entry: str, says: str
) -> None:
    chat = ("test", first)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_follow_up_opened_by_peki_stays_turkish(assistant: Assistant) -> None:
    # "peki" is left out as an acknowledgement, but it still says the follow-up is Turkish
    chat = ("peki", "lang")
    assistant.ask("konya ne zaman uye", chat=chat)
    reply = assistant.ask("peki eskisehir", chat=chat)
    assert (reply.kind, reply.entry_id, reply.lang) == (ReplyKind.ANSWER, "city-eskisehir", "tr")
