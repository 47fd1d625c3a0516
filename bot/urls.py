"""URL validation shared by the configuration and the content checker."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["valid_url"]


def valid_url(url: object) -> bool:
    """An absolute http(s) URL with a host and no spaces."""
    if not isinstance(url, str) or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and "." in parts.netloc
