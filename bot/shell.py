"""`hongqiao shell`: the simulator in a terminal, interactive or driven by a script file."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from bot.messages import OutboundMessage
from bot.simulator import Simulator
from service.community import Community


class ScriptError(Exception):
    """A script line is malformed; the message names the line."""


@dataclass(frozen=True)
class ScriptMessage:
    line_no: int
    group: str
    sender: str
    text: str


def format_sent(message: OutboundMessage) -> str:
    text = message.rendered().replace("\r\n", "\n").replace("\n", " / ")
    return f"-> {message.room_id}: {text}"


def parse_script(lines: Iterable[str], community: Community) -> list[ScriptMessage]:
    """Check the whole script before running any of it, so a typo changes nothing."""
    parsed: list[ScriptMessage] = []
    warned: set[str] = set()
    for line_no, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("|", 2)
        if len(parts) != 3:
            raise ScriptError(f"line {line_no}: expected 'GROUP | SENDER | TEXT', got {line!r}")
        group, sender, text = parts[0].strip(), parts[1].strip(), parts[2].strip()
        if not group:
            raise ScriptError(f"line {line_no}: the group is empty")
        if community.group(group) is None and group not in warned:
            warned.add(group)
            print(
                f"hongqiao: line {line_no}: {group!r} is not a configured group; "
                "the bot reads it only once an admin binds it (绑定 …)",
                file=sys.stderr,
            )
        if not sender:
            raise ScriptError(f"line {line_no}: the sender is empty")
        parsed.append(ScriptMessage(line_no, group, sender, text))
    return parsed


async def run_script(simulator: Simulator, script: list[ScriptMessage], out: TextIO) -> None:
    for message in script:
        for sent in await simulator.say(message.group, message.sender, message.text):
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
        else:
            for sent in await simulator.say(group, sender, line):
                print(format_sent(sent), file=out, flush=True)
