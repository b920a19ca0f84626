"""Autopay (ACH debits): enrolment with the routing number checked and the account number
masked everywhere it is shown; for a run date, a NACHA file of the bills due, with a prenote
for each new enrolment; a returns file applied through the returned-payment workflow."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from stdnum.us import rtn

from counterpos.domain.business_days import add_business_days, business_days_between
from counterpos.domain.money import Money
from counterpos.domain.nacha import (
    DEBIT,
    PRENOTE,
    Entry,
    NachaError,
    Originator,
    read_returns,
    write_file,
)
from counterpos.domain.remittance_file import Remittance
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.services.office.numbers import next_number
from counterpos.services.office.payment_files import post_batch
from counterpos.services.office.returns import return_payment
from counterpos.store.models.base import new_id

if TYPE_CHECKING:
    from counterpos.services.station import Station

PRENOTE_DAYS = 3  # banking days between a prenote and the first live debit (DOMAIN.md)


@dataclass(frozen=True)
class Enrolment:
    id: str
    account_no: str
    holder: str
    routing_no: str
    bank_account: str  # masked: ****6789
    account_type: str
    prenoted_on: date | None
    enrolled_at: datetime


def mask(number: str) -> str:
    """An account number as people see it: its last four digits only."""
    return "****" + number[-4:]


def enroll(
    office: Office,
    account_no: str,
    holder: str,
    routing_no: str,
    bank_account: str,
    account_type: str = "checking",
) -> Enrolment:
    office.actor.require("enroll_autopay", "enrol an account in autopay")
    routing_no = routing_no.strip()
    bank_account = bank_account.replace(" ", "").replace("-", "")
    if not rtn.is_valid(routing_no):
        raise InputError(
            "{routing_no} is not a valid bank routing number (check its nine digits).",
            field="routing_no",
            routing_no=routing_no,
        )
    if not bank_account.isdigit() or not 4 <= len(bank_account) <= 17:
        raise InputError("A bank account number is 4 to 17 digits.", field="bank_account")
    if account_type not in DEBIT:
        raise InputError("The bank account is checking or savings.", field="account_type")
    if not holder.strip():
        raise InputError("Enter the bank account holder's name.", field="holder")
    with office.write() as conn:
        acct = conn.execute(
            text("SELECT id FROM utility_account WHERE account_no = :n"), {"n": account_no}
        ).scalar()
        if acct is None:
            raise NotFound("There is no utility account {account_no}.", account_no=account_no)
        if conn.execute(
            text("SELECT 1 FROM office_autopay WHERE account_id = :a AND cancelled_at IS NULL"),
            {"a": acct},
        ).first():
            raise StateError(
                "Account {account_no} is already enrolled in autopay.", account_no=account_no
            )
        eid = new_id()
        conn.execute(
            text(
                "INSERT INTO office_autopay (id, account_no, account_id, holder, routing_no, "
                "bank_account_no, bank_account_masked, bank_account_type, enrolled_by, "
                "enrolled_at) VALUES (:id, :no, :a, :h, :r, :b, :m, :t, :by, :at)"
            ),
            {
                "id": eid,
                "no": account_no,
                "a": acct,
                "h": holder.strip()[:80],
                "r": routing_no,
                "b": bank_account,
                "m": mask(bank_account),
                "t": account_type,
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        )
        audit.record(
            conn,
            office,
            "autopay_enroll",
            target=account_no,
            details={"routing_no": routing_no, "bank_account": mask(bank_account)},
        )
    return next(e for e in enrolments(office) if e.id == eid)


def enrolments(office: Office) -> list[Enrolment]:
    office.actor.require("office", "see autopay enrolments")
    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT a.id, a.account_no, a.holder, a.routing_no, a.bank_account_masked, "
                "a.bank_account_type, f.run_date, a.enrolled_at FROM office_autopay a "
                "LEFT JOIN office_ach_entry e ON e.autopay_id = a.id AND e.kind = 'prenote' "
                "LEFT JOIN office_ach_file f ON f.id = e.file_id "
                "WHERE a.cancelled_at IS NULL ORDER BY a.account_no"
            )
        ).all()
    return [Enrolment(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_local(r[7])) for r in rows]


@dataclass(frozen=True)
class AchRun:
    file_id: str
    file_no: int
    path: Path
    debits: int
    prenotes: int
    total: Money
    batch_id: str


_DUE = text(
    """
    SELECT p.id, p.account_no, p.account_id, p.holder, p.routing_no, p.bank_account_no,
           p.bank_account_type, a.due_date,
           (SELECT f.run_date FROM office_ach_entry e JOIN office_ach_file f ON f.id = e.file_id
             WHERE e.autopay_id = p.id AND e.kind = 'prenote' LIMIT 1) AS prenoted,
           coalesce((SELECT sum(l.amount_cents) FROM ledger_entry l WHERE l.account_id = a.id
             AND l.entry_type NOT IN ('deposit', 'deposit_applied', 'deposit_refund',
                                      'deposit_transfer')), 0) AS balance,
           EXISTS (SELECT 1 FROM office_ach_entry e JOIN office_ach_file f ON f.id = e.file_id
             WHERE e.autopay_id = p.id AND e.kind = 'debit' AND f.run_date = :run) AS done
    FROM office_autopay p JOIN utility_account a ON a.id = p.account_id
    WHERE p.cancelled_at IS NULL
    ORDER BY p.account_no
    """
)


def originator(station: Station) -> Originator:
    """The city as the ACH originator, from the station's settings (office.ach_*)."""
    s = station.setting
    orig = Originator(
        s("office.ach_company_name") or s("city.name")[:16],
        s("office.ach_company_id"),
        s("office.ach_odfi"),
        s("office.ach_destination"),
        s("office.ach_destination_name"),
        s("city.name")[:23],
    )
    if not (orig.company_id and orig.odfi and orig.destination):
        raise InputError(
            "Set office.ach_company_id, office.ach_odfi and office.ach_destination first "
            "(`counterpos config set`)."
        )
    return orig


def run(office: Office, orig: Originator, run_date: date, path: Path | str) -> AchRun:
    """Write the NACHA file for `run_date`: a debit of the balance due for each enrolled account
    whose bill is due that day and whose prenote went out at least 3 banking days before, and
    a prenote for each enrolment that has none. The debits post as payments of an `ach`
    session; a return comes back through the returns file."""
    office.actor.require("run_autopay", "run autopay")
    path = Path(path)
    with office.write() as conn:
        rows = conn.execute(_DUE, {"run": run_date}).mappings().all()
        file_no = next_number(conn, "ach_file")
        odfi8 = orig.odfi[:8]
        seq = next_number(conn, "ach_trace_block") * 10_000
        entries: list[tuple[Entry, str, str]] = []  # entry, autopay id, kind
        for r in rows:
            if r["prenoted"] is None:
                trace = f"{odfi8}{seq % 10_000_000:07d}"
                seq += 1
                entries.append(
                    (
                        Entry(
                            PRENOTE[r["bank_account_type"]],
                            r["routing_no"],
                            r["bank_account_no"],
                            0,
                            r["account_no"],
                            r["holder"],
                            trace,
                        ),
                        r["id"],
                        "prenote",
                    )
                )
                continue
            ready = business_days_between(r["prenoted"], run_date) >= PRENOTE_DAYS
            if r["due_date"] == run_date and ready and not r["done"] and int(r["balance"]) > 0:
                trace = f"{odfi8}{seq % 10_000_000:07d}"
                seq += 1
                entries.append(
                    (
                        Entry(
                            DEBIT[r["bank_account_type"]],
                            r["routing_no"],
                            r["bank_account_no"],
                            int(r["balance"]),
                            r["account_no"],
                            r["holder"],
                            trace,
                        ),
                        r["id"],
                        "debit",
                    )
                )
        if not entries:
            raise StateError(
                "No autopay debit or prenote is due on {run_date:%m/%d/%Y}.", run_date=run_date
            )
        effective = add_business_days(run_date, 0)
        content = write_file(
            orig,
            [e for e, _, _ in entries],
            effective=effective,
            created=datetime.now(),
            file_id=chr(ord("A") + (file_no - 1) % 26),
        )
        path.write_text(content, encoding="ascii")
        digest = hashlib.sha256(content.encode("ascii")).hexdigest()
        debits = [(e, aid) for e, aid, k in entries if k == "debit"]
        total = sum(e.cents for e, _ in debits)
        batch_id = ""
        tender_of: dict[str, str] = {}
        if debits:
            result = post_batch(
                conn,
                office,
                "ach",
                [
                    Remittance(n, e.trace, e.individual_id, Money(e.cents), run_date, e.name, "")
                    for n, (e, _) in enumerate(debits, start=1)
                ],
                file_name=path.name,
                deposit=False,
            )
            batch_id = result.batch_id
            tender_of = {
                conf: tid
                for conf, tid in conn.execute(
                    text(
                        "SELECT r.confirmation_no, t.id FROM office_remittance r "
                        "JOIN tender t ON t.sale_id = r.sale_id WHERE r.batch_id = :b"
                    ),
                    {"b": batch_id},
                )
            }
        file_id = new_id()
        conn.execute(
            text(
                "INSERT INTO office_ach_file (id, file_no, run_date, effective_date, entries, "
                "prenotes, debit_cents, sha256, batch_id, created_by, created_at) VALUES (:id, "
                ":no, :run, :eff, :n, :p, :d, :h, :b, :by, :at)"
            ),
            {
                "id": file_id,
                "no": file_no,
                "run": run_date,
                "eff": effective,
                "n": len(debits),
                "p": len(entries) - len(debits),
                "d": total,
                "h": digest,
                "b": batch_id or None,
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        )
        conn.execute(
            text(
                "INSERT INTO office_ach_entry (trace_no, file_id, autopay_id, kind, amount_cents, "
                "tender_id) VALUES (:t, :f, :a, :k, :c, :tid)"
            ),
            [
                {
                    "t": e.trace,
                    "f": file_id,
                    "a": aid,
                    "k": k,
                    "c": e.cents,
                    "tid": tender_of.get(e.trace),
                }
                for e, aid, k in entries
            ],
        )
        audit.record(
            conn,
            office,
            "ach_file",
            target=str(file_no),
            details={
                "debits": len(debits),
                "prenotes": len(entries) - len(debits),
                "total_cents": total,
                "sha256": digest,
            },
        )
    return AchRun(
        file_id, file_no, path, len(debits), len(entries) - len(debits), Money(total), batch_id
    )


@dataclass(frozen=True)
class ReturnsResult:
    returned: int
    prenotes: int
    duplicate: bool = False


def apply_returns(office: Office, path: Path | str) -> ReturnsResult:
    """A bank's returns file: each returned debit goes through the returned-payment workflow
    (reversal, fee, cash-only); a returned prenote is recorded. All or nothing."""
    office.actor.require("return_payment", "apply an ACH returns file")
    path = Path(path)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        returned = read_returns(raw.decode("ascii"))
    except UnicodeDecodeError as exc:
        raise InputError("{file} is not a NACHA file; nothing was posted.", file=path.name) from exc
    except NachaError as exc:
        raise InputError(
            "{file} was refused and nothing was posted. {exc}",
            field="file",
            file=path.name,
            exc=exc,
        ) from exc
    with office.write() as conn:
        if conn.execute(
            text("SELECT 1 FROM office_ach_return WHERE file_sha256 = :h LIMIT 1"), {"h": digest}
        ).first():
            return ReturnsResult(0, 0, True)
        n_ret = n_pre = 0
        for r in returned:
            entry = conn.execute(
                text(
                    "SELECT kind, tender_id, amount_cents FROM office_ach_entry WHERE trace_no = :t"
                ),
                {"t": r.original_trace},
            ).first()
            if entry is None:
                raise InputError(
                    (
                        "{file} was refused and nothing was posted. Line {line_no}: trace "
                        "{original_trace} is not one of our autopay entries."
                    ),
                    field="file",
                    file=path.name,
                    line_no=r.line_no,
                    original_trace=r.original_trace,
                )
            if conn.execute(
                text("SELECT 1 FROM office_ach_return WHERE trace_no = :t"), {"t": r.original_trace}
            ).first():
                continue  # returned before, by another file
            rp_id = None
            if entry[0] == "debit":
                got = return_payment(
                    office,
                    entry[1],
                    f"ACH return {r.reason_code}",
                    source="ach_return",
                    conn=conn,
                )
                rp_id = got.id
                n_ret += 1
            else:
                n_pre += 1
            conn.execute(
                text(
                    "INSERT INTO office_ach_return (trace_no, return_code, file_sha256, "
                    "returned_payment_id, by_user, at) VALUES (:t, :c, :h, :rp, :by, :at)"
                ),
                {
                    "t": r.original_trace,
                    "c": r.reason_code,
                    "h": digest,
                    "rp": rp_id,
                    "by": office.actor.user_id,
                    "at": utcnow(),
                },
            )
        audit.record(
            conn,
            office,
            "ach_returns",
            target=path.name,
            details={"returned": n_ret, "prenotes": n_pre, "sha256": digest},
        )
    return ReturnsResult(n_ret, n_pre)
