"""mypy on ui/ and commands/ against a recorded baseline that may only shrink.

domain/, store/ and services/ must type-check cleanly (plain `mypy`, configured in
pyproject.toml). The screens and the CLI carry older errors, listed in mypy-baseline.txt without
line numbers: a new error fails, and so does a listed one that is gone (delete its line, so the
list only shrinks). `--update` rewrites the list from what mypy says now.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "mypy-baseline.txt"
LINE = re.compile(r"^(?P<path>[^:]+):\d+: error: (?P<message>.*)$")


def current() -> Counter[str]:
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "-p", "counterpos.ui", "-p", "counterpos.commands"],
        cwd=HERE.parent,
        capture_output=True,
        text=True,
    ).stdout
    found: Counter[str] = Counter()
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            found[f"{m['path']}: {m['message']}"] += 1
    return found


def main() -> int:
    now = current()
    if "--update" in sys.argv:
        BASELINE.write_text("".join(f"{e}\n" for e in sorted(now.elements())))
        print(f"mypy baseline: {sum(now.values())} errors recorded")
        return 0
    known = Counter(BASELINE.read_text().splitlines()) if BASELINE.exists() else Counter()
    new, gone = now - known, known - now
    for e in sorted(new.elements()):
        print(f"new mypy error: {e}")
    for e in sorted(gone.elements()):
        print(f"fixed, remove from .ci/mypy-baseline.txt: {e}")
    print(f"mypy on ui/ and commands/: {sum(now.values())} errors, baseline {sum(known.values())}")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
