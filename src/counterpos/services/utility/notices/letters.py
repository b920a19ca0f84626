"""The letters of recorded notices, as PDFs: one notice, or a whole run for the mail, built off
the GUI thread with its progress reported. A letter reprinted says what the first one said:
its words come from the notice's recorded figures (domain/utility/documents.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.documents.letter_pdf import render_letter, render_letters
from counterpos.domain.utility.documents import Letter, notice_letter
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.errors import NotFound, StateError
from counterpos.services.sale.receipts import document_language
from counterpos.services.station import Station
from counterpos.services.utility.letterhead import city_heading
from counterpos.store.models import Notice

Progress = Callable[[int, int], None]


def letter_of(session: Session, n: Notice, setting: str | None = None) -> Letter:
    """The letter of a notice in the language recorded with it (the customer's preferred one
    when it was sent), or as `receipt.language` sets every customer document (en, es, both)."""
    if setting is None:
        setting = settings.get(session, "receipt.language")
    return notice_letter(
        city_heading(session),
        n.kind,
        n.notice_no,
        n.issued_on,
        n.addressee,
        n.mail_to,
        n.amount_cents,
        n.due_on,
        n.shutoff_on,
        n.details or {},
        document_language(setting, n.language),
    )


def notice_pdf(station: Station, actor: Actor, notice_no: str) -> bytes:
    """One notice's letter (a copy of what was sent; audited as printed)."""
    with station.store.read() as s:
        n = s.scalars(select(Notice).where(Notice.notice_no == notice_no.strip().upper())).first()
        if n is None:
            raise NotFound("There is no notice {notice_no}.", notice_no=notice_no.strip().upper())
        letter = letter_of(s, n)
    pdf = render_letter(letter)
    with station.store.write() as s:
        audit.record(
            s, station.code, "notice_printed", actor=actor.username, target=letter.reference
        )
    return pdf


def run_letters_pdf(
    station: Station,
    actor: Actor,
    run_id: str,
    path: Path,
    progress: Progress | None = None,
    kinds: tuple[str, ...] = (),
) -> int:
    """Every letter of a notice run (or of some kinds) into one PDF for the mail; the count.
    Meant for a background job: `progress(done, total)` after each letter is read and drawn."""
    actor.require("send_notices", "print notices")
    with station.store.read() as s:
        q = select(Notice).where(Notice.run_id == run_id).order_by(Notice.notice_no)
        if kinds:
            q = q.where(Notice.kind.in_(kinds))
        notices = list(s.scalars(q))
        if not notices:
            raise StateError("That run recorded no notices to print.")
        steps = 2 * len(notices)
        letters = []
        setting = settings.get(s, "receipt.language")
        for i, n in enumerate(notices, 1):
            letters.append(letter_of(s, n, setting))
            if progress is not None and (i % 100 == 0 or i == len(notices)):
                progress(i, steps)

    def drawn(done: int, _total: int) -> None:
        if progress is not None and (done % 100 == 0 or done == len(letters)):
            progress(len(letters) + done, steps)

    count = render_letters(letters, str(path), drawn)
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "notices_printed",
            actor=actor.username,
            target=run_id,
            details={"letters": count, "file": path.name},
        )
    return count


def run_ids(station: Station, limit: int = 20) -> list[tuple[str, str, int]]:
    """Recent notice runs: (run id, date, notices)."""
    with station.store.read() as s:
        return [
            (r[0], str(r[1]), int(r[2]))
            for r in s.execute(
                text(
                    "SELECT run_id, MIN(issued_on), COUNT(*) FROM notice WHERE run_id IS NOT NULL "
                    "GROUP BY run_id ORDER BY MIN(created_at) DESC LIMIT :n"
                ),
                {"n": limit},
            )
        ]
