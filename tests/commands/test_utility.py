"""`counterpos utility ...` (commands/utility.py) on a real station folder, signing in by PIN."""

from __future__ import annotations

from datetime import timedelta

from pypdf import PdfReader

from counterpos.cli import main
from counterpos.domain.money import Money
from counterpos.domain.utility.read_files import fixed_file
from counterpos.services.clock import local_today
from counterpos.services.station import Station
from tests.services.utility.desk_support import cycle_of, month_start, residential_accounts


def cli(home, *args: str) -> int:
    return main(["--home", str(home), "utility", *args])


def test_a_month_at_the_desk_from_the_command_line(home, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("COUNTERPOS_PIN", "333333")
    st = Station.open(home)
    accounts = residential_accounts(st, 3)
    st.close()
    start = month_start(2)
    for i, account in enumerate(accounts, 1):
        assert (
            cli(
                home,
                "meters",
                "add",
                f"CL-{i:04d}",
                "--size",
                "5/8",
                "--make",
                "Badger",
                "--user",
                "sofia",
            )
            == 0
        )
        assert (
            cli(
                home,
                "meters",
                "install",
                f"CL-{i:04d}",
                account,
                "--first-read",
                "100",
                "--route",
                "R9",
                "--seq",
                str(i),
                "--on",
                str(start),
                "--user",
                "sofia",
            )
            == 0
        )
    out = capsys.readouterr().out
    assert 'CL-0001 (5/8" Badger) is in stock' in out and "first read 100" in out
    assert cli(home, "meters", "list", "--status", "installed") == 0
    assert capsys.readouterr().out.count("installed") == 3
    # a read file with a bad line is refused whole
    on = start.replace(day=20)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"meter_serial,read_date,reading\nCL-0001,{on},112\nCL-0002,{on},1x\n")
    assert cli(home, "reads", "import", str(bad), "--user", "sofia") == 2
    assert (
        "Line 3: the reading '1x' is not a whole number. Nothing was imported."
        in capsys.readouterr().err
    )
    good = tmp_path / "reads.txt"
    good.write_text(fixed_file([(f"CL-{i:04d}", on, 112, "") for i in (1, 2, 3)], on, "handheld"))
    assert cli(home, "reads", "import", str(good), "--user", "sofia") == 0
    assert "Imported 3 reads (fixed)" in capsys.readouterr().out
    assert cli(home, "reads", "route", "R9") == 0
    assert "CL-0003" in capsys.readouterr().out
    assert (
        cli(
            home,
            "billing",
            "run",
            cycle_of(start),
            "--bill-date",
            str(start.replace(day=25)),
            "--user",
            "sofia",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "3 bills, $218.10" in out  # 3 x (20.50 + 10 x 1.60 + 2 x 2.10 + 32.00)
    assert cli(home, "billing", "run", cycle_of(start), "--user", "sofia") == 2
    assert "already billed" in capsys.readouterr().err
    csv_path = tmp_path / "register.csv"
    assert cli(home, "billing", "register", cycle_of(start), "--csv", str(csv_path)) == 0
    assert "GL 4450" in capsys.readouterr().out and len(csv_path.read_text().splitlines()) == 4
    assert cli(home, "billing", "runs") == 0
    run_no = capsys.readouterr().out.split()[0]
    pdf = tmp_path / "bills.pdf"
    assert cli(home, "billing", "pdf", run_no, "--out", str(pdf), "--user", "sofia") == 0
    assert len(PdfReader(pdf).pages) == 3
    # notices: the bills fell due 21 days after the 25th; 46 days on a final notice goes out
    due = start.replace(day=25) + timedelta(days=21)
    letters = tmp_path / "letters.pdf"
    on_day = min(due + timedelta(days=46), local_today())
    assert (
        cli(
            home,
            "notices",
            "run",
            "--on",
            str(on_day),
            "--letters",
            str(letters),
            "--user",
            "sofia",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "late fees" in out and "Wrote" in out
    assert cli(home, "shutoff", "check", accounts[0], "--on", str(on_day)) == 0
    assert "may not be disconnected" in capsys.readouterr().out
    assert cli(home, "notices", "account", accounts[0]) == 0
    assert cli(home, "annual-report", "--year", str(local_today().year)) == 0
    assert "0 disconnections" in capsys.readouterr().out
    assert cli(home, "renewals", "--within", "30", "--send", "--user", "sofia") == 0
    assert "Renewal notices sent" in capsys.readouterr().out


def test_a_wrong_pin_changes_nothing(home, monkeypatch, capsys):
    monkeypatch.setenv("COUNTERPOS_PIN", "0000")
    assert (
        cli(
            home, "meters", "add", "CL-9999", "--size", "5/8", "--make", "Badger", "--user", "sofia"
        )
        == 2
    )
    assert "Wrong username or PIN" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    assert (
        cli(
            home, "meters", "add", "CL-9999", "--size", "5/8", "--make", "Badger", "--user", "maria"
        )
        == 2
    )
    assert "may not enter meters" in capsys.readouterr().err


def test_protect_disconnect_and_reconnect_from_the_command_line(
    station, supervisor, monkeypatch, capsys
):
    """SB 998's conditions and a low-income qualification are put on file, and a shut-off and
    a reconnection recorded, from the desk's commands, under the same rules as the services."""
    from counterpos.services.utility.accounts import account_ledger
    from counterpos.services.utility.notices.record import notices_of
    from tests.services.utility.desk_support import final_notices_sent, overdue_city

    city, first = overdue_city(station, supervisor)  # as the delinquency tests start
    final_notices_sent(station, supervisor, first)
    home = station.home
    one, two = city.accounts["MV-000001"], city.accounts["MV-000002"]
    shutoff_on = notices_of(station, one)[0].shutoff_on
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    assert cli(home, "shutoff", "disconnect", one, "--on", str(shutoff_on), "--user", "maria") == 2
    assert "may not disconnect" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", "333333")
    too_early = first.due_date + timedelta(days=50)
    assert cli(home, "shutoff", "disconnect", one, "--on", str(too_early), "--user", "sofia") == 2
    assert "60 days delinquent" in capsys.readouterr().err
    for condition in ("medical", "cannot_pay", "willing"):
        args = ["--condition", condition, "--from", str(shutoff_on), "--to", str(shutoff_on)]
        assert cli(home, "shutoff", "protect", two, *args, "--user", "sofia") == 0
    assert "willing on file" in capsys.readouterr().out
    assert cli(home, "shutoff", "disconnect", two, "--on", str(shutoff_on), "--user", "sofia") == 2
    assert "medical certification" in capsys.readouterr().err
    assert cli(home, "shutoff", "disconnect", one, "--on", str(shutoff_on), "--user", "sofia") == 0
    assert f"Account {one} disconnected" in capsys.readouterr().out
    low = ["--condition", "low_income", "--from", str(shutoff_on), "--to", str(shutoff_on)]
    assert cli(home, "shutoff", "protect", one, *low, "--user", "sofia") == 0
    before = account_ledger(station, one).balance.cents
    assert cli(home, "shutoff", "reconnect", one, "--on", str(shutoff_on), "--user", "sofia") == 0
    out = capsys.readouterr().out
    assert "capped for a low-income household" in out
    charged = account_ledger(station, one).balance.cents - before
    assert f"fee {Money(charged)}" in out and charged > 0
    assert cli(home, "annual-report", "--year", str(shutoff_on.year)) == 0
    assert "1 disconnections for non-payment (1 residential), 1 reconnections" in (
        capsys.readouterr().out
    )
