"""Response headers that tell browsers what a page may do, and keys kept out of access logs."""

from __future__ import annotations

import logging
import re
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.settings import Settings
from service.web.paths import route_path

# Pages use only their own scripts and style sheets (static/); `style="..."` attributes in the
# templates are allowed, inline <script> is not. Nobody may frame a page (clickjacking).
PAGE_POLICY: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Pages, API answers and exports hold residents' words and staff data: no browser or proxy
# keeps a copy (the back button after logout, a shared computer). Only static files may be cached.
CACHEABLE_PATHS: Final = ("/static/",)
_SECRET_PARAMS = re.compile(r"(?i)([?&](?:api_key|token|access_token)=)[^&#\s\"]*")


class SecurityHeaders:
    """Adds CSP, X-Frame-Options, nosniff and Referrer-Policy to every response, and
    Cache-Control: no-store to every one but static files."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = route_path(scope)
        added = [
            (b"content-security-policy", PAGE_POLICY.encode()),
            (b"x-frame-options", b"DENY"),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
        ]
        if not path.startswith(CACHEABLE_PATHS):
            added.append((b"cache-control", b"no-store"))

        host = next((v for k, v in scope.get("headers", []) if k == b"host"), None)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if 300 <= message["status"] < 400:
                    headers = [_same_site(name, value, host) for name, value in headers]
                present = {name.lower() for name, _ in headers}
                for name, value in added:
                    if name not in present:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def _same_site(name: bytes, value: bytes, host: bytes | None) -> tuple[bytes, bytes]:
    """A redirect within the site as a path: Starlette's trailing-slash redirect writes the
    request's Host header into an absolute Location, and the Host header is the client's to
    choose (a poisoned cache would send others to that host)."""
    if name.lower() != b"location" or host is None:
        return name, value
    parts = urlsplit(value.decode("latin-1"))
    if parts.scheme in ("http", "https") and parts.netloc.encode("latin-1") == host:
        path = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
        return name, path.encode("latin-1")
    return name, value


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's treatment of X-Forwarded-For / -Proto. uvicorn believes them from 127.0.0.1 by
    default, so without a proxy anyone connecting from this machine (or through anything that
    relays to it) could choose the source address the sign-in limits count. They are believed
    only from the proxies HONGQIAO_TRUSTED_PROXIES names."""
    if not settings.trusted_proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": settings.trusted_proxies}


def redact(text: str) -> str:
    return _SECRET_PARAMS.sub(r"\1***", text)


class RedactSecrets(logging.Filter):
    """Open311 clients may send `api_key` in the query string; the access log keeps `***`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def redact_access_log() -> None:
    """Install the filter on uvicorn's access logger (once per process)."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactSecrets) for f in logger.filters):
        logger.addFilter(RedactSecrets())
