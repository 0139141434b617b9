"""Metric computation for `classify --eval`, on hand-made predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.understanding.evaluation import (
    Example,
    Prediction,
    binary_scores,
    evaluate,
    format_report,
    parse_example,
    stratified_split,
)

DATA = Path(__file__).parent / "data"


def test_binary_scores() -> None:
    scores = binary_scores([(True, True), (True, False), (False, True), (False, False)])
    assert (scores.precision, scores.recall, scores.f1) == (0.5, 0.5, 0.5)
    assert binary_scores([(False, False)]).f1 == 0.0


def test_evaluate_counts_everything() -> None:
    examples = [
        Example("a", "maintenance", building="3"),
        Example("b", "maintenance", unit="2"),
        Example("c", "emergency"),
        Example("d", "none"),
    ]
    predictions = [
        Prediction("maintenance", False, building="3"),
        Prediction("none", False, unit="2"),
        Prediction("emergency", True),
        Prediction("emergency", True),
    ]
    report = evaluate(examples, predictions)
    assert report.accuracy == 0.5
    assert report.confusion["maintenance"] == {"maintenance": 1, "emergency": 0, "none": 1}
    maintenance = report.per_category["maintenance"]
    assert (maintenance.precision, maintenance.recall, maintenance.support) == (1.0, 0.5, 2)
    assert report.emergency.recall == 1.0
    assert report.emergency.precision == 0.5
    assert report.request_vs_none.recall == pytest.approx(2 / 3)
    assert report.request_vs_none.precision == pytest.approx(2 / 3)
    assert report.place_accuracy == {"building": 1.0, "unit": 1.0, "room": 1.0}
    assert [e.text for e, _ in report.errors] == ["b", "d"]
    text = format_report(report)
    assert "Category accuracy: 0.500" in text
    assert "Misclassified (2)" in text


def test_evaluate_rejects_length_mismatch() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        evaluate([Example("a", "none")], [])


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"category": "none"}', '"text"'),
        ('{"text": "x", "category": "spam"}', '"category"'),
    ],
)
def test_parse_example_errors(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_example(raw, 1)


def test_parse_example_reads_places_as_strings() -> None:
    example = parse_example('{"text": "x", "category": "none", "building": 3, "room": null}', 4)
    assert (example.building, example.room, example.line) == ("3", None, 4)


def test_saved_splits_are_the_documented_stratified_split() -> None:
    dev = (DATA / "understanding_dev.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    labels = {line: json.loads(line)["category"] for line in dev}
    tune, held_out = stratified_split(dev, labels)
    assert tune == (DATA / "understanding_tune.jsonl").read_text(encoding="utf-8").splitlines(
        keepends=True
    )
    assert held_out == (DATA / "understanding_heldout.jsonl").read_text(
        encoding="utf-8"
    ).splitlines(keepends=True)
    assert not set(tune) & set(held_out)
