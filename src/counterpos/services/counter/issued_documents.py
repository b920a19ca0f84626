"""Issuing documents with a sale (permits, licenses, tags) and finding them again to reprint."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.kinds import SaleKind
from counterpos.services.errors import NotFound
from counterpos.services.sale.service_rules import SaleContext
from counterpos.store.models import IssuedDocument, Sale
from counterpos.store.rows import document_row


def issue_document(
    ctx: SaleContext,
    row: Any,
    doc_type: str,
    doc_no: str,
    *,
    holder: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Add the document row to the sale's inserts and list it on the receipt."""
    doc = document_row(
        sale_id=ctx.sale.id,
        sale_line_id=row.id,
        doc_type=doc_type,
        doc_no=doc_no,
        holder=holder[:120],
        valid_from=valid_from,
        valid_to=valid_to,
        details=details if details is not None else row.details,
    )
    ctx.insert(IssuedDocument, doc)
    ctx.documents.append(doc_no)
    return doc


def find_document(session: Session, doc_no: str) -> tuple[IssuedDocument, Sale]:
    """The document issued under that number that is in force: the newest one whose sale is
    not voided (after a business renewal is voided, the previous period's certificate), else
    the newest issued, which prints as VOID. A void's own record of the document is not one."""
    from counterpos.services.sale.voids import voided_sales  # noqa: PLC0415

    newest = (
        select(IssuedDocument)
        .join(Sale, Sale.id == IssuedDocument.sale_id)
        .where(IssuedDocument.doc_no == doc_no.strip().upper(), Sale.kind == SaleKind.SALE)
        .order_by(IssuedDocument.created_at.desc())
        .limit(1)
    )
    doc = session.scalar(newest.where(Sale.id.not_in(voided_sales())))
    if doc is None:
        doc = session.scalar(newest)
    if doc is None:
        raise NotFound(
            "There is no permit, license or certificate {doc_no}.", doc_no=doc_no.strip()
        )
    return doc, session.get_one(Sale, doc.sale_id)
