"""Exceptions mean "cannot run"; a missing rate for one figure is a finding, not an exception."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class: the CLI turns it into one line on stderr and ``exit_code``."""

    exit_code = 2


class InputError(ClaimsError):
    """A file cannot be read as a story: missing, a directory, binary, not UTF-8."""


class ConfigError(ClaimsError):
    """A bad option or configuration value."""


class RateError(ClaimsError):
    """The rate store cannot answer: unknown currency, no data for a date, store unusable."""


class UnknownCurrency(RateError):
    """A currency code the store has never heard of."""


class NoRate(RateError):
    """No source has a rate for this pair on this date (never guessed)."""


class StaleData(NoRate):
    """The date asked for lies past the last fixing in the store."""

    def __init__(self, message: str, last_date=None):
        super().__init__(message)
        self.last_date = last_date


class UpdateError(RateError):
    """A download or import failed; the previous data is left intact."""
