"""`hongqiao shell`: the simulator in a terminal, interactive or driven by a script file."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from bot.messages import OutboundMessage
from bot.simulator import SimulationError, Simulator
from service.community import Community

CLOCK_DIRECTIVE = "@clock"
_RELATIVE = re.compile(r"^\+(?:(?P<d>\d{1,4})d)?(?:(?P<h>\d{1,5})h)?(?:(?P<m>\d{1,6})m)?$")
_ABSOLUTE = "%Y-%m-%d %H:%M"


class ScriptError(Exception):
    """A script line is malformed; the message names the line."""


@dataclass(frozen=True)
class ScriptMessage:
    line_no: int
    group: str
    sender: str
    text: str


@dataclass(frozen=True)
class ClockDirective:
    """`@clock +2h`, `@clock +3d`, `@clock +1d2h30m` or `@clock 2026-12-01 09:00` (local time)."""

    line_no: int
    spec: str

    def target(self, now: datetime, zone: ZoneInfo) -> datetime:
        relative = _RELATIVE.match(self.spec)
        if relative is not None and self.spec != "+":
            return now + timedelta(
                days=int(relative["d"] or 0),
                hours=int(relative["h"] or 0),
                minutes=int(relative["m"] or 0),
            )
        try:
            return datetime.strptime(self.spec, _ABSOLUTE).replace(tzinfo=zone)
        except ValueError:
            raise ScriptError(
                f"line {self.line_no}: expected '@clock +2h', '@clock +3d' or "
                f"'@clock 2026-12-01 09:00', got {self.spec!r}"
            ) from None


ScriptLine = ScriptMessage | ClockDirective


def format_sent(message: OutboundMessage) -> str:
    text = message.rendered().replace("\r\n", "\n").replace("\n", " / ")
    return f"-> {message.room_id}: {text}"


def parse_line(line_no: int, raw: str) -> ScriptLine | None:
    """One script line: a message, a clock directive, or None for blanks and `#` comments."""
    line = raw.rstrip("\r\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    if line.strip().startswith(CLOCK_DIRECTIVE):
        directive = ClockDirective(line_no, line.strip().removeprefix(CLOCK_DIRECTIVE).strip())
        directive.target(datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC")), ZoneInfo("UTC"))
        return directive
    parts = line.split("|", 2)
    if len(parts) != 3:
        raise ScriptError(f"line {line_no}: expected 'GROUP | SENDER | TEXT', got {line!r}")
    # A line break inside a message (a 接龙 list, a quote-reply) is written as \n.
    group, sender = parts[0].strip(), parts[1].strip()
    text = parts[2].strip().replace("\\n", "\n")
    if not group:
        raise ScriptError(f"line {line_no}: the group is empty")
    if not sender:
        raise ScriptError(f"line {line_no}: the sender is empty")
    return ScriptMessage(line_no, group, sender, text)


def parse_script(lines: Iterable[str], community: Community) -> list[ScriptLine]:
    """Check the whole script before running any of it, so a typo changes nothing."""
    parsed: list[ScriptLine] = []
    warned: set[str] = set()
    for line_no, raw in enumerate(lines, start=1):
        line = parse_line(line_no, raw)
        if line is None:
            continue
        unknown = isinstance(line, ScriptMessage) and community.group(line.group) is None
        if isinstance(line, ScriptMessage) and unknown and line.group not in warned:
            warned.add(line.group)
            print(
                f"hongqiao: line {line_no}: {line.group!r} is not a configured group; "
                "the bot reads it only once an admin binds it (绑定 …)",
                file=sys.stderr,
            )
        parsed.append(line)
    return parsed


async def run_line(simulator: Simulator, line: ScriptLine) -> list[OutboundMessage]:
    """Say one message, or move the clock running every job that falls due; returns the replies."""
    if isinstance(line, ScriptMessage):
        return await simulator.say(line.group, line.sender, line.text)
    zone = ZoneInfo(simulator.core.community.timezone)
    try:
        return await simulator.advance_to(line.target(simulator.clock.now(), zone))
    except SimulationError as exc:
        raise ScriptError(f"line {line.line_no}: {exc}") from exc


def start_time(script: list[ScriptLine], zone: ZoneInfo) -> datetime | None:
    """The time a script opens at (`@clock 2026-12-15 08:00` before any message), or None."""
    first = script[0] if script else None
    if not isinstance(first, ClockDirective) or _RELATIVE.match(first.spec):
        return None
    return first.target(datetime(2000, 1, 1, tzinfo=zone), zone)


def format_said(line: ScriptMessage, now: datetime) -> str:
    text = line.text.replace("\n", " / ")
    return f"<- {now:%m-%d %H:%M} {line.group} | {line.sender}: {text}"


async def run_script(
    simulator: Simulator, script: list[ScriptLine], out: TextIO, echo: bool = False
) -> None:
    """Run each line, printing what the bot sent; with `echo`, each message said before its
    replies (a transcript a tester reads line by line)."""
    for line in script:
        if echo and isinstance(line, ScriptMessage):
            print(format_said(line, simulator.clock.now()), file=out, flush=True)
        for sent in await run_line(simulator, line):
            print(format_sent(sent), file=out, flush=True)


async def interactive(simulator: Simulator, stdin: TextIO, out: TextIO) -> None:
    community = simulator.core.community
    group, sender = "3号楼居民群", "张阿姨"
    print("红桥模拟器：直接输入消息发送。", file=out)
    print("  /group 群名   切换群（/groups 查看全部）", file=out)
    print("  /as 姓名      切换发言人", file=out)
    print("  /quit         退出", file=out)
    while True:
        print(f"[{group} | {sender}] > ", end="", file=out, flush=True)
        line = stdin.readline()
        if not line or line.strip() == "/quit":
            return
        line = line.strip()
        if line == "/groups":
            print("  " + "、".join(g.name for g in community.groups), file=out)
        elif line.startswith("/group "):
            name = line.removeprefix("/group ").strip()
            if community.group(name) is None:
                print(f"  没有这个群：{name}", file=out)
            else:
                group = name
        elif line.startswith("/as "):
            sender = line.removeprefix("/as ").strip() or sender
        elif line.startswith(CLOCK_DIRECTIVE):
            print("  交互模式使用真实时间；@clock 只能在 --script 脚本里使用。", file=out)
        else:
            for sent in await simulator.say(group, sender, line):
                print(format_sent(sent), file=out, flush=True)
