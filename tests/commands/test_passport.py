"""`counterpos passport log` (commands/passport.py): the day's log, printed and as a PDF."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.domain.cart import Cart
from counterpos.services.station import Station
from tests.services.counter_visit import applicant, pay_cash, ring, senior_drawer


def test_passport_log_command(home, capsys, tmp_path, signed):
    st = Station.open(home)
    try:
        james, session_id = senior_drawer(st)
        cart = ring(
            st,
            Cart(),
            "passport_execution",
            details={"applicant_records": [applicant()], "photo_sets": "0"},
        )
        done = pay_cash(st, james, session_id, cart)
    finally:
        st.close()
    assert main(["--home", str(home), "passport", "log", *signed("james")]) == 0
    out = capsys.readouterr().out
    assert "Ana Lopez" in out and done.receipt_no in out and "not mailed" in out
    target = tmp_path / "log.pdf"
    assert (
        main(["--home", str(home), "passport", "log", "--pdf", str(target), *signed("james")]) == 0
    )
    assert target.read_bytes().startswith(b"%PDF")
