"""``python -m service.understanding.build_compiled [--status]``: compile the understanding
step with mypyc (``make compile``), or say whether the compiled modules are used."""

from __future__ import annotations

import logging
import sys

from service.understanding.compiled import COMPILED_MODULES, build, status


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--status"]:
        print("the understanding step runs as " + status())
        return 0
    if args:
        print("usage: python -m service.understanding.build_compiled [--status]", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target = build()
    print(f"compiled {len(COMPILED_MODULES)} understanding modules into {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
