"""Errors as application/problem+json (RFC 9457) for the API and Open311."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from service.errors import DomainError, IllegalTransition, InvalidInput, NotFound, NotPermitted

MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Content Too Large",
    422: "Unprocessable Content",
    429: "Too Many Requests",
}


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE


def problem(
    status: int,
    detail: str,
    *,
    message_zh: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if message_zh:
        body["message_zh"] = message_zh
    body.update(extra)
    return ProblemResponse(body, status_code=status, headers=headers)


def status_of(exc: DomainError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, NotPermitted):
        return 403
    if isinstance(exc, IllegalTransition):
        return 409
    if isinstance(exc, InvalidInput):
        return 422
    return 400


def domain_problem(exc: DomainError) -> ProblemResponse:
    return problem(status_of(exc), exc.detail, message_zh=exc.user_message)


def http_problem(exc: HTTPException) -> ProblemResponse:
    return problem(exc.status_code, str(exc.detail), headers=exc.headers)


def validation_problem(_request: Request, exc: RequestValidationError) -> ProblemResponse:
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    return problem(422, "the request is not valid", errors=errors)


def is_machine_path(path: str) -> bool:
    return path.startswith(("/api/", "/open311/"))
