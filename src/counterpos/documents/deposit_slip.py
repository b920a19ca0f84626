"""The bank deposit slip as a PDF: currency and coin, each check itemised, the float kept back."""

from __future__ import annotations

from pathlib import Path

from counterpos.documents.report_pages import PageWriter
from counterpos.domain.deposit_slip import DepositSlip
from counterpos.domain.kinds import TenderKind


def write_pdf(slip: DepositSlip, path: Path | str) -> Path:
    w = PageWriter(path, f"{slip.city_name} - Bank deposit", slip.scope)
    w.text(f"Account: {slip.account_label}", size=9)
    w.text(f"Prepared {slip.prepared_at:%m/%d/%Y %I:%M %p} by {slip.prepared_by}", size=8)
    cols = [0.5, 0.2, 0.3]
    for title, rows, total_label, total in (
        ("Currency", slip.currency, "Total currency", slip.currency_total),
        ("Coin", slip.coin, "Total coin", slip.coin_total),
    ):
        w.heading(title)
        w.row(["Denomination", "Pieces", "Amount"], cols, right={1, 2}, bold=True, rule=True)
        for label, n, amount in rows:
            w.row([label, str(n), amount.format()], cols, right={1, 2})
        w.row([total_label, "", total.format()], cols, right={1, 2}, bold=True)

    w.heading(f"Checks and money orders ({len(slip.items)})")
    icols = [0.06, 0.16, 0.18, 0.34, 0.26]
    w.row(["#", "Kind", "Number", "Payer", "Amount"], icols, right={4}, bold=True, rule=True)
    for n, i in enumerate(slip.items, start=1):
        kind = "Check" if i.kind == TenderKind.CHECK else "Money order"
        w.row([str(n), kind, i.number, i.payer, i.amount.format()], icols, right={4})
    w.row(
        ["", "", "", "Total checks and money orders", slip.checks_total.format()],
        icols,
        right={4},
        bold=True,
    )

    w.heading("Deposit")
    two = [0.6, 0.4]
    w.row(["Currency", slip.currency_total.format()], two, right={1})
    w.row(["Coin", slip.coin_total.format()], two, right={1})
    w.row(["Checks and money orders", slip.checks_total.format()], two, right={1})
    w.row(["TOTAL DEPOSIT", slip.total.format()], two, right={1}, bold=True, rule=True)
    w.gap()
    w.row(
        ["Float kept back in the drawer (not deposited)", slip.float_kept.format()], two, right={1}
    )
    if slip.float_shortfall:
        w.row(
            ["The count was short of the float by", slip.float_shortfall.format()], two, right={1}
        )
    w.gap(24)
    w.text("Prepared by ____________________________    Verified by ____________________________")
    w.save()
    return Path(path)
