"""`counterpos printer test|profiles|status` (commands/printer.py) against real parts."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.hardware.escpos_decode import decode
from tests.printing_support import (
    REQUIRED_PROFILES,
    LoopbackPrinter,
    closed_port,
    set_setting,
)


def test_printer_test_page(station, loopback_printer, capsys, signed):
    set_setting(station, "printer.profile", "epson-tm-t88")
    assert main(["--home", str(station.home), "printer", "test", *signed("admin")]) == 0
    data = loopback_printer.wait_job()
    assert "The test page went to 127.0.0.1:" in capsys.readouterr().out
    d = decode(data)
    assert d.codepages == [19] and d.cuts == 1 and d.barcodes == ["TEST-0001"]
    assert "Español: áéíóúñüÁÉÍÓÚÑÜ¿¡" in d.text_lines()
    assert "áéíóúñüÁÉÍÓÚÑÜ¿¡".encode("cp858") in data and "á".encode() not in data
    assert any(line.big and line.text == "Double size" for line in d.lines)
    assert any(not line.big and line.text.startswith("Normal text") for line in d.lines)


def test_printer_test_reports_the_exact_failure(station, capsys, signed):
    port = closed_port()
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{port}")
    assert main(["--home", str(station.home), "printer", "test", *signed("admin")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        f"counterpos: The test page did not print. The printer at 127.0.0.1:{port} refused the connection."
    )


def test_printer_profiles_lists_every_profile(station, capsys):
    assert main(["--home", str(station.home), "printer", "profiles"]) == 0
    out = capsys.readouterr().out
    for name in REQUIRED_PROFILES:
        assert name in out


def test_printer_status_online_offline_and_paper(station, capsys):
    for status, expected, code in (
        (0x12, "is online and has paper.", 0),
        (0x1A, "is offline (cover open, paper out or an error light).", 2),
        (0x72, "is out of paper.", 2),
    ):
        printer = LoopbackPrinter(status=status)
        try:
            set_setting(station, "printer.url", printer.url)
            assert main(["--home", str(station.home), "printer", "status"]) == code
            assert decode(printer.wait_job()).status_queries in (1, 2)
        finally:
            printer.close()
        out = capsys.readouterr()
        assert f"The printer at 127.0.0.1:{printer.port} {expected}" in out.out + out.err
    set_setting(station, "printer.url", "preview:")
    assert main(["--home", str(station.home), "printer", "status"]) == 0
    assert "cannot report its status" in capsys.readouterr().out


def test_printer_list_gives_printer_urls_and_needs_no_store(tmp_path, capsys, monkeypatch):
    import sys

    from counterpos.services.devices.printer_list import find_printers
    from tests.conftest import free_port

    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{free_port()}")  # a CUPS that is not running
    home = tmp_path / "not-yet-a-station"
    assert main(["--home", str(home), "printer", "list"]) == 0
    out = capsys.readouterr().out
    found = find_printers()
    for p in found.found:  # each thing found is a line that starts with its printer.url
        assert any(line.strip().startswith(p.url + " ") for line in out.splitlines())
    if sys.platform != "win32":
        assert (
            "Note: CUPS is installed but not running" in out or "Note: CUPS is not installed" in out
        )
    assert not (home / "counterpos.sqlite").exists()  # listing made no store
