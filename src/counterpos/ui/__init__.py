"""The PySide6 user interface; all Qt lives below this package."""
