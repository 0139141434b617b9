"""The community layout: grids, buildings, chat groups and the people in them."""

from service.community.config import Community, ConfigError, Group, Person, load_community

__all__ = ["Community", "ConfigError", "Group", "Person", "load_community"]
