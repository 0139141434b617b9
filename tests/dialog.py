"""Transcript tests: input lines `GROUP | SENDER | TEXT` or `@clock …` directives (the same
syntax and code as `hongqiao shell --script`), then the exact `-> GROUP: TEXT` lines the bot
must say in answer, in order. Lines starting with `#` are comments."""

from __future__ import annotations

import asyncio

from bot.shell import ScriptLine, format_sent, parse_line, run_line
from bot.simulator import Simulator


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

    async def run() -> None:
        for said, expected in steps:
            got = [format_sent(m) for m in await run_line(sim, said)]
            assert got == expected, f"after {said!r}:\n got: {got}\nwant: {expected}"

    asyncio.run(run())
