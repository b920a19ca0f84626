"""Who is acting: the logged-in user with their role's permissions."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.messages import N_, Msg
from counterpos.services.errors import PermissionDenied

# The roles as a message names them (role "senior_cashier" reads "senior cashier").
ROLE_NAMES = (N_("cashier"), N_("senior cashier"), N_("supervisor"), N_("administrator"))


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    full_name: str
    role: str
    permissions: frozenset[str]
    language: str = ""  # the screen language the user chose at sign-in; empty: the station's

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    def require(self, permission: str, what: str = "") -> None:
        """Raise PermissionDenied unless this user's role holds the permission."""
        if permission not in self.permissions:
            doing = what or permission.replace("_", " ")
            raise PermissionDenied(
                "{name} ({role}) may not {doing}; a supervisor must approve it.",
                permission,
                name=self.full_name,
                role=Msg(self.role.replace("_", " ")),
                doing=Msg(doing),
            )
