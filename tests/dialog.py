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

from bot.shell import ScriptLine, format_sent, parse_line, run_line
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
        _rerecord(Path(inspect.stack()[1].filename), transcript, recorded)


def _rerecord(source: Path, transcript: str, recorded: list[list[str]]) -> None:
    """Replace the `->` lines of `transcript` in `source` with what was recorded."""
    out: list[str] = []
    answers = iter(recorded)
    indent = ""
    for line_no, raw in enumerate(transcript.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("->"):
            continue
        out.append(raw)
        indent = raw[: len(raw) - len(raw.lstrip())] or indent
        if line and parse_line(line_no, line) is not None:
            out.extend(f"{indent}{said}" for said in next(answers))
    text = source.read_text(encoding="utf-8")
    assert transcript in text, f"transcript not found verbatim in {source}"
    source.write_text(
        text.replace(transcript, "\n".join(out) + ("\n" if transcript.endswith("\n") else "")),
        encoding="utf-8",
    )
