"""The assistant's self-check: every reply rendered once, checked as Telegram would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import callbacks, tghtml
from bot.commands import REGISTRY, Audience
from bot.content import Problem
from bot.lang import LANGS
from bot.replies import Reply

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["self_check"]


def self_check(assistant: Assistant) -> list[Problem]:
    """Render every reply once and report any that Telegram would refuse."""
    problems: list[Problem] = list(assistant.understanding.problems)

    def check(file: str, entry: str | None, what: str, reply: Reply) -> None:
        for message in reply.messages:
            for issue in tghtml.validate(message, strict=False):
                problems.append(Problem(file, None, entry, f"{what} renders invalid HTML: {issue}"))
            if tghtml.utf16_len(message) > tghtml.MAX_MESSAGE:
                problems.append(Problem(file, None, entry, f"{what} renders over {tghtml.MAX_MESSAGE} characters"))
        for row in reply.buttons:
            for b in row:
                if b.data is not None and not callbacks.fits(b.data):
                    problems.append(Problem(file, None, entry, f"{what}: button data {b.data!r} is too long"))

    for lang in LANGS:
        for entry_id in assistant.content.faq:
            check("faq.yaml", entry_id, f"answer.{lang}", assistant.entry_reply(entry_id, lang))
        for city in assistant.content.cities:
            check("cities.yaml", city.id, f"reply ({lang})", assistant.city_reply(city, lang))
        for command in REGISTRY:
            if command.audience == Audience.PUBLIC:
                for args in command.checks:
                    reply = assistant.command(command.name, args, pref=lang)
                    check("messages.yaml", command.name, f"/{command.name} ({lang})", reply)
        check("messages.yaml", "nope", f"/nope ({lang})", assistant.command("nope", (), pref=lang))
        for topic in assistant.content.topics:
            topic_reply = assistant.button(callbacks.topic(topic.id), pref=lang)
            if topic_reply is not None:
                check("topics.yaml", topic.id, f"topic ({lang})", topic_reply)
        for text in ("", "zzzz qqqq", "<script>&", "teşekkürler", "KOMEK kurs ücreti", "3. konferansın teması"):
            check("messages.yaml", None, f"fallback ({lang})", assistant.ask(text, pref=lang))
        if assistant.members is not None:  # the region lists hold every member's line; an answer of each shape
            for member_id, reply in assistant.members.sample_replies(lang):
                check("members.yaml", member_id, f"reply ({lang})", reply)
    return problems
