"""schemathesis drives every operation of the OpenAPI schema: no input may cause a server error."""

from __future__ import annotations

import asyncio

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from bot.simulator import Simulator
from tests.web_support import Web, make_web


@pytest.fixture
def api_web(sim: Simulator) -> Web:
    for group, sender, text in [
        ("3号楼居民群", "张阿姨", "2单元楼道灯坏了好几天了"),
        ("5号楼居民群", "王奶奶", "5号楼电梯又坏了"),
        ("6号楼居民群", "孙大爷", "电梯里有人被困"),
    ]:
        asyncio.run(sim.say(group, sender, text))
    web = make_web(sim)
    web.add_staff("wang", "community", person="王书记")
    return web


def test_no_input_causes_a_server_error(api_web: Web) -> None:
    # schemathesis' own pytest plugin does not run under this pytest version, so each
    # operation's case strategy is driven through Hypothesis directly.
    schema = schemathesis.openapi.from_asgi("/openapi.json", api_web.app)
    auth = api_web.token("wang")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def call(case: schemathesis.Case) -> None:
            response = case.call(headers=auth)
            where = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, f"{where}: {response.text}"
            if response.status_code >= 400 and case.path.startswith("/api/"):
                assert response.headers["content-type"] == ["application/problem+json"], where

        call()


@pytest.mark.parametrize(
    ("query", "every"),
    [
        ("since=0001-01-01", True),
        ("until=9999-12-31", True),
        ("since=9999-12-31", False),
        ("until=0001-01-01", False),
    ],
)
def test_a_day_at_the_end_of_the_calendar_is_a_filter_not_a_server_error(
    api_web: Web, query: str, every: bool
) -> None:
    """schemathesis found "since=0001-01-01" a server error (its local midnight overflowed in
    UTC): the days at either end of the calendar filter as the nearest day that does not."""
    client = api_web.client()
    auth = api_web.token("wang")
    response = client.get(f"/api/v1/tickets?{query}", headers=auth)
    assert response.status_code == 200, response.text
    total = client.get("/api/v1/tickets", headers=auth).json()["total"]
    assert response.json()["total"] == (total if every else 0), response.text
