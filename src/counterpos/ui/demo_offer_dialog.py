"""Asked on a station with no users yet: load the demo city, or quit and run `counterpos init`."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class DemoOfferDialog(QDialog):
    """Accepted: load the demo city. Rejected: quit (the store stays empty)."""

    def __init__(self, home: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("No users on this station yet"))
        title = QLabel(self.tr("This station has no users yet."))
        title.setObjectName("title")
        text = QLabel(
            self.tr(
                "To try CounterPOS, load the demo city: City of Mission Vista with 5,000 "
                "customers and the demo logins (maria / 1111 is a cashier).\n\n"
                "To set up a real station instead, quit and run\n"
                "    counterpos --home {home} init\n"
                "which creates the first supervisor."
            ).format(home=home)
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.load_button = buttons.addButton(
            self.tr("Load the demo city (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("Quit (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.load_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
