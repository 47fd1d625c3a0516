"""The common words of Turkish and English, for the speller (:mod:`bot.spelling`): a word
this frequent is a word in its own right, never a typo to correct.

They come from wordfreq's word lists (``small_tr``, ``small_en``: every word used at
least once in a million, zipf 3), read as files in wordfreq's "cBpack" format (gzipped
msgpack: a header, then one list of words per centibel of frequency) without importing
wordfreq, whose import alone takes a quarter of a second. About 85,000 folded words are
kept as a table of their hashes (about 2 MB instead of some 15 MB of strings); a false
"common" (two hashes alike) only leaves a typo uncorrected.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
import unicodedata
from array import array
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import msgpack  # type: ignore[import-untyped]

__all__ = ["COMMON_ZIPF", "CommonWords", "common_words", "frequent_words"]

log = logging.getLogger(__name__)

COMMON_ZIPF = 3.0  # once in a million words
LANGS = ("tr", "en")
_LOWER_TURKISH = tuple(zip("ışğüöçâîû", "isguocaiu", strict=True))


class CommonWords:
    """A set of folded words, as a table of their hashes; ``every`` holds all.

    The table is an open-addressing hash table in an array (at most half full, about
    2 MB for the 85,000 words): built in one pass, where sorting the hashes took longer
    than reading the lists."""

    def __init__(self, hashes: Iterable[int] = (), *, every: bool = False) -> None:
        """``hashes``: of the words (``hash(word)``, stable within a process)."""
        values = hashes if isinstance(hashes, (set, frozenset)) else set(hashes)
        self._count = len(values)
        self._zero = 0 in values  # 0 marks an empty slot, so a hash of 0 is kept aside
        size = 1 << max(4, (2 * len(values)).bit_length())
        self._mask = mask = size - 1
        self._table = table = array("q", bytes(8 * size))
        for key in values:
            if not key:
                continue
            i = key & mask
            while table[i]:
                i = (i + 1) & mask
            table[i] = key
        self._every = every

    def __contains__(self, word: object) -> bool:
        if self._every:
            return True
        key = hash(word)
        if not key:
            return self._zero
        table, mask = self._table, self._mask
        i = key & mask
        while found := table[i]:
            if found == key:
                return True
            i = (i + 1) & mask
        return False

    def __len__(self) -> int:
        return self._count


def _fold_lower(text: str) -> str:
    """:func:`bot.textnorm.fold` of words already in lower case (wordfreq's), much faster:
    Turkish letters and accents plain; other scripts go (no folded question word has them)."""
    for letter, plain in _LOWER_TURKISH:  # str.replace is much faster than str.translate here
        text = text.replace(letter, plain)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _folded_buckets(zipf: float, langs: tuple[str, ...]) -> Iterator[list[str]]:
    """The folded words of ``langs`` at least as frequent as ``zipf``, a frequency at a
    time (streamed: the lists are never all in memory). Raises OSError or ValueError
    when a list cannot be read."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("wordfreq is not installed")
    folder = Path(spec.submodule_search_locations[0]) / "data"
    for lang in langs:
        with gzip.open(folder / f"small_{lang}.msgpack.gz", "rb") as file:
            unpacker = msgpack.Unpacker(file, raw=False)
            size = unpacker.read_array_header()
            header = unpacker.unpack()
            if not isinstance(header, dict) or header.get("format") != "cB":
                raise ValueError(f"unexpected header {header!r}")
            # The list at index i (after the header) holds the words at -i centibels: zipf 9 - i/100.
            for _ in range(min(size - 1, round((9 - zipf) * 100) + 1)):
                bucket = unpacker.unpack()
                if bucket:
                    yield _fold_lower(" ".join(bucket)).split()


def frequent_words(zipf: float = COMMON_ZIPF, langs: tuple[str, ...] = LANGS) -> list[str] | None:
    """The folded words of ``langs`` at least as frequent as ``zipf``; None, and a warning
    logged, when a list cannot be read."""
    try:
        return [word for bucket in _folded_buckets(zipf, langs) for word in bucket]
    except (OSError, ValueError, msgpack.UnpackException) as exc:
        log.warning("Spelling: no word frequencies (%s); typos are left as they are", exc)
        return None


@lru_cache(maxsize=4)
def common_words(zipf: float = COMMON_ZIPF, langs: tuple[str, ...] = LANGS) -> CommonWords:
    """The common words as a compact set (read once per process). When they cannot be
    read every word counts as common: then nothing is corrected (a typo left is better
    than a word wrongly "corrected")."""
    try:
        hashes: set[int] = set()
        for bucket in _folded_buckets(zipf, langs):
            hashes.update(map(hash, bucket))
    except (OSError, ValueError, msgpack.UnpackException) as exc:
        log.warning("Spelling: no word frequencies (%s); typos are left as they are", exc)
        return CommonWords(every=True)
    return CommonWords(hashes)
