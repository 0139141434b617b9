"""Run a scripted day (tests/data/day_*.txt) through the simulator and record, per line, what
happened: the ticket a message opened or joined, what the bot said and when.

Script lines are `hongqiao shell --script` lines with an expectation after ` ## `:
- `req:K` a request about problem K (messages with the same K are the same problem),
- `emg:K` an emergency about K,
- `none` chatter (no ticket), `signup` an event sign-up, `close` / `claim` a staff closing or
  claim in everyday words, `any` no expectation (ratings, answers, other staff commands)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from bot.messages import OutboundMessage
from bot.shell import ClockDirective, ScriptMessage, format_sent, parse_line, run_line
from bot.simulator import Simulator
from service.models import Ticket, TicketFollower

TAG = " ## "


@dataclass
class Step:
    line_no: int
    raw: str
    tag: str | None  # None for @clock lines
    at: datetime
    said: list[OutboundMessage] = field(default_factory=list)
    opened: int | None = None  # ticket number opened by this message
    joined: int | None = None  # ticket number this message was attached to

    @property
    def kind(self) -> str:
        return (self.tag or "").split(":", 1)[0]

    @property
    def key(self) -> str | None:
        return self.tag.split(":", 1)[1] if self.tag and ":" in self.tag else None

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


def run_day(sim: Simulator, path: Path) -> list[Step]:
    steps: list[Step] = []

    async def run() -> None:
        for line_no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            text, _, tag = raw.partition(TAG)
            parsed = parse_line(line_no, text)
            if parsed is None:
                continue
            before = _counts(sim)
            said = await run_line(sim, parsed)
            after = _counts(sim)
            step = Step(
                line_no,
                text.strip(),
                tag.strip() if isinstance(parsed, ScriptMessage) else None,
                sim.clock.now(),
                said,
            )
            if isinstance(parsed, ScriptMessage):
                if after[0] > before[0]:
                    step.opened = after[0]
                elif after[1] > before[1]:
                    step.joined = _follower_ticket(sim, after[1])
            else:
                assert isinstance(parsed, ClockDirective)
            steps.append(step)

    asyncio.run(run())
    return steps
