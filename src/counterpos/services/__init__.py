"""Use cases: the one API the UI and the CLI call; permissions and audit are enforced here."""
