"""Taking payment: the tender dialog and its card parts."""
