"""Notices as recorded documents (never sent twice), their letters, and license renewals."""
