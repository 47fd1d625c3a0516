"""The command registry: every command the bot knows, who it is for, and where it works.

The Telegram wiring, the command menus, the content check of the command descriptions
and the assistant's self-check all derive from :data:`REGISTRY`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

__all__ = [
    "ADMIN_COMMANDS",
    "CHAT_COMMANDS",
    "COMMANDS",
    "REGISTRY",
    "Audience",
    "CommandSpec",
    "command_target",
    "menu",
    "parse_command",
    "spec",
]


class Audience(StrEnum):
    PUBLIC = "public"  # answered by the assistant alone, anywhere (also the console chat)
    CHAT = "chat"  # about this chat or person: needs the database (Telegram only)
    ADMIN = "admin"  # operators only (BOT_ADMIN_IDS)


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    audience: Audience
    private_only: bool = False
    in_menu: bool = True  # listed in the public command menu
    # Argument lists the self-check renders the reply of (public commands).
    checks: tuple[tuple[str, ...], ...] = ((),)


REGISTRY: Final[tuple[CommandSpec, ...]] = (
    CommandSpec("start", Audience.PUBLIC),
    CommandSpec("help", Audience.PUBLIC),
    CommandSpec("cities", Audience.PUBLIC, checks=((), ("x",))),
    CommandSpec("city", Audience.PUBLIC, checks=((), ("<&>",))),
    CommandSpec("about", Audience.PUBLIC),
    CommandSpec("conferences", Audience.PUBLIC),
    CommandSpec("links", Audience.PUBLIC),
    CommandSpec("faq", Audience.PUBLIC),
    CommandSpec("lang", Audience.PUBLIC),
    CommandSpec("subscribe", Audience.CHAT),
    CommandSpec("unsubscribe", Audience.CHAT),
    CommandSpec("forgetme", Audience.CHAT, private_only=True),
    CommandSpec("announce", Audience.ADMIN, in_menu=False),
    CommandSpec("announcements", Audience.ADMIN, in_menu=False),
    CommandSpec("stats", Audience.ADMIN, in_menu=False),
    CommandSpec("unanswered", Audience.ADMIN, in_menu=False),
    CommandSpec("reload", Audience.ADMIN, in_menu=False),
)

_BY_NAME: Final = {command.name: command for command in REGISTRY}


def _names(audience: Audience) -> tuple[str, ...]:
    return tuple(c.name for c in REGISTRY if c.audience == audience)


COMMANDS: Final = _names(Audience.PUBLIC)
CHAT_COMMANDS: Final = _names(Audience.CHAT)
ADMIN_COMMANDS: Final = _names(Audience.ADMIN)


def menu(*, operator: bool = False) -> tuple[CommandSpec, ...]:
    """The commands of a command menu: the public menu, and for operators also their own."""
    return tuple(c for c in REGISTRY if c.in_menu or (operator and c.audience == Audience.ADMIN))


def spec(name: str) -> CommandSpec | None:
    """The command called ``name`` (already lower-case), or None."""
    return _BY_NAME.get(name)


def command_target(text: str) -> str | None:
    """The bot a command is addressed to (``"/city@bot Bolu"`` -> ``"bot"``), or None."""
    head = text[1:].split(maxsplit=1)[0] if text.startswith("/") and text[1:2].strip() else ""
    return head.split("@", 1)[1] if "@" in head else None


def parse_command(text: str) -> tuple[str, list[str]] | None:
    """``"/city@bot Bolu"`` -> ``("city", ["Bolu"])``; None when ``text`` is no command."""
    if not text.startswith("/") or len(text) < 2 or text[1:2].isspace():
        return None
    head, *args = text[1:].split()
    # Command names are ASCII: a Turkish keyboard's "İ" (or "I") is an "i" ("/CİTY" is /city).
    name = head.split("@", 1)[0].replace("İ", "i").replace("I", "i").lower()
    return (name, args) if name else None
