"""`counterpos printer test`, `drawer test` and `receipt reprint` against real parts."""

from __future__ import annotations

from pypdf import PdfReader

from counterpos.cli import main
from counterpos.hardware.escpos_decode import decode
from tests.printing_support import (
    LoopbackPrinter,
    PtyPort,
    closed_port,
    five_line_sale,
    set_setting,
)

KICK = bytes.fromhex("1b700019fa")


def test_printer_test_page(station, capsys):
    printer = LoopbackPrinter()
    try:
        set_setting(station, "printer.url", printer.url)
        set_setting(station, "printer.profile", "epson-tm-t88")
        assert main(["--home", str(station.home), "printer", "test"]) == 0
        data = printer.wait_job()
    finally:
        printer.close()
    assert "The test page went to 127.0.0.1:" in capsys.readouterr().out
    d = decode(data)
    assert d.codepages == [19] and d.cuts == 1 and d.barcodes == ["TEST-0001"]
    assert "Español: áéíóúñüÁÉÍÓÚÑÜ¿¡" in d.text_lines()
    assert "áéíóúñüÁÉÍÓÚÑÜ¿¡".encode("cp858") in data and "á".encode() not in data
    assert any(line.big and line.text == "Double size" for line in d.lines)
    assert any(not line.big and line.text.startswith("Normal text") for line in d.lines)


def test_printer_test_reports_the_exact_failure(station, capsys):
    port = closed_port()
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{port}")
    assert main(["--home", str(station.home), "printer", "test"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        f"counterpos: The test page did not print. The printer at 127.0.0.1:{port} refused the connection."
    )


def test_printer_profiles_lists_every_profile(station, capsys):
    assert main(["--home", str(station.home), "printer", "profiles"]) == 0
    out = capsys.readouterr().out
    for name in (
        "generic-58mm",
        "generic-80mm",
        "epson-tm-t88",
        "epson-tm-t20",
        "star-tsp100-escpos",
    ):
        assert name in out


def test_drawer_test_on_a_pty(station, capsys):
    pty = PtyPort()
    try:
        set_setting(station, "drawer.port", pty.path)
        assert main(["--home", str(station.home), "drawer", "test"]) == 0
        assert pty.read_available(len(KICK)) == KICK
    finally:
        pty.close()
    assert f"The drawer opened ({pty.path})." in capsys.readouterr().out


def test_drawer_test_missing_port(station, capsys, tmp_path):
    set_setting(station, "drawer.port", str(tmp_path / "ttyS9"))
    assert main(["--home", str(station.home), "drawer", "test"]) == 2
    assert f"There is no serial port {tmp_path / 'ttyS9'}" in capsys.readouterr().err


def test_receipt_reprint_to_pdf_and_printer(
    station, cashier, drawer, capsys, tmp_path, monkeypatch
):
    sale = five_line_sale(station, cashier, drawer)
    monkeypatch.setenv("COUNTERPOS_PIN", "1111")
    pdf = tmp_path / "r.pdf"
    home = str(station.home)
    assert (
        main(
            [
                "--home",
                home,
                "receipt",
                "reprint",
                sale.receipt_no,
                "--user",
                "maria",
                "--pdf",
                str(pdf),
            ]
        )
        == 0
    )
    assert "REPRINT #1" in PdfReader(str(pdf)).pages[0].extract_text()
    assert main(["--home", home, "receipt", "reprint", sale.receipt_no, "--user", "maria"]) == 0
    out = capsys.readouterr().out
    assert f"Receipt {sale.receipt_no} reprinted (REPRINT #2)." in out
    assert "REPRINT #2" in (
        station.home / "preview" / f"{sale.receipt_no}-reprint-2.txt"
    ).read_text("utf-8")


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
