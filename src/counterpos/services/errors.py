"""The few named errors services raise; each message is written for the person at the counter.

A message is an English template with named values (`NotFound("There is no receipt {no}.",
no=no)`): the template is the id that resources/i18n/messages_<lang>.po translates, so str(error)
reads in the signed-in user's language (domain/messages.py).
"""

from __future__ import annotations

from typing import Any

from counterpos.domain import pan_guard
from counterpos.domain.messages import Explained, Msg


class CounterError(Explained):
    """Base of every error a service raises on purpose. str(error) is the message to show."""


class InputError(CounterError):
    """Bad input: nothing was changed. `field` names the input to mark, when there is one."""

    def __init__(
        self, message: str | Msg | BaseException, field: str | None = None, **params: Any
    ) -> None:
        super().__init__(message, **params)
        self.field = field


class CardNumberRefused(InputError, pan_guard.CardNumberFound):
    """A value holds a card number; raised by the guard at the store boundary as well."""

    def __init__(self, message: str, field: str | None = None) -> None:
        InputError.__init__(self, message, field)


# The store's guard (store/pan_boundary.py) raises this one, so the till and the CLI show its
# message like any other refused input.
pan_guard.use_error_class(CardNumberRefused)


class NotFound(CounterError):
    """The receipt, customer, account or user asked for does not exist."""


class PermissionDenied(CounterError):
    """The user's role does not allow this; a supervisor override may."""

    def __init__(
        self, message: str | Msg | BaseException, permission: str = "", **params: Any
    ) -> None:
        super().__init__(message, **params)
        self.permission = permission


class AuthError(CounterError):
    """Wrong username or PIN, a locked or disabled user."""


class StateError(CounterError):
    """The action does not fit the current state (no open drawer, session closed, ...)."""


class DeviceError(CounterError):
    """A printer, drawer or terminal fault; the sale it belongs to is already saved."""


class CentralUnavailable(CounterError):
    """The central database could not be reached; the station keeps working and retries."""
