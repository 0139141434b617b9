"""Open the database and the community configuration the same way in every entry point."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from service.community import Community, load_community
from service.community.imports import with_latest_import
from service.db import migrate, session_factory, transaction
from service.events.config import EventsConfig, load_events
from service.members.rules import load_points_rules, use_rules
from service.models import Base
from service.settings import Settings
from service.street.config import SINGLE, load_street, with_street_group
from service.street.storage import community_engine, hold
from service.visits.config import load_households, use_households
from service.wall.config import load_wall_config, use_config


@dataclass(frozen=True)
class Core:
    community: Community
    engine: Engine
    factory: sessionmaker[Session]
    events: EventsConfig
    slug: str = SINGLE  # which community of the street (config/street.yaml)


def open_core(
    settings: Settings,
    database_url: str | None = None,
    fresh: bool = False,
    community: str | None = None,
    pooled: bool = True,
) -> Core:
    """Validate config, connect, optionally wipe, and migrate to the newest schema: for one
    community of the street (default: the first), in its own schema or file. Not `pooled`,
    the engine keeps no connection between uses (a street worker's)."""
    street = load_street(settings.config_dir)
    slug = street.default if community is None else community
    config_dir = street.community_dir(slug)
    loaded = load_community(config_dir)
    events = load_events(config_dir, loaded)
    # Points rules and the wall's timing are the street's, the same in every community.
    use_rules(load_points_rules(settings.config_dir))
    use_households(loaded, load_households(config_dir, loaded))
    use_config(load_wall_config(settings.config_dir))
    url = database_url or settings.database_url
    engine = community_engine(url, slug, street.is_first(slug), pooled)
    if fresh:
        wipe(engine)
    migrate(engine)
    factory = session_factory(engine)
    with transaction(factory) as session:
        if street.name is not None:
            hold(session, slug)
        loaded = with_latest_import(session, loaded)
    loaded = with_street_group(loaded, street)  # the street's, never the community's import
    return Core(loaded, engine, factory, events, slug)


def wipe(engine: Engine) -> None:
    """Drop every table this project owns (used by `--fresh` and the tests)."""
    Base.metadata.drop_all(engine)
    if inspect(engine).has_table("alembic_version"):
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
