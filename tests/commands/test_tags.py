"""`counterpos tags assign-block|list` and `certificate` (commands/tags.py) on a station folder."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.domain.cart import Cart
from counterpos.services import sessions
from counterpos.services.clock import local_today
from counterpos.services.station import Station
from tests.conftest import login
from tests.services.counter_visit import dog, pay_cash, ring


def assign(home, station: str, first: int, last: int, user: str) -> int:
    """`counterpos tags assign-block` as `user` (whose PIN is in $COUNTERPOS_PIN)."""
    args = ["--station", station, "--first", str(first), "--last", str(last), "--user", user]
    return main(["--home", str(home), "tags", "assign-block", *args])


def test_assign_list_and_print_a_certificate(home, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("COUNTERPOS_PIN", "333333")
    year = local_today().year
    assert assign(home, "T1", 1, 50, "sofia") == 0
    assert "T1 issues" in capsys.readouterr().out
    assert assign(home, "T2", 50, 60, "sofia") == 2
    assert "already belong to T1" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    assert assign(home, "T2", 51, 60, "maria") == 2
    assert "may not" in capsys.readouterr().err
    st = Station.open(home)
    try:
        maria = login(st, "maria")
        drawer = sessions.open_session(st, maria, {"bill_20": 5})
        done = pay_cash(
            st, maria, drawer.session_id, ring(st, Cart(), "animal_license", details=dog())
        )
    finally:
        st.close()
    assert main(["--home", str(home), "tags", "list"]) == 0
    assert f"{year}  T1" in capsys.readouterr().out
    assert main(["--home", str(home), "certificate", done.documents[0]]) == 0
    out = capsys.readouterr().out
    assert "DOG LICENSE" in out and done.receipt_no in out
    target = tmp_path / "lic.pdf"
    assert main(["--home", str(home), "certificate", done.documents[0], "--pdf", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
