"""eventcoder: code news reports on armed conflict into ACLED-compatible events."""
__version__ = "0.1.0"
