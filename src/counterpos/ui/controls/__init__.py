"""The till's controls: close, void, refund, reprint, paid-in/out, no-sale and the supervisor override."""
