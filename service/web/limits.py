"""Request body limits, enforced as the body arrives: a declared Content-Length over the limit is
refused before a byte of the body is read, and a body without one is counted as it comes.

Forms and JSON are small; only the spreadsheet upload may be larger. FastAPI's own
`max_body_size` answers a bare "Content Too Large" text that bypasses the app's error pages;
this raises an HTTPException instead, so pages say it in Chinese and the API as problem+json."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.web.paths import route_path

KIB = 1024
DEFAULT_LIMIT = 256 * KIB  # forms and JSON: the longest is a 20,000-character playground message
UPLOAD_LIMIT = 6 * 1024 * KIB  # the spreadsheet (at most 5 MB) with its multipart wrapping
LIMITS = {("POST", "/data/import"): UPLOAD_LIMIT}
UPLOAD_TOO_LARGE_ZH = "文件太大了（最多 5 MB），请检查是不是选错了文件。"


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: at most {limit} bytes on this route")
        self.limit = limit


def limit_for(method: str, path: str) -> int:
    return LIMITS.get((method, path), DEFAULT_LIMIT)


class BodyLimit:
    """ASGI middleware applying `limit_for` to every HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["method"], route_path(scope))
        declared = Headers(scope=scope).get("content-length", "")
        too_long = declared.isascii() and declared.isdigit() and int(declared) > limit
        received = 0

        async def limited() -> Message:
            nonlocal received
            if too_long:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited, send)
