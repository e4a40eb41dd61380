"""claimlight: who says what, highlighted in the page you are reading."""

__version__ = "0.1.0"
