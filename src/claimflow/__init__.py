"""claimflow: turn a pile of articles into a checked table of numeric claims."""
__version__ = "0.1.0"
