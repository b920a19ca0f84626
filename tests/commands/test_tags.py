"""`counterpos tags assign-block`, `tags list` and `certificate` on a real station folder."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.domain.cart import Cart
from counterpos.services import sessions
from counterpos.services.clock import local_today
from counterpos.services.station import Station
from tests.conftest import login
from tests.services.counter_visit import dog, pay_cash, ring


def test_assign_list_and_print_a_certificate(home, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("COUNTERPOS_PIN", "3333")
    year = local_today().year
    assert (
        main(
            [
                "--home",
                str(home),
                "tags",
                "assign-block",
                "--station",
                "T1",
                "--first",
                "1",
                "--last",
                "50",
                "--user",
                "sofia",
            ]
        )
        == 0
    )
    assert "T1 issues" in capsys.readouterr().out
    assert (
        main(
            [
                "--home",
                str(home),
                "tags",
                "assign-block",
                "--station",
                "T2",
                "--first",
                "50",
                "--last",
                "60",
                "--user",
                "sofia",
            ]
        )
        == 2
    )
    assert "already belong to T1" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    assert (
        main(
            [
                "--home",
                str(home),
                "tags",
                "assign-block",
                "--station",
                "T2",
                "--first",
                "51",
                "--last",
                "60",
                "--user",
                "maria",
            ]
        )
        == 2
    )
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


def test_passport_log_command(home, capsys, tmp_path):
    from tests.services.counter_visit import applicant, senior_drawer

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
    assert main(["--home", str(home), "passport", "log"]) == 0
    out = capsys.readouterr().out
    assert "Ana Lopez" in out and done.receipt_no in out and "not mailed" in out
    target = tmp_path / "log.pdf"
    assert main(["--home", str(home), "passport", "log", "--pdf", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
