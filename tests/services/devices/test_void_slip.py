"""The VOID slip as a PDF copy goes out through services/devices/void_slip.py, audited."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from counterpos.services import audit
from counterpos.services.devices import void_slip
from counterpos.services.errors import DeviceError, StateError
from counterpos.services.sale import voids
from tests.conftest import audit_events
from tests.sale_helpers import cash, ring


@pytest.fixture
def voided(station, cashier, drawer, approval):
    sale = ring(station, cashier, drawer.session_id, 1_234, cash(2_000))
    voids.void_sale(station, cashier, sale.receipt_no, "Rang twice", approval(cashier, "void"))
    return sale.receipt_no


def test_void_slip_pdf_holds_the_slip_and_each_copy_is_audited(station, cashier, voided, tmp_path):
    first = void_slip.void_slip_pdf(station, cashier, voided, tmp_path / "void.pdf")
    second = void_slip.void_slip_pdf(station, cashier, voided.lower(), tmp_path / "again.pdf")
    assert (first.copy_no, second.copy_no) == (1, 2)
    text = PdfReader(first.path).pages[0].extract_text()
    assert "VOID" in text and voided in text and "Rang twice" in text and "$12.34" in text
    assert first.document.title == "VOID"
    evs = audit_events(station, "void_slip_pdf")
    assert [(e.actor, e.target, e.details["copy"], e.details["printer"]) for e in evs] == [
        ("maria", voided, 1, f"pdf:{tmp_path / 'void.pdf'}"),
        ("maria", voided, 2, f"pdf:{tmp_path / 'again.pdf'}"),
    ]
    assert evs[0].details["slip"] == voids.void_receipt_no(voided)
    with station.store.read() as s:
        assert audit.verify(s).ok


def test_no_slip_of_a_sale_that_is_not_voided(station, cashier, drawer, tmp_path):
    sale = ring(station, cashier, drawer.session_id, 500, cash(500))
    with pytest.raises(StateError, match="is not voided"):
        void_slip.void_slip_pdf(station, cashier, sale.receipt_no, tmp_path / "void.pdf")
    assert not (tmp_path / "void.pdf").exists()
    assert audit_events(station, "void_slip_pdf") == []


def test_void_slip_pdf_to_a_missing_folder(station, cashier, voided, tmp_path):
    with pytest.raises(DeviceError, match="The PDF could not be saved"):
        void_slip.void_slip_pdf(station, cashier, voided, tmp_path / "nope" / "void.pdf")
    [failed] = audit_events(station, "void_slip_pdf_failed")
    assert (failed.actor, failed.target) == ("maria", voided)
