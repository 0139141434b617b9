"""10,000 random and hostile messages through the router (tests/hostile_messages.py): how many
failed inside the bot, how many tickets were acknowledged, whether any of them is missing.

    .venv/bin/python bench/bench_hostile_messages.py [COUNT] [SEED] [DATABASE_URL]

SQLite in a temporary file unless a database URL is given (it is wiped first)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.settings import REPO_ROOT, Settings
from tests.hostile_messages import messages, run

COUNT = 10_000
SEED = 2026


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else SEED
    with tempfile.TemporaryDirectory() as tmp:
        url = sys.argv[3] if len(sys.argv) > 3 else f"sqlite:///{tmp}/hostile.db"
        core = open_core(Settings(config_dir=REPO_ROOT / "config"), database_url=url, fresh=True)
        sim = Simulator(core, FakeClock())
        started = time.perf_counter()
        outcome = run(sim, messages(seed, count))
        seconds = time.perf_counter() - started
        sim.close()
        core.engine.dispose()
    print(f"{outcome.sent} messages (seed {seed}) in {seconds:.1f} s on {url.split(':')[0]}")
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in outcome.kinds.most_common()))
    print(f"tickets acknowledged: {len(outcome.acknowledged)}; lost: {len(outcome.lost)}")
    print(f"failed inside the bot: {len(outcome.failures)}")
    for message, why in outcome.failures[:20]:
        print(f"  FAILED {message.kind} {message.text[:60]!r}: {why[:120]}")
    for line in outcome.lost[:20]:
        print(f"  LOST {line}")
    return 1 if outcome.failures or outcome.lost else 0


if __name__ == "__main__":
    sys.exit(main())
