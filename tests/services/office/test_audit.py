"""The office's hash-chained audit trail at the centre (services/office/audit.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counterpos.services.office import audit

pytestmark = pytest.mark.pg


def test_the_chain_records_who_did_what_and_finds_an_edit(clerk, centre):
    with clerk.write() as conn:
        assert audit.record(conn, clerk, "first", target="a") == 1
        assert audit.record(conn, clerk, "second", details={"n": 2}) == 2
    assert audit.verify(clerk) == (True, 2, "")
    assert [(e["action"], e["actor"]) for e in audit.events(clerk)] == [
        ("first", "fiona"),
        ("second", "fiona"),
    ]
    # Even the database owner must first switch the guard off to edit an event...
    with centre.admin.begin() as conn:
        conn.execute(text("ALTER TABLE office_audit_event DISABLE TRIGGER USER"))
        conn.execute(text("UPDATE office_audit_event SET target = 'b' WHERE seq = 1"))
        conn.execute(text("ALTER TABLE office_audit_event ENABLE TRIGGER USER"))
    # ... and the chain shows it.
    assert audit.verify(clerk) == (False, 1, "office event 1 (first) was altered")
