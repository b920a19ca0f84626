"""The counter's screen flow: login, then the drawer count if needed, then the till; F12 returns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from counterpos.ui.back_office.day_view import DayViewDialog
    from counterpos.ui.controls.drawer_open_dialog import DrawerOpenDialog
    from counterpos.ui.till.window import TillWindow


class CounterFlow(QObject):
    """Wires the login window to the drawer dialog and the till for one opened station.
    `store_switched` when a supervisor switched training on or off: the app reopens."""

    store_switched = Signal()

    def __init__(self, station, login) -> None:
        super().__init__(login)
        self.station = station
        self.login = login
        self.till: TillWindow | None = None
        self.drawer_dialog: DrawerOpenDialog | None = None
        # the day view opened from the drawer count, without a drawer
        self.reports: DayViewDialog | None = None
        self.office: QWidget | None = None
        self.sync_worker = None  # the app starts it when central.url is set
        login.logged_in.connect(self.logged_in)

    def logged_in(self, actor) -> None:
        from counterpos.services import sessions

        if actor.can("office"):  # a finance role: the back office, not a drawer
            self.open_office(actor)
            return
        session = sessions.current_session(self.station, actor)
        if session is not None:
            self.open_till(actor, session)
            return
        from counterpos.ui.controls.drawer_open_dialog import DrawerOpenDialog

        dialog = DrawerOpenDialog(self.station, actor, self.login)
        dialog.accepted.connect(lambda: self.open_till(actor, dialog.session))
        dialog.rejected.connect(self.login.reset)
        dialog.reports_wanted.connect(lambda: self.open_reports(actor, dialog))
        self.drawer_dialog = dialog
        dialog.open()

    def open_reports(self, actor, over) -> None:
        """A supervisor's day view and Z report, with no drawer of their own opened."""
        from counterpos.ui.back_office.day_view import DayViewDialog

        reports = DayViewDialog(self.station, actor, over)
        reports.finished.connect(lambda _r: setattr(self, "reports", None))
        self.reports = reports
        reports.open()

    def open_till(self, actor, session) -> None:
        from counterpos.ui.till.window import TillWindow

        self.drawer_dialog = None
        till = TillWindow(self.station, actor, session, sync_worker=self.sync_worker)
        till.logged_out.connect(self.logged_out)
        till.store_switched.connect(self.store_switched)
        till.new_session_wanted.connect(lambda: self.new_session(actor))
        self.till = till
        till.show_on_screen()
        till.activateWindow()
        self.login.hide()
        self._card_notice(till, session)

    def _card_notice(self, till, session) -> None:
        """At sign-in: card payments approved and not on a saved sale, or with no answer yet."""
        from counterpos.services.card.unattached import notice
        from counterpos.services.errors import CounterError

        try:
            text = notice(self.station, session.session_id)
        except CounterError as exc:
            text = str(exc)
        if text:
            till.tell(text)

    def open_office(self, actor) -> None:
        from counterpos.ui.back_office.office_window import OfficeWindow

        office = OfficeWindow(self.station, actor)
        self.office = office
        office.logged_out.connect(self.logged_out)
        office.show()
        office.activateWindow()
        self.login.hide()

    def new_session(self, actor) -> None:
        """The drawer was closed and the cashier stays: count a new float, then the till."""
        self.till = None
        self.login.show()
        self.logged_in(actor)

    def logged_out(self) -> None:
        self.till = None
        self.office = None
        self.login.show()
        self.login.activateWindow()
        self.login.reset()
