"""The synonym groups (synonyms.yaml): words that mean the same for matching.

Each item is one group, a line of folded words with the canonical word first. A group
must have at least two words, each written folded (:func:`bot.textnorm.fold` leaves it
unchanged), and a word may be in one group only. :func:`bot.textnorm.use_synonyms` makes
the groups the matcher's vocabulary.
"""

from __future__ import annotations

from bot.content.checker import Checker
from bot.content.yamllines import kind_of
from bot.textnorm import fold

__all__ = ["SynonymGroups", "load_synonyms"]

SynonymGroups = tuple[tuple[str, ...], ...]


def load_synonyms(c: Checker) -> SynonymGroups:
    """The valid groups of synonyms.yaml; every bad group is reported with its line."""
    file = "synonyms.yaml"
    data = c.read(file, list)
    if data is None:
        return ()
    item_lines: tuple[int, ...] = getattr(data, "item_lines", ())
    groups: list[tuple[str, ...]] = []
    seen: dict[str, tuple[str, int | None]] = {}  # word -> (canonical word, line) of its group
    for index, item in enumerate(data):
        line = item_lines[index] if index < len(item_lines) else c.line(data)
        if not isinstance(item, str):
            c.problem(file, line, None, f"group {index + 1} must be a line of words, not {kind_of(item)} {item!r}")
            continue
        words = item.split()
        if not words:
            c.problem(file, line, None, f"group {index + 1} is empty")
            continue
        canonical = words[0]
        valid = True
        if len(words) < 2:
            c.problem(file, line, canonical, "a group needs at least two words")
            valid = False
        group_words: set[str] = set()
        for word in words:
            folded = fold(word)
            if folded != word:
                hint = f" (write {folded!r})" if folded and " " not in folded else " (one word, without punctuation)"
                c.problem(file, line, canonical, f"word {word!r} is not written folded{hint}")
                valid = False
            elif word in group_words:
                c.problem(file, line, canonical, f"word {word!r} is listed twice")
                valid = False
            elif word in seen:
                other, other_line = seen[word]
                where = f" (line {other_line})" if other_line is not None else ""
                c.problem(file, line, canonical, f"word {word!r} is already in the group of {other!r}{where}")
                valid = False
            group_words.add(word)
        if valid:
            for word in words:
                seen[word] = (canonical, line)
            groups.append(tuple(words))
    return tuple(groups)
