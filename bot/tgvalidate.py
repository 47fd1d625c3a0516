"""Telegram's own HTML rules, for checking a text before it is sent.

Telegram (Bot API 10.0) parses ``parse_mode=HTML`` with tdlib's ``parse_html`` and then
``fix_entities``; this module follows both, and the Bot API's "Formatting options":

* Refused (Telegram answers 400): an unsupported tag, a bare ``<``, a malformed or unclosed
  tag, a crossed end tag, ``<span>`` without ``class="tg-spoiler"``, a bad ``<tg-emoji>``
  id or ``<tg-time>`` format, an entity for half a surrogate pair, and a text over 4096
  characters (code points of the text after entity parsing, trimmed: tdlib counts
  ``utf8_length``) or with nothing left to show.
* Shown otherwise than written (accepted, so the sender would never know): an entity
  Telegram does not decode where HTML would (``&nbsp;``, ``&#0;``, ``&#X41;``...), a link it
  silently drops (``javascript:``, ``ftp:``...), formatting inside ``<code>``/``<pre>``,
  one link or code inside another, a blockquote inside a blockquote, a language on a
  ``<code>`` that is not directly inside ``<pre>``, a ``<tg-time>`` without a date.
* Accepted as Telegram accepts them: ``<tg-time unix format>``, attributes Telegram ignores,
  attributes without a value, a bare ``>`` or ``&`` that Telegram shows as typed.

``strict`` adds the careful editor's rules of the documentation for content files: every
``<``, ``>`` and ``&`` that is not markup is escaped, entities end with ``;``, and tags carry
only the attributes Telegram reads.
"""

from __future__ import annotations

import contextlib
import html
import re
from dataclasses import dataclass, field

from bot.tglinks import telegram_link

__all__ = ["MAX_MESSAGE", "TAGS", "telegram_length", "telegram_link", "validate"]

MAX_MESSAGE = 4096

#: Supported tags and the attributes Telegram reads on them.
TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "tg-spoiler": frozenset(),
    "span": frozenset({"class"}),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
    "tg-time": frozenset({"unix", "format"}),
}
_FORMATTING = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span"})
#: Tags whose entities cannot contain other entities (tdlib's "pre" entities).
_CODE_LIKE = frozenset({"code", "pre", "tg-time"})
#: Tags whose entities cannot contain each other (tdlib's "continuous" entities).
_CONTINUOUS = frozenset({"a", "code", "pre", "tg-emoji", "tg-time"})
_SPACE = frozenset(" \t\r\n\v\0")  # tdlib's is_space(); NUL ends a C string
_END = "\0"
_DIGITS = frozenset("0123456789")
_HEX = frozenset("0123456789abcdefABCDEF")
_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _ALPHA | _DIGITS
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_STRICT_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
#: What an HTML reader takes for a character reference (the pattern of Python's html module).
_HTML5_REF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
#: A tag's name: up to a space (tdlib's is_space, NUL included), a '>' or the end.
_NAME = re.compile(r"[^ \t\r\n\v\x00>]*")
_AMP = re.compile("&")
_AMP_GT = re.compile("[&>]")
#: The documented form of a <tg-time> format ("Date-time entity formatting").
_TIME_FORMAT = re.compile(r"r|w?[dD]?[tT]?")


def _lower(text: str) -> str:
    return text.translate(_LOWER)


def _decode_entity(text: str, pos: int) -> tuple[int, int] | None:
    """tdlib's decode_html_entity at ``text[pos] == '&'``: (code point, end) or ``None`` when
    the ``&`` stays a plain character. The ``;`` is optional."""
    n = len(text)

    def at(k: int) -> str:
        return text[k] if k < n else _END

    end, code = pos + 1, 0
    if at(pos + 1) == "#":
        end += 1
        digits, base = (_HEX, 16) if at(pos + 2) == "x" else (_DIGITS, 10)
        if base == 16:
            end += 1
        while at(end) in digits:
            code = code * base + int(at(end), 16)
            end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
    else:
        while at(end) in _ALPHA:
            end += 1
        named = _NAMED.get(text[pos + 1 : end])
        if named is None:
            return None
        code = ord(named)
    return code, end + 1 if at(end) == ";" else end


def _telegram_text(run: str) -> str:
    """A run of text between tags as Telegram shows it (entities decoded its way)."""
    i = run.find("&")
    if i == -1:
        return run  # nothing to decode (most runs)
    out = [run[:i]]
    while i != -1:  # run[i] is an '&': an entity, or a plain '&'
        decoded = _decode_entity(run, i)
        if decoded is None:
            out.append("&")
            i += 1
        else:
            out.append(chr(decoded[0]))
            i = decoded[1]
        following = run.find("&", i)
        out.append(run[i:] if following == -1 else run[i:following])
        i = following
    return "".join(out)


# ------------------------------------------------------------------------------------ links


# ------------------------------------------------------------------------------ the checker


@dataclass
class _Open:
    name: str
    attrs: dict[str, str | None]
    text_start: int  # index in the visible text where the tag opened
    has_code_child: bool = False
    after_code: bool = False


@dataclass
class _State:
    strict: bool
    problems: list[str] = field(default_factory=list)
    visible: list[str] = field(default_factory=list)
    length: int = 0  # characters in visible
    stack: list[_Open] = field(default_factory=list)

    def lossy(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)


class _Refused(Exception):
    """Telegram refuses the text (parsing stops, as Telegram's does)."""


def _check_run(state: _State, run: str) -> None:
    """A run of text: entities as Telegram decodes them, compared with HTML's reading."""
    if not run:
        return
    for found in (_AMP_GT if state.strict else _AMP).finditer(run):  # the other characters need nothing
        i, ch = found.start(), found.group()
        if ch == "&":
            decoded = _decode_entity(run, i)
            if decoded is not None and 0xD800 <= decoded[0] <= 0xDFFF:
                raise _Refused(
                    f"{run[i : decoded[1]]} is half of a surrogate pair: Telegram refuses it "
                    "(write the character itself)"
                )
            if state.strict and not _STRICT_ENTITY.match(run, i):
                state.lossy("a bare '&' (write &amp;)")
        elif ch == ">" and state.strict:
            state.lossy("a bare '>' (write &gt;)")
    for m in _HTML5_REF.finditer(run) if "&" in run else ():  # every reference starts with '&'
        ref = m.group(0)
        if _telegram_text(ref) != html.unescape(ref):
            state.lossy(
                f"{ref} is not an entity Telegram reads as HTML does: it shows "
                f"{_telegram_text(ref)!r} (Telegram knows only &lt; &gt; &amp; &quot; and numeric "
                "entities &#N; / &#xN; of a real character; write the character itself)"
            )
    text = _telegram_text(run)
    if state.stack and state.stack[-1].name == "pre" and state.stack[-1].after_code:
        state.lossy("text after </code> inside <pre>: Telegram then drops the code block's language")
    state.visible.append(text)
    state.length += len(text)


def _parse_attrs(text: str, i: int, begin: int, name: str) -> tuple[dict[str, str | None], int]:
    """The attributes of a start tag from ``text[i]`` to its ``>``, read like tdlib."""
    n = len(text)

    def at(k: int) -> str:
        return text[k] if k < n else _END

    tag_end = text.find(">", begin)
    raw = text[begin : tag_end + 1 if tag_end != -1 else n]
    attrs: dict[str, str | None] = {}
    while at(i) != ">":
        while at(i) != _END and at(i) in _SPACE:
            i += 1
        if at(i) == ">":
            break
        start = i
        while at(i) not in _SPACE and at(i) not in "=>/\"'":
            i += 1
        attr = text[start:i]  # names are case-sensitive for Telegram
        if not attr:
            raise _Refused(f"malformed tag {raw!r}: an attribute without a name")
        while at(i) != _END and at(i) in _SPACE:
            i += 1
        if at(i) != "=":
            if at(i) == _END:
                raise _Refused(f"malformed tag {raw!r}: the tag is never closed with '>'")
            attrs.setdefault(attr, None)  # ignored (only <blockquote expandable> means something)
            continue
        i += 1
        while at(i) != _END and at(i) in _SPACE:
            i += 1
        if at(i) == _END:
            raise _Refused(f"malformed tag {raw!r}: the tag is never closed with '>'")
        if at(i) not in "'\"":
            token = i
            while at(i) in _ALNUM or at(i) in ".-":
                i += 1
            value = _lower(text[token:i])
            if at(i) not in _SPACE and at(i) != ">":
                raise _Refused(f"malformed tag {raw!r}: quote the value of {attr}")
        else:
            quote, i = at(i), i + 1
            close = i
            while close < n and text[close] != quote and text[close] != _END:
                close += 1
            value = _telegram_text(text[i:close])
            i = close + 1 if at(close) == quote else close
        if at(i) == _END:
            raise _Refused(f"malformed tag {raw!r}: the tag is never closed with '>'")
        attrs[attr] = value  # the last one wins, as in Telegram
    return attrs, i + 1


def _open_tag(state: _State, name: str, attrs: dict[str, str | None]) -> None:
    if state.strict:
        unknown = sorted(set(attrs) - TAGS[name])
        if unknown:
            state.lossy(f"<{name}> does not take {', '.join(unknown)}")
    if name == "span" and attrs.get("class") != "tg-spoiler":
        raise _Refused('<span> needs class="tg-spoiler"')
    names = [f.name for f in state.stack]
    parent = state.stack[-1] if state.stack else None
    pre_code = (
        name == "code"
        and parent is not None
        and parent.name == "pre"
        and not parent.has_code_child
        and state.length == parent.text_start
    )
    code_like = [n for n in names if n in _CODE_LIKE]
    if code_like and not pre_code:
        state.lossy(f"<{name}> inside <{code_like[-1]}>: Telegram shows no formatting inside code")
    elif name in _CONTINUOUS and not pre_code:
        outer = [n for n in names if n in _CONTINUOUS]
        if outer:
            state.lossy(f"<{name}> inside <{outer[-1]}>: Telegram drops the inner one")
    if name == "blockquote":
        if "blockquote" in names:
            state.lossy("a <blockquote> inside a <blockquote>: Telegram drops the inner one")
        elif any(n in _CONTINUOUS for n in names):
            state.lossy("a <blockquote> inside a link or code: Telegram drops the outer one")
    if name == "code" and (attrs.get("class") or "").startswith("language-") and not pre_code:
        state.lossy('a language (class="language-…") only works on <code> directly inside <pre>')
    if pre_code and parent is not None:
        parent.has_code_child = True
    state.stack.append(_Open(name, attrs, state.length))


def _close_tag(state: _State, frame: _Open) -> None:
    if state.length == frame.text_start:
        return  # an empty tag makes no entity
    if frame.name == "a":
        href = frame.attrs.get("href")
        url = href or "".join(state.visible)[frame.text_start :]
        link = telegram_link(url)
        if not href and link is None:
            state.lossy("<a> without href")
        elif link is None and not re.match(r"(?i)tg:(//)?user\?id=[0-9]+$", url):
            state.lossy(f"the link {url!r} is dropped by Telegram (it keeps http, https, tg and ton links)")
    elif frame.name == "tg-emoji":
        emoji_id = frame.attrs.get("emoji-id") or ""
        if not (re.fullmatch(r"-?[1-9][0-9]*", emoji_id) and -(2**63) <= int(emoji_id) < 2**63):
            raise _Refused("<tg-emoji> needs emoji-id, the number of a custom emoji")
    elif frame.name == "tg-time":
        fmt = frame.attrs.get("format") or ""
        if not _TIME_FORMAT.fullmatch(fmt):
            raise _Refused(f"<tg-time> format {fmt!r} is not one of r, w, d, D, t, T (in the form r|w?[dD]?[tT]?)")
        unix = frame.attrs.get("unix") or ""
        if not (re.fullmatch(r"[0-9]{1,10}", unix) and 0 < int(unix) <= 2**31 - 1):
            state.lossy("<tg-time> without a valid unix=… time: Telegram shows it as plain text")
    elif frame.name == "code" and state.stack and state.stack[-1].name == "pre" and state.stack[-1].has_code_child:
        state.stack[-1].after_code = True


def _name_end(text: str, i: int) -> int:
    """Where the name of a tag that starts at ``text[i]`` ends (see ``_NAME``)."""
    found = _NAME.match(text, i)
    return found.end() if found else i


def _walk(state: _State, text: str) -> None:
    n = len(text)

    def at(k: int) -> str:
        return text[k] if k < n else _END

    i = 0
    while i < n:
        lt = text.find("<", i)
        _check_run(state, text[i : n if lt == -1 else lt])
        if lt == -1:
            return
        begin = i = lt
        i += 1
        if at(i) != "/":
            i = _name_end(text, i)
            name = _lower(text[begin + 1 : i])
            if at(i) == _END or not name or not name[0].isalpha():
                if not name or not name[0].isalpha():
                    raise _Refused("a bare '<' (write &lt;)")
                raise _Refused(f"malformed tag {text[begin:]!r}: the tag is never closed with '>'")
            if name not in TAGS:
                raise _Refused(f"unsupported tag <{name}> (Telegram allows {', '.join(sorted(TAGS))})")
            attrs, i = _parse_attrs(text, i, begin, name)
            _open_tag(state, name, attrs)
            continue
        if not state.stack:
            raise _Refused(f"unexpected end tag {text[begin : text.find('>', begin) + 1 or n]} (nothing is open)")
        i = _name_end(text, i)
        name = _lower(text[begin + 2 : i])
        while at(i) != _END and at(i) in _SPACE:
            i += 1
        if at(i) != ">":
            raise _Refused(f"malformed end tag {text[begin : i + 1]!r}")
        i += 1
        frame = state.stack[-1]
        if name and name != frame.name:
            raise _Refused(f"unexpected end tag </{name}> (</{frame.name}> is open)")
        state.stack.pop()
        _close_tag(state, frame)


def telegram_length(text: str) -> int:
    """The length Telegram checks against 4096 for valid HTML ``text``: characters (code
    points) of the text after entity parsing, without the spaces and newlines it trims."""
    state = _State(strict=False)
    with contextlib.suppress(_Refused):
        _walk(state, text)
    return len("".join(state.visible).strip(" \n"))


def validate(text: str, *, strict: bool = True, max_len: int | None = None) -> list[str]:
    """What Telegram would refuse in ``text`` (HTML) or show otherwise than written; with
    ``strict`` also what a careful editor escapes; with ``max_len`` (a whole message) also
    an empty text or one over ``max_len`` characters. An empty list when it is fine."""
    state = _State(strict=strict)
    try:
        _walk(state, text)
    except _Refused as refused:
        state.problems.append(str(refused))
        return state.problems
    state.problems.extend(f"<{frame.name}> is never closed" for frame in reversed(state.stack))
    if max_len is not None and not state.stack:
        length = len("".join(state.visible).strip(" \n"))
        if length == 0:
            state.problems.append("nothing to show: the text is empty after formatting")
        elif length > max_len:
            state.problems.append(f"{length} characters after formatting, over Telegram's {max_len}")
    return state.problems
