"""Entry point of the PyInstaller bundle: the same command tree as the `counterpos` script."""

from counterpos.cli import main

raise SystemExit(main())
