"""Per-station settings kept at the centre: changed in one place, pulled by each station.

Revision ID: c0007_i19
Revises: c0006_i19
Create Date: 2026-11-30

station_setting holds a value for one station (station_code) or for every station ('*'; a
station's own value wins). Every change is kept in station_setting_change (append-only), who
and when. A station reads its own settings through counterpos_station_settings(), which finds
it by the role it logged in as; it can read no other station's and write none.
"""

from alembic import op

revision = "c0007_i19"
down_revision = "c0006_i19"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """CREATE TABLE station_setting (
          station_code text NOT NULL,
          key text NOT NULL,
          value text NOT NULL,
          changed_at timestamptz NOT NULL DEFAULT now(),
          changed_by text NOT NULL DEFAULT session_user,
          PRIMARY KEY (station_code, key)
        )"""
    )
    op.execute(
        """CREATE TABLE station_setting_change (
          id bigserial PRIMARY KEY,
          station_code text NOT NULL,
          key text NOT NULL,
          old_value text,
          new_value text,
          changed_at timestamptz NOT NULL DEFAULT now(),
          changed_by text NOT NULL DEFAULT session_user
        )"""
    )
    # Self-contained: the same refusal as c0001's counterpos_append_only, under its own name.
    op.execute(
        """CREATE FUNCTION counterpos_setting_history_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: record a new change instead', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END $$"""
    )
    op.execute(
        "CREATE TRIGGER station_setting_change_append_only BEFORE UPDATE OR DELETE ON "
        "station_setting_change FOR EACH ROW EXECUTE FUNCTION counterpos_setting_history_only()"
    )
    for table in ("station_setting", "station_setting_change"):
        op.execute(f"REVOKE ALL ON {table} FROM PUBLIC")
    op.execute(
        """CREATE FUNCTION counterpos_station_settings()
        RETURNS TABLE (setting_key text, setting_value text, set_at timestamptz, set_by text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
          SELECT DISTINCT ON (ss.key) ss.key, ss.value, ss.changed_at, ss.changed_by
            FROM station_setting ss
            JOIN sync_station st ON st.role_name = session_user
           WHERE ss.station_code IN (st.code, '*')
           ORDER BY ss.key, (ss.station_code = '*')
        $$"""
    )


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS counterpos_station_settings()")
    op.execute("DROP TABLE IF EXISTS station_setting_change")
    op.execute("DROP TABLE IF EXISTS station_setting")
    op.execute("DROP FUNCTION IF EXISTS counterpos_setting_history_only()")
