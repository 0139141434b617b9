"""Run a scripted day (tests/data/day_*.txt) through the simulator and record, per line, what
happened: the ticket a message opened or joined, what the bot said and when.

Script lines are `hongqiao shell --script` lines with an expectation after ` ## `:
- `req:K` a request about problem K (messages with the same K are the same problem),
- `emg:K` an emergency about K,
- `none` chatter (no ticket), `signup` an event sign-up, `close` / `claim` a staff closing or
  claim in everyday words, `any` no expectation (ratings, answers, other staff commands).

Staff lines name tickets by the problem they are about, not by number, so the day keeps its
meaning when the classifier changes which messages open tickets: `#{W1}` is the ticket the
first `req:W1` (or `emg:W1`) message opened, `#{N1.2}` the second one opened for N1, `#{@60}`
the one the message on line 60 opened. A staff line naming a ticket that was never opened
(e.g. a merge of a second ticket that was joined instead) is skipped and marked so.

`python -m tests.day_script tests/data/day_1.txt` prints the whole day as `hongqiao shell` would."""

from __future__ import annotations

import asyncio
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.messages import OutboundMessage
from bot.shell import ClockDirective, ScriptMessage, format_sent, parse_line, run_line
from bot.simulator import Simulator
from service.bootstrap import open_core
from service.clock import FakeClock
from service.models import Ticket, TicketFollower
from service.settings import REPO_ROOT, Settings

TAG = " ## "
TICKET_BY_PROBLEM = re.compile(r"\{([A-Z@][0-9A-Z]*)(?:\.(\d+))?\}")


@dataclass
class Step:
    line_no: int
    raw: str
    tag: str | None  # None for @clock lines
    at: datetime
    said: list[OutboundMessage] = field(default_factory=list)
    opened: int | None = None  # ticket number opened by this message
    joined: int | None = None  # ticket number this message was attached to
    skipped: bool = False  # a staff line naming a ticket that was never opened

    @property
    def kind(self) -> str:
        return (self.tag or "").split(":", 1)[0]

    @property
    def key(self) -> str | None:
        head = (self.tag or "").split(" ", 1)[0]  # "emg:F2 classifier-miss" → F2
        return head.split(":", 1)[1] if ":" in head else None

    @property
    def sender(self) -> str:
        return self.raw.split("|")[1].strip() if "|" in self.raw else ""

    def lines(self) -> list[str]:
        return [format_sent(m) for m in self.said]


def _counts(sim: Simulator) -> tuple[int, int]:
    with sim.core.factory() as session:
        tickets = session.scalar(select(func.max(Ticket.id))) or 0
        followers = session.scalar(select(func.max(TicketFollower.id))) or 0
    return tickets, followers


def _follower_ticket(sim: Simulator, follower_id: int) -> int | None:
    with sim.core.factory() as session:
        follower = session.get(TicketFollower, follower_id)
        return follower.ticket_id if follower else None


def _resolve(text: str, opened_for: dict[str, list[int]]) -> str | None:
    """Staff text with each `{K}` / `{K.n}` replaced by its ticket number; None if one is
    unknown."""
    missing = False

    def number(match: re.Match[str]) -> str:
        nonlocal missing
        tickets = opened_for.get(match[1], [])
        nth = int(match[2] or 1)
        if len(tickets) < nth:
            missing = True
            return match[0]
        return str(tickets[nth - 1])

    resolved = TICKET_BY_PROBLEM.sub(number, text)
    return None if missing else resolved


def run_day(sim: Simulator, path: Path) -> list[Step]:
    steps: list[Step] = []
    opened_for: dict[str, list[int]] = {}

    async def run() -> None:
        for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text, _, tag = raw.partition(TAG)
            is_comment = text.lstrip().startswith("#")
            resolved = text if is_comment else _resolve(text, opened_for)
            if resolved is None:
                steps.append(
                    Step(line_no, text.strip(), tag.strip(), sim.clock.now(), skipped=True)
                )
                continue
            parsed = parse_line(line_no, resolved)
            if parsed is None:
                continue
            before = _counts(sim)
            said = await run_line(sim, parsed)
            after = _counts(sim)
            step = Step(
                line_no,
                resolved.strip(),
                tag.strip() if isinstance(parsed, ScriptMessage) else None,
                sim.clock.now(),
                said,
            )
            if isinstance(parsed, ScriptMessage):
                if after[0] > before[0]:
                    step.opened = after[0]
                    opened_for.setdefault(step.key or f"@{line_no}", []).append(after[0])
                elif after[1] > before[1]:
                    step.joined = _follower_ticket(sim, after[1])
            else:
                assert isinstance(parsed, ClockDirective)
            steps.append(step)

    asyncio.run(run())
    return steps


def main(argv: list[str]) -> int:
    """Print a scripted day as `hongqiao shell --script` would, on a fresh in-memory database."""
    core = open_core(Settings(config_dir=REPO_ROOT / "config"), "sqlite://", fresh=True)
    simulator = Simulator(core, FakeClock())
    try:
        for step in run_day(simulator, Path(argv[0])):
            if step.tag is None:
                continue
            print(f"{step.raw}{'  (skipped: no such ticket)' if step.skipped else ''}")
            for line in step.lines():
                print(f"  {line}")
    finally:
        simulator.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
