"""Indexes for the one-license-per-term check: an owner's licenses by the animal's name.

Selling a dog license checks that the animal has no license in force: it read every license
of the owner and took the name out of each one's JSON details, so each sale grew slower with
the licenses the owner holds (3 ms at 250). These index the same expressions the check asks
for (services/counter/animal_license.py, `_SAME_ANIMAL`; the expressions must stay the same
text for SQLite to use them): the name folded as SQLite folds it, whether the name holds a
character SQLite cannot fold, the description's quoted name, and whether the description is of
the usual form (`Dog “Rex”`).

Revision ID: 0017_s4_14b
Revises: 0017_s4_14
Create Date: 2026-12-01
"""

from alembic import op

revision = "0017_s4_14b"
down_revision = "0017_s4_14"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_license_animal_name": "lower(trim(json_extract(details, '$.animal_name')))",
    "ix_license_animal_name_odd": "(json_extract(details, '$.animal_name') GLOB '*[^ -~]*')",
    "ix_license_quoted_name": "lower(replace(substr(description, instr(description, '“')), "
    "'\u212a', 'k'))",
    "ix_license_description_odd": "(description NOT GLOB '[^“”]*“[^“”]*”')",
}


def upgrade() -> None:
    for name, expression in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON license (customer_id, {expression})")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
