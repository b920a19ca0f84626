"""Importing a bank statement, BAI2 (read by the `bai2` package) or the documented CSV
(domain/bank_statement.py): all of it or nothing; the same file twice posts nothing."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from counterpos.domain.bank_statement import BankLine, StatementError, credit_or_debit, read_csv
from counterpos.domain.money import Money
from counterpos.services.clock import utcnow
from counterpos.services.errors import InputError
from counterpos.services.office import audit
from counterpos.services.office.connection import Office
from counterpos.store.models.base import new_id

RECORD = re.compile(r"^(01|02|03|16|49|88|98|99),")


@dataclass(frozen=True)
class ImportResult:
    statement_id: str
    lines: int  # transactions posted now (0 for a file imported before)
    credits: Money
    debits: Money
    duplicate: bool = False
    message: str = ""


class _Counted:
    """The file's lines, counting how many the parser has taken (for the line of an error)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.taken = 0
        self.done = False

    def __iter__(self) -> Iterator[str]:
        for line in self.lines:
            self.taken += 1
            yield line
        self.done = True


def _syntax(lines: list[str]) -> None:
    """What BAI2 requires of each physical line, checked first so a refusal names its line."""
    if not lines:
        raise StatementError(1, "the file is empty")
    for n, line in enumerate(lines, start=1):
        if not RECORD.match(line):
            raise StatementError(n, f"{line[:20]!r} does not start with a BAI2 record code")
        code = line[:2]
        fields = line[3:].rstrip("/").split(",")
        if code == "16":
            if len(fields) < 2 or not fields[1].isdigit():
                raise StatementError(
                    n, "a transaction (16) needs a type code and an amount in cents"
                )
            try:
                credit_or_debit(fields[0])
            except ValueError as exc:
                raise StatementError(n, str(exc)) from None
        elif code in ("49", "98", "99") and not all(f.lstrip("-").isdigit() for f in fields if f):
            raise StatementError(n, "a trailer holds numbers only")


def read_bai2(content: str) -> list[BankLine]:
    """The transactions (16 records) of a BAI2 file, dated by their group's as-of date."""
    from bai2.constants import TypeCodeTransaction
    from bai2.helpers import IteratorHelper
    from bai2.parsers import Bai2FileParser

    lines = [ln.strip() for ln in content.splitlines()]
    numbered = [(n, ln) for n, ln in enumerate(lines, start=1) if ln]
    _syntax([ln for _, ln in numbered])
    counted = _Counted([ln for _, ln in numbered])
    helper = None
    try:
        helper = IteratorHelper(iter(counted))
        parsed = Bai2FileParser(helper).parse()
    except Exception as exc:  # bai2's own exceptions and the ValueErrors of its field parsers
        raise StatementError(_where(numbered, counted, helper, exc), _plain(exc)) from None
    out: list[BankLine] = []
    at = 0
    bodies = [ln for _, ln in numbered]
    for group in parsed.children:
        for account in group.children:
            for tx in account.children:
                sign = 1 if tx.type_code.transaction == TypeCodeTransaction.credit else -1
                at = _find_16(bodies, at)
                out.append(
                    BankLine(
                        numbered[at][0],
                        group.header.as_of_date,
                        tx.type_code.code,
                        Money(sign * int(tx.amount or 0)),
                        tx.bank_reference or "",
                        tx.customer_reference or "",
                        (tx.text or "").strip(),
                    )
                )
                at += 1
    if not out:
        raise StatementError(1, "the file holds no transaction")
    return out


def _find_16(lines: list[str], start: int) -> int:
    for i in range(start, len(lines)):
        if lines[i].startswith("16,"):
            return i
    return start


def _where(numbered, counted: _Counted, helper, exc: Exception) -> int:
    """The file line the parser was at: its current record's first line, or for a control
    total that does not add up, the trailer just read."""
    from bai2.exceptions import IntegrityException

    rows = len(helper.current_record.rows) if helper and helper.current_record else 1
    lookahead = 0 if counted.done else 1
    first = counted.taken - lookahead - rows + 1
    if isinstance(exc, IntegrityException) and not counted.done:
        first -= 1  # the trailer that failed was read; the parser has moved past it
    first = min(max(first, 1), len(numbered))
    return numbered[first - 1][0]


def _plain(exc: Exception) -> str:
    text_ = str(exc) or type(exc).__name__
    return f"not a valid BAI2 file ({text_})"


def read_statement(content: str, fmt: str) -> list[BankLine]:
    if fmt == "bai2":
        return read_bai2(content)
    if fmt == "csv":
        return read_csv(content)
    raise InputError("A bank statement is bai2 or csv.", field="format")


def import_statement(
    office: Office, path: Path | str, *, fmt: str = "", bank_account: str = "1010"
) -> ImportResult:
    """Read the whole file, then post its transactions in one transaction. A malformed file is
    refused with its line number and nothing is posted; a file seen before posts nothing."""
    office.actor.require("import_bank", "import a bank statement")
    path = Path(path)
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    fmt = (fmt or ("csv" if path.suffix.lower() == ".csv" else "bai2")).lower()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name} is not a text file.", field="file") from exc
    with office.read() as conn:
        seen = conn.execute(
            text("SELECT id, imported_at FROM office_bank_statement WHERE sha256 = :h"),
            {"h": digest},
        ).first()
    if seen is not None:
        return ImportResult(
            seen[0],
            0,
            Money(0),
            Money(0),
            True,
            f"{path.name} was imported before ({seen[1]:%m/%d/%Y}); nothing was posted.",
        )
    try:
        lines = read_statement(content, fmt)
    except StatementError as exc:
        raise InputError(
            f"{path.name} was refused and nothing was posted. {exc}", field="file"
        ) from exc
    credits = sum(b.amount.cents for b in lines if b.amount.cents > 0)
    debits = -sum(b.amount.cents for b in lines if b.amount.cents < 0)
    statement_id = new_id()
    with office.write() as conn:
        inserted = conn.execute(
            text(
                "INSERT INTO office_bank_statement (id, sha256, file_name, format, bank_account, "
                "lines, credits_cents, debits_cents, imported_by, imported_at) VALUES (:id, :h, "
                ":name, :fmt, :bank, :n, :cr, :dr, :by, :at) ON CONFLICT (sha256) DO NOTHING"
            ),
            {
                "id": statement_id,
                "h": digest,
                "name": path.name,
                "fmt": fmt,
                "bank": bank_account,
                "n": len(lines),
                "cr": credits,
                "dr": debits,
                "by": office.actor.user_id,
                "at": utcnow(),
            },
        ).rowcount
        if not inserted:  # imported by someone else a moment ago
            return ImportResult(
                "", 0, Money(0), Money(0), True, "Imported already; nothing posted."
            )
        conn.execute(
            text(
                "INSERT INTO office_bank_line (id, statement_id, line_no, posted_on, type_code, "
                "amount_cents, bank_ref, customer_ref, description) VALUES (:id, :s, :n, :on, "
                ":t, :a, :br, :cr, :d)"
            ),
            [
                {
                    "id": new_id(),
                    "s": statement_id,
                    "n": b.line_no,
                    "on": b.posted_on,
                    "t": b.type_code,
                    "a": b.amount.cents,
                    "br": b.bank_ref,
                    "cr": b.customer_ref,
                    "d": b.description[:200],
                }
                for b in lines
            ],
        )
        audit.record(
            conn,
            office,
            "bank_import",
            target=path.name,
            details={"sha256": digest, "lines": len(lines), "credits": credits, "debits": debits},
        )
    return ImportResult(statement_id, len(lines), Money(credits), Money(debits))
