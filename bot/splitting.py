"""Long texts are sent as several messages, cut on line boundaries."""

from __future__ import annotations

from collections.abc import Callable


def split_text(text: str, limit: int, size: Callable[[str], int] = len) -> list[str]:
    """Cut text into parts of at most `limit` (measured by `size`), keeping whole lines where
    possible; a single line longer than the limit is cut inside the line."""
    if size(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if size(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        while size(line) > limit:
            cut = _fit(line, limit, size)
            parts.append(line[:cut])
            line = line[cut:]
        current = line
    if current:
        parts.append(current)
    return parts


def _fit(line: str, limit: int, size: Callable[[str], int]) -> int:
    """The longest prefix length of line that fits (at least one character)."""
    low, high = 1, len(line)
    while low < high:
        mid = (low + high + 1) // 2
        if size(line[:mid]) <= limit:
            low = mid
        else:
            high = mid - 1
    return low
