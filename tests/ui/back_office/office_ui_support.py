"""What the office window's page tests share: the window of a finance user connected to a real
centre through the supervisor's finance login, a closed and banked day, and a modal question
answered."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counterpos.services.access import auth
from counterpos.services.office import connection
from counterpos.ui.back_office.office_window import OfficeWindow
from tests.services.office.office_support import FINANCE


def window(qtbot, station, centre, username: str) -> OfficeWindow:
    """`username`'s office window, connected (the services enforce the person's role)."""
    info = centre.logins["supervisor"]
    connection.connect(station, "admin", info["url"], info["password"])
    w = OfficeWindow(station, auth.login(station, username, FINANCE[username][2]))
    qtbot.addWidget(w)
    assert w.status.text() == "Up to date.", w.status.text()
    return w


def answer_next_question(yes: bool, seen: list[str]) -> None:
    """When the next question box opens, note its text and answer it Yes or No."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        button = box.button(
            QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        )
        button.click()

    QTimer.singleShot(0, press)
