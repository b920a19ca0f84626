"""An error nobody expected, raised in a real Qt slot of the till: it is logged with its
traceback, the cashier gets a plain dialog, and the sale on screen is untouched."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication

from counterpos import faults
from counterpos.logging_setup import configure
from counterpos.services.sale import catalog
from counterpos.ui.fault_dialog import FaultReporter, install_qt_message_handler

pytestmark = pytest.mark.gui


@pytest.fixture
def hooks(station):
    """The till's fault handling as ui/app.run installs it, taken down again after the test."""
    saved = sys.excepthook, faults._Hooks.installed, faults._Hooks.on_error
    log_file = configure(station.home)
    reporter = FaultReporter(log_file)
    faults._Hooks.installed = False
    faults.install(None, on_error=reporter.report)
    yield reporter, log_file
    sys.excepthook, faults._Hooks.installed, faults._Hooks.on_error = saved
    if reporter.box is not None:
        reporter.box.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_plainly_and_the_sale_stays(qtbot, till, station, hooks):
    reporter, log_file = hooks
    till.state.add_lines([catalog.price_line(station, "passport_photo", quantity=2)])
    before = [line.service_code for line in till.state.cart.lines], till.total.text()

    def broken_slot() -> None:
        raise RuntimeError("the printer module tripped over a None")

    with qtbot.waitSignal(reporter.shown, timeout=5000) as shown:
        QTimer.singleShot(0, broken_slot)
    text = shown.args[0]
    assert "Nothing was lost: the sale on the screen is still there" in text
    assert "call IT and tell them the time" in text and str(log_file) in text
    assert reporter.box.isVisible()
    # the sale on screen is exactly as it was, and the till still takes input
    assert ([line.service_code for line in till.state.cart.lines], till.total.text()) == before
    assert till.isVisible()
    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL counterpos.fault: Unhandled error" in logged
    assert "RuntimeError: the printer module tripped over a None" in logged
    assert "in broken_slot" in logged  # the traceback, for IT
    when, what = faults.last_error(log_file.parent)
    assert when is not None and "RuntimeError: the printer module tripped over a None" in what


@pytest.mark.qt_no_exception_capture
def test_a_burst_of_errors_is_one_dialog(qtbot, till, hooks):
    reporter, _ = hooks

    def broken() -> None:
        raise ValueError("again")

    with qtbot.waitSignal(reporter.shown, timeout=5000):
        for _ in range(3):
            QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: reporter.count == 3)
    qtbot.wait(50)
    boxes = [
        w for w in QApplication.allWidgets() if w.objectName() == "faultDialog" and w.isVisible()
    ]
    assert boxes == [reporter.box]


def test_qt_warnings_go_to_the_log(station, qapp):
    log_file = configure(station.home)
    install_qt_message_handler()
    try:
        qWarning("a Qt warning nobody would see on a windowed till")
    finally:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "WARNING qt: a Qt warning nobody would see on a windowed till" in log_file.read_text()
