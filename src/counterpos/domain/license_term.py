"""License and pass terms: when a term that starts on a day runs out."""

from __future__ import annotations

from datetime import date, timedelta


def term_end(start: date, years: int) -> date:
    """The last day of a term of `years` years starting on `start` (29 February counts as 28)."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - timedelta(days=1)
