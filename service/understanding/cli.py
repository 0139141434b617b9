"""`hongqiao classify`: classify JSON lines from stdin, or evaluate a labelled file.

Usage:
  hongqiao classify                 one {"text": ...} object per stdin line → one result per line
  hongqiao classify --eval FILE     labelled lines (dev.jsonl format) → evaluation report

Blank input lines are skipped (no output line); every other bad line produces
{"error": "...", "line": N} in its place and the run goes on.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from service.understanding.classifier import Classifier
from service.understanding.evaluation import (
    Example,
    Prediction,
    evaluate,
    format_report,
    parse_example,
)

USAGE = "usage: hongqiao classify [--eval FILE]"
OUTPUT_FIELDS = (
    "category",
    "subcategory",
    "building",
    "unit",
    "room",
    "emergency",
    "emergency_level",
    "keywords",
    "summary",
    "reasons",
)


def _error_line(message: str, line: int) -> str:
    return json.dumps({"error": message, "line": line}, ensure_ascii=False)


def _text_of(raw: str) -> str:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    if "text" not in data:
        raise ValueError('missing "text" key')
    text = data["text"]
    if not isinstance(text, str):
        raise ValueError(f'"text" must be a string, got {type(text).__name__}')
    return text


def classify_stream(classifier: Classifier, stdin: TextIO, stdout: TextIO) -> int:
    for number, raw in enumerate(stdin, start=1):
        if not raw.strip():
            continue
        try:
            text = _text_of(raw)
        except ValueError as exc:
            stdout.write(_error_line(str(exc), number) + "\n")
            continue
        result = classifier.classify(text).as_dict()
        stdout.write(json.dumps({k: result[k] for k in OUTPUT_FIELDS}, ensure_ascii=False) + "\n")
    return 0


def evaluate_file(classifier: Classifier, path: str, stdout: TextIO, stderr: TextIO) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            raw_lines = handle.readlines()
    except FileNotFoundError:
        stderr.write(f"error: evaluation file not found: {path}\n")
        return 2
    except (OSError, UnicodeDecodeError) as exc:
        stderr.write(f"error: cannot read evaluation file {path}: {exc}\n")
        return 2
    examples: list[Example] = []
    skipped: list[str] = []
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        try:
            examples.append(parse_example(raw, number))
        except ValueError as exc:
            skipped.append(f"line {number}: {exc}")
    if not examples:
        stderr.write(f"error: no labelled examples in {path}\n")
        return 2
    predictions = []
    for example in examples:
        result = classifier.classify(example.text)
        predictions.append(
            Prediction(
                result.category,
                result.emergency,
                result.building,
                result.unit,
                result.room,
                result.emergency_level,
            )
        )
    stdout.write(format_report(evaluate(examples, predictions)) + "\n")
    if skipped:
        stdout.write(f"\nSkipped {len(skipped)} bad lines\n")
        stdout.writelines(f"  {problem}\n" for problem in skipped)
    return 0


def run_classify(
    argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO | None = None
) -> int:
    """Entry point for `hongqiao classify`; returns the process exit code."""
    errors = stderr if stderr is not None else sys.stderr
    if not argv:
        return classify_stream(Classifier.default(), stdin, stdout)
    if argv[0] in ("-h", "--help"):
        stdout.write(USAGE + "\n")
        return 0
    if argv[0] == "--eval":
        if len(argv) != 2:
            errors.write(f"error: --eval needs exactly one FILE\n{USAGE}\n")
            return 2
        return evaluate_file(Classifier.default(), argv[1], stdout, errors)
    errors.write(f"error: unknown argument {argv[0]!r}\n{USAGE}\n")
    return 2
