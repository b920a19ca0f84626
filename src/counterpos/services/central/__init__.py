"""The station and the central database: sync, and setting the centre up."""
