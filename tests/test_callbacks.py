"""Callback data: every format round-trips, and forged or stale data is refused."""

from __future__ import annotations

import pytest

from bot import callbacks
from bot.callbacks import AnnounceAction, CallbackKind, ForgetChoice


def test_formats_round_trip() -> None:
    assert callbacks.parse(callbacks.entry("what-is-komek")) == callbacks.Callback(CallbackKind.ENTRY, "what-is-komek")
    assert callbacks.parse(callbacks.topic("network")) == callbacks.Callback(CallbackKind.TOPIC, "network")
    assert callbacks.parse(callbacks.MENU) == callbacks.Callback(CallbackKind.MENU)
    assert callbacks.parse(callbacks.lang("en")) == callbacks.Callback(CallbackKind.LANG, "en")
    vote = callbacks.parse(callbacks.feedback(-1, "what-is-komek"))
    assert vote == callbacks.Callback(CallbackKind.FEEDBACK, "what-is-komek", "-1", -1)
    forget = callbacks.parse(callbacks.forget(ForgetChoice.YES, 42))
    assert forget == callbacks.Callback(CallbackKind.FORGET, "", "yes", 42)
    send = callbacks.parse(callbacks.announce(AnnounceAction.SEND, 7))
    assert send == callbacks.Callback(CallbackKind.ANNOUNCE, "7", "ok", 7)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "x" * 65,
        "menu:1",
        "e:",
        "e:<b>",
        "fb:2:what-is-komek",
        "fb:1:",
        "forget:maybe:1",
        "forget:yes:x",
        "ann:ok:²",
        "ann:ok:",
        "ann:go:3",
        "zz:1",
        "t",
    ],
)
def test_forged_or_stale_data_is_refused(data: str | None) -> None:
    assert callbacks.parse(data) is None


def test_patterns_cover_their_formats() -> None:
    import re

    assert re.match(callbacks.PATTERNS["feedback"], callbacks.feedback(1, "a"))
    assert re.match(callbacks.PATTERNS["forget"], callbacks.forget(ForgetChoice.NO, 1))
    assert re.match(callbacks.PATTERNS["announce"], callbacks.announce(AnnounceAction.CANCEL, 1))
    for data in (callbacks.entry("a"), callbacks.topic("b"), callbacks.lang("tr"), callbacks.MENU):
        assert re.match(callbacks.PATTERNS["assistant"], data)
        assert not re.match(callbacks.PATTERNS["feedback"], data)
