"""Word-level evidence learned from labelled messages: a multinomial naive Bayes table.

The rules decide first and explain themselves. Where they find no request (or only a bare
question), this table weighs every word the message has: for each feature (a jieba token or a
pair of adjacent Chinese characters) it holds log P(feature | category), learned from the
labelled lines by ``python -m service.understanding.learn`` and stored as data in
``config/lexicon/learned.json``. A feature's evidence for a category over ``none`` is the
difference of two numbers in the table, so every learned decision names its top words and
their weights ("learned: 没拉 +1.4, 三天 +0.6 → maintenance").
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import filterfalse
from operator import add
from pathlib import Path
from typing import Any

from service.understanding.lexicon import LexiconError
from service.understanding.matcher import Tokens
from service.understanding.model import CATEGORIES

LEARNED_FILE = "learned.json"
FORMAT_VERSION = 1
# The learned request-vs-none reading (``python -m service.understanding.learn_request``).
REQUEST_FILE = "learned_request.json"
REQUEST_FORMAT_VERSION = 1


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def features(masked_text: str, tokens: Tokens) -> set[str]:
    """Tokens (not bare numbers) and adjacent Chinese character pairs of one message.

    Character pairs carry words the tokenizer splits or does not know (没拉 in 三天没拉了).
    ``masked_text`` is the normalised text with place words blanked, as the tokens were cut.
    """
    # Added one by one, in this order: the order the scores are summed in (set order).
    found = set(filterfalse(str.isdigit, tokens.words))
    for run in _CJK_RUN.findall(masked_text):
        found.update(map(add, run, run[1:]))  # run[i] + run[i + 1]: each pair in turn
    return found


@dataclass(frozen=True)
class Contribution:
    feature: str
    weight: float  # log-odds added for the category over the one it is compared with


@dataclass(frozen=True)
class LearnedModel:
    """Log prior and per-feature log likelihood of every category, in ``classes`` order."""

    classes: tuple[str, ...]
    prior: tuple[float, ...]
    table: dict[str, tuple[float, ...]]
    # Log-odds a learned request category needs over none (rules found nothing) and over
    # inquiry (rules found only a bare question); chosen by cross-validation at training time.
    margin_over_none: float
    margin_over_inquiry: float
    # A second opinion on what the rules decided (they are not sure on unseen wording): the
    # learned best category replaces the rules' one when it leads by this log-odds margin.
    # Chosen by cross-validation on lines the rules were never tuned on; inf = never.
    margin_override: float = float("inf")
    margin_to_none: float = float("inf")
    margin_to_emergency: float = float("inf")
    # The request-vs-none reading, when there is one: its word weights are one more column
    # of ``table`` (and its bias one more entry of ``prior``), so one lookup per feature
    # gives both readings; ``totals(...)[-1]`` is then its word score.
    request: RequestWeights | None = None

    def scores(self, found: Iterable[str]) -> tuple[list[float], list[str]]:
        """Log score per class and the features the table knows."""
        found = list(found)
        return self.totals(found), self.known(found)

    def totals(self, found: Iterable[str]) -> list[float]:
        """Log score per class: the prior plus the rows of the known features, in order."""
        rows = [self.prior, *filter(None, map(self.table.get, found))]
        # Every row has the prior's width (load_learned checks): zip need not check again.
        return list(map(sum, zip(*rows, strict=False)))

    def known(self, found: Iterable[str]) -> list[str]:
        """The features the table knows, in order."""
        return list(filter(self.table.__contains__, found))

    def best(self, scores: list[float], excluded: tuple[str, ...] = ()) -> str:
        """The class scoring highest (the first in ``classes`` on a tie), not ``excluded``."""
        classes = self.classes
        positions = [k for k, c in enumerate(classes) if c not in excluded]
        return classes[max(positions, key=scores.__getitem__)]

    def index(self, category: str) -> int:
        return self._positions[category]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {category: k for k, category in enumerate(self.classes)}

    def request_words(self, found: Iterable[str], sign: int, limit: int) -> list[tuple[str, int]]:
        """The features weighing most for request (sign 1) or none (sign -1), strongest first."""
        table = self.table
        items = [(f, int(table[f][-1])) for f in found if f in table]
        items = [(f, w) for f, w in items if w * sign > 0]
        items.sort(key=lambda item: (-item[1] * sign, item[0]))
        return items[:limit]

    def top_contributions(
        self, known: Iterable[str], category: str, against: str, limit: int = 4
    ) -> list[Contribution]:
        c, a = self.index(category), self.index(against)
        items = [Contribution(f, self.table[f][c] - self.table[f][a]) for f in known]
        items.sort(key=lambda item: (-item.weight, item.feature))
        return [item for item in items[:limit] if item.weight > 0]


@dataclass(frozen=True)
class RequestWeights:
    """A logistic reading of request (score > 0) against none, in integer units of 1/scale.

    Integers add exactly in any order, so the score does not depend on set order (and so
    not on PYTHONHASHSEED). ``words`` weigh the message's features (as naive Bayes sees
    them), ``rules`` weigh what the rules found (see ``classifier.request_rule_features``).
    """

    scale: int
    bias: int
    words: dict[str, int]
    rules: dict[str, int]
    # A message the rules (and naive Bayes) read as none becomes a request at a score of at
    # least ``to_request``; a request becomes none at a score of at most ``to_none``.
    # Chosen by cross-validation on the training lines; None: never.
    to_request: int | None
    to_none: int | None


def with_request(model: LearnedModel, request: RequestWeights | None) -> LearnedModel:
    """``model`` with the request-vs-none weights laid into its table as one more column."""
    if request is None or model.request is not None:
        return model
    zeros = (0.0,) * len(model.classes)
    # The rows are shared as in ``_shared_rows`` (keyed by the shared row's identity and the
    # integer weight: 5 and 5.0 are equal keys, and the new column must stay integers).
    rows: dict[tuple[int, int], tuple[float, ...]] = {}

    def extended(row: tuple[float, ...], weight: int) -> tuple[float, ...]:
        key = (id(row), weight)
        kept = rows.get(key)
        if kept is None:
            kept = rows[key] = (*row, weight)
        return kept

    words = request.words
    table = {f: extended(row, words.get(f, 0)) for f, row in model.table.items()}
    for feature, weight in words.items():
        if feature not in table:  # a feature naive Bayes has not seen: no evidence there
            table[feature] = extended(zeros, weight)
    return LearnedModel(
        model.classes,
        (*model.prior, request.bias),
        table,
        model.margin_over_none,
        model.margin_over_inquiry,
        model.margin_override,
        model.margin_to_none,
        model.margin_to_emergency,
        request,
    )


def dump_request(request: RequestWeights, path: Path, about: dict[str, Any]) -> None:
    data = {
        "format": REQUEST_FORMAT_VERSION,
        "about": about,
        "scale": request.scale,
        "bias": request.bias,
        "to_request": request.to_request,
        "to_none": request.to_none,
        "rules": dict(sorted(request.rules.items())),
        "words": dict(sorted(request.words.items())),
    }
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def _read_json(path: Path, what: str) -> Any:
    """The parsed file, or None when there is none; a file that cannot be read is named."""
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read {what}: {exc}") from exc


def load_request(directory: Path) -> RequestWeights | None:
    """The request-vs-none weights next to the lexicon, or None when there are none."""
    path = directory / REQUEST_FILE
    data = _read_json(path, "request weights")
    if data is None:
        return None
    try:
        if data["format"] != REQUEST_FORMAT_VERSION:
            raise ValueError(f"format {data['format']!r}, expected {REQUEST_FORMAT_VERSION}")
        words, rules = data["words"], data["rules"]
        if not all(type(v) is int for v in (*words.values(), *rules.values(), data["bias"])):
            raise ValueError("weights must be integers")
        to_request, to_none = data["to_request"], data["to_none"]
        return RequestWeights(
            int(data["scale"]),
            int(data["bias"]),
            {str(f): int(v) for f, v in words.items()},
            {str(f): int(v) for f, v in rules.items()},
            None if to_request is None else int(to_request),
            None if to_none is None else int(to_none),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LexiconError(
            f"{path}: invalid request weights ({exc});"
            " re-run python -m service.understanding.learn_request"
        ) from exc


def train_naive_bayes(
    examples: list[tuple[set[str], str]],
    alpha: float,
    margin_over_none: float = 0.0,
    margin_over_inquiry: float = 0.0,
    overrides: tuple[float, float, float] = (float("inf"), float("inf"), float("inf")),
    min_count: int = 1,
) -> LearnedModel:
    """Multinomial naive Bayes over present/absent features, Laplace-style smoothing ``alpha``."""
    classes = CATEGORIES
    counts: dict[str, list[int]] = {}
    per_class = [0] * len(classes)
    totals = [0] * len(classes)
    for found, label in examples:
        k = classes.index(label)
        per_class[k] += 1
        totals[k] += len(found)
        for feature in found:
            counts.setdefault(feature, [0] * len(classes))[k] += 1
    vocabulary = len(counts)
    n = len(examples)
    prior = tuple(math.log((per_class[k] + 1) / (n + len(classes))) for k in range(len(classes)))
    denominators = [math.log(totals[k] + alpha * vocabulary) for k in range(len(classes))]
    # A word seen in one line only is noise more than evidence, and it costs start-up time.
    table = {
        feature: tuple(math.log(row[k] + alpha) - denominators[k] for k in range(len(classes)))
        for feature, row in counts.items()
        if sum(row) >= min_count
    }
    return LearnedModel(classes, prior, table, margin_over_none, margin_over_inquiry, *overrides)


def dump_model(model: LearnedModel, path: Path, about: dict[str, Any]) -> None:
    data = {
        "format": FORMAT_VERSION,
        "about": about,
        "classes": list(model.classes),
        "prior": [round(v, 4) for v in model.prior],
        "margin_over_none": model.margin_over_none,
        "margin_over_inquiry": model.margin_over_inquiry,
        "margin_override": _finite(model.margin_override),
        "margin_to_none": _finite(model.margin_to_none),
        "margin_to_emergency": _finite(model.margin_to_emergency),
        "features": {f: [round(v, 3) for v in row] for f, row in sorted(model.table.items())},
    }
    path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def _finite(value: float) -> float | None:
    """JSON has no infinity: a margin that is never reached is written as null."""
    return None if math.isinf(value) else value


def _margin(data: dict[str, Any], key: str) -> float:
    value = data.get(key)
    return float("inf") if value is None else float(value)


def _shared_rows(table: dict[str, tuple[float, ...]]) -> dict[str, tuple[float, ...]]:
    """The same table with one tuple per distinct row and one object per distinct number.

    Most features share their row with others (seen once, in one category) and the rows hold
    a few hundred distinct numbers: shared, they keep the table small in memory and in the
    processor's caches. A row holding a zero keeps its own objects (0.0 and -0.0 are equal
    but do not add alike).
    """
    numbers: dict[float, float] = {}
    rows: dict[tuple[float, ...], tuple[float, ...]] = {}
    shared: dict[str, tuple[float, ...]] = {}
    for feature, row in table.items():
        if 0 in row:
            shared[feature] = row
            continue
        kept = rows.get(row)
        if kept is None:
            kept = rows[row] = tuple(numbers.setdefault(v, v) for v in row)
        shared[feature] = kept
    return shared


def load_learned(directory: Path) -> LearnedModel | None:
    """The learned table next to the lexicon, or None when there is none (rules only)."""
    path = directory / LEARNED_FILE
    data = _read_json(path, "learned weights")
    if data is None:
        return None
    try:
        if data["format"] != FORMAT_VERSION:
            raise ValueError(f"format {data['format']!r}, expected {FORMAT_VERSION}")
        classes = tuple(str(c) for c in data["classes"])
        if set(classes) != set(CATEGORIES) or len(classes) != len(CATEGORIES):
            raise ValueError(f"classes {classes!r} are not the categories {CATEGORIES!r}")
        width = len(classes)
        prior = tuple(float(v) for v in data["prior"])
        table = _shared_rows({f: tuple(row) for f, row in data["features"].items()})
        if len(prior) != width or any(len(row) != width for row in table.values()):
            raise ValueError("every row needs one number per class")
        if not all(isinstance(v, int | float) for v in next(iter(table.values()), ())):
            raise ValueError("rows must hold numbers")
        return LearnedModel(
            classes,
            prior,
            table,
            float(data["margin_over_none"]),
            float(data["margin_over_inquiry"]),
            _margin(data, "margin_override"),
            _margin(data, "margin_to_none"),
            _margin(data, "margin_to_emergency"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LexiconError(
            f"{path}: invalid learned weights ({exc}); re-run python -m service.understanding.learn"
        ) from exc
