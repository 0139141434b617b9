"""Understanding resident messages: category, subcategory, place, emergency and why."""

from service.understanding.classifier import Classifier
from service.understanding.model import CATEGORIES, REQUEST_CATEGORIES, Understanding

__all__ = ["CATEGORIES", "REQUEST_CATEGORIES", "Classifier", "Understanding"]
