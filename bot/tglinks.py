"""Links as Telegram's servers check them (tdlib's link checking): which ``href`` a
``<a>`` tag may carry, and what it becomes."""

from __future__ import annotations

import functools
import ipaddress

__all__ = ["telegram_link"]

_SPACE = frozenset(" \t\r\n\v\0")  # tdlib's is_space(); NUL ends a C string
_DIGITS = frozenset("0123456789")
_HEX = frozenset("0123456789abcdefABCDEF")
_ALPHA = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ALNUM = _ALPHA | _DIGITS
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(text: str) -> str:
    return text.translate(_LOWER)


def _url_part_ok(part: str, allow_colon: bool) -> bool:
    i = 0
    while i < len(part):
        ch = part[i]
        if ch in _ALNUM or ch in ".-_!$,~*'();&+=" or (allow_colon and ch == ":") or ord(ch) >= 128:
            i += 1
        elif ch == "%" and part[i + 1 : i + 2] in _HEX and part[i + 2 : i + 3] in _HEX:
            i += 3
        else:
            return False
    return True


def _http_url(url: str) -> tuple[str, str, str, bool, int, str] | None:
    """tdutils' parse_url: (scheme, userinfo, host, is_ipv6, port given, path and query)."""
    stop = next((k for k, ch in enumerate(url) if ch in ":/?#@[]"), len(url))
    scheme, rest = "http", url
    if url.startswith("://", stop):
        scheme = _lower(url[:stop])
        if scheme not in ("http", "https"):
            return None
        rest = url[stop + 3 :]
    cut = next((k for k, ch in enumerate(rest) if ch in "/?#"), len(rest))
    authority, query = rest[:cut], rest[cut:]
    port, colon = 0, len(authority) - 1
    while colon > 0 and authority[colon] not in ":]@":
        colon -= 1
    if colon > 0 and authority[colon] == ":":
        digits = authority[colon + 1 :].lstrip("0") or "0"
        port = int(digits) if digits.isascii() and digits.isdigit() and int(digits) != 0 else -1
        authority = authority[:colon]
    if not 0 <= port <= 65535:
        return None
    userinfo, _, host = authority.rpartition("@")
    is_ipv6 = host[:1] == "[" and host[-1:] == "]"
    if is_ipv6:
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return None
    if not host or host == ".":
        return None
    query = query.rstrip("".join(_SPACE)) or "/"
    query = ("" if query[0] == "/" else "/") + "".join(f"%{ord(c):02X}" if ord(c) <= 0x20 else c for c in query)
    host = _lower(host)
    if not is_ipv6 and not (_url_part_ok(host, False) and _url_part_ok(userinfo, True)):
        return None
    return scheme, userinfo, host, is_ipv6, port, query


@functools.lru_cache(maxsize=4096)  # the same links come back in many replies
def telegram_link(url: str) -> str | None:
    """The link Telegram keeps for ``<a href=url>`` (tdlib's get_checked_link: http, https,
    tg, ton and tonsite links, normalised), or ``None`` when it silently drops it."""
    scheme = ""
    for prefix in ("tg:", "ton:", "tonsite:"):
        if _lower(url).startswith(prefix):
            scheme, url = prefix[:-1], url[len(prefix) :]
            break
    if scheme and url.startswith("//"):
        url = url[2:]
    parsed = _http_url(url)
    if parsed is None:
        return None
    web_scheme, userinfo, host, is_ipv6, port, query = parsed
    if scheme:
        if _lower(url).startswith("http://") or web_scheme == "https" or userinfo or port or is_ipv6:
            return None
        if len(query) > 1 and query[1] == "?":
            query = query[1:]
        if any(not (c in _ALNUM or c in "-_" or (scheme == "tonsite" and c == ".")) for c in host):
            return None
        return f"{scheme}://{host}{query}"
    if "." not in host and not is_ipv6:
        return None
    return f"{web_scheme}://{userinfo + '@' if userinfo else ''}{host}{f':{port}' if port else ''}{query}"
