"""`counterpos office ...`: the finance office on the central database, one command per action.

Every action signs in a finance user of this station (--user; the PIN from $COUNTERPOS_PIN or
asked for) and reaches the centre through the office's finance login (`office connect`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from counterpos.commands.common import login_from_args, open_station
from counterpos.domain import period as periods
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text as receipt_text
from counterpos.domain.remittance_file import MailTape
from counterpos.domain.z_report import render_text as z_text
from counterpos.services.errors import InputError
from counterpos.services.office import (
    audit,
    autopay,
    bank_import,
    bank_matching,
    connection,
    deposits,
    journal,
    journal_export,
    mail_batch,
    payment_files,
    period_reports,
    reconciliation,
    returns,
    session_report,
    suspense,
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, help="the finance user acting (PIN: $COUNTERPOS_PIN)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "office",
        help="the finance office: reconcile, deposit, bank, journal, returns, payment files",
        description="The finance office on the central database. Each action signs in a "
        "finance user (--user) and uses the office's finance login (`office connect`).",
    )
    os_ = p.add_subparsers(dest="office_command", metavar="ACTION", required=True)

    def add(name: str, help_: str, func, *, user: bool = True) -> argparse.ArgumentParser:
        sp = os_.add_parser(name, help=help_, description=help_)
        if user:
            _user(sp)
        sp.set_defaults(func=func)
        return sp

    a = add(
        "add-login",
        "administrator: create a finance login (clerk or supervisor)",
        run_add_login,
        user=False,
    )
    a.add_argument("name", help="login name, like office1")
    a.add_argument("role", choices=("clerk", "supervisor"))
    a.add_argument("--url", required=True, help="administrator's database URL")
    c = add("connect", "point this workstation's back office at the centre", run_connect)
    c.add_argument("url", help="postgresql+psycopg://LOGIN@HOST/DB")
    c.add_argument("--password-stdin", action="store_true", help="read the password from stdin")

    add(
        "exceptions",
        "the first screen: deposits late or differing, sessions not deposited",
        run_exceptions,
    )
    d = add("day", "city-wide reconciliation of a date: every station's sessions", run_day)
    d.add_argument("date", type=_day)
    s = add("session", "a session's sales (8 characters of its id are enough)", run_session)
    s.add_argument("session")
    s.add_argument("--z", action="store_true", help="print the session's Z report instead")
    r = add("receipt", "a sale's receipt as the centre holds it", run_receipt)
    r.add_argument("receipt_no")

    dp = add(
        "deposit-prepare",
        "prepare a deposit of a day's (or given) closed sessions",
        run_deposit_prepare,
    )
    dp.add_argument("--bag", required=True, help="the bag number printed on the deposit bag")
    g = dp.add_mutually_exclusive_group(required=True)
    g.add_argument("--date", type=_day, help="every closed session of the day not yet deposited")
    g.add_argument("--session", action="append", help="a session (repeat)")
    dp.add_argument("--bank-account", default="1010", help="GL code of the bank account")
    dv = add(
        "deposit-verify", "a second person verifies a deposit (supervisor)", run_deposit_verify
    )
    dv.add_argument("number", type=int)
    dv.add_argument("--note", default="")
    db = add("deposit-bank", "record that a verified deposit reached the bank", run_deposit_bank)
    db.add_argument("number", type=int)
    db.add_argument("--on", type=_day, help="the day the bank took it (default today)")
    dl = add("deposits", "the register of deposits", run_deposits)
    dl.add_argument("--since", type=_day)

    bi = add("bank-import", "import a bank statement (BAI2 or CSV) and match it", run_bank_import)
    bi.add_argument("file", type=Path)
    bi.add_argument("--format", choices=("bai2", "csv"), default="")
    bi.add_argument("--bank-account", default="1010")
    add(
        "bank-unmatched",
        "items of the bank and of the books not matched, with their age",
        run_bank_unmatched,
    )
    bm = add("bank-match", "match a bank line to a book item by hand", run_bank_match)
    bm.add_argument("bank_line_id")
    bm.add_argument("kind", help="deposit, card, remote, ach, return (see bank-unmatched)")
    bm.add_argument("key")

    jd = add("journal-draft", "draft the general-ledger journal of a closed day", run_journal_draft)
    jd.add_argument("date", type=_day)
    jp = add("journal-post", "post a drafted journal (supervisor)", run_journal_post)
    jp.add_argument("number", type=int)
    jx = add("journal-export", "export a posted journal as CSV or XLSX", run_journal_export)
    jx.add_argument("number", type=int)
    jx.add_argument("file", type=Path, help="FILE.csv or FILE.xlsx")
    jc = add("journal-correct", "reverse a posted journal and draft it again", run_journal_correct)
    jc.add_argument("number", type=int)
    jc.add_argument("--reason", required=True)
    jl = add("journals", "the journals (of a day)", run_journals)
    jl.add_argument("--date", type=_day)
    js = add("journal-show", "a journal's lines", run_journal_show)
    js.add_argument("number", type=int)

    rt = add("return", "a returned check or ACH payment (supervisor)", run_return)
    rt.add_argument("receipt_no")
    rt.add_argument("--reason", required=True, help="the bank's reason: NSF, account closed ...")
    rt.add_argument("--check-no", default="", help="which check, when the receipt has several")

    pi = add("payments-import", "import a lockbox or online payment file", run_payments_import)
    pi.add_argument("file", type=Path)
    pi.add_argument("--kind", choices=("lockbox", "online"), default="lockbox")
    mb = add(
        "mail-batch",
        "post a mail batch: lines 'ACCOUNT AMOUNT CHECK [PAYER]' or stubs on stdin",
        run_mail_batch,
    )
    mb.add_argument("control_total", help="the adding-machine total, like 1234.56")
    add("suspense", "payments held for unknown accounts", run_suspense)
    sr = add(
        "suspense-resolve",
        "apply a suspense payment to an account, or refund it",
        run_suspense_resolve,
    )
    sr.add_argument("remittance_id")
    sr.add_argument("action", choices=("apply", "refund"))
    sr.add_argument("--account", default="")
    sr.add_argument("--note", default="")

    ae = add(
        "autopay-enroll",
        "enrol an account for autopay (routing number checked)",
        run_autopay_enroll,
    )
    ae.add_argument("account_no")
    ae.add_argument("holder")
    ae.add_argument("routing_no")
    ae.add_argument("bank_account", help="read from stdin when '-'")
    ae.add_argument("--type", choices=("checking", "savings"), default="checking")
    add("autopay-list", "the enrolments (bank accounts masked)", run_autopay_list)
    ar = add("autopay-run", "write the NACHA file of a run date (supervisor)", run_autopay_run)
    ar.add_argument("date", type=_day)
    ar.add_argument("file", type=Path)
    aq = add(
        "autopay-returns",
        "apply a NACHA returns file through the returned-payment workflow",
        run_autopay_returns,
    )
    aq.add_argument("file", type=Path)

    rp = add("report", "period report: 2026-11, 2026-Q4 or FY2027, as PDF, CSV or XLSX", run_report)
    rp.add_argument("period")
    rp.add_argument("file", type=Path)
    add("audit-verify", "walk the office's hash-chained audit trail", run_audit_verify)


# --- helpers ---------------------------------------------------------------------------------


def _office(args: argparse.Namespace) -> connection.Office:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    return connection.open_office(station, actor)


def _progress(done: int, of: int, what: str) -> None:
    width = 30
    filled = width * done // max(of, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{of} {what[:40]:<40}")
    if done >= of:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _m(value: Money | None) -> str:
    return "" if value is None else str(value)


# --- connection ------------------------------------------------------------------------------


def run_add_login(args: argparse.Namespace) -> int:
    info = connection.add_login_at(args.url, args.name, args.role)
    print(f"Finance login {info['login']} ({info['role']}) is ready.")
    print(f"  url      = {info['url']}")
    print(f"  password = {info['password']}")
    print("On the office's workstation run (the password is read from standard input):")
    print(f"  counterpos office connect '{info['url']}' --user ADMIN --password-stdin")
    return 0


def run_connect(args: argparse.Namespace) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    actor.require("edit_settings", "connect the back office")
    password = sys.stdin.readline().strip() if args.password_stdin else None
    where = connection.connect(station, actor.username, args.url, password)
    print(
        "The back office is connected" + (f"; its password is kept in {where}." if where else ".")
    )
    return 0


# --- the first screen and the reconciliation ------------------------------------------------


def run_exceptions(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        found = deposits.exceptions(office)
    finally:
        office.close()
    if not found:
        print("No exception: every deposit is banked on time and equals its sessions.")
        return 0
    for e in found:
        print(f"{e.kind:<14} {e.age_days:>3} day(s)  {e.message}")
    return 1


def run_day(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        rec = reconciliation.day(office, args.date)
    finally:
        office.close()
    print(f"City-wide reconciliation of {args.date:%m/%d/%Y}")
    flagged = 0
    for st in rec.stations:
        heard = f"{st.last_heard:%m/%d %H:%M}" if st.last_heard else "never"
        flag = f"  MISSING: {st.reason}" if st.missing else ""
        flagged += st.missing
        print(f"\n{st.code}  (last heard {heard}){flag}")
        for s in st.sessions:
            print(
                f"  {s.session_id[-8:]} {s.kind:<9} {s.cashier[:18]:<18} {s.status:<6} "
                f"float {_m(s.opening_float):>9} expected {_m(s.expected):>10} "
                f"counted {_m(s.counted):>10} over/short {_m(s.over_short):>8} "
                f"{s.sales:>4} sales {_m(s.collected):>10}"
                + (f"  accepted by {s.accepted_by}" if s.accepted_by else "")
            )
    return 1 if flagged else 0


def run_session(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        sid = reconciliation.resolve_session(office, args.session)
        if args.z:
            print("\n".join(z_text(session_report.z_report(office, sid))))
            return 0
        sales = reconciliation.session_sales(office, sid)
    finally:
        office.close()
    for s in sales:
        print(
            f"{s.receipt_no:<14} {s.at:%H:%M} {s.kind:<7} {s.cashier[:18]:<18} {s.total!s:>10}  {s.tenders}"
        )
    print(f"{len(sales)} sale(s).")
    return 0


def run_receipt(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        doc = reconciliation.sale_receipt(
            office, reconciliation.sale_id_for(office, args.receipt_no)
        )
    finally:
        office.close()
    print("\n".join(receipt_text(doc)))
    return 0


# --- deposits --------------------------------------------------------------------------------


def _print_deposit(d: deposits.DepositView) -> None:
    print(
        f"Deposit {d.deposit_no}  bag {d.bag_no}  {d.business_day:%m/%d/%Y}  {d.state}  "
        f"total {d.total}  (cash {d.cash}; sessions' counted cash less floats {d.expected_cash})"
    )
    print(
        f"  prepared by {d.prepared_by}"
        + (f", verified by {d.verified_by}" if d.verified_by else "")
        + (f", banked {d.banked_on:%m/%d/%Y}" if d.banked_on else "")
    )


def run_deposit_prepare(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        sessions = None
        if args.session:
            sessions = [reconciliation.resolve_session(office, s) for s in args.session]
        d = deposits.prepare(
            office,
            bag_no=args.bag,
            session_ids=sessions,
            day=args.date,
            bank_account=args.bank_account,
        )
    finally:
        office.close()
    _print_deposit(d)
    return 0


def run_deposit_verify(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        d = deposits.verify(office, deposits.by_number(office, args.number).id, args.note)
    finally:
        office.close()
    _print_deposit(d)
    return 0


def run_deposit_bank(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        d = deposits.bank(office, deposits.by_number(office, args.number).id, args.on)
    finally:
        office.close()
    _print_deposit(d)
    return 0


def run_deposits(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        found = deposits.deposits(office, since=args.since)
    finally:
        office.close()
    for d in found:
        _print_deposit(d)
    print(f"{len(found)} deposit(s).")
    return 0


# --- the bank --------------------------------------------------------------------------------


def run_bank_import(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        result = bank_import.import_statement(
            office, args.file, fmt=args.format, bank_account=args.bank_account
        )
        matched = 0 if result.duplicate else bank_matching.auto_match(office)
    finally:
        office.close()
    print(result.message or f"{args.file.name}: {result.lines} transaction(s) imported.")
    if not result.duplicate:
        print(f"{matched} item(s) matched.")
    return 0


def run_bank_unmatched(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        items = bank_matching.unmatched(office)
    finally:
        office.close()
    for u in items:
        print(
            f"{u.side:<5} {u.kind:<8} {u.key[:36]:<36} {u.amount!s:>12} {u.on:%m/%d/%Y} {u.age_days:>3} day(s)  {u.label}"
        )
    print(f"{len(items)} unmatched item(s).")
    return 1 if items else 0


def run_bank_match(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        bank_matching.match_by_hand(office, args.bank_line_id, args.kind, args.key)
    finally:
        office.close()
    print("Matched.")
    return 0


# --- the journal -----------------------------------------------------------------------------


def _print_journal(v: journal.JournalView, lines: bool = False) -> None:
    j = v.journal
    print(
        f"Journal {j.number}  {j.business_day:%m/%d/%Y}  {j.kind}  {v.state}  "
        f"debits {j.debits}  credits {j.credits}  exports {v.exports}"
        + (f"  (corrects {j.corrects})" if j.corrects else "")
    )
    if lines:
        for ln in j.lines:
            print(
                f"  {ln.line_no:>3} {ln.account:<8} {ln.fund:<4} {ln.account_name[:36]:<36} "
                f"{_m(ln.debit) if ln.debit.cents else '':>12} {_m(ln.credit) if ln.credit.cents else '':>12}  {ln.memo}"
            )


def run_journal_draft(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        v = journal.draft(office, args.date)
    finally:
        office.close()
    _print_journal(v, lines=True)
    return 0


def run_journal_post(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        v = journal.post(office, journal.by_number(office, args.number).id)
    finally:
        office.close()
    _print_journal(v)
    return 0


def run_journal_export(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        done = journal_export.export(office, journal.by_number(office, args.number).id, args.file)
    finally:
        office.close()
    what = f"copy {done.copy_no}" if done.is_copy else "the original"
    print(f"Journal {done.journal_no} written to {done.path} ({what}; sha256 {done.sha256[:16]}…).")
    return 0


def run_journal_correct(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        v = journal.correct(office, journal.by_number(office, args.number).id, args.reason)
    finally:
        office.close()
    _print_journal(v, lines=True)
    return 0


def run_journals(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        found = journal.journals(office, args.date)
    finally:
        office.close()
    for v in found:
        _print_journal(v)
    print(f"{len(found)} journal(s).")
    return 0


def run_journal_show(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        v = journal.by_number(office, args.number)
    finally:
        office.close()
    _print_journal(v, lines=True)
    return 0


# --- returned payments, payment files, suspense ----------------------------------------------


def run_return(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        tender_id = returns.find_tender(office, args.receipt_no, args.check_no)
        r = returns.return_payment(office, tender_id, args.reason)
    finally:
        office.close()
    print(
        f"Payment of {r.amount} on receipt {r.receipt_no} reversed by {r.reversal_receipt_no}; "
        f"returned-check fee {r.fee} (return no. {r.occurrence} of this customer)."
    )
    if r.cash_only_until:
        print(f"The account pays cash only until {r.cash_only_until:%m/%d/%Y}.")
    for lic in r.licenses_unpaid:
        print(f"Back to unpaid: {lic}")
    return 0


def _batch(result: payment_files.BatchResult) -> int:
    if result.duplicate:
        print(result.message)
        return 1
    print(
        f"{result.posted} payment(s) posted, {result.suspense} held in suspense, total "
        f"{result.total}; session {result.session_id[-8:]}."
    )
    for conf in result.refused:
        print(f"Refused, seen before: confirmation {conf}")
    return 0


def run_payments_import(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        result = payment_files.import_file(office, args.file, args.kind)
    finally:
        office.close()
    return _batch(result)


def run_mail_batch(args: argparse.Namespace) -> int:
    try:
        tape = MailTape(Money.parse(args.control_total))
    except ValueError as exc:
        raise InputError(f"The adding-machine total: {exc}") from exc
    for n, line in enumerate(sys.stdin, start=1):
        parts = line.split(maxsplit=3)
        if not parts:
            continue
        try:
            if len(parts) >= 3:
                tape.add(
                    parts[0], Money.parse(parts[1]), parts[2], parts[3] if len(parts) > 3 else ""
                )
            elif len(parts) == 2:  # a scanned stub and the check's number
                tape.scan(parts[0], parts[1])
            else:
                raise ValueError("give ACCOUNT AMOUNT CHECK [PAYER], or STUB CHECK")
        except ValueError as exc:
            raise InputError(f"Line {n}: {exc}; nothing was posted.") from exc
        print(f"{n:>4} {tape.items[-1][0]:<16} {tape.items[-1][1]!s:>10}   tape {tape.tape!s:>12}")
    office = _office(args)
    try:
        result = mail_batch.post(office, tape)
    finally:
        office.close()
    return _batch(result)


def run_suspense(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        items = suspense.open_items(office)
    finally:
        office.close()
    for i in items:
        print(
            f"{i.remittance_id}  {i.batch_kind:<7} {i.confirmation_no:<16} {i.account_no:<14} {i.amount!s:>10} {i.age_days:>3} day(s)  {i.reason}"
        )
    print(f"{len(items)} payment(s) in suspense.")
    return 0


def run_suspense_resolve(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        receipt = suspense.resolve(
            office, args.remittance_id, args.action, account_no=args.account, note=args.note
        )
    finally:
        office.close()
    print(f"Resolved ({args.action}); receipt {receipt}.")
    return 0


# --- autopay ---------------------------------------------------------------------------------


def run_autopay_enroll(args: argparse.Namespace) -> int:
    bank_account = sys.stdin.readline().strip() if args.bank_account == "-" else args.bank_account
    office = _office(args)
    try:
        e = autopay.enroll(
            office, args.account_no, args.holder, args.routing_no, bank_account, args.type
        )
    finally:
        office.close()
    print(
        f"Account {e.account_no} enrolled: {e.holder}, {e.routing_no} {e.bank_account}; a prenote goes with the next run."
    )
    return 0


def run_autopay_list(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        found = autopay.enrolments(office)
    finally:
        office.close()
    for e in found:
        pre = f"prenoted {e.prenoted_on:%m/%d/%Y}" if e.prenoted_on else "prenote pending"
        print(
            f"{e.account_no:<14} {e.holder[:24]:<24} {e.routing_no} {e.bank_account:<10} {e.account_type:<8} {pre}"
        )
    print(f"{len(found)} enrolment(s).")
    return 0


def run_autopay_run(args: argparse.Namespace) -> int:
    station = open_station(args)
    orig = autopay.originator(station)
    office = connection.open_office(station, login_from_args(station, args.user))
    try:
        done = autopay.run(office, orig, args.date, args.file)
    finally:
        office.close()
    print(
        f"NACHA file {done.file_no} written to {done.path}: {done.debits} debit(s) of "
        f"{done.total} in all, {done.prenotes} prenote(s)."
    )
    return 0


def run_autopay_returns(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        done = autopay.apply_returns(office, args.file)
    finally:
        office.close()
    if done.duplicate:
        print(f"{args.file.name} was applied before; nothing was posted.")
        return 1
    print(f"{done.returned} returned debit(s) reversed; {done.prenotes} returned prenote(s) noted.")
    return 0


# --- reports and the audit trail -------------------------------------------------------------


def run_report(args: argparse.Namespace) -> int:
    try:
        period = periods.parse(args.period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    office = _office(args)
    try:
        period_reports.save(office, period, args.file, progress=_progress)
    finally:
        office.close()
    print(f"{period.label}: written to {args.file}.")
    return 0


def run_audit_verify(args: argparse.Namespace) -> int:
    office = _office(args)
    try:
        ok, n, problem = audit.verify(office)
    finally:
        office.close()
    print(f"{n} office event(s) checked: " + ("the chain is whole." if ok else problem))
    return 0 if ok else 1
