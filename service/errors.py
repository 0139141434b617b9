"""Domain errors carry a precise English detail for logs/API and a polite Chinese line for users."""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, detail: str, user_message: str) -> None:
        super().__init__(detail)
        self.detail = detail
        self.user_message = user_message


class NotFound(DomainError):
    pass


class NotPermitted(DomainError):
    pass


class IllegalTransition(DomainError):
    pass


class InvalidInput(DomainError):
    pass
