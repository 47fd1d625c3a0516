"""A follow-up that asks whether a place is among the last answer's winners ("Who won the
2024 award?" >> "was Cork among them?"), and the language of a short English follow-up that
names a place ("Is Hamburg one of them?" is English).
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("Who won the 2024 award?", "was Cork among them?", "award-winners-2024", "Yes: Cork"),
        ("2024 ödülünü kimler aldı", "Glasgow da aralarında mı?", "award-winners-2024", "Evet: Glasgow"),
        ("Who won the 2024 award?", "Is Hamburg one of them?", "award-winners-2024", "No: Hamburg"),
        ("Who won the 2024 award?", "any from Korea among them?", "award-winners-2024", "Eunpyeong-gu"),
        ("2024 ödülünü kimler aldı", "aralarında türk şehri var mı", "award-turkey", "Türkiye"),
    ],
)
def test_among_the_last_rounds_winners(assistant: Assistant, first: str, then: str, entry: str, says: str) -> None:
    chat = ("among", first, then)
    assert assistant.ask(first, chat=chat).entry_id == "award-winners-2024"
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_among_needs_a_round_before_it(assistant: Assistant) -> None:
    """After a city's card there is no list of winners: "aralarında Bolu var mı?" is no yes/no of winners."""
    chat = ("among", "city")
    assistant.ask("Konya ne zaman üye oldu", chat=chat)
    reply = assistant.ask("aralarında Bolu var mı?", chat=chat)
    assert not to_plain(reply.text).startswith(("Evet", "Hayır"))


@pytest.mark.parametrize(
    ("question", "lang"),
    [("Is Hamburg one of them?", "en"), ("Hamburg üye mi?", "tr"), ("When did İzmir join?", "en")],
)
def test_a_name_with_a_capital_tells_no_language(assistant: Assistant, question: str, lang: str) -> None:
    assert assistant.ask(question).lang == lang
