"""What a resident's message is read as, for the tests of kinds of misreading."""

from __future__ import annotations

from service.understanding import Classifier


def category_and_level(text: str) -> tuple[str, str | None]:
    """The category and the emergency level (None, "possible" or "emergency") of the shipped
    reading."""
    understanding = Classifier.default().classify(text)
    return understanding.category, understanding.emergency_level
