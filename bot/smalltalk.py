"""Small talk: thanks, goodbye, "nasılsın", hello, each with its own short reply.

A message made only of the words of content/smalltalk.yaml (any of them, in any order,
with punctuation and emoji) is small talk; any other word makes it a question, left to
the matcher ("merhaba, Bolu ne zaman katıldı?"). The reply is the entry
``smalltalk-<id>``; the first kind in the file wins when a message mixes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import tghtml
from bot.lang import LANGS
from bot.textnorm import fold

__all__ = ["SMALLTALK_FILE", "SmallTalk", "SmallTalkKind", "load_smalltalk"]

SMALLTALK_FILE = "smalltalk.yaml"
_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class SmallTalkKind:
    id: str
    phrases: tuple[tuple[str, ...], ...]  # folded, longest first
    reply: Mapping[str, str]

    @property
    def entry_id(self) -> str:
        return f"smalltalk-{self.id}"


def _cover(tokens: list[str], phrases: tuple[tuple[str, ...], ...], covered: list[bool]) -> bool:
    """Mark the tokens the phrases cover; whether any phrase was found."""
    found = False
    for phrase in phrases:
        size = len(phrase)
        for i in range(len(tokens) - size + 1):
            if tuple(tokens[i : i + size]) == phrase:
                found = True
                for k in range(i, i + size):
                    covered[k] = True
    return found


@dataclass(frozen=True, slots=True)
class SmallTalk:
    kinds: tuple[SmallTalkKind, ...]

    def kind(self, text: str) -> SmallTalkKind | None:
        """The kind of small talk ``text`` is, or None when it has other words."""
        tokens = fold(text).split()
        if not tokens or len(tokens) > _MAX_WORDS:
            return None
        covered = [False] * len(tokens)
        present = [k for k in self.kinds if _cover(tokens, k.phrases, covered)]
        if not present or not all(covered):
            return None
        return present[0]

    def by_entry(self, entry_id: str) -> SmallTalkKind | None:
        return next((k for k in self.kinds if k.entry_id == entry_id), None)


def load_smalltalk(directory: str | Path) -> tuple[SmallTalk, list[str]]:
    """Read smalltalk.yaml in ``directory``; the problems found, each naming the item."""
    path = Path(directory) / SMALLTALK_FILE
    if not path.is_file():
        return SmallTalk(()), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        return SmallTalk(()), [f"{SMALLTALK_FILE}: not valid YAML: {exc}"]
    problems: list[str] = []
    kinds = []
    for item in data if isinstance(data, list) else []:
        ident = item.get("id") if isinstance(item, Mapping) else None
        words, reply = (item.get("words"), item.get("reply")) if isinstance(item, Mapping) else (None, None)
        if (
            not isinstance(ident, str)
            or not isinstance(words, Mapping)
            or not isinstance(reply, Mapping)
            or any(not isinstance(reply.get(lang), str) or not words.get(lang) for lang in LANGS)
        ):
            problems.append(f"{SMALLTALK_FILE}: item {item!r} needs an id, words and a reply in tr and en")
            continue
        for lang in LANGS:
            problems += [
                f"{SMALLTALK_FILE}: {ident}.{lang}: {issue}" for issue in tghtml.validate(reply[lang], strict=False)
            ]
        phrases = {tuple(fold(str(w)).split()) for lang in LANGS for w in words[lang]}
        kinds.append(SmallTalkKind(ident, tuple(sorted((p for p in phrases if p), key=lambda p: -len(p))), dict(reply)))
    return SmallTalk(tuple(kinds)), problems
