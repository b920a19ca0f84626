"""The cashier's drawer over a session: paid-in/out, no-sale, the blind close, figures and the Z report."""
