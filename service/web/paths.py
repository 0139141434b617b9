"""Paths inside one community's web app. A street's service mounts each community's app under
`/c/<slug>` (service/street/web.py): pages link, redirect and fetch under that root, and the
app's own checks look at the path below it."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.types import Scope


def root(request: Request) -> str:
    """Where this community's app is mounted: "" on its own, "/c/jinmao" in a street."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def route_path(scope: Scope) -> str:
    """The request's path below the mount point: what the app's routes are written against."""
    path = str(scope["path"])
    mounted = str(scope.get("root_path", "")).rstrip("/")
    if mounted and (path == mounted or path.startswith(mounted + "/")):
        return path[len(mounted) :] or "/"
    return path


def redirect(request: Request, path: str) -> RedirectResponse:
    """See Other to one of this app's own pages (`path` as the routes write it)."""
    return RedirectResponse(root(request) + path, status_code=303)
