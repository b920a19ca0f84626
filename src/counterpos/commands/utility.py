"""`counterpos utility ...`: the utility desk from the command line (meters, reads, billing runs,
notices, shut-offs, renewals, the annual counts). Commands that change records sign in as
--user (the PIN from COUNTERPOS_PIN, else asked)."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from counterpos.commands.common import login_from_args, open_station
from counterpos.domain.money import Money
from counterpos.services.errors import InputError
from counterpos.services.utility.billing import bill_pdf as bill_pdfs
from counterpos.services.utility.billing import bills, rebill, runs
from counterpos.services.utility.delinquency import collections, run, shutoff
from counterpos.services.utility.meters import inventory, read_import, reads, review
from counterpos.services.utility.notices import letters, renewals
from counterpos.services.utility.notices import record as notices


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30") from None


def _user(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user", required=True, help="who does it (PIN from COUNTERPOS_PIN, else asked)"
    )


def register(sub: argparse._SubParsersAction) -> None:
    u = sub.add_parser(
        "utility",
        help="the utility desk: meters, reads, billing, notices",
        description="Meters and reads, monthly billing runs, late fees and notices (SB 998), "
        "shut-off lists, renewal notices and the annual counts.",
    )
    us = u.add_subparsers(dest="utility_command", metavar="AREA", required=True)

    m = us.add_parser("meters", help="the meter inventory").add_subparsers(
        dest="meters_command", metavar="ACTION", required=True
    )
    a = m.add_parser("add", help="enter a new meter into the inventory")
    a.add_argument("serial")
    a.add_argument("--size", required=True, help="5/8, 3/4, 1, 1.5 or 2 (inches)")
    a.add_argument("--make", required=True)
    a.add_argument("--model", default="")
    a.add_argument("--dials", type=int, default=4)
    _user(a)
    a.set_defaults(func=run_meter_add)
    i = m.add_parser("install", help="install a meter at an account, with its first read")
    i.add_argument("serial")
    i.add_argument("account")
    i.add_argument("--first-read", type=int, required=True)
    i.add_argument("--route", default="")
    i.add_argument("--seq", type=int, default=0, help="position on the route")
    i.add_argument("--location", default="", help="where on the lot")
    i.add_argument("--on", type=_day, default=None, help="install date (default today)")
    _user(i)
    i.set_defaults(func=run_meter_install)
    w = m.add_parser("swap", help="replace an account's meter: final read, new meter, first read")
    w.add_argument("account")
    w.add_argument("--final-read", type=int, required=True)
    w.add_argument("--new", required=True, help="serial of the new meter")
    w.add_argument("--first-read", type=int, required=True)
    w.add_argument("--rollover", action="store_true", help="the old meter rolled over")
    _user(w)
    w.set_defaults(func=run_meter_swap)
    ls = m.add_parser("list", help="list the meters")
    ls.add_argument("--status", choices=["in_stock", "installed", "removed", "retired"])
    ls.set_defaults(func=run_meter_list)

    r = us.add_parser("reads", help="meter reads").add_subparsers(
        dest="reads_command", metavar="ACTION", required=True
    )
    im = r.add_parser("import", help="import a handheld or AMR read file (CSV or fixed width)")
    im.add_argument("file", type=Path)
    im.add_argument("--layout", choices=["auto", "csv", "fixed"], default="auto")
    _user(im)
    im.set_defaults(func=run_reads_import)
    rs = r.add_parser("route", help="a route's meters in order, with last read and expected range")
    rs.add_argument("route")
    rs.set_defaults(func=run_route)
    h = r.add_parser("held", help="reads held for review before billing")
    h.set_defaults(func=run_held)
    rv = r.add_parser("review", help="decide on a held read")
    rv.add_argument("read_id")
    rv.add_argument("decision", choices=list(review.DECISIONS))
    rv.add_argument("--note", default="")
    _user(rv)
    rv.set_defaults(func=run_review)
    c = r.add_parser("correct", help="correct a meter's latest read (rebills it if billed)")
    c.add_argument("serial")
    c.add_argument("value", type=int)
    c.add_argument("--reason", required=True)
    c.add_argument("--rollover", action="store_true")
    _user(c)
    c.set_defaults(func=run_correct)

    b = us.add_parser("billing", help="billing runs").add_subparsers(
        dest="billing_command", metavar="ACTION", required=True
    )
    br = b.add_parser("run", help="bill a cycle (YYYY-MM, the month of its reads) or a route")
    br.add_argument("cycle")
    br.add_argument("--route", default="")
    br.add_argument("--bill-date", type=_day, default=None)
    br.add_argument(
        "--estimate", action="store_true", help="bill accounts without a read on an estimate"
    )
    _user(br)
    br.set_defaults(func=run_billing)
    rr = b.add_parser("reverse", help="reverse a billing run (frees its cycle)")
    rr.add_argument("run")
    rr.add_argument("--reason", required=True)
    _user(rr)
    rr.set_defaults(func=run_reverse)
    rl = b.add_parser("runs", help="list billing runs")
    rl.add_argument("--cycle", default=None)
    rl.set_defaults(func=run_runs)
    rg = b.add_parser("register", help="the bill register of a cycle")
    rg.add_argument("cycle")
    rg.add_argument("--route", default="")
    rg.add_argument("--csv", type=Path, default=None, help="also write every bill to this CSV")
    rg.set_defaults(func=run_register)
    bp = b.add_parser("pdf", help="every bill of a run in one PDF for the mail")
    bp.add_argument("run")
    bp.add_argument("--out", type=Path, required=True)
    _user(bp)
    bp.set_defaults(func=run_bills_pdf)
    one = us.add_parser("bill", help="one bill: print it, or save its PDF")
    one.add_argument("bill_no")
    one.add_argument("--pdf", type=Path, default=None)
    one.add_argument("--user", default=None, help="needed with --pdf (the copy is audited)")
    one.set_defaults(func=run_bill)

    n = us.add_parser("notices", help="late fees and notices").add_subparsers(
        dest="notices_command", metavar="ACTION", required=True
    )
    nr = n.add_parser("run", help="charge late fees due and record today's notices")
    nr.add_argument("--on", type=_day, default=None)
    nr.add_argument("--letters", type=Path, default=None, help="also print the letters to this PDF")
    _user(nr)
    nr.set_defaults(func=run_notices)
    nl = n.add_parser("letters", help="print a notice run's letters into one PDF")
    nl.add_argument("run_id")
    nl.add_argument("--out", type=Path, required=True)
    _user(nl)
    nl.set_defaults(func=run_letters)
    na = n.add_parser("account", help="the notices an account was sent")
    na.add_argument("account")
    na.set_defaults(func=run_notices_of)
    co = us.add_parser("collections", help="the collections list")
    co.add_argument("--csv", type=Path, default=None)
    co.set_defaults(func=run_collections)

    s = us.add_parser("shutoff", help="SB 998 shut-off eligibility").add_subparsers(
        dest="shutoff_command", metavar="ACTION", required=True
    )
    sl = s.add_parser("list", help="accounts that may be disconnected on a day")
    sl.add_argument("--on", type=_day, default=None)
    sl.set_defaults(func=run_shutoff_list)
    sc = s.add_parser("check", help="may this account be disconnected, and if not why")
    sc.add_argument("account")
    sc.add_argument("--on", type=_day, default=None)
    sc.set_defaults(func=run_shutoff_check)
    sp = s.add_parser(
        "protect",
        help="put one of SB 998's conditions on file for a period (medical, cannot_pay, "
        "willing), or a household's low-income qualification (low_income)",
    )
    sp.add_argument("account")
    sp.add_argument("--condition", required=True, choices=sorted(shutoff.CONDITIONS))
    sp.add_argument("--from", dest="valid_from", type=_day, required=True)
    sp.add_argument("--to", dest="valid_to", type=_day, required=True)
    sp.add_argument("--note", default="", help="what was seen (certificate, declaration)")
    _user(sp)
    sp.set_defaults(func=run_shutoff_protect)
    sd = s.add_parser("disconnect", help="record water turned off, only if every rule allows it")
    sd.add_argument("account")
    sd.add_argument("--on", type=_day, default=None)
    _user(sd)
    sd.set_defaults(func=run_disconnect)
    sr = s.add_parser("reconnect", help="record water turned back on and charge its fee")
    sr.add_argument("account")
    sr.add_argument("--on", type=_day, default=None)
    sr.add_argument("--note", default="")
    _user(sr)
    sr.set_defaults(func=run_reconnect)

    rn = us.add_parser("renewals", help="business and animal licenses coming due")
    rn.add_argument("--within", type=int, default=30, help="days ahead (default 30)")
    rn.add_argument("--send", action="store_true", help="record the renewal notices")
    rn.add_argument(
        "--letters", type=Path, default=None, help="with --send: print the letters here"
    )
    rn.add_argument("--user", default=None, help="needed with --send")
    rn.set_defaults(func=run_renewals)

    an = us.add_parser("annual-report", help="disconnections and reconnections in a year")
    an.add_argument("--year", type=int, required=True)
    an.set_defaults(func=run_annual)


def _progress(done: int, total: int) -> None:
    print(f"\r  {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def run_meter_add(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    m = inventory.add_meter(
        station, actor, args.serial, args.size, args.make, args.model, args.dials
    )
    print(f'Meter {m.serial} ({m.size}" {m.make}) is in stock.')
    return 0


def run_meter_install(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    m = inventory.install_meter(
        station,
        actor,
        args.serial,
        args.account,
        args.first_read,
        on=args.on,
        location=args.location,
        route=args.route,
        route_seq=args.seq,
    )
    print(
        f"Meter {m.serial} installed at {m.service_address} (account {m.account_no}), first read {m.last_value}."
    )
    return 0


def run_meter_swap(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = inventory.swap_meter(
        station,
        actor,
        args.account,
        args.final_read,
        args.new,
        args.first_read,
        rollover=args.rollover,
    )
    print(
        f"Account {r.account_no}: meter {r.old_serial} removed at {r.final_read} "
        f"({r.final_consumption} used), {r.new_serial} installed at {r.first_read}."
    )
    return 0


def run_meter_list(args) -> int:
    station = open_station(args)
    for m in inventory.inventory(station, args.status):
        where = (
            f"{m.account_no:<12} {m.route:<5} {m.service_address}"
            if m.status == "installed"
            else ""
        )
        last = "" if m.last_value is None else f"last {m.last_value} on {m.last_read_on:%m/%d/%Y}"
        print(f'{m.serial:<14} {m.size:>4}"  {m.status:<10} {where}  {last}'.rstrip())
    return 0


def run_reads_import(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    result = read_import.import_reads(
        station, actor, args.file.read_bytes(), args.file.name, args.layout
    )
    held = ", ".join(f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(result.held.items()))
    print(
        f"Imported {result.records} reads ({result.layout}); {result.estimated} estimated; "
        f"held for review: {held or 'none'}."
    )
    return 0


def run_route(args) -> int:
    station = open_station(args)
    for s in reads.route_sheet(station, args.route):
        rng = "" if s.expected_low is None else f"expect {s.expected_low}-{s.expected_high}"
        got = (
            ""
            if s.read_value is None
            else f"READ {s.read_value}" + (f" (held: {s.held})" if s.held else "")
        )
        print(
            f"{s.position:>4} {s.serial:<14} {s.account_no:<12} {s.service_address:<28} last {s.last_value}  {rng}  {got}".rstrip()
        )
    return 0


def run_held(args) -> int:
    station = open_station(args)
    held = review.held_reads(station)
    if not held:
        print("No reads are held for review.")
    for h in held:
        print(
            f"{h.read_id}  {h.serial:<14} {h.account_no:<12} {h.read_on:%m/%d/%Y} {h.previous}->{h.value}  {h.reason_text}"
        )
    return 0


def run_review(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = review.review_read(station, actor, args.read_id, args.decision, args.note)
    extra = f"; usage notice {r.notice_no}, work order {r.work_order_no}" if r.notice_no else ""
    print(f"Read {r.read_id}: {r.decision}{extra}.")
    return 0


def run_correct(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = rebill.correct_read(
        station, actor, args.serial, args.value, args.reason, rollover=args.rollover or None
    )
    rebilled = (
        f"; bill {r.reversed_bill} reverses the old bill, {r.new_bill} bills {Money(r.new_total_cents)}"
        if r.new_bill
        else ""
    )
    print(
        f"Meter {r.serial}: {r.old_value} corrected to {r.value} ({r.consumption} used){rebilled}."
    )
    return 0


def run_billing(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = runs.billing_run(
        station,
        actor,
        args.cycle,
        route=args.route,
        bill_date=args.bill_date,
        estimate_missing=args.estimate,
    )
    print(
        f"Run {r.run_no}: {r.bills} bills, {Money(r.total_cents)}, {r.consumption} HCF, "
        f"{r.estimated} estimated; due {r.due_date:%m/%d/%Y}."
    )
    if r.held:
        print(f"Held for review ({len(r.held)}): " + ", ".join(a for a, _ in r.held[:20]))
    if r.no_read:
        print(f"No read ({len(r.no_read)}): " + ", ".join(r.no_read[:20]))
    return 0


def run_reverse(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = runs.reverse_run(station, actor, args.run, args.reason)
    print(f"Run {r.run_no} reverses {r.reverses}: {r.bills} bills, {Money(r.total_cents)}.")
    return 0


def run_runs(args) -> int:
    station = open_station(args)
    for r in runs.runs(station, args.cycle):
        note = (
            f"reverses {r.reverses}"
            if r.reverses
            else (f"reversed by {r.reversed_by}" if r.reversed_by else "")
        )
        print(
            f"{r.run_no}  {r.cycle}  {r.route or 'all':<5} {r.bill_date:%m/%d/%Y} {r.bills:>7} {Money(r.total_cents).format():>16}  {note}"
        )
    return 0


def run_register(args) -> int:
    station = open_station(args)
    reg = bills.register(station, args.cycle, args.route)
    print(f"Bill register, cycle {reg.cycle}{' route ' + reg.route if reg.route else ''}")
    print(f"  bills {reg.count}, {reg.consumption} HCF, {Money(reg.total_cents)}")
    for label, cents in reg.by_line:
        print(f"  {label:<40} {Money(cents).format():>16}")
    for gl, cents in reg.by_gl:
        print(f"  GL {gl:<37} {Money(cents).format():>16}")
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(
                [
                    "bill_no",
                    "account_no",
                    "bill_date",
                    "due_date",
                    "consumption",
                    "estimated",
                    "total",
                    "reverses",
                    "reversed_by",
                ]
            )
            for b in reg.bills:
                out.writerow(
                    [
                        b.bill_no,
                        b.account_no,
                        b.bill_date,
                        b.due_date,
                        b.consumption,
                        int(b.estimated),
                        Money(b.total_cents).plain(),
                        b.reverses_no,
                        b.reversed_by,
                    ]
                )
        print(f"Wrote {args.csv}")
    return 0


def run_bills_pdf(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    n = bill_pdfs.run_bills_pdf(station, actor, args.run, args.out, _progress)
    print(f"Wrote {n} bills to {args.out}")
    return 0


def run_bill(args) -> int:
    station = open_station(args)
    b = bills.bill(station, args.bill_no)
    if args.pdf:
        if not args.user:
            raise InputError("--pdf needs --user (a printed copy is audited).", field="user")
        actor = login_from_args(station, args.user)
        args.pdf.write_bytes(bill_pdfs.bill_pdf(station, actor, args.bill_no))
        print(f"Wrote {args.pdf}")
        return 0
    print(f"Bill {b.bill_no}  account {b.account_no}  cycle {b.cycle}  due {b.due_date:%m/%d/%Y}")
    for line in b.lines:
        print(f"  {line.label:<44} {Money(line.cents).format():>12}")
    print(f"  {'Total':<44} {Money(b.total_cents).format():>12}")
    return 0


def run_notices(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    r = run.delinquency_run(station, actor, args.on)
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(r.notices.items())) or "none"
    print(
        f"Notice run {r.run_id}: {r.accounts_owing} accounts owing; {r.late_fees} late fees "
        f"({Money(r.late_fee_cents)}); notices: {kinds}; arrangements broken: {r.arrangements_broken}."
    )
    if args.letters and r.notices:
        n = letters.run_letters_pdf(station, actor, r.run_id, args.letters, _progress)
        print(f"Wrote {n} letters to {args.letters}")
    return 0


def run_letters(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    n = letters.run_letters_pdf(station, actor, args.run_id, args.out, _progress)
    print(f"Wrote {n} letters to {args.out}")
    return 0


def run_notices_of(args) -> int:
    station = open_station(args)
    for x in notices.notices_of(station, args.account):
        extra = f" shut-off on/after {x.shutoff_on:%m/%d/%Y}" if x.shutoff_on else ""
        print(
            f"{x.notice_no}  {x.issued_on:%m/%d/%Y}  {x.kind_text:<36} {Money(x.amount_cents).format():>12}{extra}{' RETURNED' if x.returned else ''}"
        )
    return 0


def run_collections(args) -> int:
    station = open_station(args)
    items = collections.collections_list(station)
    for c in items:
        print(
            f"{c.account_no:<12} {c.customer[:28]:<28} {Money(c.owed_cents).format():>12}  unpaid since {c.unpaid_since}  notice {c.notice_no} ({c.days_since_notice} days)"
        )
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(
                [
                    "account_no",
                    "customer",
                    "service_address",
                    "status",
                    "owed",
                    "unpaid_since",
                    "notice_no",
                    "noticed_on",
                ]
            )
            for c in items:
                out.writerow(
                    [
                        c.account_no,
                        c.customer,
                        c.service_address,
                        c.status,
                        Money(c.owed_cents).plain(),
                        c.unpaid_since,
                        c.notice_no,
                        c.noticed_on,
                    ]
                )
        print(f"Wrote {args.csv}")
    if not items:
        print("Nobody is on the collections list.")
    return 0


def run_shutoff_list(args) -> int:
    station = open_station(args)
    found = shutoff.shutoff_list(station, args.on)
    if not found:
        print("No account may be disconnected that day.")
    for c in found:
        print(
            f"{c.account_no:<12} {Money(c.past_due_cents).format():>12} past due since {c.oldest_due:%m/%d/%Y}  notice {c.final_notice_no}"
        )
    return 0


def run_shutoff_check(args) -> int:
    station = open_station(args)
    c = shutoff.shutoff_check(station, args.account, args.on)
    if c.eligible:
        print(
            f"Account {c.account_no} may be disconnected on {c.on:%m/%d/%Y} ({Money(c.past_due_cents)} past due)."
        )
    else:
        print(f"Account {c.account_no} may not be disconnected on {c.on:%m/%d/%Y}:")
        for reason in c.reasons:
            print(f"  - {reason}")
    return 0


def run_shutoff_protect(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    shutoff.record_protection(
        station, actor, args.account, args.condition, args.valid_from, args.valid_to, args.note
    )
    print(
        f"Account {args.account}: {args.condition} on file from {args.valid_from:%m/%d/%Y} "
        f"to {args.valid_to:%m/%d/%Y}."
    )
    return 0


def run_disconnect(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    c = shutoff.disconnect(station, actor, args.account, args.on)
    print(
        f"Account {c.account_no} disconnected on {c.on:%m/%d/%Y} "
        f"({Money(c.past_due_cents)} past due; final notice {c.final_notice_no})."
    )
    return 0


def run_reconnect(args) -> int:
    station = open_station(args)
    actor = login_from_args(station, args.user)
    fee = shutoff.reconnect(station, actor, args.account, args.on, args.note)
    when = "business hours" if fee.business_hours else "after hours"
    capped = ", capped for a low-income household" if fee.capped else ""
    print(
        f"Account {args.account} reconnected; reconnection fee {Money(fee.cents)} "
        f"({when}{capped}) charged to the account."
    )
    return 0


def run_renewals(args) -> int:
    station = open_station(args)
    if args.send:
        if not args.user:
            raise InputError(
                "--send needs --user (the notices are recorded in that name).", field="user"
            )
        actor = login_from_args(station, args.user)
        r = renewals.send_renewal_notices(station, actor, args.within)
        sent = (
            ", ".join(f"{n} {k.replace('renewal_', '')}" for k, n in sorted(r.sent.items()))
            or "none"
        )
        print(f"Renewal notices sent: {sent} ({r.already_sent} had one already).")
        if args.letters and r.sent:
            n = letters.run_letters_pdf(station, actor, r.run_id, args.letters, _progress)
            print(f"Wrote {n} letters to {args.letters}")
    for item in renewals.renewal_list(station, args.within):
        print(
            f"{item.expires_on:%m/%d/%Y}  {item.license_no:<16} {item.kind:<8} {item.holder[:28]:<28} {item.description[:30]:<30} {item.notice_no}"
        )
    return 0


def run_annual(args) -> int:
    station = open_station(args)
    c = shutoff.annual_counts(station, args.year)
    print(
        f"{c.year}: {c.disconnections} disconnections for non-payment ({c.disconnections_residential} residential), {c.reconnections} reconnections."
    )
    return 0
