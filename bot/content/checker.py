"""The checker: turns raw YAML into typed values while collecting every problem, each
with its file, line and entry (``faq.yaml:42: entry 'key-features': answer.en is missing``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from bot import tghtml
from bot.content.model import Link, Problem
from bot.content.schema import ID_PATTERN, PLACEHOLDER
from bot.content.yamllines import YAMLError, kind_of, line_of, parse, syntax_error
from bot.lang import LANGS
from bot.urls import valid_url

__all__ = ["Checker"]


class Checker:
    """Collects problems while turning raw YAML into typed objects."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []
        self.unreadable: set[str] = set()  # files whose problems would only echo into references

    # -- helpers
    def problem(self, file: str, line: int | None, entry: str | None, message: str) -> None:
        self.problems.append(Problem(file, line, entry, message))

    def read(self, name: str, expect: type) -> Any:
        data = self._read(name, expect)
        if data is None:
            self.unreadable.add(name)
        return data

    def _read(self, name: str, expect: type) -> Any:
        path = self.directory / name
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problem(name, None, None, f"file is missing (looked in {self.directory})")
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(name, None, None, f"cannot be read: {exc}")
            return None
        try:
            data = parse(text)
        except YAMLError as exc:
            line, message = syntax_error(exc)
            self.problem(name, line, None, message)
            return None
        if not isinstance(data, expect):
            kind = "a list" if expect is list else "a mapping"
            self.problem(name, None, None, f"must contain {kind} at the top level")
            return None
        return data

    @staticmethod
    def line(item: object, default: int | None = None) -> int | None:
        return line_of(item, default)

    def text(
        self,
        file: str,
        item: Mapping[str, Any],
        key: str,
        entry: str | None,
        *,
        html: bool = False,
        required: bool = True,
        max_len: int | None = None,
    ) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, self.line(item), entry, f"{key} is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(file, self.line(item), entry, f"{key} must be non-empty text")
            return None
        self.check_text(file, self.line(item), entry, key, value, html=html, max_len=max_len)
        return value.strip()

    def check_text(
        self,
        file: str,
        line: int | None,
        entry: str | None,
        where: str,
        value: str,
        *,
        html: bool,
        max_len: int | None,
        placeholders: frozenset[str] = frozenset(),
    ) -> None:
        if max_len is not None and tghtml.utf16_len(value) > max_len:
            self.problem(file, line, entry, f"{where} is {tghtml.utf16_len(value)} characters long, over {max_len}")
        if html:
            # Known placeholders stand for a value the bot fills in (a link where {url} stands); a
            # stand-in is enough to check the HTML around them.
            body = PLACEHOLDER.sub(
                lambda m: (
                    m.group(0) if m.group(1) not in placeholders else "https://x.org" if m.group(1) == "url" else "x"
                ),
                value,
            )
            for name in PLACEHOLDER.findall(body):
                self.problem(file, line, entry, f"{where} has an unknown placeholder {{{name}}}")
            for issue in tghtml.validate(PLACEHOLDER.sub("x", body)):
                self.problem(file, line, entry, f"{where} is not valid Telegram HTML: {issue}")

    def localized(
        self,
        file: str,
        item: Mapping[str, Any],
        key: str,
        entry: str | None,
        *,
        html: bool = False,
        required: bool = True,
        max_len: int | None = None,
        placeholders: frozenset[str] = frozenset(),
    ) -> dict[str, str] | None:
        value = item.get(key)
        line = self.line(item)
        if value is None:
            if required:
                self.problem(file, line, entry, f"{key} is missing")
            return None
        if isinstance(value, str) and not html:
            # A name that is the same in every language may be written once.
            value = {lang: value for lang in LANGS}
        if not isinstance(value, Mapping):
            self.problem(file, line, entry, f"{key} must be a mapping with {', '.join(LANGS)}")
            return None
        line = self.line(value, line)
        result: dict[str, str] = {}
        for lang in LANGS:
            text = value.get(lang)
            if text is None:
                self.problem(file, line, entry, f"{key}.{lang} is missing")
            elif not isinstance(text, str) or not text.strip():
                self.problem(file, line, entry, f"{key}.{lang} is empty")
            else:
                self.check_text(
                    file, line, entry, f"{key}.{lang}", text, html=html, max_len=max_len, placeholders=placeholders
                )
                result[lang] = text.strip()
        for extra in set(value) - set(LANGS):
            self.problem(file, line, entry, f"{key} has an unknown language {extra!r} (use {', '.join(LANGS)})")
        return result if len(result) == len(LANGS) else None

    def url(self, file: str, item: Mapping[str, Any], key: str, entry: str | None, *, required: bool) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(file, self.line(item), entry, f"{key} is missing")
            return None
        if not valid_url(value):
            self.problem(file, self.line(item), entry, f"{key} is not a valid http(s) URL: {value!r}")
            return None
        return str(value)

    def strings(self, file: str, item: Mapping[str, Any], key: str, entry: str | None) -> tuple[str, ...]:
        value = item.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(file, self.line(item), entry, f"{key} must be a list of non-empty texts")
            return ()
        return tuple(v.strip() for v in value)

    def ident(self, file: str, item: Mapping[str, Any], seen: dict[str, int | None]) -> str | None:
        value = item.get("id")
        line = self.line(item)
        if value is None:
            self.problem(file, line, None, "id is missing")
            return None
        value = str(value)
        if not ID_PATTERN.match(value):
            self.problem(file, line, value, "id must be lower-case letters, digits and '-', at most 40")
            return None
        if value in seen:
            self.problem(file, line, value, f"duplicate id (first at line {seen[value]})")
            return None
        seen[value] = line
        return value

    def links(self, file: str, item: Mapping[str, Any], key: str, entry: str | None) -> tuple[Link, ...]:
        raw = item.get(key, [])
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(file, self.line(item), entry, f"{key} must be a list")
            return ()
        result = []
        for index, link in enumerate(raw):
            if not isinstance(link, Mapping):
                self.problem(file, self.line(item), entry, f"{key}[{index}] must be a mapping with label and url")
                continue
            label = self.localized(file, link, "label", entry, max_len=60)
            url = self.url(file, link, "url", entry, required=True)
            description = self.localized(file, link, "description", entry, required=False, max_len=300)
            if label and url:
                result.append(Link(label, url, description))
        return tuple(result)

    def items(self, file: str, data: list[Any]) -> Iterable[Mapping[str, Any]]:
        for index, item in enumerate(data):
            if isinstance(item, Mapping):
                yield item
            else:
                self.problem(file, None, None, f"item {index + 1} must be a mapping, not {kind_of(item)}")
