"""Metrics for the understanding step, in the shape of an NLU evaluation report.

Pure functions over (expected, predicted) pairs so they can be tested without a classifier.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from service.understanding.model import CATEGORIES

PLACE_FIELDS = ("building", "unit", "room")


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Prediction:
    category: str
    emergency: bool
    building: str | None = None
    unit: str | None = None
    room: str | None = None
    # "emergency" or "possible" (可能紧急) when ``emergency`` is set.
    level: str | None = None


@dataclass(frozen=True)
class LevelCounts:
    """Emergencies caught at each level, and alarms raised at each level."""

    caught_emergency: int = 0
    caught_possible: int = 0
    missed: int = 0
    alarms_emergency: int = 0
    alarms_possible: int = 0
    false_emergency: int = 0
    false_possible: int = 0


@dataclass(frozen=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class BinaryScores:
    precision: float
    recall: float
    f1: float


@dataclass
class Report:
    total: int
    accuracy: float
    per_category: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]
    request_vs_none: BinaryScores
    emergency: BinaryScores
    place_accuracy: dict[str, float]
    errors: list[tuple[Example, Prediction]] = field(default_factory=list)
    levels: LevelCounts = field(default_factory=LevelCounts)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def binary_scores(pairs: Iterable[tuple[bool, bool]]) -> BinaryScores:
    """Precision, recall and F1 of the positive class from (expected, predicted) flags."""
    tp = fp = fn = 0
    for expected, predicted in pairs:
        tp += expected and predicted
        fp += predicted and not expected
        fn += expected and not predicted
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return BinaryScores(precision, recall, _f1(precision, recall))


def evaluate(examples: Sequence[Example], predictions: Sequence[Prediction]) -> Report:
    if len(examples) != len(predictions):
        raise ValueError("examples and predictions differ in length")
    labels = [c for c in CATEGORIES if any(e.category == c for e in examples)] or list(CATEGORIES)
    labels += sorted({p.category for p in predictions} - set(labels))
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(labels, 0) for g in labels}
    for example, prediction in zip(examples, predictions, strict=True):
        confusion.setdefault(example.category, dict.fromkeys(labels, 0))
        row = confusion[example.category]
        row[prediction.category] = row.get(prediction.category, 0) + 1

    per_category: dict[str, ClassScores] = {}
    for label in labels:
        tp = confusion.get(label, {}).get(label, 0)
        predicted = sum(row.get(label, 0) for row in confusion.values())
        support = sum(confusion.get(label, {}).values())
        precision, recall = _ratio(tp, predicted), _ratio(tp, support)
        per_category[label] = ClassScores(precision, recall, _f1(precision, recall), support)

    pairs = list(zip(examples, predictions, strict=True))
    correct = sum(e.category == p.category for e, p in pairs)
    place_accuracy = {
        name: _ratio(sum(getattr(e, name) == getattr(p, name) for e, p in pairs), len(pairs))
        for name in PLACE_FIELDS
    }
    return Report(
        total=len(pairs),
        accuracy=_ratio(correct, len(pairs)),
        per_category=per_category,
        confusion=confusion,
        request_vs_none=binary_scores(
            (e.category != "none", p.category != "none") for e, p in pairs
        ),
        emergency=binary_scores((e.category == "emergency", p.emergency) for e, p in pairs),
        place_accuracy=place_accuracy,
        errors=[(e, p) for e, p in pairs if e.category != p.category],
        levels=level_counts(pairs),
    )


def level_counts(pairs: Sequence[tuple[Example, Prediction]]) -> LevelCounts:
    """Recall counts either level as caught; precision counts both as alarms."""
    counts: Counter[str] = Counter()
    for e, p in pairs:
        level = (p.level or "emergency") if p.emergency else None
        truly = e.category == "emergency"
        if truly:
            counts["missed" if level is None else f"caught_{level}"] += 1
        if level is not None:
            counts[f"alarms_{level}"] += 1
            if not truly:
                counts[f"false_{level}"] += 1
    return LevelCounts(**counts)


def format_report(report: Report) -> str:
    lines = [f"Evaluated {report.total} messages", "", "Per category"]
    lines.append(f"  {'category':<12}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}")
    for label, s in report.per_category.items():
        lines.append(
            f"  {label:<12}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}{s.support:>9d}"
        )
    labels = list(report.confusion)
    lines += ["", "Confusion matrix (rows: expected, columns: predicted)"]
    lines.append("  " + " " * 12 + "".join(f"{label[:11]:>12}" for label in labels))
    for expected, row in report.confusion.items():
        cells = "".join(f"{row.get(label, 0):>12d}" for label in labels)
        lines.append(f"  {expected:<12}{cells}")
    rn, em, lv = report.request_vs_none, report.emergency, report.levels
    lines += [
        "",
        f"Category accuracy: {report.accuracy:.3f}",
        f"Request vs none: precision {rn.precision:.3f} recall {rn.recall:.3f} F1 {rn.f1:.3f}",
        f"Emergency (either level): recall {em.recall:.3f} precision {em.precision:.3f}"
        f" F1 {em.f1:.3f}",
        f"  caught as emergency {lv.caught_emergency}, as possible emergency (可能紧急)"
        f" {lv.caught_possible}, missed {lv.missed}",
        f"  alarms: emergency {lv.alarms_emergency} ({lv.false_emergency} false),"
        f" possible {lv.alarms_possible} ({lv.false_possible} false)",
        "Place exact match: "
        + ", ".join(f"{name} {acc:.3f}" for name, acc in report.place_accuracy.items()),
        "",
        f"Misclassified ({len(report.errors)})",
    ]
    for example, prediction in report.errors:
        got = prediction.category
        if prediction.emergency and prediction.level == "possible":
            got += " (possible)"
        lines.append(
            f"  line {example.line}: expected {example.category}, got {got}: {example.text}"
        )
    return "\n".join(lines)


def parse_example(raw: str, line: int) -> Example:
    """One labelled line (dev.jsonl format); raises ValueError with a precise message."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    text, category = data.get("text"), data.get("category")
    if not isinstance(text, str):
        raise ValueError('missing or non-string "text"')
    if category not in CATEGORIES:
        raise ValueError(f'"category" must be one of {", ".join(CATEGORIES)}')
    places: dict[str, str | None] = {}
    for name in PLACE_FIELDS:
        value = data.get(name)
        places[name] = None if value is None else str(value)
    return Example(text=text, category=category, line=line, **places)


def stratified_split(
    lines: Sequence[str], label_of: dict[str, str], held_out: float = 0.3, seed: int = 20240603
) -> tuple[list[str], list[str]]:
    """Deterministic split per label; both parts keep the input order.

    This is how tests/data/understanding_{tune,heldout}.jsonl were made from dev.jsonl.
    """
    by_label: dict[str, list[str]] = defaultdict(list)
    for item in lines:
        by_label[label_of[item]].append(item)
    rng = random.Random(seed)
    chosen: set[str] = set()
    for label in sorted(by_label):
        items = list(by_label[label])
        rng.shuffle(items)
        chosen.update(items[: round(len(items) * held_out)])
    tune = [item for item in lines if item not in chosen]
    return tune, [item for item in lines if item in chosen]


def label_counts(examples: Iterable[Example]) -> Counter[str]:
    return Counter(e.category for e in examples)
