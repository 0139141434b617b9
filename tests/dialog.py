"""Transcript tests: input lines `GROUP | SENDER | TEXT` or `@clock …` directives (the same
syntax and code as `hongqiao shell --script`), then the exact `-> GROUP: TEXT` lines the bot
must say in answer, in order. Lines starting with `#` are comments.

After an intended change of wording, `HONGQIAO_RERECORD=1 pytest tests/test_x.py` writes what
the bot now says into the transcripts of the tests it runs, in place; read the diff before
committing it."""

from __future__ import annotations

import asyncio
import inspect
import os
from pathlib import Path

from bot.shell import ScriptError, ScriptLine, format_sent, parse_line, run_line
from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock


def talk(core: Core, clock: FakeClock, transcript: str) -> None:
    """One community's bot (its own WeChat account) hears and answers these lines."""
    sim = Simulator(core, clock)
    try:
        verify_dialog(sim, transcript)
    finally:
        sim.close()


def verify_dialog(sim: Simulator, transcript: str) -> None:
    steps: list[tuple[ScriptLine, list[str]]] = []
    for line_no, raw in enumerate(transcript.strip().splitlines(), start=1):
        line = raw.strip()
        if line.startswith("->"):
            assert steps, f"expected output before any input: {line}"
            steps[-1][1].append(line)
            continue
        parsed = parse_line(line_no, line)
        if parsed is not None:
            steps.append((parsed, []))

    recorded: list[list[str]] = []

    async def run() -> None:
        for said, expected in steps:
            got = [format_sent(m) for m in await run_line(sim, said)]
            recorded.append(got)
            if not os.environ.get("HONGQIAO_RERECORD"):
                assert got == expected, f"after {said!r}:\n got: {got}\nwant: {expected}"

    asyncio.run(run())
    if os.environ.get("HONGQIAO_RERECORD"):
        caller = next(f for f in inspect.stack()[1:] if Path(f.filename) != Path(__file__))
        _rerecord(Path(caller.filename), caller.frame.f_code.co_firstlineno, steps, recorded)


def _rerecord(
    source: Path,
    first_line: int,
    steps: list[tuple[ScriptLine, list[str]]],
    recorded: list[list[str]],
) -> None:
    """Replace the `->` lines after each input line in `source` with what was recorded. A
    transcript may be put together from module constants and the test's own text: each input
    line is looked for from where the last one was found, in the calling test first
    (`first_line` on), else anywhere after it in the file."""
    lines = source.read_text(encoding="utf-8").split("\n")
    cursor = 0
    for (said, expected), got in zip(steps, recorded, strict=True):
        if got == expected:
            cursor = _find(lines, said, cursor, first_line - 1) + 1
            continue
        at = _find(lines, said, cursor, first_line - 1)
        end = at + 1
        while end < len(lines) and lines[end].strip().startswith("->"):
            end += 1
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at + 1 : end] = [f"{indent}{line}" for line in got]
        cursor = at + 1 + len(got)
    source.write_text("\n".join(lines), encoding="utf-8")


def _find(lines: list[str], said: ScriptLine, cursor: int, test_start: int) -> int:
    """The line of `said` at or after `cursor`: inside the calling test when there is one."""
    found = [i for i in range(cursor, len(lines)) if _says(lines[i].strip(), said)]
    assert found, f"input line {said!r} not found in the test file"
    if _in_constant(lines, found[0]):
        return found[0]  # a module constant the transcript starts with
    in_test = [i for i in found if i >= test_start]
    return in_test[0] if in_test else found[0]


def _says(line: str, said: ScriptLine) -> bool:
    """The source line is the script line `said` (any other line of Python is not)."""
    if not line or line.startswith("->"):
        return False
    try:
        return parse_line(said.line_no, line) == said
    except ScriptError:
        return False


def _in_constant(lines: list[str], index: int) -> bool:
    """The line lies in a module-level constant (an UPPER_CASE = \"\"\"… string)."""
    for i in range(index, -1, -1):
        line = lines[i]
        if line.startswith(("def ", "async def ", "class ", "@")):
            return False
        if line[:1].isupper() and " = " in line:
            return True
    return False
