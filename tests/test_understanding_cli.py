"""`hongqiao classify` driven through run_classify with in-memory streams."""

from __future__ import annotations

import io
import json
from pathlib import Path

from service.understanding.cli import run_classify

DATA = Path(__file__).parent / "data"


def classify_lines(*lines: str) -> tuple[int, list[dict[str, object]]]:
    stdout = io.StringIO()
    code = run_classify([], io.StringIO("".join(line + "\n" for line in lines)), stdout)
    return code, [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_one_result_per_line_in_order() -> None:
    code, results = classify_lines(
        json.dumps({"text": "3号楼电梯坏了", "id": 7}),
        json.dumps({"text": "谢谢物业"}),
        json.dumps({"text": "5号楼着火了 快来人"}),
    )
    assert code == 0
    assert [r["category"] for r in results] == ["maintenance", "none", "emergency"]
    assert [r["emergency"] for r in results] == [False, False, True]
    assert results[0]["building"] == "3"
    for key in ("category", "subcategory", "building", "unit", "room", "emergency", "keywords"):
        assert key in results[0]
    assert "id" not in results[0]


def test_output_keeps_chinese_readable() -> None:
    stdout = io.StringIO()
    run_classify([], io.StringIO('{"text": "电梯坏了"}\n'), stdout)
    assert "电梯" in stdout.getvalue()


def test_bad_lines_get_error_objects_and_the_run_goes_on() -> None:
    code, results = classify_lines(
        "not json",
        "[1, 2]",
        json.dumps({"txt": "电梯坏了"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "电梯坏了"}),
    )
    assert code == 0
    assert [r.get("line") for r in results[:4]] == [1, 2, 3, 4]
    assert results[0]["error"].startswith("not valid JSON")
    assert results[1]["error"] == "expected a JSON object, got list"
    assert results[2]["error"] == 'missing "text" key'
    assert results[3]["error"] == '"text" must be a string, got int'
    assert results[4]["category"] == "maintenance"


def test_blank_lines_are_skipped() -> None:
    _, results = classify_lines("", json.dumps({"text": "收到"}), "   ")
    assert len(results) == 1
    assert results[0]["category"] == "none"


def test_eval_prints_every_section(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    rows = [
        {
            "text": "3号楼电梯坏了",
            "category": "maintenance",
            "building": "3",
            "unit": None,
            "room": None,
        },
        {"text": "谢谢", "category": "none", "building": None, "unit": None, "room": None},
        {"text": "着火了", "category": "emergency", "building": None, "unit": None, "room": None},
        {"text": "楼上天天跺脚", "category": "care", "building": None, "unit": None, "room": None},
    ]
    labelled.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\nbad\n")
    stdout = io.StringIO()
    assert run_classify(["--eval", str(labelled)], io.StringIO(), stdout) == 0
    report = stdout.getvalue()
    for section in (
        "Per category",
        "Confusion matrix",
        "Request vs none",
        "Emergency (either level): recall",
            "caught as emergency",
            "possible emergency (可能紧急)",
        "Place exact match",
        "Category accuracy: 0.750",
        "Misclassified (1)",
        "expected care, got dispute",
        "Skipped 1 bad lines",
    ):
        assert section in report


def test_eval_missing_file_fails_with_message(tmp_path: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_classify(["--eval", str(tmp_path / "nope.jsonl")], io.StringIO(), stdout, stderr)
    assert code != 0
    assert "not found" in stderr.getvalue()


def test_eval_unreadable_file_fails_with_message(tmp_path: Path) -> None:
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00bad")
    stderr = io.StringIO()
    assert run_classify(["--eval", str(binary)], io.StringIO(), io.StringIO(), stderr) != 0
    assert "cannot read" in stderr.getvalue()


def test_unknown_argument_is_an_error() -> None:
    stderr = io.StringIO()
    assert run_classify(["--frobnicate"], io.StringIO(), io.StringIO(), stderr) == 2
    assert "usage" in stderr.getvalue()
