"""Text from outside (forms, query strings, API bodies) as every database accepts it."""

from __future__ import annotations


def without_nul(text: str) -> str:
    """PostgreSQL refuses NUL characters in text; they carry no meaning for people anyway."""
    return text.replace("\x00", "")
