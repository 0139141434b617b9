"""Shared set-up of the 回音壁 tests: the sample community without its event series (their
reminders are not what these stories are about), the wall's time changeable."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from sqlalchemy import select

from bot.simulator import Simulator
from service.models import OutboxMessage
from service.settings import REPO_ROOT, Settings


def wall_settings(tmp_path: Path, time: str = "10:00") -> Settings:
    config = tmp_path / "config"
    shutil.copytree(REPO_ROOT / "config", config)
    events = yaml.safe_load((config / "events.yaml").read_text(encoding="utf-8"))
    events["series"] = []
    (config / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), "utf-8")
    wall = yaml.safe_load((config / "wall.yaml").read_text(encoding="utf-8"))
    wall["time"] = time
    (config / "wall.yaml").write_text(yaml.safe_dump(wall, allow_unicode=True), "utf-8")
    return Settings(config_dir=config)


def digests(sim: Simulator, group: str) -> list[str]:
    """The 回音壁 digests queued for `group`, oldest first."""
    with sim.core.factory() as session:
        rows = session.scalars(
            select(OutboxMessage.text)
            .where(OutboxMessage.group_name == group, OutboxMessage.idempotency_key.like("wall:%"))
            .order_by(OutboxMessage.id)
        )
        return list(rows)
