"""jieba's dictionary for the fast cut, without loading jieba at start-up.

jieba keeps its dictionary (about 500,000 words and word prefixes with their frequencies) in a
Python dict that it unmarshals from a cache on every start: half a second or more, and some
60 MB. The fast cut (matcher.py) only looks a fragment up when its own small cache of steps
misses, so here the same frequencies sit in a hash table packed in one bytes object instead:
built once from jieba's own dictionary, kept as a file in the temporary directory next to
jieba's cache, and read back in a few milliseconds (13 MB, not a memory map: a file cut
short under a map would crash the process). The file is named after a hash
of what it is built from (jieba's version and its dictionary file); a missing, stale or
unreadable file is rebuilt, and when it cannot be written the dictionary stays in memory.

The lexicon words are laid over it exactly as ``jieba.Tokenizer.add_word`` adds them (the word
with its frequency, each missing prefix with 0, every call adding to the total), so a lookup
gives what ``tokenizer.FREQ.get`` gives on a private tokenizer holding the lexicon
(tests/test_understanding_speed.py compares the cuts).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import logging
import os
import sys
import tempfile
import threading
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from zlib import crc32

logger = logging.getLogger(__name__)

FORMAT = b"hongqiao cut dictionary 2".ljust(32, b"\n")
_HEADER_KEY_BYTES = 32  # sha256 of what the table is built from
# The file: FORMAT, the key, the total, the slot count and the file's size (uint64), the
# slots (uint64: key offset << 32 | frequency; 0 is an empty slot), then the keys (a length
# byte, then the UTF-8 bytes).
# Numbers are in this machine's byte order (part of the key).
_MAX_LOAD = 0.5

Lookup = Callable[[str], "int | None"]

_build_lock = threading.Lock()
# Tables read in this process, by file: classifiers built from other lexicons share one.
_loaded: dict[Path, tuple[Lookup, int]] = {}


def _jieba_dictionary() -> Path:
    """jieba's dictionary file (``jieba.DEFAULT_DICT_NAME``), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _source_key() -> bytes:
    """What the table is built from: jieba's version and its dictionary file."""
    path = _jieba_dictionary()
    stat = path.stat()
    source = (
        f"{importlib.metadata.version('jieba')}|{path}|{stat.st_size}|{stat.st_mtime_ns}"
        f"|{sys.byteorder}"
    )
    return hashlib.sha256(FORMAT + source.encode()).digest()


def _cache_path(key: bytes) -> Path:
    return Path(tempfile.gettempdir()) / f"hongqiao-cut-{key.hex()[:16]}.bin"


class _Table:
    """A read-only open-addressing hash table (CRC-32, linear probing) in the file's bytes."""

    def __init__(self, data: bytes, key: bytes) -> None:
        head = len(FORMAT) + _HEADER_KEY_BYTES
        if data[: len(FORMAT)] != FORMAT or data[len(FORMAT) : head] != key:
            raise ValueError("not a table for this dictionary")
        numbers = memoryview(data)[head : head + 24].cast("Q")
        self.total, slots, size = int(numbers[0]), int(numbers[1]), int(numbers[2])
        start = head + 24
        end = start + 8 * slots
        if slots & (slots - 1) or len(data) != size or size < end:
            raise ValueError("truncated or damaged table")
        self._data = data
        self._slots = memoryview(data)[start:end].cast("Q")
        self._mask = slots - 1
        self._keys = end  # where the keys begin

    def get(self, word: str) -> int | None:
        key = word.encode()
        size = len(key)
        data, slots, mask = self._data, self._slots, self._mask
        i = crc32(key) & mask
        while True:
            slot = slots[i]
            if not slot:
                return None
            offset = self._keys + (slot >> 32)
            if data[offset] == size and data.startswith(key, offset + 1):
                return slot & 0xFFFFFFFF
            i = (i + 1) & mask


def _write(path: Path, key: bytes, freq: dict[str, int], total: int) -> None:
    slots_count = 1
    while slots_count * _MAX_LOAD < len(freq):
        slots_count *= 2
    mask = slots_count - 1
    slots = array("Q", bytes(8 * slots_count))
    keys = bytearray(b"\0")  # offset 0 marks an empty slot
    for word, count in freq.items():
        encoded = word.encode()
        if len(encoded) > 255 or not 0 <= count <= 0xFFFFFFFF:
            raise ValueError(f"cannot store {word!r} ({count})")
        i = crc32(encoded) & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = (len(keys) << 32) | count
        keys.append(len(encoded))
        keys += encoded
    if len(keys) > 0xFFFFFFFF:
        raise ValueError("dictionary too large")
    size = len(FORMAT) + len(key) + 24 + 8 * slots_count + len(keys)
    numbers = array("Q", [total, slots_count, size])
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.write(FORMAT + key)
            handle.write(numbers.tobytes())
            handle.write(slots.tobytes())
            handle.write(keys)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _open(path: Path, key: bytes) -> _Table | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _Table(data, key)
    except (ValueError, TypeError, IndexError):
        return None  # rebuilt by the caller


def _base() -> tuple[Lookup, int]:
    """Lookups in jieba's own dictionary and its total: from the file, built when needed."""
    with _build_lock:
        key = _source_key()
        path = _cache_path(key)
        if path not in _loaded:
            _loaded[path] = _read_or_build(path, key)
        return _loaded[path]


def _read_or_build(path: Path, key: bytes) -> tuple[Lookup, int]:
    table = _open(path, key)
    if table is not None:
        return table.get, table.total
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer: Any = jieba.Tokenizer()
    tokenizer.initialize()
    freq: dict[str, int] = tokenizer.FREQ
    total: int = tokenizer.total
    try:
        _write(path, key, freq, total)
    except (OSError, ValueError) as exc:
        logger.warning("cut dictionary kept in memory: cannot write %s: %s", path, exc)
        return freq.get, total
    table = _open(path, key)
    if table is None:
        return freq.get, total
    return table.get, table.total


class CutDictionary:
    """jieba's word frequencies with the lexicon words added as ``add_word`` adds them."""

    def __init__(self, added: Iterable[str], added_freq: int) -> None:
        base, total = _base()
        self._base = base
        self._added: dict[str, int] = {}
        for word in added:
            self._added[word] = added_freq
            total += added_freq
            for k in range(1, len(word)):
                prefix = word[:k]
                if prefix not in self._added and base(prefix) is None:
                    self._added[prefix] = 0
        self.total = total

    def get(self, fragment: str) -> int | None:
        count = self._added.get(fragment)
        return count if count is not None else self._base(fragment)
