"""The office's logins (services/office/connection.py) and what the central database lets the
finance roles do: read everything, write station history only as OFFICE, never change it."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counterpos.services.access import auth
from counterpos.services.clock import local_today
from counterpos.services.errors import CentralUnavailable, StateError
from counterpos.services.office import connection, reconciliation
from counterpos.store.models.base import new_id, utcnow
from tests.conftest import free_port, login
from tests.sale_helpers import cash, ring
from tests.services.office.office_support import FINANCE, open_drawer, push

pytestmark = pytest.mark.pg

SALE = (
    "INSERT INTO sale (id, receipt_no, station_code, sequence, kind, session_id, user_id, "
    "total_cents, change_cents, note, created_at) VALUES (:id, :no, :st, 1, 'sale', 'x', 'u', "
    "100, 0, '', :t)"
)


def refused(office, sql: str, **params) -> str:
    with pytest.raises(DBAPIError) as err, office.write() as conn:
        conn.execute(text(sql), params)
    return str(err.value.orig)


def test_a_finance_login_cannot_write_or_change_station_history(joined, clerk, boss):
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 1_000, cash(1_000))
    push(joined)
    for office in (clerk, boss):
        assert "row-level security" in refused(
            office, SALE, id=new_id(), no="T1-999999", st="T1", t=utcnow()
        )
        assert "permission denied" in refused(office, "UPDATE sale SET total_cents = 1")
        assert "permission denied" in refused(office, "DELETE FROM tender")
        assert "permission denied" in refused(
            office,
            "INSERT INTO audit_event (id, seq, station_code, at, action, actor, approver, "
            "target, details, prev_hash, hash) VALUES ('x', 1, 'T1', now(), 'a', 'b', '', '', "
            "'{}', '', '')",
        )
        assert "permission denied" in refused(office, "UPDATE utility_account SET status = 'x'")
        assert "permission denied" in refused(office, "TRUNCATE sale")
    # The office's own rows are allowed: a sale of the virtual station OFFICE.
    with boss.write() as conn:
        conn.execute(
            text(SALE), {"id": new_id(), "no": "OFFICE-000001", "st": "OFFICE", "t": utcnow()}
        )


def test_only_a_supervisors_login_posts_or_verifies(clerk):
    assert "permission denied" in refused(
        clerk,
        "INSERT INTO office_journal_post (journal_id, posted_by, posted_by_name, posted_at) "
        "VALUES ('x', 'y', 'z', now())",
    )
    assert "row-level security" in refused(
        clerk,
        "INSERT INTO office_deposit_event (id, deposit_id, state, by_user, by_name, at) "
        "VALUES ('e', 'd', 'verified', 'u', 'n', now())",
    )


def test_connect_and_open_the_office_from_the_workstation(joined, centre):
    fiona = auth.login(joined, "fiona", FINANCE["fiona"][2])
    with pytest.raises(StateError, match="not connected"):
        connection.open_office(joined, fiona)
    info = centre.logins["clerk"]
    where = connection.connect(joined, "admin", info["url"], info["password"])
    assert (joined.home / connection.PASSWORD_FILE).stat().st_mode & 0o777 == 0o600
    assert where.endswith(connection.PASSWORD_FILE)
    assert info["password"] not in joined.setting("office.url")
    office = connection.open_office(joined, fiona)
    try:
        assert reconciliation.day(office, local_today()).day == local_today()
    finally:
        office.close()
    nobody = f"postgresql+psycopg://finance@127.0.0.1:{free_port()}/counterpos"
    connection.connect(joined, "admin", nobody, "secret")
    with pytest.raises(CentralUnavailable, match="as the office"):
        connection.open_office(joined, fiona)


def test_the_finance_roles_come_down_to_the_stations(joined):
    from counterpos.services.access import users

    roles = {u.username: u.role for u in users.list_users(joined)}
    assert {k: roles[k] for k in FINANCE} == {k: v[1] for k, v in FINANCE.items()}
