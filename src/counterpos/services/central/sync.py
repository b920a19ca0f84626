"""Sync with the central database: connect, run a cycle, the worker, and the status to show."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import CursorResult, func, select, text

from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.central import continuity, station_report, station_settings
from counterpos.services.central.attachment import (  # re-exported: sync's API as before
    anyone_may_sign_in,
    central_url,
    needs_users_from_centre,  # noqa: F401
)
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import CentralUnavailable, InputError, StateError
from counterpos.services.station import Station
from counterpos.store.models import (
    Customer,
    License,
    OutboxRow,
    SyncStatus,
    UtilityAccount,
)
from counterpos.sync import credentials
from counterpos.sync.pull import PullResult, pull
from counterpos.sync.push import DEFAULT_BATCH, CentralUnreachable, PushResult, push
from counterpos.sync.worker import SyncWorker

log = logging.getLogger(__name__)

# DEFAULT_BATCH (records per central transaction) is also `counterpos sync --batch`'s default.
REINDEX_ALL_ABOVE = 500  # pulled customers beyond this: rebuild the whole search index


@dataclass(frozen=True)
class CycleReport:
    push: PushResult
    pull: PullResult

    def lines(self) -> list[str]:
        p = self.push
        out = [
            f"Pushed {p.sent} record(s) in {p.batches} batch(es); {p.inserted} new to the centre"
            + (f", {p.failed} set aside" if p.failed else "")
            + "."
        ]
        for table, n in sorted(p.by_table.items()):
            out.append(f"  up   {table}: {n}")
        pulled = {t: n for t, n in self.pull.by_table.items() if n}
        out.append(
            f"Pulled {sum(pulled.values())} reference row(s) and "
            f"{self.pull.ledger_entries} ledger entr(ies) from other stations."
        )
        for table, n in sorted(pulled.items()):
            out.append(f"  down {table}: {n}")
        for table, err in sorted(self.pull.errors.items()):
            out.append(f"  could not apply {table}: {err}")
        return out


@dataclass(frozen=True)
class SyncState:
    state: str  # alone, up_to_date, waiting, offline
    waiting: int  # outbox records not yet sent
    sales_waiting: int
    failed: int  # records set aside
    last_success: datetime | None  # local time
    offline_since: datetime | None  # local time
    last_error: str

    @property
    def text(self) -> str:
        if self.state == "alone":
            return "Working alone (no central database)"
        if self.state == "offline":
            since = self.offline_since.strftime("%H:%M") if self.offline_since else "?"
            return f"Offline since {since} · {self.waiting} waiting"
        if self.state == "waiting":
            return f"{self.waiting} waiting to sync"
        return "Up to date"

    @property
    def tooltip(self) -> str:
        parts = []
        if self.last_success:
            parts.append(f"Last sync {self.last_success:%Y-%m-%d %H:%M}")
        if self.last_error:
            parts.append(f"Last error: {self.last_error}")
        if self.failed:
            parts.append(f"{self.failed} record(s) set aside: a supervisor should look at them")
        return "\n".join(parts)


@dataclass(frozen=True)
class FailedRecord:
    outbox_id: int
    table_name: str
    record_id: str
    attempts: int
    error: str
    created_at: datetime


# --- connection ---------------------------------------------------------------------------


def connect(
    station: Station, url: str, password: str | None = None, actor_name: str = "admin"
) -> str:
    """Point the station at the centre; the password goes to the keyring or a 0600 file."""
    if station.setting("station.training") == "on":
        raise InputError("A training store never syncs: it takes no central database.", field="url")
    from counterpos.sync.central import normalise_url  # Alembic's too: loaded when needed

    try:
        u = normalise_url(url)
    except Exception as exc:
        raise InputError("That is not a PostgreSQL address: {exc}", field="url", exc=exc) from exc
    password = password or u.password
    plain = u._replace(password=None).render_as_string(hide_password=False)
    where = credentials.save(station.home, password) if password else ""
    with station.store.write() as s:
        old = settings.put(s, "central.url", plain)
        audit.record(
            s,
            station.code,
            "setting_change",
            actor=actor_name,
            target="central.url",
            details={"old": old, "new": plain},
        )
    return where


def _engine(station: Station):
    url = central_url(station)
    if not url:
        raise StateError("No central database is set (counterpos config set central.url ...).")
    from counterpos.sync.central import make_central_engine

    return make_central_engine(url, credentials.load(station.home))


# --- one cycle ----------------------------------------------------------------------------


def _status_put(s, **values: str) -> None:
    for key, value in values.items():
        row = s.get(SyncStatus, key)
        if row is None:
            s.add(SyncStatus(key=key, value=value))
        else:
            row.value = value


def _status_get(s) -> dict[str, str]:
    return {r.key: r.value for r in s.scalars(select(SyncStatus))}


def record_failure(station: Station, message: str, *, offline: bool = True) -> None:
    """Note a failed cycle for the status bar; `offline` when the centre could not be reached."""
    now = utcnow().isoformat()
    with station.store.write() as s:
        current = _status_get(s)
        values = {"last_attempt": now, "last_error": message}
        if offline and not current.get("offline_since"):
            values["offline_since"] = now
        _status_put(s, **values)


def run_once(
    station: Station, *, batch_size: int = DEFAULT_BATCH, after_commit=None
) -> CycleReport:
    """Push every pending record, then pull reference data. Raises CentralUnavailable."""
    engine = _engine(station)
    try:
        try:
            pushed = push(station.store, engine, batch_size=batch_size, after_commit=after_commit)
            pulled = pull(station.store, engine, station.code)
            station_settings.pull(station, engine)  # what the centre sets for this station
            station_report.send(station, engine)  # version, newest error; the approved version
        except CentralUnreachable as exc:
            record_failure(station, str(exc))
            raise CentralUnavailable(
                "The central database cannot be reached ({exc}); sales are kept here and sent when it is "
                "back.",
                exc=exc,
            ) from exc
        except Exception as exc:
            lines = str(getattr(exc, "orig", exc)).strip().splitlines()
            message = lines[0] if lines else type(exc).__name__
            if _is_connection_error(exc):
                record_failure(station, message)
                raise CentralUnavailable(
                    "The central database cannot be reached; sales are kept here."
                ) from exc
            record_failure(station, message, offline=False)
            raise
    finally:
        engine.dispose()
    _reindex(station, pulled)
    now = utcnow().isoformat()
    with station.store.write() as s:
        errors = "; ".join(f"{t}: {e}" for t, e in pulled.errors.items())
        _status_put(s, last_attempt=now, last_success=now, offline_since="", last_error=errors)
        continuity.note_central_high(s, pulled.central_receipt_high)
    return CycleReport(pushed, pulled)


def take_users(station: Station) -> str:
    """A new station attached to a centre (counterpos.toml or `sync connect`) that has no users
    yet takes them with a first sync, instead of being offered the demo city.

    Returns "" when someone may now sign in here, else what the login window tells the cashier
    and IT (the sync worker tries again; the station's log has the details)."""
    if not central_url(station) or anyone_may_sign_in(station):
        return ""
    code = station.code
    try:
        run_once(station)
    except CentralUnavailable as exc:
        log.warning("First sync of new station %s: %s", code, exc)
        return (
            f"No one can sign in at station {code} yet: it takes its users from the central "
            "database, which cannot be reached. It tries again every 30 seconds; ask IT to check "
            "the network and central.url."
        )
    except Exception as exc:
        lines = str(getattr(exc, "orig", exc)).strip().splitlines()
        log.error("First sync of new station %s failed: %s", code, lines[0] if lines else exc)
        return (
            f"No one can sign in at station {code} yet: its first sync with the central database "
            f"failed ({lines[0] if lines else type(exc).__name__}). Ask IT: the station's log "
            "says more."
        )
    if not anyone_may_sign_in(station):
        log.warning("New station %s: the central database allows no user here yet", code)
        return (
            f"No one can sign in at station {code} yet: the central database allows no user "
            f"here. Ask the administrator (`counterpos central allow-user NAME {code}`); the "
            "station takes them at its next sync."
        )
    log.info("New station %s took its users from the central database", code)
    return ""


def _is_connection_error(exc: BaseException) -> bool:
    import psycopg
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        return exc.connection_invalidated or isinstance(
            exc.orig, psycopg.OperationalError | psycopg.InterfaceError
        )
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)


def _reindex(station: Station, pulled: PullResult) -> None:
    from counterpos.services.sale.customers import index_customer, rebuild_search_index

    touched = pulled.touched
    if not any(touched.get(t) for t in ("customer", "utility_account", "license")):
        return
    with station.store.write() as s:
        ids = set(touched.get("customer", ()))
        for model, table in ((UtilityAccount, "utility_account"), (License, "license")):
            keys = list(touched.get(table, ()))
            for start in range(0, len(keys), 500):
                ids.update(
                    s.scalars(
                        select(model.customer_id).where(model.id.in_(keys[start : start + 500]))
                    )
                )
        if len(ids) > REINDEX_ALL_ABOVE:
            rebuild_search_index(s)
            return
        for cid in ids:
            if s.get(Customer, cid) is not None:
                index_customer(s, cid)


def start_worker(
    station: Station,
    *,
    interval: float = 30.0,
    base_backoff: float = 2.0,
    max_backoff: float = 300.0,
    batch_size: int = DEFAULT_BATCH,
) -> SyncWorker:
    """Start the background worker (GUI or `counterpos sync`); stop it with `.stop()`."""

    def cycle():
        if not central_url(station):
            return None
        return run_once(station, batch_size=batch_size)

    worker = SyncWorker(
        cycle, interval=interval, base_backoff=base_backoff, max_backoff=max_backoff
    )
    worker.start()
    return worker


# --- what to show -------------------------------------------------------------------------


def pending_counts(station: Station) -> dict[str, int]:
    with station.store.read() as s:
        return dict(
            s.execute(
                select(OutboxRow.table_name, func.count())
                .where(OutboxRow.state == "pending")
                .group_by(OutboxRow.table_name)
            ).all()
        )


def _local(value: str) -> datetime | None:
    return to_local(datetime.fromisoformat(value)) if value else None


def status(station: Station) -> SyncState:
    """What the status bar shows: alone, up to date, N waiting, or offline since HH:MM."""
    with station.store.read() as s:
        url = settings.get(s, "central.url").strip()
        counts = {
            state: s.scalar(text(f"SELECT count(*) FROM outbox WHERE state = '{state}'"))
            for state in ("pending", "failed")
        }
        sales = s.scalar(
            text("SELECT count(*) FROM outbox WHERE state = 'pending' AND table_name = 'sale'")
        )
        st = _status_get(s)
    waiting, failed = counts.get("pending", 0), counts.get("failed", 0)
    if not url:
        state = "alone"
    elif st.get("offline_since"):
        state = "offline"
    elif waiting:
        state = "waiting"
    else:
        state = "up_to_date"
    return SyncState(
        state,
        waiting,
        int(sales or 0),
        failed,
        _local(st.get("last_success", "")),
        _local(st.get("offline_since", "")),
        st.get("last_error", ""),
    )


def closing_day_warning(station: Station) -> str | None:
    """A warning for the close of day when sales have not reached the centre yet."""
    state = status(station)
    if state.state == "alone":
        return None
    if state.sales_waiting:
        return (
            f"{state.sales_waiting} sale(s) have not reached the central database yet. "
            "They are safe on this station and will be sent when it is back; finance will "
            "not see them until then."
        )
    if state.failed:
        return f"{state.failed} record(s) were set aside by the central database; ask a supervisor."
    return None


def failed_records(station: Station, actor: Actor) -> list[FailedRecord]:
    """Records the centre refused, set aside with the server's message (for a supervisor)."""
    actor.require("view_reports", "see records the central database refused")
    return failed_records_admin(station)


def failed_records_admin(station: Station) -> list[FailedRecord]:
    """The same list for the station's administrator at the command line."""
    with station.store.read() as s:
        rows = s.scalars(
            select(OutboxRow).where(OutboxRow.state == "failed").order_by(OutboxRow.id)
        ).all()
        return [
            FailedRecord(r.id, r.table_name, r.record_id, r.attempts, r.error, r.created_at)
            for r in rows
        ]


def retry_failed(station: Station, actor: Actor | None) -> int:
    """Put the set-aside records back in the queue (after the centre was fixed)."""
    if actor is not None:
        actor.require("edit_settings", "resend records")
    with station.store.write() as s:
        result = s.execute(text("UPDATE outbox SET state = 'pending' WHERE state = 'failed'"))
        n = cast(CursorResult, result).rowcount
        if n:
            audit.record(
                s,
                station.code,
                "sync_retry",
                actor=actor.username if actor else "admin",
                details={"records": n},
            )
    return n
