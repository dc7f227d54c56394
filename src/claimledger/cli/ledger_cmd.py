"""Commands of this stage (not yet written)."""
