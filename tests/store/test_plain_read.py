"""store/plain_read.py: a SELECT on the driver's cursor gives what SQLAlchemy's execute gives."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import bindparam, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counterpos.store import plain_read
from counterpos.store.models import Service, Setting, UtilityAccount

_ACCOUNTS = select(
    UtilityAccount.id, UtilityAccount.account_no, UtilityAccount.due_date, UtilityAccount.status
).where(
    UtilityAccount.due_date >= bindparam("on"),  # a date parameter, converted as its column's
    UtilityAccount.status == "active",  # a value in the statement itself
)
_SERVICES = select(Service.code, Service.active, Service.fields).order_by(Service.code)
_COUNT = select(func.count()).select_from(UtilityAccount)
_IN_LIST = select(Service.code).where(Service.code.in_(bindparam("codes", expanding=True)))
_BROKEN = text("SELECT no_such_column FROM service")


def test_rows_are_what_sqlalchemy_gives_value_for_value(station):
    on = date.today() - timedelta(days=400)
    with station.store.read() as s:
        conn = s.connection()
        for statement, params in ((_ACCOUNTS, {"on": on}), (_SERVICES, {}), (_COUNT, {})):
            core = [tuple(r) for r in conn.execute(statement, params)]
            plain = plain_read.rows(s, statement, params)
            assert [tuple(r) for r in plain] == core and core
            # each value of the same type: dates as dates, JSON decoded, booleans as booleans
            assert [[type(v) for v in r] for r in plain] == [[type(v) for v in r] for r in core]
        accounts = plain_read.rows(conn, _ACCOUNTS, {"on": on})
        assert isinstance(accounts[0].due_date, date)
        assert plain_read.first(s, _ACCOUNTS, {"on": date(9999, 1, 1)}) is None
        assert plain_read.scalar(s, _COUNT, {}) == conn.execute(_COUNT).scalar()


def test_what_it_cannot_plan_goes_through_sqlalchemy_and_errors_are_sqlalchemys(station):
    with station.store.read() as s:
        codes = [r.code for r in plain_read.rows(s, _IN_LIST, {"codes": ["misc_receipt", "x"]})]
        assert codes == ["misc_receipt"]
        with pytest.raises(DBAPIError, match="no_such_column"):
            plain_read.rows(s, _BROKEN, {})


_SETTING = select(Setting.value).where(Setting.key == bindparam("key"))


def test_it_reads_inside_the_callers_transaction(station):
    """What the transaction wrote and has not committed is what the read sees."""
    with station.store.write() as s:
        assert plain_read.scalar(s, _SETTING, {"key": "plain_read.test"}) is None
        s.add(Setting(key="plain_read.test", value="seen"))
        s.flush()
        assert plain_read.scalar(s, _SETTING, {"key": "plain_read.test"}) == "seen"
        s.rollback()
    with station.store.read() as s:
        assert plain_read.scalar(s, _SETTING, {"key": "plain_read.test"}) is None


_TEXT = text("SELECT code, active AS on_sale FROM service WHERE code = :code")


def test_a_text_statement_names_its_columns_as_it_runs(station):
    with station.store.read() as s:
        core = s.connection().execute(_TEXT, {"code": "misc_receipt"}).one()
        row = plain_read.first(s, _TEXT, {"code": "misc_receipt"})
        assert (row.code, row.on_sale) == (core.code, core.on_sale) == ("misc_receipt", 1)


def test_a_session_s_connection_is_remembered_for_its_transaction_only(station):
    """Reads in one transaction use its connection; the next transaction's reads use the
    next one, and see what was committed in between."""
    with Session(station.store.engine) as s:
        first = plain_read.connection_of(s)
        assert plain_read.connection_of(s) is first is s.connection()
        s.commit()
        with station.store.write() as w:
            w.add(Setting(key="plain_read.test", value="seen"))
        second = plain_read.connection_of(s)
        assert second is s.connection() and not second.closed
        read = select(Setting.value).where(Setting.key == "plain_read.test")
        assert plain_read.scalar(s, read, {}) == "seen"
