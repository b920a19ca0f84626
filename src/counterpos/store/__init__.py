"""The station's local SQLite store: models, migrations, repositories and the unit of work."""
