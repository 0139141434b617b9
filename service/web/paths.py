"""Paths inside one community's web app. A street's service mounts each community's app under
`/c/<slug>` (service/street/web.py): pages link, redirect and fetch under that root, and the
app's own checks look at the path below it."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

_ROOT = "hongqiao.root"


class MountRoot:
    """Remembers where the community's app is mounted before its own mounts (/static) add to
    `root_path`: an error page under /c/jinmao/static/… still links to /c/jinmao/."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            scope[_ROOT] = str(scope.get("root_path", "")).rstrip("/")
        await self.app(scope, receive, send)


def _mounted(scope: Scope) -> str:
    return str(scope.get(_ROOT, scope.get("root_path", ""))).rstrip("/")


def root(request: Request) -> str:
    """Where this community's app is mounted: "" on its own, "/c/jinmao" in a street."""
    return _mounted(request.scope)


def route_path(scope: Scope) -> str:
    """The request's path below the mount point: what the app's routes are written against."""
    path = str(scope["path"])
    mounted = _mounted(scope)
    if mounted and (path == mounted or path.startswith(mounted + "/")):
        return path[len(mounted) :] or "/"
    return path


def redirect(request: Request, path: str) -> RedirectResponse:
    """See Other to one of this app's own pages (`path` as the routes write it)."""
    return RedirectResponse(root(request) + path, status_code=303)
