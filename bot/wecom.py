"""WeCom (企业微信) group robots: a second outbound channel for staff groups kept on WeCom.

A community's wecom.yaml (config/communities/<slug>/wecom.yaml) names, per configured group,
the environment variable that holds the robot's webhook URL (the URL carries the robot's key,
a secret, so it never sits in a file):

    robots:
      - {group: 社区党委工作群, webhook_env: HONGQIAO_WECOM_COMMUNITY}

Every notice for such a group goes to its robot instead of WeChat. The official limit is 20
messages a minute per robot; a rate-limit answer (errcode 45009) slows that robot's sender down.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

import httpx2
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.gateway import DeliveryError, RateLimited
from bot.messages import OutboundMessage
from bot.pacing import Pace
from service.community import Community, ConfigError
from service.community.yaml_source import format_loc, line_of, load_yaml

log = logging.getLogger(__name__)

RATE_LIMITED = 45009
# 20 messages a minute per robot, with a little room to spare.
ROBOT_PACE = Pace(interval=3.0, jitter=0.3, rate_limit_pause=60.0)
MAX_CONTENT_BYTES = 2048  # WeCom's limit for a text message, in UTF-8 bytes


class WeComRobot(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    group: str = Field(min_length=1)
    webhook_env: str = Field(pattern=r"^[A-Z_][A-Z0-9_]*$")


class WeComConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    robots: tuple[WeComRobot, ...] = ()


def load_wecom(config_dir: Path, community: Community) -> WeComConfig:
    """Read the community's own wecom.yaml if it exists (robots post in its groups, so the
    street's config/ holds none); errors name the file, line and key."""
    path = config_dir / "wecom.yaml"
    if not path.exists():
        return WeComConfig()
    data, lines = load_yaml(path)
    try:
        config = WeComConfig.model_validate(data or {})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        raise ConfigError(_where(path, lines, loc) + err["msg"]) from exc
    seen: set[str] = set()
    for index, robot in enumerate(config.robots):
        loc = ("robots", index, "group")
        if community.group(robot.group) is None:
            raise ConfigError(
                _where(path, lines, loc) + f"{robot.group!r} is not a configured group"
            )
        if robot.group in seen:
            raise ConfigError(_where(path, lines, loc) + f"{robot.group!r} has two robots")
        seen.add(robot.group)
    return config


def _where(path: Path, lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> str:
    line = line_of(lines, loc)
    return f"{path}: {f'line {line}: ' if line else ''}{format_loc(loc)}: "


def webhook_url(robot: WeComRobot, environ: Mapping[str, str] = os.environ) -> str:
    url = environ.get(robot.webhook_env, "").strip()
    if not url:
        raise ConfigError(
            f"wecom.yaml: the robot for {robot.group} needs its webhook URL in the environment "
            f"variable {robot.webhook_env}"
        )
    return url


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8"))


class WeComGateway:
    """Posts text messages to one group robot's webhook."""

    def __init__(self, url: str, client: httpx2.AsyncClient | None = None) -> None:
        self._url = url
        self._client = client or httpx2.AsyncClient(timeout=10.0)

    async def send(self, message: OutboundMessage) -> None:
        body = {"msgtype": "text", "text": {"content": message.rendered()}}
        try:
            response = await self._client.post(self._url, json=body)
        except httpx2.HTTPError as exc:
            raise DeliveryError(f"WeCom webhook unreachable: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise DeliveryError(f"WeCom webhook answered HTTP {response.status_code}")
        try:
            answer = response.json()
            code = int(answer.get("errcode", -1))
        except (ValueError, AttributeError, TypeError) as exc:
            raise DeliveryError("WeCom webhook answered something that is not its JSON") from exc
        if code == 0:
            return
        detail = f"WeCom errcode {code}: {answer.get('errmsg', '')}"
        if code == RATE_LIMITED:
            raise RateLimited(detail)
        raise DeliveryError(detail)

    async def close(self) -> None:
        await self._client.aclose()
