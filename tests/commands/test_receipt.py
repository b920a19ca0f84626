"""`counterpos receipt reprint` (commands/receipt.py) to a PDF and to the printer."""

from __future__ import annotations

from pypdf import PdfReader

from counterpos.cli import main
from tests.printing_support import five_line_sale


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
