"""Lets `python -m counterpos` run the same command tree as the `counterpos` script."""

from counterpos.cli import run

raise SystemExit(run())
