"""Transcript tests: input lines `GROUP | SENDER | TEXT`, then the exact `-> GROUP: TEXT` lines the
bot must say in answer, in order. Lines starting with `#` are comments."""

from __future__ import annotations

import asyncio

from bot.shell import format_sent
from bot.simulator import Simulator


def verify_dialog(sim: Simulator, transcript: str) -> None:
    steps: list[tuple[str, list[str]]] = []
    for raw in transcript.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("->"):
            assert steps, f"expected output before any input: {line}"
            steps[-1][1].append(line)
        else:
            steps.append((line, []))

    async def run() -> None:
        for said, expected in steps:
            group, sender, text = (part.strip() for part in said.split("|", 2))
            got = [format_sent(m) for m in await sim.say(group, sender, text)]
            assert got == expected, f"after {said!r}:\n got: {got}\nwant: {expected}"

    asyncio.run(run())
