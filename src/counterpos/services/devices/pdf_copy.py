"""Saving a document as a PDF file: written, counted and audited (who, what, where, copy n)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import DeviceError
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent

D = TypeVar("D")


@dataclass(frozen=True)
class SavedPdf(Generic[D]):
    """A PDF that went through: where it is, which copy of that document it is, and what it
    holds (the document as it was written, so a caller can also show it as text)."""

    path: Path
    copy_no: int
    message: str
    document: D


def copies_saved(session: Session, action: str, target: str) -> int:
    """PDF copies of one document already saved: the next one is this plus one."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == action, AuditEvent.target == target)
        )
        or 0
    )


def save(
    station: Station,
    actor: Actor,
    *,
    action: str,
    target: str,
    details: dict[str, Any],
    what: str,
    document: D,
    write: Callable[[D, Path], object],
    path: Path | str,
) -> SavedPdf[D]:
    """Write `document` to `path` with `write` and record it as the audit event `action` (or
    `action`_failed) naming the actor, the `target`, the file and the copy number.

    The copy number counts earlier saved copies of the same action and target, like the
    REPRINT #n of a receipt's PDF copy (services/devices/reprint.py).
    """
    path = Path(path).expanduser()
    where = f"pdf:{path}"
    error = ""
    failure: OSError | None = None
    try:
        write(document, path)
    except OSError as exc:
        failure = exc
        error = f"The PDF could not be saved to {path} ({exc.strerror})."
    with station.store.write() as s:
        copy_no = copies_saved(s, action, target) + 1
        audit.record(
            s,
            station.code,
            action if not error else f"{action}_failed",
            actor=actor.username,
            target=target,
            details={**details, "copy": copy_no, "printer": where, "error": error},
        )
    if failure is not None:
        raise DeviceError(error) from failure
    return SavedPdf(path, copy_no, f"{what} saved as {path} (copy {copy_no}).", document)
