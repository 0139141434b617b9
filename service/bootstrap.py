"""Open the database and the community configuration the same way in every entry point."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community, load_community
from service.community.imports import with_latest_import
from service.db import make_engine, migrate, session_factory
from service.events.config import EventsConfig, load_events
from service.members.rules import load_points_rules, use_rules
from service.models import Base
from service.settings import Settings
from service.visits.config import load_households, use_households
from service.wall.config import load_wall_config, use_config


@dataclass(frozen=True)
class Core:
    community: Community
    engine: Engine
    factory: sessionmaker[Session]
    events: EventsConfig


def open_core(settings: Settings, database_url: str | None = None, fresh: bool = False) -> Core:
    """Validate config, connect, optionally wipe, and migrate to the newest schema."""
    community = load_community(settings.config_dir)
    events = load_events(settings.config_dir, community)
    use_rules(load_points_rules(settings.config_dir))
    use_households(load_households(settings.config_dir, community))
    use_config(load_wall_config(settings.config_dir))
    engine = make_engine(database_url or settings.database_url)
    if fresh:
        wipe(engine)
    migrate(engine)
    factory = session_factory(engine)
    with factory() as session:
        community = with_latest_import(session, community)
    return Core(community, engine, factory, events)


def wipe(engine: Engine) -> None:
    """Drop every table this project owns (used by `--fresh` and the tests)."""
    Base.metadata.drop_all(engine)
    if inspect(engine).has_table("alembic_version"):
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
