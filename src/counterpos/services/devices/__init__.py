"""The station's devices as the till uses them: receipts and slips printed, the drawer kicked, reprints."""
