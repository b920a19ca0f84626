"""The status-bar label that always shows the sync state: up to date, N waiting, or offline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from counterpos.services.central.sync import SyncState
from counterpos.ui.formats import datetime_text, time_text

# The style sheet's tones (ui/theme.py fills in their colours) by sync state.
TONES = {"alone": "", "up_to_date": "ok", "waiting": "warn", "offline": "error"}


class SyncStatusLabel(QLabel):
    """Polls a status function (normally `sync_service.status` bound to the station).

    Drop it into the main window's status bar:
        bar.addPermanentWidget(SyncStatusLabel(lambda: sync_service.status(station)))
    """

    def __init__(
        self,
        status: Callable[[], SyncState],
        parent: QWidget | None = None,
        interval_ms: int = 5000,
    ) -> None:
        super().__init__(parent)
        self._status = status
        self.setObjectName("syncStatus")
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        try:
            state = self._status()
        except Exception as exc:  # noqa: BLE001 - a status line must never take the till down
            self.setText(self.tr("Sync status unknown"))
            self.setToolTip(str(exc))
            return
        self.setText(self.describe(state))
        self.setToolTip(self.tooltip(state))
        self.setProperty("syncState", state.state)
        tone = TONES.get(state.state, "")
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().unpolish(self)
            self.style().polish(self)

    def describe(self, state: SyncState) -> str:
        if state.state == "alone":
            return self.tr("Working alone")
        if state.state == "offline":
            since = time_text(state.offline_since) if state.offline_since else "?"
            return (
                self.tr("Offline since %1 · %2 waiting")
                .replace("%1", since)
                .replace("%2", str(state.waiting))
            )
        if state.state == "waiting":
            return self.tr("%1 waiting to sync").replace("%1", str(state.waiting))
        return self.tr("Up to date")

    def tooltip(self, state: SyncState) -> str:
        lines = []
        if state.last_success:
            lines.append(self.tr("Last sync %1").replace("%1", datetime_text(state.last_success)))
        else:
            lines.append(self.tr("Not synced yet"))
        if state.last_error:
            lines.append(self.tr("Last error: %1").replace("%1", state.last_error))
        if state.failed:
            lines.append(
                self.tr("%1 record(s) set aside: a supervisor should look at them").replace(
                    "%1", str(state.failed)
                )
            )
        return "\n".join(lines)
