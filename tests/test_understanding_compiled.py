"""The understanding step compiled with mypyc (service/understanding/compiled.py): used only
while it matches its source, and reading every labelled line exactly as the source does."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.understanding import compiled

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "bench" / "check_same_readings.py"

# Two runs over every labelled line (some 26,000), one of them in the slower Python source.
pytestmark = pytest.mark.timeout(600)


def _built_from(package: Path, target: Path) -> None:
    """A compiled directory whose manifest names ``package``'s source as it is now."""
    (target / "modules").mkdir(parents=True)
    manifest = {"python": compiled._python(), "sources": compiled._sources(package)}
    (target / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def package(tmp_path: Path) -> Path:
    copy = tmp_path / "understanding"
    shutil.copytree(compiled.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_compiled_modules_matching_their_source_come_first(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.PURE_PYTHON_ENV, raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))
    target = tmp_path / "built"
    _built_from(package, target)
    path = [str(package)]
    assert compiled.use_if_fresh(path, target, package)
    assert path == [str(target / "modules"), str(package)]
    assert str(target) in sys.path  # where mypyc's shared library is found


def test_an_edited_module_runs_from_its_source_with_a_warning_naming_it(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(compiled.PURE_PYTHON_ENV, raising=False)
    target = tmp_path / "built"
    _built_from(package, target)
    situations = package / "situations.py"
    situations.write_text(situations.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    path = [str(package)]
    with caplog.at_level(logging.WARNING, logger=compiled.__name__):
        assert not compiled.use_if_fresh(path, target, package)
    assert path == [str(package)]
    assert "source changed since the build: situations.py" in caplog.text
    assert "make compile" in caplog.text


def test_a_new_module_or_another_python_makes_the_build_stale(
    package: Path, tmp_path: Path
) -> None:
    target = tmp_path / "built"
    _built_from(package, target)
    assert compiled.stale_reason(target, package) is None
    (package / "new_reading.py").write_text("X = 1\n", encoding="utf-8")
    assert compiled.stale_reason(target, package) == (
        "source changed since the build: new_reading.py"
    )
    manifest = json.loads((target / compiled.MANIFEST).read_text(encoding="utf-8"))
    manifest["python"] = "cpython-310 3.10.0"
    (target / compiled.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert "built by another Python" in (compiled.stale_reason(target, package) or "")
    assert compiled.stale_reason(tmp_path / "never built", package) == "not built"


def test_pure_python_setting_runs_the_source_even_when_built(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "built"
    _built_from(package, target)
    monkeypatch.setenv(compiled.PURE_PYTHON_ENV, "1")
    path = [str(package)]
    assert not compiled.use_if_fresh(path, target, package)
    assert path == [str(package)]


def test_make_test_reads_messages_with_the_compiled_step() -> None:
    """`make test` compiles first and sets HONGQIAO_EXPECT_COMPILED: what is tested is what
    `make run` runs."""
    if os.environ.get("HONGQIAO_EXPECT_COMPILED") != "1":
        pytest.skip("not run by `make test` (the Python source may run)")
    assert compiled.in_use(), compiled.status()


def test_compiled_step_reads_every_labelled_line_as_the_python_source_does(
    tmp_path: Path,
) -> None:
    if not compiled.in_use():
        pytest.skip("the compiled step is not built here: " + compiled.status())
    source = tmp_path / "source.jsonl"
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    dumped = subprocess.run(
        [sys.executable, str(CHECK), "dump", str(source)],
        env={**env, compiled.PURE_PYTHON_ENV: "1"},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert dumped.returncode == 0, dumped.stdout + dumped.stderr
    env.pop(compiled.PURE_PYTHON_ENV, None)
    compared = subprocess.run(
        [sys.executable, str(CHECK), "compare", str(source)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert compared.returncode == 0, compared.stdout[-3000:] + compared.stderr[-3000:]
    assert compared.stdout.rstrip().endswith(" 0 differ")
    # Nothing failed inside the compiled code (a failure reads a message as no request).
    assert "understanding failed" not in compared.stderr
    assert "understanding failed" not in dumped.stderr


# Stub packages of the dev extra and the modules they type.
_STUBS = {"types-PyYAML": "yaml", "types-openpyxl": "openpyxl", "types-python-dateutil": "dateutil"}


def _imports_reached(start: list[Path], root: Path) -> set[str]:
    """The top-level names of every module imported from `start`, following imports of the
    project's own packages."""
    import ast

    seen: set[Path] = set()
    names: set[str] = set()
    todo = list(start)
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                else []
            )
            for module in modules:
                names.add(module.split(".")[0])
                if module.split(".")[0] in ("service", "bot"):
                    base = root / Path(*module.split("."))
                    todo += [base.with_suffix(".py"), base / "__init__.py"]
    return names


def test_make_run_installs_the_stubs_mypyc_needs_to_compile_the_understanding_step() -> None:
    """`make run` installs the `compile` extra only: mypyc type-checks every module the compiled
    ones import, so the stubs of those it reaches must be in that extra (without types-PyYAML a
    clean `make run` ran the Python source)."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    package = root / "service" / "understanding"
    reached = _imports_reached([package / f"{m}.py" for m in compiled.COMPILED_MODULES], root)
    needed = {stub for stub, module in _STUBS.items() if module in reached}
    assert needed, "the compiled modules reach yaml through the lexicon"
    assert needed <= {d.split(">")[0].split("=")[0] for d in extras["compile"]}, extras["compile"]
