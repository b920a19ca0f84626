"""The card-number guard at the store boundary: every text a station writes passes it.

Two doors lead into the store and both are guarded: the plain-values path of the financial rows
(`store/outbox.insert_synced`, which calls `guard_rows`) and every INSERT and UPDATE SQLAlchemy
executes, the ORM's flushes included (`install` hooks the engine). Every String, Text and JSON
column is guarded unless it is declared below, so a new field cannot forget it: a value holding
a card number (domain/pan_guard.py) is refused with a plain message naming the field, and the
transaction writes nothing.

Declared are only: columns the station fills itself and that hold no text (keys, hashes, the
outbox's copies of rows that passed this guard); machine-written messages (a printer's or the
terminal's error text), whose card numbers are masked rather than refused; and fields that
legitimately hold long digit runs, each checked against its own format (pan_guard.FORMATS).
SQL written as text (`text("UPDATE ...")`) is not seen: it must carry no free text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import JSON, Engine, String, Table, Text, event
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import BindParameter

from counterpos.domain import pan_guard

# (table, column) the station fills itself, holding no person's text. Keys (primary keys with a
# generated default, foreign keys) are recognised without being listed.
NOT_TEXT: frozenset[tuple[str, str]] = frozenset(
    {
        ("audit_event", "prev_hash"),
        ("audit_event", "hash"),
        ("outbox", "payload"),  # JSON copies of rows that passed this guard on their way in
        ("outbox", "record_id"),
        ("outbox", "table_name"),
        ("outbox", "state"),
        ("app_user", "pin_hash"),
        ("sync_watermark", "changed_at"),
        ("central_ledger_entry", "id"),
        ("central_ledger_entry", "account_id"),
        # ids the station generates, held without a foreign key, and a notice's key (what it is
        # about, made of such ids): the delinquency run writes tens of thousands at once
        ("notice", "key"),
        ("notice", "run_id"),
        ("notice", "bill_id"),
        ("bill_penalty", "ledger_entry_id"),
        ("meter_read", "previous_read_id"),  # ... and a read import's fifty thousand reads
        ("meter_read", "replaces_id"),
        ("meter_read", "import_id"),
    }
)

# Machine-written messages: a card number in them is masked, never refused (refusing would
# lose the message). Only tables that are not synced: a masked value never differs from a copy.
SCRUBBED: frozenset[tuple[str, str]] = frozenset(
    {
        ("print_job", "error"),
        ("outbox", "error"),
        ("sync_status", "value"),
        ("card_request", "reason"),
    }
)

Row = Mapping[str, Any]
Format = str | Callable[[Row], str | None]

# Fields that legitimately hold long digit runs, by (table, column) or, inside a JSON column,
# (table, column, key): the format their values are checked against (pan_guard.FORMATS), or a
# function of the row naming it (None: plain free text).
DECLARED: dict[tuple[str, ...], Format] = {
    ("passport_mailing", "tracking_no"): "tracking_number",
    ("audit_event", "target"): lambda row: (
        "tracking_number" if row.get("action") == "passport_mailed" else None
    ),
    ("sale_line", "details", "card_no"): "transit_card",  # a bus pass's transit card
    ("issued_document", "details", "card_no"): "transit_card",  # ... and the pass issued
    ("issued_document", "holder"): lambda row: (
        "transit_card" if row.get("doc_type") == "bus_pass" else None
    ),
    ("tender", "reference"): lambda row: "micr_line" if row.get("kind") == "check" else None,
}

# How the message names a field; otherwise "The <column, in words>".
LABELS = {
    "note": "The reason or note",
    "memo": "The memo",
    "reason": "The reason",
    "actor": "The username",
    "approver": "The approver's username",
    "tracking_no": "The tracking number",
    "card_no": "The transit card number",
    "holder": "The holder",
}

REFUSE, SCRUB = "refuse", "scrub"


def label(column: str, key: str | None = None) -> str:
    name = key or column
    return LABELS.get(name, f"The {name.replace('_', ' ')}")


def _is_text(col) -> bool:
    return isinstance(col.type, String | Text | JSON)


def _is_key(col) -> bool:
    if col.foreign_keys:
        return True
    return bool(col.primary_key and col.default is not None and col.default.is_callable)


_PLANS: dict[str, dict[str, str]] = {}


def plan(table: Table) -> dict[str, str]:
    """The guarded columns of `table`, by column key: REFUSE or SCRUB."""
    cached = _PLANS.get(table.name)
    if cached is None:
        cached = {}
        for col in table.columns:
            where = (table.name, col.name)
            if not _is_text(col) or _is_key(col) or where in NOT_TEXT:
                continue
            cached[col.key] = SCRUB if where in SCRUBBED else REFUSE
        _PLANS[table.name] = cached
    return cached


def _declared(table: str, column: str, key: str | None, row: Row) -> str | None:
    fmt = DECLARED.get((table, column, key) if key else (table, column))
    if fmt is None or isinstance(fmt, str):
        return fmt
    return fmt(row)


def _check_text(table: str, column: str, key: str | None, text: str, row: Row) -> None:
    if not pan_guard.may_hold_card_number(text):
        return
    fmt = _declared(table, column, key, row)
    if fmt is not None:
        if not pan_guard.declared_ok(fmt, text):
            raise pan_guard.refuse(label(column, key), key or column)
    elif pan_guard.contains_card_number(text):
        raise pan_guard.refuse(label(column, key), key or column)


_KEYS_SEEN: dict[str, bool] = {}


def _key_may_hold(name: str) -> bool:
    """may_hold_card_number of a JSON key: the same few keys come back row after row."""
    holds = _KEYS_SEEN.get(name)
    if holds is None:
        if len(_KEYS_SEEN) >= 1024:
            _KEYS_SEEN.clear()
        holds = _KEYS_SEEN[name] = pan_guard.may_hold_card_number(name)
    return holds


def _check_json(table: str, column: str, key: str | None, value: Any, row: Row) -> None:
    if isinstance(value, str):
        if len(value) >= 13:  # shorter holds no card number (as _check_text would find)
            _check_text(table, column, key, value, row)
    elif isinstance(value, bool):
        return
    elif isinstance(value, int):
        if abs(value) >= 10**12:  # a 13+ digit number, perhaps a card number as a number
            _check_text(table, column, key, str(abs(value)), row)
    elif isinstance(value, Mapping):
        may_hold = pan_guard.may_hold_card_number
        for k, v in value.items():
            name = k if type(k) is str else str(k)
            if len(name) >= 13 and _key_may_hold(name):
                _check_json(table, column, key, name, row)
            # The leaves that cannot hold a card number are passed over here, as the branches
            # above and _check_text would pass them (fewer than 13 digits; a number below
            # 10**12): a notice run's details are tens of thousands of these.
            kind = type(v)
            if (
                v is None
                or kind is bool
                or (kind is str and (len(v) < 13 or not may_hold(v)))
                or (kind is int and -(10**12) < v < 10**12)
            ):
                continue
            _check_json(table, column, key if key is not None else name, v, row)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_json(table, column, key, item, row)


def check(
    table: str,
    column: str,
    value: Any,
    *,
    key: str | None = None,
    row: Row | None = None,
    label: str | None = None,
) -> None:
    """Refuse `value` for `table.column` (a JSON column's `key`) as the store would, before
    anything else is done: services call it to refuse early, naming the field their way."""
    try:
        if isinstance(value, str):
            _check_text(table, column, key, value, row or {})
        else:
            _check_json(table, column, key, value, row or {})
    except pan_guard.CardNumberFound as exc:
        if label is None:
            raise
        raise pan_guard.refuse(label, exc.field) from None


def checked(table: str, column: str, policy: str, value: Any, row: Row) -> Any:
    """`value` as it may be written to `table.column`; raises when it must be refused."""
    if value is None:
        return value
    if isinstance(value, str):
        if policy == SCRUB:
            return pan_guard.scrub(value)
        _check_text(table, column, None, value, row)
    else:
        _check_json(table, column, None, value, row)
    return value


def guard_rows(table: Table, rows: list[dict[str, Any]]) -> None:
    """Check (and, for machine messages, mask) every guarded value of rows about to be
    inserted into `table`, in place. Raises the refusal for the first card number found."""
    guarded = plan(table)
    if not guarded:
        return
    name = table.name
    may_hold = pan_guard.may_hold_card_number
    for row in rows:
        for key, policy in guarded.items():
            value = row.get(key)
            if value is None or (type(value) is str and (len(value) < 13 or not may_hold(value))):
                continue  # most values: fewer than 13 digits, nothing to refuse or mask
            new = checked(name, key, policy, value, row)
            if new is not value:
                row[key] = new


def _guard_params(table: Table, params: Mapping[str, Any]) -> Mapping[str, Any]:
    guarded = plan(table)
    out: dict[str, Any] | None = None
    for key, policy in guarded.items():
        if key not in params:
            continue
        value = params[key]
        if value is None or value == "":
            continue
        new = checked(table.name, key, policy, value, params)
        if new is not value:
            out = dict(params) if out is None else out
            out[key] = new
    return params if out is None else out


def _inline(value: Any) -> Any:
    return value.value if isinstance(value, BindParameter) else value


def _guard_inline(statement: Insert | Update) -> Insert | Update:
    """Values given in the statement itself (`insert(t).values(...)`, `update(t).values(...)`)."""
    table = statement.table
    assert isinstance(table, Table)
    guarded = plan(table)
    single = getattr(statement, "_values", None) or {}
    multi = getattr(statement, "_multi_values", None) or ()
    rows: list[dict[str, Any]] = []
    if single:
        rows.append({str(getattr(c, "key", c)): _inline(v) for c, v in single.items()})
    for group in multi:
        for values in group:
            if isinstance(values, Mapping):
                rows.append({str(getattr(c, "key", c)): _inline(v) for c, v in values.items()})
    fixed: dict[str, Any] = {}
    for i, row in enumerate(rows):
        for key, policy in guarded.items():
            value = row.get(key)
            if isinstance(value, str | dict | list) and value != "":
                new = checked(table.name, key, policy, value, row)
                if new is not value and i == 0 and single:
                    fixed[key] = new
    return statement.values(**fixed) if fixed else statement


def _before_execute(conn, clauseelement, multiparams, params, execution_options):
    if (
        isinstance(clauseelement, Insert | Update)
        and isinstance(clauseelement.table, Table)
        and plan(clauseelement.table)
    ):
        table = clauseelement.table
        if multiparams:
            multiparams = [
                _guard_params(table, p) if isinstance(p, Mapping) else p for p in multiparams
            ]
        if params:
            params = _guard_params(table, params)
        clauseelement = _guard_inline(clauseelement)
    return clauseelement, multiparams, params


def install(engine: Engine) -> None:
    """Guard every INSERT and UPDATE this engine executes (ORM flushes included)."""
    if not event.contains(engine, "before_execute", _before_execute):
        event.listen(engine, "before_execute", _before_execute, retval=True)
