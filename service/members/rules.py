"""The points rules and posts table, config/points.yaml, validated at start-up."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.community.yaml_source import config_files, load_model
from service.settings import get_settings
from service.understanding.model import CATEGORY_LABELS_ZH

RULE_NAMES = (
    "meeting_attended",
    "meeting_leave",
    "meeting_absent",
    "volunteer_attended",
    "ticket_resolved",
    "ticket_satisfied",
    "ticket_reopened",
    "household_visit",
)
MANUAL = "manual"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule(_Strict):
    points: int = Field(ge=-100, le=100)
    label: str = Field(min_length=1, max_length=20)


class PointsRules(_Strict):
    rules: dict[str, Rule]
    absence_after_hours: int = Field(default=24, ge=0, le=24 * 30)
    bulletin_top: int = Field(default=5, ge=1, le=50)
    ranking_top: int = Field(default=10, ge=1, le=100)
    max_adjustment: int = Field(default=10, ge=1, le=100)
    posts: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    @field_validator("rules")
    @classmethod
    def _every_rule(cls, value: dict[str, Rule]) -> dict[str, Rule]:
        missing = [name for name in RULE_NAMES if name not in value]
        unknown = [name for name in value if name not in RULE_NAMES]
        if missing or unknown:
            raise ValueError(
                f"rules must be exactly {', '.join(RULE_NAMES)}"
                f" (missing: {missing or 'none'}, unknown: {unknown or 'none'})"
            )
        return value

    @field_validator("posts")
    @classmethod
    def _known_categories(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        known = set(CATEGORY_LABELS_ZH.values())
        for post, categories in value.items():
            wrong = [c for c in categories if c not in known]
            if wrong:
                raise ValueError(f"post {post}: unknown ticket categories {wrong}")
        return value

    def rule(self, name: str) -> Rule:
        return self.rules[name]

    def post_categories(self, post: str) -> tuple[str, ...]:
        """The ticket categories (code names) a post is told about."""
        codes = {label: code for code, label in CATEGORY_LABELS_ZH.items()}
        return tuple(codes[c] for c in self.posts.get(post, ()))


def load_points_rules(config_dir: Path) -> PointsRules:
    return load_model(config_files(config_dir, "points.yaml"), PointsRules)


@cache
def _rules_in(config_dir: Path) -> PointsRules:
    return load_points_rules(config_dir)


_active: list[PointsRules] = []


def use_rules(rules: PointsRules) -> None:
    """Called by `open_core` with the rules it validated at start-up."""
    _active[:] = [rules]


def current_rules() -> PointsRules:
    """The rules loaded at start-up (the flows that award points are called without the config
    directory); without a start-up, those of HONGQIAO_CONFIG_DIR."""
    return _active[0] if _active else _rules_in(get_settings().config_dir)
