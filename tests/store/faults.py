"""Ways a store file breaks, done to a real file: zeroed, cut short, its header or an index page
overwritten, its WAL removed after committed sales."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from counterpos.store.file_check import sidecars


def page_size(db: Path) -> int:
    raw = int.from_bytes(Path(db).read_bytes()[16:18], "big")
    return 65536 if raw == 1 else raw


def zero(db: Path) -> None:
    Path(db).write_bytes(b"")


def cut(db: Path, fraction: float = 0.5, whole_pages: bool = False) -> None:
    data = Path(db).read_bytes()
    keep = int(len(data) * fraction)
    if whole_pages:
        keep -= keep % page_size(db)
    else:
        keep -= 17  # never a whole number of pages
    Path(db).write_bytes(data[:keep])


def bad_header(db: Path) -> None:
    with open(db, "r+b") as fh:
        fh.write(b"CounterPOS was here")


def leaf_pages(db: Path, name: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        return [
            p
            for (p,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (name,),
            )
        ]
    finally:
        conn.close()


def smash_page(db: Path, pageno: int) -> None:
    """Overwrite a whole page with a pattern: its b-tree header no longer parses."""
    size = page_size(db)
    with open(db, "r+b") as fh:
        fh.seek((pageno - 1) * size)
        fh.write(b"\xde\xad\xbe\xef" * (size // 4))


def scribble_cells(db: Path, pageno: int) -> None:
    """Change a few bytes among a page's cells (its header intact): the index now disagrees
    with its table, which only the full integrity_check sees."""
    size = page_size(db)
    with open(db, "r+b") as fh:
        fh.seek((pageno - 1) * size + size - 60)
        fh.write(b"0" * 8)


def copy_without_wal(home: Path, target: Path) -> None:
    """What is left after someone deletes the WAL while the store is shut down mid-run: the
    main file as of its last checkpoint (and everything else in the folder)."""
    shutil.copytree(home, target, ignore=shutil.ignore_patterns("*-wal", "*-shm"))


def remove_wal(db: Path) -> None:
    for part in sidecars(db):
        part.unlink(missing_ok=True)
