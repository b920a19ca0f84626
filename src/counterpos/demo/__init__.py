"""The demo city and its 30 days of history, built through the services as the CLI would."""
