"""Subcommands of `claimlight` that work on text directly (no daemon)."""
