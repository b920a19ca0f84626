"""Renewal notices (services/utility/notices/renewals.py): letters and a list, recorded once."""

from __future__ import annotations

from collections import Counter

import pytest
from pypdf import PdfReader

from counterpos.domain.document_language import date_text
from counterpos.services.errors import InputError, PermissionDenied
from counterpos.services.utility.notices.letters import run_letters_pdf
from counterpos.services.utility.notices.renewals import renewal_list, send_renewal_notices
from tests.conftest import login


def test_licenses_coming_due_get_one_notice_each(station, supervisor, tmp_path):
    due = renewal_list(station, 45)
    assert due and all(not item.notice_no for item in due)
    assert {item.kind for item in due} <= {"business", "animal"}
    assert [item.expires_on for item in due] == sorted(item.expires_on for item in due)
    run = send_renewal_notices(station, supervisor, 45)
    expect = Counter("renewal_" + item.kind for item in due)
    assert run.sent == dict(expect) and run.already_sent == 0
    listed = renewal_list(station, 45)
    assert all(item.notice_no for item in listed)
    again = send_renewal_notices(station, supervisor, 45)
    assert again.sent == {} and again.already_sent == len(due)
    path = tmp_path / "renewals.pdf"
    assert run_letters_pdf(station, supervisor, run.run_id, path) == len(due)
    text = PdfReader(path).pages[0].extract_text()
    first = due[0]
    assert first.license_no in text and date_text(first.expires_on, "en") in text
    assert "renewal" in text.lower()


def test_renewals_refused_plainly(station):
    with pytest.raises(PermissionDenied):
        send_renewal_notices(station, login(station, "maria"))
    with pytest.raises(InputError, match="1 to 120"):
        renewal_list(station, 400)
