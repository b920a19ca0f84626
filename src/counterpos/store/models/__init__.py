"""SQLAlchemy models of the local store, one table (or a tight family) per module.

A model is imported with its own module when first named here (`from counterpos.store.models
import User` loads user.py and the modules its foreign keys point into, not all 53 tables):
signing in at the till's start needs a few tables, and declaring every model costs a few
hundred milliseconds there. `Base` named through this package, or `load_all()`, loads every
model first, so `Base.metadata` is always whole (sync, migrations, checks over all tables).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from counterpos.store.models.base import new_id, utcnow

if TYPE_CHECKING:
    from counterpos.store.models.adjustment_calc import AdjustmentCalculation
    from counterpos.store.models.audit_event import AuditEvent
    from counterpos.store.models.base import Base
    from counterpos.store.models.billing import Bill, BillingRun, BillPenalty, Holiday, RateSchedule
    from counterpos.store.models.card_request import CardRequest
    from counterpos.store.models.catalog import FeeSchedule, GlAccount, Service
    from counterpos.store.models.citation import Citation, CitationPayment
    from counterpos.store.models.customer import Customer
    from counterpos.store.models.drawer_session import DrawerClose, DrawerSession
    from counterpos.store.models.issued_document import IssuedDocument
    from counterpos.store.models.license import License
    from counterpos.store.models.meter import Meter, MeterEvent, MeterRead, ReadImport, ReadReview
    from counterpos.store.models.notice import Notice, NoticeEvent
    from counterpos.store.models.outbox import OutboxRow
    from counterpos.store.models.paid_in_out import PaidInOut
    from counterpos.store.models.passport import PassportApplication, PassportMailing
    from counterpos.store.models.print_job import PrintJob
    from counterpos.store.models.refund_request import RefundRequest
    from counterpos.store.models.sale import Sale, SaleLine, TenderRow
    from counterpos.store.models.setting import Setting
    from counterpos.store.models.shutoff import (
        ArrangementEvent,
        PaymentArrangement,
        ServiceAction,
        ShutoffProtection,
    )
    from counterpos.store.models.station import ReceiptSequence, Station
    from counterpos.store.models.sync_state import CentralLedgerEntry, SyncStatus, SyncWatermark
    from counterpos.store.models.tag_inventory import TagBlock, TagMovement
    from counterpos.store.models.user import Role, RolePermission, User
    from counterpos.store.models.utility_account import LedgerEntry, UtilityAccount
    from counterpos.store.models.work_order import WorkOrder, WorkOrderEvent

# Each model's module (under counterpos.store.models).
_MODULES = {
    "AdjustmentCalculation": "adjustment_calc",
    "ArrangementEvent": "shutoff",
    "AuditEvent": "audit_event",
    "Bill": "billing",
    "BillPenalty": "billing",
    "BillingRun": "billing",
    "CardRequest": "card_request",
    "CentralLedgerEntry": "sync_state",
    "Citation": "citation",
    "CitationPayment": "citation",
    "Customer": "customer",
    "DrawerClose": "drawer_session",
    "DrawerSession": "drawer_session",
    "FeeSchedule": "catalog",
    "GlAccount": "catalog",
    "Holiday": "billing",
    "IssuedDocument": "issued_document",
    "LedgerEntry": "utility_account",
    "License": "license",
    "Meter": "meter",
    "MeterEvent": "meter",
    "MeterRead": "meter",
    "Notice": "notice",
    "NoticeEvent": "notice",
    "OutboxRow": "outbox",
    "PaidInOut": "paid_in_out",
    "PassportApplication": "passport",
    "PassportMailing": "passport",
    "PaymentArrangement": "shutoff",
    "PrintJob": "print_job",
    "RateSchedule": "billing",
    "ReadImport": "meter",
    "ReadReview": "meter",
    "ReceiptSequence": "station",
    "RefundRequest": "refund_request",
    "Role": "user",
    "RolePermission": "user",
    "Sale": "sale",
    "SaleLine": "sale",
    "Service": "catalog",
    "ServiceAction": "shutoff",
    "Setting": "setting",
    "ShutoffProtection": "shutoff",
    "Station": "station",
    "SyncStatus": "sync_state",
    "SyncWatermark": "sync_state",
    "TagBlock": "tag_inventory",
    "TagMovement": "tag_inventory",
    "TenderRow": "sale",
    "User": "user",
    "UtilityAccount": "utility_account",
    "WorkOrder": "work_order",
    "WorkOrderEvent": "work_order",
}


def load_all() -> None:
    """Import every model: `Base.metadata` then holds every table of the store."""
    for module in sorted(set(_MODULES.values())):
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    if name == "Base":
        load_all()
        from counterpos.store.models.base import Base

        return Base
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next look-up is a plain one
    return value


__all__ = [
    "AdjustmentCalculation",
    "ArrangementEvent",
    "Bill",
    "BillingRun",
    "BillPenalty",
    "Holiday",
    "Meter",
    "MeterEvent",
    "MeterRead",
    "Notice",
    "NoticeEvent",
    "PaymentArrangement",
    "RateSchedule",
    "ReadImport",
    "ReadReview",
    "ServiceAction",
    "ShutoffProtection",
    "WorkOrder",
    "WorkOrderEvent",
    "TagMovement",
    "TagBlock",
    "RefundRequest",
    "PassportMailing",
    "PassportApplication",
    "CitationPayment",
    "Citation",
    "AuditEvent",
    "CentralLedgerEntry",
    "DrawerClose",
    "Base",
    "CardRequest",
    "Customer",
    "DrawerSession",
    "FeeSchedule",
    "GlAccount",
    "IssuedDocument",
    "LedgerEntry",
    "License",
    "OutboxRow",
    "PaidInOut",
    "PrintJob",
    "ReceiptSequence",
    "Role",
    "RolePermission",
    "Sale",
    "SaleLine",
    "Service",
    "Setting",
    "Station",
    "SyncStatus",
    "SyncWatermark",
    "TenderRow",
    "User",
    "UtilityAccount",
    "new_id",
    "utcnow",
]
