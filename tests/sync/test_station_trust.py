"""The centre trusts no station (db/central_migrations c0003): attacks by a second station.

The attacker holds what station CH2 holds: its database role and the password `sync connect`
stored. Every attack of issue 13's first section is tried against a real PostgreSQL, each
must be refused by the server itself, and an honest sync must still work end to end.
"""

from __future__ import annotations

import json
import shutil

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services import sessions
from counterpos.services.access import auth, pin
from counterpos.services.central import sync
from counterpos.services.errors import AuthError
from counterpos.services.sale import catalog, customers, sales
from counterpos.services.station import DB_FILE, Station
from counterpos.store.models import AuditEvent, Customer, OutboxRow, new_id, utcnow
from counterpos.sync import credentials
from tests.conftest import PINS, login
from tests.sync.helpers import admin_query, apply_held, attach, first_accounts

pytestmark = pytest.mark.pg

FLOAT = {"bill_20": 5}
REFUSED = (psycopg.errors.InsufficientPrivilege, psycopg.errors.UniqueViolation)


def _station(template_home, tmp_path, code: str) -> Station:
    home = tmp_path / code
    home.mkdir()
    shutil.copy(template_home / DB_FILE, home / DB_FILE)
    st = Station.open(home)
    st.set_code(code, f"Counter {code}")
    return st


@pytest.fixture
def city(template_home, tmp_path, central_url):
    """Two stations, CH1 and CH2, set up honestly: each has sold, synced, and the
    administrator applied the users and catalog they sent (users allowed at both)."""
    ch1 = _station(template_home, tmp_path, "CH1")
    ch2 = _station(template_home, tmp_path, "CH2")
    try:
        for st in (ch1, ch2):
            attach(st, central_url)
        account = first_accounts(ch1, 1)[0]
        maria1 = login(ch1, "maria")
        drawer1 = sessions.open_session(ch1, maria1, FLOAT)
        cart = Cart()
        cart.add(
            catalog.price_line(
                ch1, "utility_payment", details={"account_no": account}, amount_text="40.00"
            )
        )
        sold = sales.complete_sale(
            ch1,
            maria1,
            drawer1.session_id,
            cart,
            [Tender("check", Money(4000), reference="1001", payer="Rosa Payer")],
        )
        maria2 = login(ch2, "maria")
        drawer2 = sessions.open_session(ch2, maria2, FLOAT)
        cart = Cart()
        cart.add(
            catalog.price_line(
                ch2, "utility_payment", details={"account_no": account}, amount_text="2.50"
            )
        )
        sales.complete_sale(ch2, maria2, drawer2.session_id, cart, [Tender("cash", Money(250))])
        for st in (ch1, ch2, ch1):
            sync.run_once(st)
        apply_held(central_url)
        for st in (ch1, ch2):
            sync.run_once(st)
        yield {"ch1": ch1, "ch2": ch2, "account": account, "receipt": sold.receipt_no}
    finally:
        ch1.close()
        ch2.close()


def _attacker(station: Station) -> psycopg.Connection:
    """A connection as CH2's own role, with the password CH2 keeps."""
    url = make_url(sync.central_url(station)).set(drivername="postgresql")
    url = url.set(password=credentials.load(station.home))
    return psycopg.connect(url.render_as_string(False), autocommit=True)


def _row(admin_url: str, table: str, where: str, params=()) -> dict:
    """One central row as the administrator sees it, without the centre's own columns."""
    rows = admin_query(admin_url, f'SELECT to_jsonb(t) FROM "{table}" t WHERE {where}', params)
    value = dict(rows[0][0])
    for col in ("pushed_by", "changed_at", "stations"):
        value.pop(col, None)
    return value


def _insert(conn: psycopg.Connection, table: str, row: dict) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    conn.execute(
        f'INSERT INTO "{table}" ({cols}) SELECT {", ".join(f"r.{c}" for c in row)} '
        f'FROM jsonb_populate_record(NULL::"{table}", %s::jsonb) r',
        (json.dumps(row),),
    )


def test_a_second_station_can_change_nothing_of_another(city, central_url):
    ch1, ch2 = city["ch1"], city["ch2"]
    sale = _row(central_url, "sale", "receipt_no = %s", (city["receipt"],))
    line = _row(central_url, "sale_line", "sale_id = %s", (sale["id"],))
    entry = _row(central_url, "ledger_entry", "sale_line_id = %s", (line["id"],))
    tender = _row(central_url, "tender", "sale_id = %s", (sale["id"],))
    event = _row(central_url, "audit_event", "station_code = 'CH1' ORDER BY seq DESC LIMIT 1")
    session = _row(central_url, "drawer_session", "id = %s", (sale["session_id"],))
    own_sale = _row(central_url, "sale", "station_code = 'CH2' LIMIT 1")
    own_event = _row(central_url, "audit_event", "station_code = 'CH2' LIMIT 1")
    sofia_hash = admin_query(central_url, "SELECT pin_hash FROM app_user WHERE username='sofia'")
    forged_hash = pin.hash_pin("0000")
    role1 = make_url(sync.central_url(ch1)).username

    def fresh(row: dict, **changes) -> dict:
        return {**row, "id": new_id(), **changes}

    attacks = {
        # Reference data, directly and through the function.
        "PIN hash for sofia": "UPDATE app_user SET pin_hash = 'x' WHERE username = 'sofia'",
        "maria made a supervisor": "UPDATE app_user SET role = 'supervisor' WHERE username = 'maria'",
        "a new supervisor": (
            "INSERT INTO app_user (id, username, full_name, role, pin_hash, active, "
            "failed_attempts, created_at) VALUES ('x', 'mallory', 'M', 'admin', 'x', true, 0, now())"
        ),
        "void for every cashier": (
            "INSERT INTO role_permission (role, permission) VALUES ('cashier', 'void')"
        ),
        "refund for every cashier": "UPDATE role_permission SET role = 'cashier'",
        "a citation cut to $0.01": "UPDATE citation SET amount_cents = 1",
        "a fee cut": "UPDATE fee_schedule SET rule = '{}'",
        "a GL account changed": "UPDATE gl_account SET misc_allowed = true",
        "a tag block taken": "UPDATE tag_block SET station_code = 'CH2'",
        "a customer deleted": "DELETE FROM customer",
        "reference emptied": "TRUNCATE role_permission",
        "the reference function, users": (
            "SELECT counterpos_upsert_reference('app_user', "
            "json_build_array(json_build_object('id', 'x')))"
        ),
        "the reference function, permissions": (
            "SELECT counterpos_upsert_reference('role_permission', "
            '\'[{"role": "cashier", "permission": "void"}]\'::json)'
        ),
        "a station change marked applied": (
            "INSERT INTO station_change (table_name, record_id, payload, digest, status) "
            "VALUES ('app_user', 'x', '{}', 'x', 'applied')"
        ),
        "a station's claim taken": (
            "INSERT INTO station_claim VALUES ('CH1', 'receipt', 999999, 'CH1-999999')"
        ),
        "a station re-registered": "UPDATE sync_station SET role_name = current_user",
        # History in another station's name, or linked to another station's rows.
        "a ledger credit as CH1": lambda c: _insert(
            c,
            "ledger_entry",
            fresh(
                entry, amount_cents=-100000, sale_line_id=None, entry_type="adjustment", memo="x"
            ),
        ),  # fmt: skip
        "a payment credit with no sale": lambda c: _insert(
            c,
            "ledger_entry",
            fresh(entry, station_code="CH2", amount_cents=-100000, sale_line_id=None),
        ),  # fmt: skip
        "a ledger entry on CH1's sale line": lambda c: _insert(
            c, "ledger_entry", fresh(entry, station_code="CH2", amount_cents=-100000)
        ),
        "a billing charge": lambda c: _insert(
            c,
            "ledger_entry",
            fresh(entry, station_code="CH2", entry_type="charge", sale_line_id=None),
        ),  # fmt: skip
        "a sale as CH1": lambda c: _insert(
            c, "sale", fresh(sale, receipt_no="CH1-900001", sequence=900001)
        ),
        "a sale line on CH1's sale": lambda c: _insert(c, "sale_line", fresh(line)),
        "a tender on CH1's sale": lambda c: _insert(c, "tender", fresh(tender)),
        "an audit event as CH1": lambda c: _insert(c, "audit_event", fresh(event, seq=900001)),
        "a drawer session as CH1": lambda c: _insert(c, "drawer_session", fresh(session)),
        "a close of CH1's session": lambda c: _insert(
            c,
            "drawer_close",
            {
                "id": new_id(),
                "session_id": session["id"],
                "closed_at": "2026-01-01T10:00:00",
                "closed_by": sale["user_id"],
                "counted_cash_cents": 0,
                "expected_cash_cents": 0,
                "over_short_cents": 0,
                "closing_count": {},
                "note": "",
            },
        ),  # fmt: skip
        "a document on CH1's sale": lambda c: _insert(
            c,
            "issued_document",
            {
                "id": new_id(),
                "sale_id": sale["id"],
                "sale_line_id": line["id"],
                "doc_type": "permit",
                "doc_no": "X1",
                "holder": "x",
                "details": {},
                "created_at": "2026-01-01T10:00:00",
            },
        ),  # fmt: skip
        "a paid-out as CH1": lambda c: _insert(
            c,
            "paid_in_out",
            {
                "id": new_id(),
                "receipt_no": "CH1-900002",
                "station_code": "CH1",
                "sequence": 900002,
                "session_id": session["id"],
                "direction": "out",
                "amount_cents": 50000,
                "reason": "x",
                "user_id": sale["user_id"],
                "created_at": "2026-01-01T10:00:00",
            },
        ),  # fmt: skip
        "a sale pushed as CH1's role": lambda c: _insert(
            c, "sale", fresh(own_sale, receipt_no="CH2-900003", sequence=900003, pushed_by=role1)
        ),  # fmt: skip
        # The centre refuses a second (station, receipt number) and (station, audit seq).
        "a second CH2 receipt number": lambda c: _insert(c, "sale", fresh(own_sale)),
        "a second CH2 audit sequence": lambda c: _insert(c, "audit_event", fresh(own_event)),
        # Reading what is not the station's.
        "PIN hashes read": "SELECT pin_hash FROM app_user",
        "ledger memos read": "SELECT memo FROM ledger_entry",
    }
    refused = []
    with _attacker(ch2) as conn:
        for name, attack in attacks.items():
            try:
                if callable(attack):
                    attack(conn)
                else:
                    conn.execute(attack)
            except REFUSED as exc:
                unique = isinstance(exc, psycopg.errors.UniqueViolation)
                assert unique == name.startswith("a second CH2"), (name, exc)
                refused.append(name)
    assert refused == list(attacks), set(attacks) - set(refused)
    assert len(refused) == 33

    # Nothing changed at the centre.
    assert (
        admin_query(central_url, "SELECT pin_hash FROM app_user WHERE username='sofia'")
        == sofia_hash
    )
    assert admin_query(central_url, "SELECT count(*) FROM sale") == [(2,)]
    assert admin_query(central_url, "SELECT count(*) FROM ledger_entry") == [(2,)]
    assert admin_query(
        central_url, "SELECT count(*) FROM role_permission WHERE role = 'cashier' "
        "AND permission IN ('void', 'refund')"
    ) == [(0,)]  # fmt: skip

    # The same changes through CH2's own push, as station changes: held, never applied.
    with ch2.store.write() as s:
        payloads = {
            "app_user": {**_row(central_url, "app_user", "username = 'sofia'"),
                         "pin_hash": forged_hash},
            "app_user|maria": {**_row(central_url, "app_user", "username = 'maria'"),
                               "role": "supervisor"},
            "role_permission": {"role": "cashier", "permission": "void"},
            "citation": {**_row(central_url, "citation", "true LIMIT 1"), "amount_cents": 1},
        }  # fmt: skip
        for key, payload in payloads.items():
            table = key.split("|")[0]
            s.add(
                OutboxRow(
                    record_id=str(payload.get("id") or payload.get("citation_no") or "rp"),
                    table_name=table,
                    payload=json.dumps(payload, default=str),
                    created_at=utcnow(),
                )
            )
    report = sync.run_once(ch2)
    assert report.push.failed == 0
    held = admin_query(
        central_url,
        "SELECT table_name, status FROM station_change WHERE pushed_by = %s AND status = 'held'",
        (make_url(sync.central_url(ch2)).username,),
    )
    assert sorted(held) == sorted(
        [("app_user", "held"), ("app_user", "held"), ("role_permission", "held"),
         ("citation", "held")]
    )  # fmt: skip
    assert (
        admin_query(central_url, "SELECT pin_hash FROM app_user WHERE username='sofia'")
        == sofia_hash
    )
    # CH1's ordinary sync pulls none of it: sofia/0000 does not sign in there.
    sync.run_once(ch1)
    with pytest.raises(AuthError):
        auth.login(ch1, "sofia", "0000")
    assert login(ch1, "maria").role == "cashier"
    assert auth.login(ch1, "sofia", PINS["sofia"]).role == "supervisor"


def test_a_station_reads_only_what_it_needs(city, central_url):
    ch2 = city["ch2"]
    with _attacker(ch2) as conn:
        seen = {
            t: conn.execute(f"SELECT DISTINCT station_code FROM {t} ORDER BY 1").fetchall()
            for t in ("sale", "audit_event", "drawer_session")
        }
        payers = conn.execute("SELECT payer FROM tender").fetchall()
        ledger = conn.execute(
            "SELECT DISTINCT station_code FROM ledger_entry ORDER BY 1"
        ).fetchall()
        services_seen = conn.execute("SELECT count(*) FROM service").fetchone()[0]
    assert seen == {t: [("CH2",)] for t in seen}  # not CH1's sales, audit trail, sessions
    assert payers == [("",)]  # its own cash tender; not CH1's check payer
    assert ledger == [("CH1",), ("CH2",)]  # every station's entries, for balances
    assert services_seen > 0  # reference data

    # A user not allowed at CH2 comes down without a PIN hash, disabled.
    admin_query(central_url, "UPDATE app_user SET stations = '{CH1}' WHERE username = 'james'")
    with _attacker(ch2) as conn:
        james = conn.execute(
            "SELECT pin_hash, active FROM station_app_user WHERE username = 'james'"
        ).fetchone()
        sofia = conn.execute(
            "SELECT pin_hash FROM station_app_user WHERE username = 'sofia'"
        ).fetchone()
    assert james == ("", False)
    assert sofia[0].startswith("$argon2id$")
    sync.run_once(ch2)
    with pytest.raises(AuthError, match="disabled"):
        login(ch2, "james")
    assert login(city["ch1"], "james").username == "james"


def test_an_honest_sync_still_works_end_to_end(city, central_url):
    ch1, ch2, account = city["ch1"], city["ch2"], city["account"]
    # Both stations' payments on the one account are in both balances, each once.
    assert (
        customers.account_by_number(ch1, account).balance
        == customers.account_by_number(ch2, account).balance
    )
    before = customers.account_by_number(ch1, account).balance
    # A customer added at CH2 reaches CH1 (a station may add one): applied by the rule.
    cid = new_id()
    with ch2.store.write() as s:
        s.add(Customer(id=cid, customer_no="NCH2-0001", first_name="Ximena",
                       last_name="Quintero", created_at=utcnow()))  # fmt: skip
    sync.run_once(ch2)
    assert admin_query(
        central_url, "SELECT status FROM station_change WHERE record_id = %s", (cid,)
    ) == [("applied",)]
    sync.run_once(ch1)
    assert [h.customer_id for h in customers.search(ch1, "Quintero")] == [cid]
    # A later CH2 payment shows at CH1 after the next syncs.
    maria2 = login(ch2, "maria")
    drawer = sessions.current_session(ch2, maria2)
    cart = Cart()
    cart.add(
        catalog.price_line(
            ch2, "utility_payment", details={"account_no": account}, amount_text="7.00"
        )
    )
    sales.complete_sale(ch2, maria2, drawer.session_id, cart, [Tender("cash", Money(700))])
    sync.run_once(ch2)
    sync.run_once(ch1)
    assert customers.account_by_number(ch1, account).balance == before - Money(700)
    assert admin_query(central_url, "SELECT count(*) FROM sale") == [(3,)]
    with ch1.store.read() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.station_code == "CH2")) is None
