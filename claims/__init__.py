"""claims: check the numbers in news copy."""

__version__ = "0.1.0"
