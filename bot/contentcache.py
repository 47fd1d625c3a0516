"""A cache of the loaded and fully checked content, so that a restart with the same
content and the same code skips the YAML, the index build and the self-check.

Parsing the YAML (with line numbers), building the matcher's index, the member directory
and the understanding (:class:`~bot.prepared.Prepared`), and rendering every reply once
for the self-check take about half a second of every start. A full load packs the
:class:`~bot.content.Content` and its :class:`~bot.prepared.Prepared` as built (before
the self-check asks anything, so nothing that answering remembers is kept); when the
check finds no problem, :meth:`ContentCache.save` writes them to one file per content
folder, under a key that hashes

* every file in the content folder (names and bytes) and the folder's resolved path,
* every ``.py`` file of the ``bot`` package (the code that parses, checks and renders),
* the Python version, and the versions of PyYAML and Babel (their output is in the content).

A later start whose key is the same loads that file instead (:meth:`ContentCache.load`);
any change to the content or the code gives another key, so the full load and check run
again and the file is replaced. Only content that passed the check is ever written, so a
hit means "this exact content, with this exact code, was checked and found valid". A
missing, stale, unreadable or broken file, one owned by another user, or a folder that
cannot be written is never an error: it is logged at DEBUG and the full load runs.

The file is a pickle: the bot writes it and reads it itself, in a folder of its own user
(a file that another user owns or may write is ignored). It is written atomically (a
temporary file, then :func:`os.replace`).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import babel
import yaml

import bot
from bot.content import Content
from bot.content.load import use_content
from bot.prepared import Prepared

__all__ = ["Cached", "ContentCache", "content_key", "pack"]

logger = logging.getLogger(__name__)

FORMAT = 1  # raise when the file's layout changes
_MAGIC = b"learning-cities-bot content cache\n"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def content_key(content_dir: Path) -> str:
    """The hash that a cached copy of ``content_dir`` must carry; raises OSError."""
    digest = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    part("format", str(FORMAT).encode())
    part("python", f"{sys.version}\0{sys.implementation.cache_tag}".encode())
    part("libraries", f"pyyaml {yaml.__version__} babel {babel.__version__}".encode())
    part("folder", str(content_dir).encode())
    for path in _files(content_dir):
        part(f"content/{path.relative_to(content_dir).as_posix()}", path.read_bytes())
    package = Path(bot.__file__).resolve().parent
    for path in _files(package):
        if path.suffix == ".py":
            part(f"code/{path.relative_to(package).as_posix()}", path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Cached:
    """What :meth:`ContentCache.load` found: the key of the content as it is now (None
    when it could not be read) and, when the cache had that key, the content and its parts."""

    key: str | None
    content: Content | None = None
    prepared: Prepared | None = None


def pack(content: Content, prepared: Prepared) -> bytes | None:
    """The cache's payload for ``content`` and the parts built from it; None (logged at
    DEBUG) when something in them cannot be pickled."""
    try:
        return pickle.dumps((content, prepared), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
        logger.debug("Content cache: the content cannot be cached (%s: %s)", type(exc).__name__, exc)
        return None


class ContentCache:
    """The cache folder (created when first written). Reading and writing never raise."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def of(cls, folder: str | Path | None) -> ContentCache | None:
        """The cache in ``folder``; None (no cache) for None."""
        return None if folder is None else cls(folder)

    def key(self, content_dir: str | Path) -> str | None:
        """The key of ``content_dir`` as it is now; None when a file cannot be read."""
        try:
            return content_key(Path(content_dir).resolve())
        except OSError as exc:
            logger.debug("Content cache: cannot read %s (%s)", content_dir, exc)
            return None

    def file_for(self, content_dir: Path) -> Path:
        """The cache file of one content folder."""
        name = hashlib.sha256(str(content_dir).encode()).hexdigest()[:16]
        return self.folder / f"content-{name}.pickle"

    def load(self, content_dir: str | Path) -> Cached:
        """The cached content of ``content_dir`` if the cache holds it for its current
        files and code; otherwise :attr:`Cached.content` is None."""
        directory = Path(content_dir).resolve()
        key = self.key(directory)
        if key is None:
            return Cached(None)
        path = self.file_for(directory)
        try:
            with path.open("rb") as file:
                info = os.fstat(file.fileno())
                if hasattr(os, "getuid") and (
                    info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
                ):
                    logger.debug("Content cache: %s is not this user's own file; ignored", path)
                    return Cached(key)
                data = file.read()
        except FileNotFoundError:
            logger.debug("Content cache: no %s yet", path)
            return Cached(key)
        except OSError as exc:
            logger.debug("Content cache: cannot read %s (%s); ignored", path, exc)
            return Cached(key)
        header = _MAGIC + key.encode() + b"\n"
        if not data.startswith(header):
            logger.debug("Content cache: %s is for other content, code or Python; ignored", path)
            return Cached(key)
        found = _unpickle(data[len(header) :], path)
        if found is None:
            return Cached(key)
        content, prepared = found
        use_content(content)
        logger.debug("Content cache: loaded %s", path)
        return Cached(key, content, prepared)

    def save(self, content_dir: str | Path, key: str | None, packed: bytes | None) -> bool:
        """Write ``packed`` (from :func:`pack`, of content loaded and checked without a
        problem) as the cache of ``content_dir``, if its files and code still have ``key``
        (the key taken before loading: content edited while it loaded is not cached).
        True when written."""
        directory = Path(content_dir).resolve()
        if key is None or packed is None:
            return False
        try:
            if content_key(directory) != key:
                logger.debug("Content cache: %s changed while loading; not cached", directory)
                return False
        except OSError as exc:
            logger.debug("Content cache: cannot read %s (%s)", directory, exc)
            return False
        data = _MAGIC + key.encode() + b"\n" + packed
        path = self.file_for(directory)
        temporary: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".content-", suffix=".tmp")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
            temporary = None
        except OSError as exc:
            logger.debug("Content cache: cannot write %s (%s); the next start loads in full", path, exc)
            return False
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
        logger.debug("Content cache: wrote %s", path)
        return True


def _unpickle(data: bytes, path: Path) -> tuple[Content, Prepared] | None:
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects, none of them garbage
    try:
        found = pickle.loads(data)
    except Exception as exc:  # a damaged file can raise almost anything; it is only a cache
        logger.debug("Content cache: %s is damaged (%s: %s); ignored", path, type(exc).__name__, exc)
        return None
    finally:
        if collecting:
            gc.enable()
    if not (
        isinstance(found, tuple)
        and len(found) == 2
        and isinstance(found[0], Content)
        and isinstance(found[1], Prepared)
    ):
        logger.debug("Content cache: %s holds no content; ignored", path)
        return None
    return found[0], found[1]
