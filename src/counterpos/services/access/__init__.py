"""Who may do what: sign-in, PINs, users, supervisor overrides and the screen lock."""
