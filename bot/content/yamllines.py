"""YAML that remembers line numbers: a safe loader whose mappings and lists know where
they start (and lists, where each item starts).

Dates stay strings ("as of" values are shown, not computed with).
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["LineDict", "LineList", "YAMLError", "kind_of", "line_of", "parse", "syntax_error"]

YAMLError = yaml.YAMLError


class LineDict(dict[str, Any]):
    """A mapping from the YAML, with the (1-based) line it starts on."""

    line: int = 0


class LineList(list[Any]):
    """A list from the YAML, with the line it starts on and the line of each item."""

    line: int = 0
    item_lines: tuple[int, ...] = ()


# libyaml's parser when PyYAML has it (the wheels do): members.yaml alone takes seconds in pure Python.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings remember the line they start on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = tuple(child.start_mark.line + 1 for child in node.value)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _LineLoader.construct_yaml_str,
)


def parse(text: str) -> Any:
    """The YAML document in ``text``; mappings are :class:`LineDict`. Raises :data:`YAMLError`."""
    return yaml.load(text, Loader=_LineLoader)


def line_of(item: object, default: int | None = None) -> int | None:
    """The line a parsed mapping starts on, or ``default`` for anything else."""
    line = getattr(item, "line", default)
    return line if isinstance(line, int) else default


def kind_of(value: object) -> str:
    """What a parsed value is, for messages: "list" and "dict" also for the line-numbered ones."""
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return type(value).__name__


def syntax_error(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """Where a syntax error is (1-based line, or None) and a one-line description."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    reason = getattr(exc, "problem", None) or str(exc)
    column = f"column {mark.column + 1}: " if mark is not None else ""
    return line, f"YAML syntax error: {column}{reason}"
