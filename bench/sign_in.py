"""Benchmark: signing in with the argon2id PIN hash, and what one guess costs an attacker.

    python bench/sign_in.py [--rounds 15]

On a fresh store with one cashier and one supervisor, times `auth.login` (read the hash, check
the PIN, record the sign-in: the till's whole path) with today's hash, the first sign-in of a
user still holding an old scrypt hash (checked, then replaced by an argon2id one), and, as the
baseline in the same run, the old scrypt hash alone. The attacker's cost is the CPU time of one
hash on one core (process time, one lane), times 10^6 for every 6-digit PIN and 10^4 for every
4-digit one.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import select  # noqa: E402

from counterpos.services.access import auth, pin, users  # noqa: E402
from counterpos.services.station import Station  # noqa: E402
from counterpos.store.models import User  # noqa: E402


def old_scrypt(secret: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def timed(fn, rounds: int, clock=time.perf_counter) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = clock()
        fn()
        out.append(clock() - t0)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    n = args.rounds
    with tempfile.TemporaryDirectory() as tmp:
        station = Station.open(Path(tmp))
        users.add_user(station, "lee", "Lee Park", "cashier", "4321")
        users.add_user(station, "bea", "Bea Boss", "supervisor", "654321")
        login = timed(lambda: auth.login(station, "bea", "654321"), n)

        def reset_to_scrypt():
            with station.store.write() as s:
                s.scalar(select(User).where(User.username == "lee")).pin_hash = old_scrypt("4321")

        upgrade = []
        for _ in range(n):
            reset_to_scrypt()
            t0 = time.perf_counter()
            auth.login(station, "lee", "4321")
            upgrade.append(time.perf_counter() - t0)
        station.close()
    stored = pin.hash_pin("654321")
    argon_cpu = timed(lambda: pin.verify_pin("654321", stored), n, time.process_time)
    scrypt_hash = old_scrypt("654321")
    scrypt_cpu = timed(lambda: pin.verify_pin("654321", scrypt_hash), n, time.process_time)

    def row(name: str, values: list[float]) -> None:
        print(
            f"{name:<58} {statistics.median(values) * 1000:>8.0f} ms {p95(values) * 1000:>8.0f} ms"
        )

    print(f"{'':<58} {'median':>11} {'p95':>11}")
    row("sign-in, argon2id hash (auth.login, whole path)", login)
    row("first sign-in with an old scrypt hash, upgraded", upgrade)
    row("one argon2id check, CPU time of one core", argon_cpu)
    row("baseline: one old scrypt check (N=2^14), CPU time", scrypt_cpu)
    a, b = statistics.median(argon_cpu), statistics.median(scrypt_cpu)
    print(
        f"argon2id vs old scrypt: {a / b:.1f}x per guess. Every 6-digit PIN: "
        f"{a * 1e6 / 3600:.1f} h of one core (old: {b * 1e6 / 3600:.1f} h); every 4-digit "
        f"PIN: {a * 1e4 / 60:.0f} min (old: {b * 1e4 / 60:.0f} min)."
    )


if __name__ == "__main__":
    main()
