"""Alembic environment for the central PostgreSQL database; the engine comes from CounterPOS."""

from alembic import context

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # plain `alembic` CLI use during development
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url"))

with engine.connect() as connection:
    context.configure(
        connection=connection, transactional_ddl=True, version_table="central_alembic_version"
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
