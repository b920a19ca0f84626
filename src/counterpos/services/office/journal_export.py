"""Exporting a posted journal to the general ledger, as CSV (the documented layout) or XLSX:
a recorded act; every export after the first of the same journal is marked a copy."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from counterpos.documents.journal_xlsx import write_xlsx
from counterpos.domain.journal import UnbalancedJournal, csv_rows
from counterpos.services.clock import utcnow
from counterpos.services.errors import InputError, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.services.office.journal import load
from counterpos.store.models.base import new_id

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Exported:
    path: Path
    journal_no: int
    copy_no: int  # 0: the original export
    sha256: str

    @property
    def is_copy(self) -> bool:
        return self.copy_no > 0


def export(office: Office, journal_id: str, path: Path | str, fmt: str = "") -> Exported:
    """Write the journal for the GL; refused unless it is posted and balances to the cent."""
    office.actor.require("export_journal", "export a journal")
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError("Export the journal as csv or xlsx.", field="format")
    with office.write() as conn:
        view = load(conn, journal_id)
        if not view.posted_by:
            raise StateError(
                "Journal {journal} is a draft; a finance supervisor posts it first.",
                journal=view.journal.number,
            )
        # Serialise exports of one journal so two people cannot both take "the original".
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:j))"), {"j": journal_id})
        copy_no = conn.execute(
            text("SELECT count(*) FROM office_journal_export WHERE journal_id = :j"),
            {"j": journal_id},
        ).scalar_one()
        try:
            if fmt == "csv":
                rows = csv_rows(view.journal, copy_no)
                with open(path, "w", newline="", encoding="utf-8") as fh:
                    csv.writer(fh).writerows(rows)
            else:
                write_xlsx(view.journal, path, copy_no)
        except UnbalancedJournal as exc:
            raise StateError(exc) from exc
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        conn.execute(
            text(
                "INSERT INTO office_journal_export (id, journal_id, export_no, format, is_copy, "
                "sha256, by_user, at) VALUES (:id, :j, :n, :f, :c, :h, :by, :at)"
            ),
            {
                "id": new_id(),
                "j": journal_id,
                "n": copy_no + 1,
                "f": fmt,
                "c": copy_no > 0,
                "h": digest,
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        )
        audit.record(
            conn,
            office,
            "journal_export",
            target=str(view.journal.number),
            details={"format": fmt, "copy": copy_no, "file": path.name, "sha256": digest},
        )
    return Exported(path, view.journal.number, copy_no, digest)
