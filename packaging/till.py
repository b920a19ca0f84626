"""Entry point of the bundle's windowed program, counterpos-till: the till, with no console.

It takes the same options as `counterpos` (--home, --demo); commands belong to the console
program beside it, where their output can be read.
"""

from counterpos.cli import run

raise SystemExit(run())
