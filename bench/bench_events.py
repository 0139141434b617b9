"""How fast the simulator runs a month of reminders from the sample config (SQLite)."""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.settings import REPO_ROOT, Settings


def main() -> None:
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(config_dir=REPO_ROOT / "config")
        core = open_core(settings, database_url=f"sqlite:///{Path(tmp) / 'bench.db'}", fresh=True)
        clock = FakeClock()
        started = time.perf_counter()
        sim = Simulator(core, clock)
        start_s = time.perf_counter() - started
        days = 30
        started = time.perf_counter()
        said = asyncio.run(sim.advance_to(clock.now() + timedelta(days=days)))
        month_s = time.perf_counter() - started
        sim.close()
        core.engine.dispose()
    print(f"simulator start (materialise + register jobs): {start_s * 1000:.0f} ms")
    print(f"{days} simulated days: {month_s:.2f} s, {len(said)} messages")
    print(f"per simulated day: {month_s / days * 1000:.0f} ms")
    print(f"per message: {month_s / len(said) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
