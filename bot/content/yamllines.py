"""YAML that remembers line numbers: a safe loader whose mappings know where they start.

Dates stay strings ("as of" values are shown, not computed with).
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["LineDict", "YAMLError", "line_of", "parse", "syntax_error"]

YAMLError = yaml.YAMLError


class LineDict(dict[str, Any]):
    """A mapping from the YAML, with the (1-based) line it starts on."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings remember the line they start on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    _LineLoader.construct_yaml_str,  # type: ignore[type-var]
)


def parse(text: str) -> Any:
    """The YAML document in ``text``; mappings are :class:`LineDict`. Raises :data:`YAMLError`."""
    return yaml.load(text, Loader=_LineLoader)


def line_of(item: object, default: int | None = None) -> int | None:
    """The line a parsed mapping starts on, or ``default`` for anything else."""
    line = getattr(item, "line", default)
    return line if isinstance(line, int) else default


def syntax_error(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """Where a syntax error is (1-based line, or None) and a one-line description."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    reason = getattr(exc, "problem", None) or str(exc)
    column = f"column {mark.column + 1}: " if mark is not None else ""
    return line, f"YAML syntax error: {column}{reason}"
