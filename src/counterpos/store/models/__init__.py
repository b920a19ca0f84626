"""SQLAlchemy models of the local store, one table (or a tight family) per module."""

from counterpos.store.models.adjustment_calc import AdjustmentCalculation
from counterpos.store.models.audit_event import AuditEvent
from counterpos.store.models.base import Base, new_id, utcnow
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
