"""Domain errors carry a precise English detail for logs/API and a polite Chinese line for users."""

from __future__ import annotations


class DomainError(Exception):
    """``staff_message``, when given, is the line for a staff group's chat, which may say more
    (whose ticket it is) than a resident may read."""

    def __init__(self, detail: str, user_message: str, staff_message: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.user_message = user_message
        self.staff_message = staff_message


class NotFound(DomainError):
    pass


class NotPermitted(DomainError):
    pass


class IllegalTransition(DomainError):
    pass


class InvalidInput(DomainError):
    pass
