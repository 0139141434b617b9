"""Random and hostile chat messages through the router, and what must hold afterwards: no
message fails inside the bot, and every ticket the bot told a resident about exists.

Used by tests/test_hostile_messages.py (a small seeded run) and bench/bench_hostile_messages.py
(10,000 messages)."""

from __future__ import annotations

import logging
import random
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.messages import InboundMessage
from bot.router import FAILURE_REPLY, MAX_TEXT_CHARS
from bot.simulator import Simulator
from service.models import OutboxMessage, Ticket

RESIDENT_ROOMS = [f"{n}号楼居民群" for n in range(1, 7)] + ["幸福里业主群"]
STAFF = {
    "3号楼党小组": "刘志强",
    "5号楼党小组": "周海",
    "第一网格党支部群": "李网格长",
    "社区党委工作群": "王书记",
    "物业服务中心群": "钱经理",
}
UNBOUND_ROOM = "陌生人的群"

REPORTS = [
    "{b}号楼{u}单元楼道灯坏了好几天了",
    "{b}号楼电梯又停了，老人下不了楼",
    "{b}号楼{u}单元{r}室楼上漏水，天花板在滴水",
    "{b}号楼门口垃圾好几天没人清",
    "{b}号楼下水道堵了 一股臭味",
    "{b}号楼{u}单元有人半夜装修，太吵了",
    "请问{b}号楼什么时候停水",
    "{b}号楼楼下的路灯不亮了",
    "{b}号楼{u}单元的防盗门坏了关不上",
    "救命 {b}号楼{u}单元电梯里有人被困",
]
TRADITIONAL = [
    "{b}號樓{u}單元樓道燈壞了好幾天了",
    "{b}號樓電梯又停了，老人下不了樓",
    "請問{b}號樓什麼時候停水",
]
STAFF_WORDS = [
    "#{n} 接单",
    "#{n} 已处理 换了灯泡",
    "#{n} 转 物业",
    "#{n} 转 网格",
    "#{n} 备注 已联系电工",
    "#{n} 重复 #{m}",
    "#{n} 非职责 属于城管，请拨打12345",
    "#{n} 复杂",
    "#{n} 收回",
    "#{n} 改类 噪音",
    "#{n} 非紧急",
    "工单 #{n}",
    "待办",
    "统计",
]
RESIDENT_WORDS = ["满意", "不满意 还是没修好", "谢谢", "撤销 #{n}", "不是同一件事", "进度 #{n}"]
INJECTIONS = [
    "'; DROP TABLE tickets; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "{{7*7}}{% raw %}",
    "${jndi:ldap://x/a}",
    "%s%s%s%n",
    "../../../../etc/passwd",
    "\\u0000\\x00",
    "Robert'); DELETE FROM ticket_events;--",
]
ODD_NUMBERS = [
    "#999999 已处理",
    "#² 已处理",
    "工单 #²",
    "#0 接单",
    "#-1 接单",
    "#99999999999999999999999 已处理",
    "#１２ 接单",
    "#1.5 已处理",
    "#١ 已处理",
    "# 接单",
    "##1 转 物业",
    "#1#2#3 重复",
]
EMOJI = ["👍", "😀😀😀", "🏠🔥🚒", "🙏" * 50, "👨‍👩‍👧‍👦", "🇨🇳"]
CONTROL = ["\x00", "\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "\r\n", "\t", "\x7f"]


@dataclass(frozen=True)
class Message:
    kind: str
    room: str | None  # None: a private chat with the bot
    sender: str
    text: str


def messages(seed: int, count: int) -> Iterator[Message]:
    """`count` messages from a seeded generator; the same seed gives the same messages."""
    rnd = random.Random(seed)
    made = 0

    def num() -> int:
        return rnd.choice([1, 2, 3, rnd.randint(1, made + 2), rnd.randint(1, 10**6)])

    def report() -> str:
        tpl = rnd.choice(REPORTS)
        return tpl.format(b=rnd.randint(1, 6), u=rnd.randint(1, 4), r=rnd.randint(101, 1802))

    def resident() -> tuple[str, str]:
        return rnd.choice(RESIDENT_ROOMS), f"居民{rnd.randint(1, 300)}"

    kinds = [
        ("report", 30),
        ("traditional", 4),
        ("empty", 3),
        ("huge", 2),
        ("emoji", 4),
        ("control", 6),
        ("injection", 5),
        ("odd_number", 6),
        ("resident_staff_words", 8),
        ("resident_words", 6),
        ("staff_words", 14),
        ("private", 3),
        ("unbound", 2),
        ("noise", 7),
    ]
    names = [k for k, _ in kinds]
    weights = [w for _, w in kinds]
    while made < count:
        kind = rnd.choices(names, weights)[0]
        room, sender = resident()
        if kind == "report":
            text = report() + f" 第{made}条"
        elif kind == "traditional":
            text = rnd.choice(TRADITIONAL).format(b=rnd.randint(1, 6), u=rnd.randint(1, 4))
        elif kind == "empty":
            text = rnd.choice(["", " ", "\n", "　", "\u3000\u3000"])
        elif kind == "huge":
            size = rnd.choice([MAX_TEXT_CHARS - 1, MAX_TEXT_CHARS, MAX_TEXT_CHARS + 1, 200_000])
            text = (report() * (size // 10 + 1))[:size]
        elif kind == "emoji":
            text = rnd.choice(EMOJI)
        elif kind == "control":
            chars = [rnd.choice(CONTROL) for _ in range(rnd.randint(1, 4))]
            text = report()
            for c in chars:
                at = rnd.randint(0, len(text))
                text = text[:at] + c + text[at:]
        elif kind == "injection":
            text = rnd.choice(INJECTIONS) + rnd.choice(["", " " + report()])
        elif kind == "odd_number":
            text = rnd.choice(ODD_NUMBERS)
            if rnd.random() < 0.5:
                room, sender = rnd.choice(list(STAFF.items()))
        elif kind == "resident_staff_words":
            text = rnd.choice(STAFF_WORDS).format(n=num(), m=num())
        elif kind == "resident_words":
            text = rnd.choice(RESIDENT_WORDS).format(n=num())
        elif kind == "staff_words":
            room, sender = rnd.choice(list(STAFF.items()))
            text = rnd.choice(STAFF_WORDS).format(n=num(), m=num())
        elif kind == "private":
            room = None
            text = rnd.choice([report(), "待办", "#1 已处理", "认证 123456", "你好"])
        elif kind == "unbound":
            room = UNBOUND_ROOM
            text = rnd.choice([report(), "绑定", "#1 接单"])
        else:
            text = "".join(chr(rnd.randint(0x20, 0x2FFF)) for _ in range(rnd.randint(1, 40)))
        yield Message(kind, room, sender, text)
        made += 1


ACK = re.compile(r"已收到您反映的问题（工单 #(\d+)")
JOINED = re.compile(r"已有居民反映过（工单 #(\d+)")


@dataclass
class Outcome:
    sent: int = 0
    failures: list[tuple[Message, str]] = field(default_factory=list)
    acknowledged: dict[int, str] = field(default_factory=dict)  # ticket → reporter
    lost: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)


# Inputs another change of issue 12 (item 14: control characters, `#²`) makes safe; until it is
# merged they fail inside the bot, which the test records as an expected failure.
class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run(sim: Simulator, stream: Iterator[Message]) -> Outcome:
    """Each message through the router as the chat would deliver it; what the router queued for
    it is read from the outbox (sending, paced for WeChat, is not what is tried here)."""
    outcome = Outcome()
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        for message in stream:
            before = len(errors.records)
            message_id = f"h-{uuid.uuid4().hex}"
            sim.router.handle(
                InboundMessage(
                    message_id=message_id,
                    sender_id=message.sender,
                    sender_name=message.sender,
                    text=message.text,
                    room_id=message.room,
                    room_topic=message.room,
                )
            )
            said = _queued(sim, message_id)
            outcome.sent += 1
            outcome.kinds[message.kind] += 1
            failed = [r.getMessage() for r in errors.records[before:]]
            failed += [text for text, _ in said if FAILURE_REPLY in text]
            if failed:
                outcome.failures.append((message, failed[0]))
            for reply, told in said:
                if message.sender not in told:
                    continue
                for number in ACK.findall(reply):
                    outcome.acknowledged[int(number)] = message.sender
                for number in JOINED.findall(reply):
                    if not _follows(sim, int(number), message.sender):
                        outcome.lost.append(f"#{number} joined by {message.sender}, not stored")
    finally:
        logging.getLogger().removeHandler(errors)
    outcome.lost += lost_tickets(sim, outcome)
    return outcome


def _queued(sim: Simulator, message_id: str) -> list[tuple[str, set[str]]]:
    """What the router queued because of one message: each text and who it mentions."""
    stmt = select(OutboxMessage.text, OutboxMessage.mentions).where(
        OutboxMessage.idempotency_key.like(f"in:{message_id}:%")
    )
    with sim.core.factory() as session:
        rows = session.execute(stmt.order_by(OutboxMessage.id)).all()
    return [(text, {str(m["id"]) for m in mentions or ()}) for text, mentions in rows]


def _follows(sim: Simulator, number: int, sender: str) -> bool:
    """Right after the answer (a later 不是同一件事 may take the resident off again)."""
    with sim.core.factory() as session:
        ticket = session.get(Ticket, number)
        if ticket is None:
            return False
        return ticket.reporter_id == sender or any(f.person_id == sender for f in ticket.followers)


def lost_tickets(sim: Simulator, outcome: Outcome) -> list[str]:
    """Acknowledged tickets that are not stored as told (tickets are never deleted)."""
    with sim.core.factory() as session:
        reporters = dict(session.execute(select(Ticket.id, Ticket.reporter_id)).all())
    return [
        f"#{number} acknowledged to {sender}, stored for {reporters.get(number)}"
        for number, sender in outcome.acknowledged.items()
        if reporters.get(number) != sender
    ]
