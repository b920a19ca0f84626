"""Entry point of the bundle's console program, counterpos: the same command tree as the script."""

from counterpos.cli import run

raise SystemExit(run())
