"""The delinquency run (services/utility/delinquency/run.py): late, final, never twice; and the
letters printed off the GUI thread with progress (notices/letters.py)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from counterpos.domain.document_language import date_text
from counterpos.domain.utility.business_days import business_days_between, is_business_day
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.delinquency.run import delinquency_run
from counterpos.services.utility.notices.letters import notice_pdf, run_letters_pdf
from counterpos.services.utility.notices.record import notices_of, notices_of_run
from tests.conftest import audit_events, login


def test_late_then_final_with_its_sb998_date_and_never_twice(
    station, supervisor, overdue, tmp_path
):
    city, first = overdue
    account_no = city.accounts["MV-000001"]
    late = delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
    assert late.notices == {"late": 6}
    assert delinquency_run(station, supervisor, on=first.due_date + timedelta(days=3)).notices == {}
    day = first.due_date + timedelta(days=46)
    final = delinquency_run(station, supervisor, on=day)
    assert final.notices == {"final": 6}
    notice = notices_of(station, account_no)[0]
    assert notice.kind == "final" and notice.due_on == first.due_date
    assert (notice.shutoff_on - first.due_date).days >= 60
    with station.store.read() as s:
        from counterpos.services.utility.billing.rates import closed_days

        closed = closed_days(s)
    assert business_days_between(day, notice.shutoff_on, closed) >= 7
    assert is_business_day(notice.shutoff_on, closed)
    # the letters of that run, printed in a background job with progress
    seen = []
    path = tmp_path / "final.pdf"
    assert (
        run_letters_pdf(station, supervisor, final.run_id, path, lambda d, t: seen.append((d, t)))
        == 6
    )
    assert seen[-1] == (12, 12)
    pages = PdfReader(path).pages
    assert len(pages) == 6
    text = pages[0].extract_text()
    assert "FINAL NOTICE" in text and date_text(notice.shutoff_on, "en") in text
    assert "arrangement" in text and "Este aviso" in text
    single = (
        PdfReader(io.BytesIO(notice_pdf(station, supervisor, notice.notice_no)))
        .pages[0]
        .extract_text()
    )
    assert notice.notice_no in single
    assert audit_events(station, "delinquency_run")[-1].details["notices"] == {"final": 6}
    assert [n.notice_no for n in notices_of_run(station, final.run_id)][0].startswith("T1-N")


def test_a_run_refused_plainly(station, overdue):
    from counterpos.services.clock import local_today

    with pytest.raises(PermissionDenied):
        delinquency_run(station, login(station, "james"))
    with pytest.raises(InputError, match="future"):
        delinquency_run(station, login(station, "sofia"), on=local_today() + timedelta(days=1))
    with pytest.raises(StateError, match="no notices"):
        run_letters_pdf(station, login(station, "sofia"), "no-such-run", None)  # type: ignore[arg-type]


def test_the_run_holds_the_collector_off_and_leaves_it_as_found(
    station, supervisor, overdue, monkeypatch
):
    """The run holds Python's cyclic collector off while it works (seen from inside, as it
    reads the standings), and puts it back as it was: on where it was on, off where the till
    collects on its own thread."""
    import gc

    from counterpos.services.utility.delinquency import run

    inside = []
    standings = run.past_due_standings

    def seen(*args):
        inside.append(gc.isenabled())
        return standings(*args)

    monkeypatch.setattr(run, "past_due_standings", seen)
    _, first = overdue
    was = gc.isenabled()
    try:
        gc.enable()
        delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
        assert gc.isenabled()
        gc.disable()
        delinquency_run(station, supervisor, on=first.due_date + timedelta(days=46))
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    assert inside == [False, False]
