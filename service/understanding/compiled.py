"""The understanding step compiled with mypyc, used only while it matches its source.

Every message goes through the modules in ``COMPILED_MODULES``; compiled with mypyc (part of
mypy, the type checker this code is already checked with) they read a message in about two
thirds of the time, with the same readings (``bench/check_same_readings.py``,
tests/test_understanding_compiled.py).

``python -m service.understanding.build_compiled`` (``make compile``, run by ``make run``,
``make test`` and ``make bench``) compiles them into ``<sys.prefix>/hongqiao-compiled/`` with a
manifest of the source they were built from: every module of this package and the Python that
built them. ``use_if_fresh`` (called by the package's ``__init__``) puts that directory first in
the package's ``__path__`` only while the manifest matches the source as it is now; after any
edit the source runs (slower, same readings) and a warning names the file that changed until
the next build (``--status`` says which runs). ``HONGQIAO_PURE_PYTHON=1`` always runs the
source.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
COMPILED_MODULES = (
    "normalise",
    "numerals",
    "places",
    "matcher",
    "evidence",
    "situations",
    "learned",
    "summary",
    "classifier",
)
GROUP = "hongqiao_understanding"  # mypyc's shared library: hongqiao_understanding__mypyc
MANIFEST = "manifest.json"
PURE_PYTHON_ENV = "HONGQIAO_PURE_PYTHON"


def compiled_dir() -> Path:
    """Beside the interpreter that built it (a virtual environment's own directory)."""
    return Path(sys.prefix) / "hongqiao-compiled"


def _python() -> str:
    return f"{sys.implementation.cache_tag} {sys.version}"


def _sources(package_dir: Path) -> dict[str, str]:
    """sha256 of every module of the package: compiled code also relies on the types of the
    modules it calls (the lexicon, the learned model), so any change makes it stale."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(package_dir.glob("*.py"))
    }


def stale_reason(target: Path, package_dir: Path = PACKAGE_DIR) -> str | None:
    """Why the compiled modules in ``target`` must not be used (None: they match the source)."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "not built"
    except (OSError, ValueError) as exc:
        return f"unreadable manifest ({exc})"
    if manifest.get("python") != _python():
        return f"built by another Python ({manifest.get('python')})"
    built = manifest.get("sources", {})
    now = _sources(package_dir)
    changed = sorted(n for n in set(built) | set(now) if built.get(n) != now.get(n))
    if changed:
        return "source changed since the build: " + ", ".join(changed)
    return None


def use_if_fresh(
    package_path: list[str], target: Path | None = None, package_dir: Path = PACKAGE_DIR
) -> bool:
    """Put the compiled modules first in the package's ``__path__`` when they match the
    source; True when they are used."""
    if os.environ.get(PURE_PYTHON_ENV) == "1":
        return False
    target = compiled_dir() if target is None else target
    reason = stale_reason(target, package_dir)
    if reason is not None:
        if reason != "not built":
            logger.warning(
                "compiled understanding modules in %s not used (%s); running the Python "
                "source, which reads the same but slower: run `make compile`",
                target,
                reason,
            )
        return False
    modules = str(target / "modules")
    if modules not in package_path:
        package_path.insert(0, modules)
    if str(target) not in sys.path:
        sys.path.append(str(target))  # the shared library the compiled modules load
    return True


def in_use() -> bool:
    """Whether this process reads messages with the compiled modules."""
    from service.understanding import classifier

    return not (classifier.__file__ or "").endswith(".py")


def status() -> str:
    """Which code reads messages in this process, in a sentence."""
    if in_use():
        return f"compiled with mypyc ({compiled_dir()})"
    if os.environ.get(PURE_PYTHON_ENV) == "1":
        return f"the Python source ({PURE_PYTHON_ENV}=1)"
    return f"the Python source ({stale_reason(compiled_dir())})"


def build(target: Path | None = None) -> Path:
    """Compile ``COMPILED_MODULES`` with mypyc into ``target`` (replaced whole, so a failed
    build leaves the last good one or none)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    target = compiled_dir() if target is None else target
    root = PACKAGE_DIR.parents[1]  # the directory holding the ``service`` package
    sources = _sources(PACKAGE_DIR)
    staging = Path(tempfile.mkdtemp(prefix="hongqiao-compiled-", dir=target.parent))
    cwd = Path.cwd()
    try:
        os.chdir(root)  # mypyc names modules by their path from here
        paths = [str(Path("service", "understanding", f"{m}.py")) for m in COMPILED_MODULES]
        extensions = mypycify(paths, opt_level="3", group_name=GROUP, target_dir=str(staging / "c"))
        dist = Distribution({"name": "hongqiao-understanding", "ext_modules": extensions})
        command = dist.get_command_obj("build_ext")
        command.build_lib = str(staging / "lib")
        command.build_temp = str(staging / "tmp")
        dist.run_command("build_ext")
    finally:
        os.chdir(cwd)
    out = staging / "out"
    (out / "modules").mkdir(parents=True)
    lib = staging / "lib"
    for shared in lib.glob(f"{GROUP}__mypyc*"):
        shutil.move(str(shared), out / shared.name)
    for module in (lib / "service" / "understanding").iterdir():
        shutil.move(str(module), out / "modules" / module.name)
    manifest = {"python": _python(), "modules": list(COMPILED_MODULES), "sources": sources}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    out.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
    return target
