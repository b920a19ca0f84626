"""The passport acceptance facility's daily log of applications executed, as a PDF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from counterpos.documents.fonts import BOLD, FONT, register


@dataclass(frozen=True, slots=True)
class LogRow:
    receipt_no: str
    applicant: str
    form_type: str
    clerk: str
    dos_payment: str
    dos_amount: str
    mailed_on: str
    tracking_no: str


def render_log_pdf(
    city_name: str, facility: str, day: date, rows: list[LogRow], dos_total: str
) -> bytes:
    register()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(letter),
        leftMargin=0.6 * inch,
        rightMargin=0.6 * inch,
        topMargin=0.6 * inch,
        bottomMargin=0.6 * inch,
        title=f"Passport acceptance log {day:%m/%d/%Y}",
        author=city_name,
    )
    styles = getSampleStyleSheet()
    for name in ("Title", "Heading2", "Normal"):
        styles[name].fontName = FONT if name == "Normal" else BOLD
    story = [
        Paragraph(city_name, styles["Title"]),
        Paragraph(f"Passport acceptance log — {facility}", styles["Heading2"]),
        Paragraph(
            f"Applications executed on {day:%A, %m/%d/%Y}: {len(rows)}. "
            f"Application fees payable to the U.S. Department of State (not city revenue): "
            f"{dos_total}.",
            styles["Normal"],
        ),
        Spacer(1, 12),
    ]
    header = [
        "#",
        "Receipt",
        "Applicant",
        "Form",
        "Clerk",
        "State fee paid by",
        "Amount",
        "Mailed",
        "Tracking no.",
    ]
    data = [header]
    for n, r in enumerate(rows, start=1):
        data.append(
            [
                str(n),
                r.receipt_no,
                r.applicant,
                r.form_type,
                r.clerk,
                r.dos_payment,
                r.dos_amount,
                r.mailed_on or "not yet",
                r.tracking_no,
            ]
        )
    if not rows:
        data.append(["", "", "No applications were executed this day.", "", "", "", "", "", ""])
    table = Table(
        data,
        colWidths=[
            0.3 * inch,
            1.0 * inch,
            2.0 * inch,
            0.6 * inch,
            0.7 * inch,
            1.6 * inch,
            0.8 * inch,
            0.8 * inch,
            1.9 * inch,
        ],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), BOLD, 9),
                ("FONT", (0, 1), (-1, -1), FONT, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef2f7")]),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                ("ALIGN", (6, 1), (6, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 24),
        Paragraph(
            "Acceptance agent's signature: ______________________________  Date: ______________",
            styles["Normal"],
        ),
    ]
    doc.build(story)
    return buf.getvalue()
