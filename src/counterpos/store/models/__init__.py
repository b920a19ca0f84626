"""SQLAlchemy models of the local store, one table (or a tight family) per module."""

from counterpos.store.models.audit_event import AuditEvent
from counterpos.store.models.base import Base, new_id, utcnow
from counterpos.store.models.catalog import FeeSchedule, GlAccount, Service
from counterpos.store.models.customer import Customer
from counterpos.store.models.drawer_session import DrawerClose, DrawerSession
from counterpos.store.models.issued_document import IssuedDocument
from counterpos.store.models.license import License
from counterpos.store.models.outbox import OutboxRow
from counterpos.store.models.print_job import PrintJob
from counterpos.store.models.sale import Sale, SaleLine, TenderRow
from counterpos.store.models.setting import Setting
from counterpos.store.models.station import ReceiptSequence, Station
from counterpos.store.models.user import Role, RolePermission, User
from counterpos.store.models.utility_account import LedgerEntry, UtilityAccount

__all__ = [
    "AuditEvent",
    "DrawerClose",
    "Base",
    "Customer",
    "DrawerSession",
    "FeeSchedule",
    "GlAccount",
    "IssuedDocument",
    "LedgerEntry",
    "License",
    "OutboxRow",
    "PrintJob",
    "ReceiptSequence",
    "Role",
    "RolePermission",
    "Sale",
    "SaleLine",
    "Service",
    "Setting",
    "Station",
    "TenderRow",
    "User",
    "UtilityAccount",
    "new_id",
    "utcnow",
]
