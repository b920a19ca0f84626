"""Each station's version, last sync and last error, and the version the city approved.

Revision ID: c0006_i19
Revises: c0003
Create Date: 2026-11-30

A station reports with every successful sync, through counterpos_report_status(): the function
finds the station by the role it logged in as (sync_station.role_name = session_user), so a
station can write only its own row and nothing else, and it answers with the approved version.
station_status is the centre's view for IT (`counterpos central stations`); central_setting
holds settings of the whole city (approved_version), every change kept in central_setting_change.
"""

from alembic import op

revision = "c0006_i19"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """CREATE TABLE station_status (
          station_code text PRIMARY KEY,
          version text NOT NULL,
          platform text NOT NULL DEFAULT '',
          host text NOT NULL DEFAULT '',
          pending integer NOT NULL DEFAULT 0,
          failed integer NOT NULL DEFAULT 0,
          last_error text NOT NULL DEFAULT '',
          last_error_at timestamptz,
          last_sync_at timestamptz NOT NULL,
          reported_by text NOT NULL
        )"""
    )
    op.execute(
        """CREATE TABLE central_setting (
          key text PRIMARY KEY,
          value text NOT NULL,
          changed_at timestamptz NOT NULL DEFAULT now(),
          changed_by text NOT NULL DEFAULT session_user
        )"""
    )
    op.execute(
        """CREATE TABLE central_setting_change (
          id bigserial PRIMARY KEY,
          key text NOT NULL,
          old_value text,
          new_value text NOT NULL,
          changed_at timestamptz NOT NULL DEFAULT now(),
          changed_by text NOT NULL DEFAULT session_user
        )"""
    )
    # The record of changes is kept whole (counterpos_append_only comes with c0001).
    op.execute(
        "CREATE TRIGGER central_setting_change_append_only BEFORE UPDATE OR DELETE ON "
        "central_setting_change FOR EACH ROW EXECUTE FUNCTION counterpos_append_only()"
    )
    for table in ("station_status", "central_setting", "central_setting_change"):
        op.execute(f"REVOKE ALL ON {table} FROM PUBLIC")
    op.execute(
        r"""CREATE FUNCTION counterpos_report_status(
          p_version text, p_platform text, p_host text, p_pending integer, p_failed integer,
          p_last_error text, p_last_error_at timestamptz
        ) RETURNS text
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE
          code text;
        BEGIN
          SELECT s.code INTO code FROM sync_station s WHERE s.role_name = session_user;
          IF code IS NULL THEN
            RAISE EXCEPTION 'only a registered station reports its status'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          INSERT INTO station_status AS t (station_code, version, platform, host, pending,
                                           failed, last_error, last_error_at, last_sync_at,
                                           reported_by)
          VALUES (code, left(p_version, 40), left(p_platform, 80), left(p_host, 80),
                  greatest(p_pending, 0), greatest(p_failed, 0), left(p_last_error, 500),
                  p_last_error_at, now(), session_user)
          ON CONFLICT (station_code) DO UPDATE SET
            version = EXCLUDED.version, platform = EXCLUDED.platform, host = EXCLUDED.host,
            pending = EXCLUDED.pending, failed = EXCLUDED.failed,
            last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at,
            last_sync_at = EXCLUDED.last_sync_at, reported_by = EXCLUDED.reported_by;
          RETURN coalesce((SELECT value FROM central_setting WHERE key = 'approved_version'), '');
        END $$"""
    )


def downgrade() -> None:
    op.execute(
        "DROP FUNCTION IF EXISTS counterpos_report_status(text, text, text, integer, integer, "
        "text, timestamptz)"
    )
    for table in ("central_setting_change", "central_setting", "station_status"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
