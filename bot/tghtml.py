"""Telegram-flavoured HTML: the safe ``Html`` string, escaping, splitting and plain text.

Telegram accepts a small set of tags and only the entities ``&lt; &gt; &amp; &quot;``
(plus numeric ones). Its rules - what it refuses, what it shows otherwise than written,
how it counts length - are checked by :mod:`bot.tgvalidate` (``validate`` is re-exported
here). Anything that could pass the 4096-character limit is split here, closing and
reopening tags at the cut; ``split`` counts UTF-16 units of the raw HTML, which is never
less than what Telegram counts, so every part fits.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, SupportsIndex

from bot.tgvalidate import MAX_MESSAGE, TAGS, telegram_length, telegram_link, validate

__all__ = [
    "MAX_MESSAGE",
    "Html",
    "escape",
    "escape_attr",
    "isolate",
    "split",
    "telegram_length",
    "telegram_link",
    "to_plain",
    "truncate_text",
    "utf16_len",
    "validate",
    "visible_text",
]

_MARGIN = 16  # room kept free in a message when splitting

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*(/?)>"
)
_ATTR = re.compile(r"([a-zA-Z-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_PIECES = re.compile(r"(<[^<>]*>)")


class Html(str):
    """Telegram HTML that is safe to send: escaped text and trusted markup.

    ``Html(s)`` trusts ``s`` (literal markup, checked content). Everything built from an
    ``Html`` stays safe and stays ``Html``, like MarkupSafe's ``Markup``: in ``Html + str``,
    ``str + Html``, ``Html.join`` and ``Html.format``/``format_map`` the plain ``str``
    operands and values are escaped, ``Html`` ones are kept as they are. Other ``str``
    methods (slicing, ``replace``...) give a plain ``str``: wrap the result again only when
    it is known to be whole markup.
    """

    __slots__ = ()

    def __add__(self, other: str, /) -> Html:
        if isinstance(other, str):
            return Html(str.__add__(self, escape(other)))
        return NotImplemented

    def __radd__(self, other: str, /) -> Html:
        if isinstance(other, str):
            return Html(str.__add__(escape(other), self))
        return NotImplemented

    def __mul__(self, count: SupportsIndex, /) -> Html:
        return Html(str.__mul__(self, count))

    def __rmul__(self, count: SupportsIndex, /) -> Html:
        return Html(str.__mul__(self, count))

    def join(self, iterable: Iterable[str], /) -> Html:
        return Html(str.join(self, (escape(item) for item in iterable)))

    def format(self, *args: object, **kwargs: object) -> Html:
        return Html(_FORMATTER.vformat(self, args, kwargs))

    def format_map(self, mapping: Mapping[str, Any], /) -> Html:  # type: ignore[override]
        return Html(_FORMATTER.vformat(self, (), mapping))

    def __repr__(self) -> str:
        return f"Html({str.__repr__(self)})"


class _EscapingFormatter(string.Formatter):
    """Formats each value, then escapes it unless it is already :class:`Html`."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, Html):
            return format(str(value), format_spec)
        return escape(format(value, format_spec))


_FORMATTER = _EscapingFormatter()


def escape(text: object) -> Html:
    """Escape dynamic text for a Telegram HTML message (``&``, ``<``, ``>``); ``Html`` is
    returned as it is, so nothing is escaped twice."""
    if isinstance(text, Html):
        return text
    return Html(html.escape(str(text), quote=False))


def escape_attr(text: str) -> Html:
    """Escape a value for use inside a double-quoted attribute (``href``)."""
    return Html(html.escape(text, quote=True))


@dataclass(frozen=True, slots=True)
class _Tag:
    closing: bool
    name: str
    attrs: dict[str, str | None]
    raw: str


def _parse_tag(raw: str) -> _Tag | None:
    m = _TAG.fullmatch(raw)
    if not m or m.group(4):
        return None
    attrs: dict[str, str | None] = {}
    for am in _ATTR.finditer(m.group(3) or ""):
        value = am.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        attrs[am.group(1).lower()] = html.unescape(value) if value is not None else None
    return _Tag(bool(m.group(1)), m.group(2).lower(), attrs, raw)


def visible_text(text: str) -> str:
    """The text a reader sees: tags removed, entities resolved."""
    return html.unescape(re.sub(r"<[^<>]*>", "", text))


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the way Telegram counts (a lone surrogate counts one)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _cut_point(piece: str, budget: int) -> int:
    """Where to cut a text piece so that at most ``budget`` UTF-16 units stay before it:
    at a newline, else a space, else anywhere not inside an entity. 0 when nothing fits
    (or only part of an entity would)."""
    end = 0
    units = 0
    for index, ch in enumerate(piece):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > budget:
            break
        end = index + 1
    if end >= len(piece):
        return len(piece)
    head = piece[:end]
    for sep in ("\n", " "):
        at = head.rfind(sep)
        if at > len(head) // 3:
            return at + 1
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:] and _ENTITY.match(piece, amp):
        return amp  # never split "&amp;": cut before it (0: it must start the next message)
    return end


def split(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split valid Telegram HTML into messages of at most ``limit`` UTF-16 units each,
    preferring line breaks, closing and reopening tags at a cut."""
    if utf16_len(text) <= limit:
        return [text]
    chunks: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, raw opening tag)
    current = ""

    def closing() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(open_tags))

    def reopened() -> str:
        return "".join(raw for _, raw in open_tags)

    def flush() -> None:
        nonlocal current
        body = (current + closing()).strip("\n")
        if visible_text(body).strip():
            chunks.append(body)
        current = reopened()

    for piece in (p for p in _PIECES.split(text) if p):
        if piece.startswith("<") and piece.endswith(">"):
            tag = _parse_tag(piece)
            if current != reopened() and utf16_len(current) + utf16_len(piece) + utf16_len(closing()) + _MARGIN > limit:
                flush()
            current += piece
            if tag is not None and tag.name in TAGS:
                if tag.closing:
                    if open_tags and open_tags[-1][0] == tag.name:
                        open_tags.pop()
                else:
                    open_tags.append((tag.name, piece))
            continue
        while piece:
            room = limit - utf16_len(current) - utf16_len(closing()) - _MARGIN
            if utf16_len(piece) <= room:
                current += piece
                break
            cut = _cut_point(piece, room) if room > 0 else 0
            if cut == 0:
                if current != reopened():
                    flush()  # a fresh message has more room
                    continue
                if open_tags:
                    # Even an empty message cannot hold the reopened tags and some text:
                    # go on without that formatting rather than loop.
                    current = current[: len(current) - len(reopened())]
                    open_tags.clear()
                    continue
                cut = max(_cut_point(piece, max(room, 1)), 1) if room > 0 else 1
                if cut == 0:
                    cut = 1
            current += piece[:cut]
            piece = piece[cut:]
            flush()
    if current:
        body = (current + closing()).strip("\n")
        if visible_text(body).strip():
            chunks.append(body)
    return chunks


_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides, isolates


def isolate(text: str) -> str:
    """A user's text to be shown inside the bot's own words: its bidi embeddings,
    overrides and isolates removed (an unterminated right-to-left override would turn
    the rest of the message around) and the whole set in FSI ... PDI, so that its
    direction, right-to-left or not, does not reorder what follows. Escape it after."""
    return "\u2068" + _BIDI_CONTROLS.sub("", text) + "\u2069"


def truncate_text(text: str, limit: int) -> str:
    """Shorten plain text to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


_LINK = re.compile(r"<a\s+href=\"([^\"]*)\"\s*>(.*?)</a>", re.S)


def to_plain(text: str) -> str:
    """Readable plain text for a console: links as ``label (url)``, tags dropped."""

    def link(m: re.Match[str]) -> str:
        url = html.unescape(m.group(1))
        label = visible_text(m.group(2))
        return label if label.strip() == url.strip() else f"{label} ({url})"

    return visible_text(_LINK.sub(lambda m: escape(link(m)), text))
