"""Who is acting: the logged-in user with their role's permissions."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.services.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    full_name: str
    role: str
    permissions: frozenset[str]

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    def require(self, permission: str, what: str = "") -> None:
        """Raise PermissionDenied unless this user's role holds the permission."""
        if permission not in self.permissions:
            doing = what or permission.replace("_", " ")
            raise PermissionDenied(
                f"{self.full_name} ({self.role.replace('_', ' ')}) may not {doing}; "
                "a supervisor must approve it.",
                permission,
            )
