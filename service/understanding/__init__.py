"""Understanding resident messages: category, subcategory, place, emergency and why."""

from service.understanding.compiled import use_if_fresh

# Before any module of the step is imported: the mypyc-compiled ones while they match the source.
use_if_fresh(__path__)

from service.understanding.classifier import Classifier  # noqa: E402
from service.understanding.model import CATEGORIES, REQUEST_CATEGORIES, Understanding  # noqa: E402

__all__ = ["CATEGORIES", "REQUEST_CATEGORIES", "Classifier", "Understanding"]
