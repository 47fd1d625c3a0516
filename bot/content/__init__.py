"""The curated YAML content: loaded, checked and typed.

Every file is parsed with a safe loader that remembers line numbers, so a problem is
reported as ``faq.yaml:42: entry 'key-features': answer.en is missing``. Loading either
returns a complete, valid :class:`Content` or raises :class:`ContentError` listing every
problem found; the bot never runs on half-valid content.

- :mod:`~bot.content.model`: the frozen dataclasses and :class:`Problem`/:class:`ContentError`;
- :mod:`~bot.content.schema`: message keys and their placeholders, ids, audiences, command names;
- :mod:`~bot.content.yamllines`: YAML with line numbers;
- :mod:`~bot.content.checker`: the problem-collecting checker;
- :mod:`~bot.content.loaders`: one loader per file, :mod:`~bot.content.synonyms` for synonyms.yaml;
- :mod:`~bot.content.load`: :func:`load_content`, which makes the synonyms the matcher's vocabulary.
"""

from __future__ import annotations

from bot.content.load import load_content
from bot.content.model import (
    City,
    Conference,
    Content,
    ContentError,
    FaqEntry,
    Link,
    Localized,
    Messages,
    Problem,
    ScheduledAnnouncement,
    Topic,
)
from bot.content.schema import (
    ADMIN_COMMANDS,
    ANSWER_PLACEHOLDERS,
    AUDIENCES,
    CHAT_COMMANDS,
    COMMANDS,
    LOCAL_TZ,
    MESSAGE_FIELDS,
)
from bot.content.synonyms import SynonymGroups
from bot.lang import LANGS
from bot.urls import valid_url

__all__ = [
    "ADMIN_COMMANDS",
    "ANSWER_PLACEHOLDERS",
    "AUDIENCES",
    "CHAT_COMMANDS",
    "COMMANDS",
    "LANGS",
    "LOCAL_TZ",
    "MESSAGE_FIELDS",
    "City",
    "Conference",
    "Content",
    "ContentError",
    "FaqEntry",
    "Link",
    "Localized",
    "Messages",
    "Problem",
    "ScheduledAnnouncement",
    "SynonymGroups",
    "Topic",
    "load_content",
    "valid_url",
]
