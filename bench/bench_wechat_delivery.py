"""How fast the bot handles a burst on the real Wechaty class (FakePuppet at the edge), with the
send pace set to zero so the figure is the bot's own cost per message, not the safety pacing."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.bootstrap import open_core
from service.clock import FakeClock
from service.models import SeenMessage
from service.settings import REPO_ROOT, Settings
from tests.wechat_fakes import RecordingPuppet, connect, live_bot, until

REPORTS = 300


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            config_dir=REPO_ROOT / "config", send_interval_seconds=1e-9, send_jitter_seconds=0
        )
        core = open_core(settings, database_url=f"sqlite:///{tmp}/bench.db", fresh=True)
        clock = FakeClock()
        puppet = RecordingPuppet(clock)
        for n in range(20):
            puppet.add_contact(f"c{n}", f"居民{n}")
        puppet.add_room("r3@chatroom", "3号楼居民群", [f"c{n}" for n in range(20)])
        puppet.add_room("p3@chatroom", "3号楼党小组", [])

        async def run() -> tuple[float, float]:
            live = live_bot(core, settings, puppet, clock)
            await connect(live)
            started = time.perf_counter()
            for n in range(REPORTS):
                puppet.inject(f"c{n % 20}", f"2单元楼道灯坏了 第{n}次反映", "r3@chatroom")

            def handled() -> bool:
                with core.factory() as session:
                    return session.query(SeenMessage).count() == REPORTS

            await until(handled, rounds=100_000)
            inbound = time.perf_counter() - started
            started = time.perf_counter()
            await live.dispatchers[0].drain()
            outbound = time.perf_counter() - started
            await live.stop()
            return inbound, outbound

        inbound, outbound = asyncio.run(run())
        sent = len(puppet.sent)
        print(
            f"inbound: {REPORTS} reports handled in {inbound:.2f} s "
            f"({inbound / REPORTS * 1000:.1f} ms each, SQLite)"
        )
        print(
            f"outbound: {sent} messages through Wechaty in {outbound:.2f} s "
            f"({outbound / sent * 1000:.1f} ms each, pacing off; the live pace is 1.5-2.0 s)"
        )
        core.engine.dispose()


if __name__ == "__main__":
    main()
