"""Comparing CounterPOS versions (1.4.2, 1.4.2rc1, 1.5): is this station behind the approved one?"""

from __future__ import annotations

import re

_RELEASE = re.compile(r"^\s*v?(\d+(?:\.\d+)*)(.*)$")


def release(version: str) -> tuple[tuple[int, ...], bool] | None:
    """(numbers, is a pre-release) of a version string; None when it is not one."""
    match = _RELEASE.match(version or "")
    if match is None:
        return None
    numbers = tuple(int(n) for n in match.group(1).split("."))
    while len(numbers) > 1 and numbers[-1] == 0:  # 1.4 == 1.4.0
        numbers = numbers[:-1]
    suffix = match.group(2).split("+")[0].strip().lower()  # a local label (+city.3) is ignored
    pre = bool(re.match(r"^[-_.]?(a|b|c|rc|alpha|beta|pre|preview|dev)\d*", suffix))
    return numbers, pre


def is_older(running: str, approved: str) -> bool:
    """True when `running` comes before `approved`; False when either is not a version."""
    r, a = release(running), release(approved)
    if r is None or a is None:
        return False
    if r[0] != a[0]:
        return r[0] < a[0]
    return r[1] and not a[1]  # 1.5rc1 comes before 1.5
