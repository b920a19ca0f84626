"""The demo city's citations: parking and code enforcement, some of them past the 21 days."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.store.models import Citation


def add_demo_citations(session: Session, today: date, count: int = 40, seed: int = 7) -> int:
    """Demo citations from the parking and code-enforcement departments, some of them late."""
    if session.scalar(select(Citation.citation_no).limit(1)) is not None:
        return 0
    rng = random.Random(seed)
    # Two fixed ones the README and the tests use: one recent, one past the 21 days.
    session.add(
        Citation(
            citation_no="PC240001",
            issued_on=today - timedelta(days=3),
            amount_cents=4500,
            violation="Expired meter",
            name="",
            plate="8ABC123",
        )
    )
    session.add(
        Citation(
            citation_no="PC240002",
            issued_on=today - timedelta(days=30),
            amount_cents=5500,
            violation="Street sweeping",
            name="",
            plate="7XYZ789",
        )
    )
    violations = [
        ("Expired meter", 4500),
        ("Street sweeping", 5500),
        ("Red zone", 9000),
        ("Overnight parking without permit", 4000),
        ("Overgrown weeds (code enforcement)", 10000),
        ("Trash cans left at curb", 2500),
    ]
    for i in range(count):
        violation, cents = rng.choice(violations)
        session.add(
            Citation(
                citation_no=f"PC{240100 + i}",
                issued_on=today - timedelta(days=rng.randint(0, 60)),
                amount_cents=cents,
                violation=violation,
                name="",
                plate=f"{rng.randint(1, 9)}{''.join(rng.choices('ABCDEFGHJKLMNPRSTUVWXYZ', k=3))}{rng.randint(100, 999)}",
            )
        )
    return count
