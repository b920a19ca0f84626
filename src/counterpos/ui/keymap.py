"""The one key map: what each key means on the till, in payment and in every dialog.

A key means the same thing wherever it works. The till and the payment screen build their key
bars from here, the F1 help lists it, and the README's "Using the till" table is this table
(a test compares them). No key empties a cart or a drawer count without asking first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's marker for lupdate)
    """Marks a string of the table for lupdate; it is translated when shown (`tr`)."""
    return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("KeyMap", text)


def tr(text: str) -> str:
    """A string of this table, translated (the table keeps the English, marked for lupdate)."""
    return _tr(text)


@dataclass(frozen=True)
class KeyUse:
    key: str  # as QKeySequence reads it ("F2", "Ctrl+Delete")
    label: str  # short, for the key bar
    till: str  # what it does on the till ("" where it does nothing)
    payment: str  # what it does while taking payment


# The order is the key bars' and the README table's order.
KEYS: tuple[KeyUse, ...] = (
    KeyUse(
        "F1",
        QT_TRANSLATE_NOOP("KeyMap", "Keys"),
        QT_TRANSLATE_NOOP("KeyMap", "show every key"),
        QT_TRANSLATE_NOOP("KeyMap", "show every key"),
    ),
    KeyUse(
        "F2",
        QT_TRANSLATE_NOOP("KeyMap", "Find customer"),
        QT_TRANSLATE_NOOP(
            "KeyMap",
            "find a customer: type any part of a name, account, address, phone or tag; "
            "↓ ↑ and Enter pick",
        ),
        "",
    ),
    KeyUse(
        "F3",
        QT_TRANSLATE_NOOP("KeyMap", "Services"),
        QT_TRANSLATE_NOOP("KeyMap", "go to the services; then the service's number (1–8) opens it"),
        "",
    ),
    KeyUse(
        "F4",
        QT_TRANSLATE_NOOP("KeyMap", "Remove"),
        QT_TRANSLATE_NOOP("KeyMap", "remove the selected line (asks: F4 again removes it)"),
        QT_TRANSLATE_NOOP("KeyMap", "remove the last part of a split payment"),
    ),
    KeyUse(
        "F5",
        QT_TRANSLATE_NOOP("KeyMap", "Pay"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment (as Enter)"),
    ),
    KeyUse(
        "F6",
        QT_TRANSLATE_NOOP("KeyMap", "Split"),
        "",
        QT_TRANSLATE_NOOP("KeyMap", "take this amount as one part of a split payment"),
    ),
    KeyUse(
        "F7",
        QT_TRANSLATE_NOOP("KeyMap", "Cash"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment in cash"),
        QT_TRANSLATE_NOOP("KeyMap", "pay the amount in cash"),
    ),
    KeyUse(
        "F8",
        QT_TRANSLATE_NOOP("KeyMap", "Check"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment by check"),
        QT_TRANSLATE_NOOP("KeyMap", "pay the amount by check"),
    ),
    KeyUse(
        "F9",
        QT_TRANSLATE_NOOP("KeyMap", "Money order"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment by money order"),
        QT_TRANSLATE_NOOP("KeyMap", "pay the amount by money order"),
    ),
    KeyUse(
        "F10",
        QT_TRANSLATE_NOOP("KeyMap", "Card"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment by card"),
        QT_TRANSLATE_NOOP("KeyMap", "pay the amount by card"),
    ),
    KeyUse(
        "F11",
        QT_TRANSLATE_NOOP("KeyMap", "Drawer's sales"),
        QT_TRANSLATE_NOOP(
            "KeyMap",
            "this drawer's sales and totals by tender: Enter prints one again, V voids it, R refunds it",
        ),
        "",
    ),
    KeyUse(
        "F12",
        QT_TRANSLATE_NOOP("KeyMap", "Log out"),
        QT_TRANSLATE_NOOP("KeyMap", "log out (once the sale is finished or cleared)"),
        "",
    ),
    KeyUse(
        "Alt+1…6",
        QT_TRANSLATE_NOOP("KeyMap", "Quick cash"),
        "",
        QT_TRANSLATE_NOOP(
            "KeyMap", "cash: the exact amount, the next $5, $10, $20, $50 and $100 above it"
        ),
    ),
    KeyUse(
        "Ctrl+Delete",
        QT_TRANSLATE_NOOP("KeyMap", "Clear sale"),
        QT_TRANSLATE_NOOP(
            "KeyMap", "clear the sale and the customer (asks: Ctrl+Delete again clears it)"
        ),
        "",
    ),
    KeyUse(
        "Ctrl+Shift+K",
        QT_TRANSLATE_NOOP("KeyMap", "Lock"),
        QT_TRANSLATE_NOOP("KeyMap", "lock the screen now"),
        "",
    ),
    KeyUse(
        "Enter",
        QT_TRANSLATE_NOOP("KeyMap", "OK"),
        QT_TRANSLATE_NOOP("KeyMap", "open the chosen customer or service"),
        QT_TRANSLATE_NOOP("KeyMap", "take payment; after the sale: next customer"),
    ),
    KeyUse(
        "Esc",
        QT_TRANSLATE_NOOP("KeyMap", "Back"),
        QT_TRANSLATE_NOOP("KeyMap", "back to the customer search (clears what was typed there)"),
        QT_TRANSLATE_NOOP("KeyMap", "back to the sale (the cart stays)"),
    ),
    KeyUse(
        "Alt",
        QT_TRANSLATE_NOOP("KeyMap", "Menus"),
        QT_TRANSLATE_NOOP(
            "KeyMap",
            "the menus: Sale, Account (start, stop, transfer, adjust, ledger), Controls (void "
            "Ctrl+Shift+V, refund Ctrl+Shift+R, paid-in/out Ctrl+Shift+P, no-sale "
            "Ctrl+Shift+N, close drawer Ctrl+Shift+C, day view Ctrl+Shift+D, audit trail, "
            "fee schedules); each asks a supervisor on the spot when the cashier may not",
        ),
        "",
    ),
)

# In every dialog: what Enter and Esc do (README: "In every dialog").
DIALOG_KEYS = (
    (
        "Enter",
        QT_TRANSLATE_NOOP(
            "KeyMap", "moves on or confirms (in a count: the next line); it never throws work away"
        ),
    ),
    (
        "Esc",
        QT_TRANSLATE_NOOP(
            "KeyMap", "backs out; if something was typed, it asks before throwing it away"
        ),
    ),
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP(
            "KeyMap", "the next / previous field; the field with the focus has a ring"
        ),
    ),
)

BY_KEY = {k.key: k for k in KEYS}

# What the till's key bar shows, and the payment screen's.
TILL_BAR = (
    "F2", "F3", "F4", "F5", "F7", "F8", "F9", "F10", "F11", "F12", "Ctrl+Delete", "Esc", "F1",
)  # fmt: skip
PAYMENT_BAR = ("Enter", "F6", "F4", "F7", "F8", "F9", "F10", "Alt+1…6", "Esc", "F1")
# Where a bar words a key more closely than the table's short label.
_BAR_LABELS = {
    ("till", "F4"): QT_TRANSLATE_NOOP("KeyMap", "Remove line"),
    ("payment", "Enter"): QT_TRANSLATE_NOOP("KeyMap", "Take payment"),
    ("payment", "F4"): QT_TRANSLATE_NOOP("KeyMap", "Remove part"),
    ("payment", "Esc"): QT_TRANSLATE_NOOP("KeyMap", "Back to the sale"),
}


def bar(keys: tuple[str, ...], where: str = "till") -> list[tuple[str, str]]:
    """(key, label) pairs for the key bar of `where` ("till" or "payment"), translated."""
    return [(key, _tr(_BAR_LABELS.get((where, key), BY_KEY[key].label))) for key in keys]
