"""Staff corrections of a reading in chat: `#12 改类 矛盾调处`, `#12 非紧急`, `#12 紧急`,
`#12 非诉求`. The words come from config/corrections.yaml; the domain flow is
service/tickets/corrections.py (the ticket page calls the same flow)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot.context import Context
from service.errors import InvalidInput
from service.outbox import Notice
from service.tickets import corrections
from service.understanding import Classifier

CONFIG = Path(__file__).resolve().parents[2] / "config" / "corrections.yaml"
BAD_REF_REPLY = "工单编号应为数字，例如：#12 非紧急"


@dataclass(frozen=True)
class Grammar:
    pattern: re.Pattern[str]
    kind_of: dict[str, str]


@cache
def grammar(path: Path = CONFIG) -> Grammar:
    """The correction words of config/corrections.yaml as one pattern (longest word first)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = data.get("words") if isinstance(data, dict) else None
    if not isinstance(words, dict) or set(words) - set(corrections.KINDS):
        raise ValueError(f"{path}: key words: expected lists for {corrections.KINDS}")
    kind_of = {str(w): kind for kind, ws in words.items() for w in ws}
    alternation = "|".join(re.escape(w) for w in sorted(kind_of, key=len, reverse=True))
    pattern = re.compile(
        rf"^#\s*(?P<ref>\d{{1,10}}|\S*?)\s*(?P<word>{alternation})(?P<rest>.*)$", re.S
    )
    return Grammar(pattern, kind_of)


class CorrectionCommands:
    """Runs before the other ticket commands so that `#12 紧急` is not an unknown verb."""

    def __init__(self, classifier: Classifier) -> None:
        self.classifier = classifier

    def __call__(self, ctx: Context) -> list[Notice] | None:
        text = ctx.text.strip().replace("＃", "#")
        g = grammar()
        m = g.pattern.match(text)
        if m is None:
            return None
        kind = g.kind_of[m.group("word")]
        rest = m.group("rest").strip()
        if kind != corrections.RECATEGORISE and rest:
            return None  # `#12 紧急 处理一下` is not a correction: leave it to the others
        if not m.group("ref").isdigit():
            raise InvalidInput("ticket reference is not a number", BAD_REF_REPLY)
        reading = (
            corrections.parse_reading(self.classifier, rest)
            if kind == corrections.RECATEGORISE
            else None
        )
        outcome = corrections.correct_reading(
            ctx.session,
            ctx.community,
            self.classifier,
            int(m.group("ref")),
            ctx.actor,
            kind,
            ctx.now,
            reading,
        )
        return outcome.notices
