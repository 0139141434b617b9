"""Shared set-up of the simulated stories of weeks and months (visits, 回音壁, 一事一议): the
sample community without its event series (their reminders are not what these stories are
about), with some top-level keys of other config files changed, and a simulator whose time
limits are checked hourly instead of every ten minutes, so a simulated month stays quick."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from bot.simulator import Simulator
from service.bootstrap import Core
from service.clock import FakeClock
from service.settings import Settings
from service.tickets import jobs as ticket_jobs
from tests.sample_config import config_copy, file_to_change


def story_settings(tmp_path: Path, **changes: dict[str, object]) -> Settings:
    """The sample config copied without event series; `wall={"time": "23:00"}` changes the
    key `time` of wall.yaml, and so on for any file (幸福里社区's own, else the street's)."""
    config = config_copy(tmp_path)
    for name, keys in {"events": {"series": []}, **changes}.items():
        path = file_to_change(config, f"{name}.yaml")
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.update(keys)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Settings(config_dir=config)


def story_sim(core: Core, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """The body of a `sim` fixture: time limits checked hourly."""
    monkeypatch.setattr(ticket_jobs, "SWEEP_EVERY", timedelta(hours=1))
    simulator = Simulator(core, clock)
    yield simulator
    simulator.close()
