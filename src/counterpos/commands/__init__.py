"""One module per CLI command group; cli.py lists them."""
