"""Per-publication settings: ``.claims.toml`` or ``[tool.claims]`` in ``pyproject.toml``.

Found from the checked file's folder upward; the search stops at the first folder holding
a ``.git`` entry (the repository root, which is still searched) or at the filesystem root.
In each folder ``.claims.toml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without
a ``[tool.claims]`` table is passed over. Keys (``-`` and ``_`` are interchangeable)::

    fail_on = "warning"        # error | warning | never
    window_days = 7            # reference days before the as-of date, 0..366
    margin_pct = 1.5           # desk rate vs reference fixing, 0..50
    dollar = "CAD"             # what a bare "$" means for this publication
    ignore = ["CUR002"]        # finding codes never reported
    format = "github"          # default output format
    checks = ["currency-conversion"]
    missing_date = "today"     # an undated story: today | unverifiable | error
    scope = "article"          # HTML: read the article, or the whole page

A bad value is a ``ConfigError`` naming the file and the key. Command-line options
override the file; that merge happens in ``claims.cli``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from claims.errors import ConfigError

FAIL_ON = ("error", "warning", "never")
MISSING_DATE = ("today", "unverifiable", "error")
SCOPES = ("article", "page")
CHECKS = ("currency-conversion", "unit-conversion", "arithmetic")
CONFIG_NAME = ".claims.toml"
_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_ISO = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Config:
    """Settings read from one file; None means "not set here"."""

    path: Path | None = None
    fail_on: str | None = None
    window_days: int | None = None
    margin_pct: Decimal | None = None
    dollar: str | None = None
    ignore: tuple[str, ...] = ()
    format: str | None = None
    checks: tuple[str, ...] | None = None
    missing_date: str | None = None
    scope: str | None = None


def find_config(start: Path) -> Path | None:
    """The config file governing ``start`` (a file or folder), or None."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for here in (folder, *folder.parents):
        candidate = here / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = here / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (here / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        data = tomllib.loads(text)
    except OSError:
        return False
    except (tomllib.TOMLDecodeError, RecursionError):
        return "[tool.claims]" in text          # let load_config report the syntax error
    return isinstance(data.get("tool"), dict) and "claims" in data["tool"]


def load_config(path: Path) -> Config:
    """Read and validate one ``.claims.toml`` or ``pyproject.toml``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:                      # tomllib recurses once per nesting level
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("claims", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.claims] must be a table")
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    """Validate a settings table; every problem names the file and the key."""
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        check = _VALIDATORS.get(key)
        if check is None:
            allowed = ", ".join(sorted(_VALIDATORS))
            raise ConfigError(f"{path}: unknown key {raw_key!r} (known keys: {allowed})")
        try:
            values[key] = check(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: {raw_key}: {exc}") from None
    return Config(path=path, **values)


def resolve(start: Path, explicit: Path | None = None) -> Config:
    """The settings for a story at ``start``: ``explicit`` if given, else the nearest file."""
    path = explicit or find_config(start)
    return load_config(path) if path else Config()


# ------------------------------------------------------------------------------ validators

def _choice(options: tuple[str, ...]):
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise ValueError(f"must be one of {', '.join(options)} (got {value!r})")
        return value
    return check


def _window_days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 366:
        raise ValueError(f"must be a whole number of days from 0 to 366 (got {value!r})")
    return value


def _margin_pct(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"must be a number from 0 to 50 (got {value!r})")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"must be a number from 0 to 50 (got {value!r})") from None
    if not number.is_finite() or not 0 <= number <= 50:
        raise ValueError(f"must be a number from 0 to 50 (got {value!r})")
    return number


def _dollar(value: Any) -> str:
    if not isinstance(value, str) or not _ISO.fullmatch(value.strip().upper()):
        raise ValueError(f"must be a three-letter ISO 4217 code such as \"USD\" or \"CAD\" "
                         f"(got {value!r})")
    return value.strip().upper()


def _ignore(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of codes such as [\"CUR002\"] (got {value!r})")
    codes = tuple(v.strip().upper() for v in value)
    bad = [c for c in codes if not _CODE.fullmatch(c)]
    if bad:
        raise ValueError(f"not a finding code: {bad[0]!r}")
    return codes


def _format(value: Any) -> str:
    from claims.report import FORMATS

    return _choice(tuple(FORMATS))(value)


def _checks(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of check names (got {value!r})")
    for v in value:
        _choice(CHECKS)(v)
    return tuple(value)


_VALIDATORS = {
    "fail_on": _choice(FAIL_ON),
    "window_days": _window_days,
    "margin_pct": _margin_pct,
    "dollar": _dollar,
    "ignore": _ignore,
    "format": _format,
    "checks": _checks,
    "missing_date": _choice(MISSING_DATE),
    "scope": _choice(SCOPES),
}


def validate(key: str, value: Any, where: str) -> Any:
    """One setting checked by its key's validator; a bad value is a ConfigError naming ``where``."""
    try:
        return _VALIDATORS[key](value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None
