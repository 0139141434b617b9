"""The HTTP service answers health checks and serves the playground."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.playground import playground_router
from bot.simulator import Simulator
from service.web.app import create_app


def test_healthz_and_playground_round_trip(sim: Simulator) -> None:
    app = create_app(sim.core, [playground_router(sim)])
    with TestClient(app) as client:
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["status"] == "ok"
        page = client.get("/playground")
        assert page.status_code == 200 and "模拟群聊" in page.text
        setup = client.get("/playground/setup").json()
        assert "3号楼居民群" in [g["name"] for g in setup["groups"]]

        said = client.post(
            "/playground/say",
            json={"group": "3号楼居民群", "sender": "张阿姨", "text": "2单元楼道灯坏了好几天了"},
        )
        rooms = [r["room"] for r in said.json()["replies"]]
        assert rooms == ["3号楼居民群", "3号楼党小组"]
        transcript = client.get("/playground/transcript").json()
        assert [line["sender"] for line in transcript] == ["张阿姨", "", ""]

        bad = client.post("/playground/say", json={"group": "火星群", "sender": "x", "text": "hi"})
        assert bad.status_code == 422 and "unknown group" in bad.text
