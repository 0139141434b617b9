"""Shared set-up of the 回音壁 tests: the sample community without its event series (their
reminders are not what these stories are about), the wall's time changeable."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.simulator import Simulator
from service.models import OutboxMessage
from service.settings import Settings
from tests.story_support import story_settings


def wall_settings(tmp_path: Path, time: str = "10:00") -> Settings:
    return story_settings(tmp_path, wall={"time": time})


def digests(sim: Simulator, group: str) -> list[str]:
    """The 回音壁 digests queued for `group`, oldest first."""
    with sim.core.factory() as session:
        rows = session.scalars(
            select(OutboxMessage.text)
            .where(OutboxMessage.group_name == group, OutboxMessage.idempotency_key.like("wall:%"))
            .order_by(OutboxMessage.id)
        )
        return list(rows)
