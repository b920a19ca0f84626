"""The card-number guard at the store boundary (store/pan_boundary.py): both doors, every column."""

from __future__ import annotations

import pytest
from sqlalchemy import JSON, Column, String, Table, Text, insert, select, update
from sqlalchemy.orm import Session

from counterpos.domain.kinds import SaleKind
from counterpos.domain.pan_guard import MASK, CardNumberFound
from counterpos.store import pan_boundary
from counterpos.store.models import (
    AuditEvent,
    Base,
    Customer,
    LedgerEntry,
    OutboxRow,
    PrintJob,
    Sale,
    Setting,
)
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import audit_row, sale_row
from tests.domain.test_pan_guard import DISGUISES
from tests.store.full_sale import counts

PAN = "4111 1111 1111 1111"


def _text_columns():
    for table in Base.metadata.sorted_tables:
        for col in table.columns:
            if isinstance(col.type, String | Text | JSON):
                yield table, col


def test_every_text_column_is_guarded_or_declared():
    """Every String, Text and JSON column of every table: guarded, or a key, or declared."""
    unguarded = []
    for table, col in _text_columns():
        guarded = col.key in pan_boundary.plan(table)
        key = bool(col.foreign_keys) or (col.primary_key and col.default is not None)
        declared = (table.name, col.name) in pan_boundary.NOT_TEXT
        if not (guarded or key or declared):
            unguarded.append(f"{table.name}.{col.name}")
    assert unguarded == []
    # and the free text the issue names is guarded
    for table, column in [
        ("sale", "note"),
        ("paid_in_out", "reason"),
        ("drawer_close", "note"),
        ("ledger_entry", "memo"),
        ("customer", "mailing_address"),
        ("utility_account", "service_address"),
        ("passport_mailing", "tracking_no"),
        ("audit_event", "actor"),
        ("audit_event", "target"),
        ("audit_event", "details"),
        ("sale_line", "details"),
        ("refund_request", "mail_to"),
        ("setting", "value"),
    ]:
        assert column in pan_boundary.plan(Base.metadata.tables[table]), (table, column)


def test_a_new_text_column_is_guarded_without_being_listed():
    table = Table(
        "brand_new_table",
        Base.metadata.__class__(),
        Column("id", String(36), primary_key=True),
        Column("remark", String(200)),
        Column("extra", JSON),
    )
    assert pan_boundary.plan(table) == {"id": "refuse", "remark": "refuse", "extra": "refuse"}


@pytest.mark.parametrize("form", [PAN, *DISGUISES.values()])
def test_the_orm_door_refuses_a_card_number_and_writes_nothing(station, form):
    before = counts(station)
    with pytest.raises(CardNumberFound) as refused, station.store.write() as s:
        s.add(Customer(customer_no="C-TEST-1", first_name="Ana", mailing_address=form))
    assert refused.value.field == "mailing_address"
    assert "The mailing address looks like a card number" in str(refused.value)
    with station.store.read() as s:
        assert s.scalar(select(Customer).where(Customer.customer_no == "C-TEST-1")) is None
    assert counts(station) == before  # no outbox row either


def test_an_update_is_guarded_too(station):
    with station.store.write() as s:
        cust = s.scalars(select(Customer).limit(1)).one()
        cust_id = cust.id
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.get_one(Customer, cust_id).last_name = PAN
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(update(Customer).where(Customer.id == cust_id).values(email=PAN))
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(update(Customer), [{"id": cust_id, "phone": PAN}])


def test_core_inserts_are_guarded_in_every_form(station):
    row = {"id": "x1", "customer_no": "C-TEST-2", "first_name": PAN}
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(insert(Customer), [row])  # executemany
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(insert(Customer).values(**row))  # inline values
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(insert(Customer.__table__).values([row, dict(row, id="x2")]))  # multi-values


def test_the_plain_values_door_refuses_too_and_queues_nothing(station, cashier, drawer):
    before = counts(station)
    sale = sale_row(
        kind=SaleKind.SALE,
        receipt_no="T1-999999",
        station_code="T1",
        sequence=999_999,
        session_id=drawer.session_id,
        user_id=cashier.user_id,
        total_cents=100,
        note=DISGUISES["full-width digits"],
    )
    with pytest.raises(CardNumberFound) as refused, station.store.write() as s:
        insert_synced(s, [(Sale, [sale])])
    assert refused.value.field == "note"
    assert counts(station) == before


def test_json_values_are_searched_to_the_bottom(station, cashier, drawer):
    from datetime import datetime

    for details in (
        {"memo": PAN},
        {"applicants": [{"name": "Ana", "notes": f"card {PAN}"}]},
        {"card": 4111111111111111},  # as a number
        {PAN: "as a key"},
        {"card": -4111111111111111},  # a negative number
        {"account_no": "10000000", "paid": True, "none": None, "cents": 1.5, "memo": PAN},
        {"service_address": "6401 Los Robles Ave", "bill_no": "B1-B0000001", "x": PAN},
        {"a": {"b": {"c": ["short", {"d": DISGUISES["full-width digits"]}]}}},
        {"tuple": ("ok", PAN.replace(" ", ""))},
        {"4111111111111111": 1},  # a key of digits only, as JSON keeps a number as a key
        {4111111111111111: "a number as a key"},
    ):
        event = audit_row(
            seq=99,
            station_code="T1",
            at=datetime(2026, 1, 1),
            action="test",
            actor="maria",
            approver="",
            target="",
            details=details,
            prev_hash="0" * 64,
            hash="1" * 64,
        )
        with pytest.raises(CardNumberFound), station.store.write() as s:
            insert_synced(s, [(AuditEvent, [event])])


def test_machine_messages_are_masked_not_refused(station):
    with station.store.write() as s:
        s.add(
            PrintJob(
                kind="print",
                printer_url="tcp://127.0.0.1:9100",
                status="failed",
                error=f"printer echoed {PAN}",
                station_code="T1",
            )
        )
    with station.store.read() as s:
        errors = list(s.scalars(select(PrintJob.error)))
    assert errors == [f"printer echoed {MASK}"]


def test_declared_long_digit_fields_take_their_own_format(station, cashier, drawer):
    transit = "7123456789012342"  # 16 digits, Luhn-valid: refused as plain text
    assert pan_boundary.check("sale_line", "details", {"card_no": transit}) is None
    with pytest.raises(CardNumberFound):
        pan_boundary.check("sale_line", "details", {"memo": transit})
    with pytest.raises(CardNumberFound):
        pan_boundary.check("sale_line", "details", {"card_no": "4111111111111111"})
    holder = {"doc_type": "bus_pass"}
    assert pan_boundary.check("issued_document", "holder", transit, row=holder) is None
    with pytest.raises(CardNumberFound):
        pan_boundary.check("issued_document", "holder", transit, row={"doc_type": "permit"})


def test_a_checks_micr_line_is_kept_in_the_tender_reference(station, cashier, drawer):
    """The check's MICR line (its account passes Luhn) is kept; a card number as its account,
    or the same digits as any other tender's reference, is refused."""
    micr = "⑆021000021⑆ 1234567890123452⑈ 1001"
    assert pan_boundary.check("tender", "reference", micr, row={"kind": "check"}) is None
    for bad, kind in (
        ("⑆021000021⑆ 4111111111111111⑈ 1001", "check"),
        (micr, "money_order"),
        ("1234567890123452", "check"),
    ):
        with pytest.raises(CardNumberFound):
            pan_boundary.check("tender", "reference", bad, row={"kind": kind})


def test_a_refusal_can_name_the_field_as_the_screen_does():
    with pytest.raises(CardNumberFound) as refused:
        pan_boundary.check("sale", "note", PAN, label="The reason")
    assert str(refused.value).startswith("The reason looks like a card number")


def test_settings_and_ledger_memos_are_guarded(station):
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.merge(Setting(key="city.phone", value=DISGUISES["no-break spaces"]))
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.execute(update(LedgerEntry).values(memo=PAN))


def test_the_outbox_keeps_copies_of_guarded_rows_only(station, cashier, drawer):
    """Its payload column is not scanned (copies of rows that passed), so nothing bypasses it:
    the row is refused before its copy is made."""
    with pytest.raises(CardNumberFound), station.store.write() as s:
        s.add(Customer(customer_no="C-TEST-3", business_name=PAN))
    with station.store.read() as s:
        payloads = list(s.scalars(select(OutboxRow.payload)))
    assert not any("4111" in p for p in payloads)


def test_the_guard_works_on_a_bare_session_too(station):
    """Not only through Store.write(): any Session on the store's engine is guarded."""
    with pytest.raises(CardNumberFound), Session(station.store.engine) as s, s.begin():
        s.add(Customer(customer_no="C-TEST-4", email=PAN))
