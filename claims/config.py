"""Per-publication settings: ``.claims.toml`` or ``[tool.claims]`` in ``pyproject.toml``.

Found from the checked file's folder upward; the search stops at the first folder holding
a ``.git`` entry (the repository root, which is still searched) or at the filesystem root.
In each folder ``.claims.toml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without
a ``[tool.claims]`` table is passed over. A file found by the search that another user owns
in a folder others may write to is ignored with a warning (``--config`` still names it).
Keys (``-`` and ``_`` are interchangeable)::

    fail_on = "warning"        # error | warning | never
    window_days = 7            # reference days before the as-of date, 0..366
    margin_pct = 1.5           # desk rate vs reference fixing, 0..50
    dollar = "CAD"             # what a bare "$" means for this publication (ISO 4217)
    ignore = ["CUR002", "UNT"] # finding codes, or prefixes, never reported
    format = "github"          # default output format
    checks = ["currency-conversion"]
    exclude = ["public/", "node_modules/"]   # gitignore-style, relative to this file's folder
    include = ["content/**/*.md"]            # what a folder walk picks (default: story files)
    gitignore = true           # honour .gitignore files in folder walks
    max_story_mb = 16          # a larger story is a one-line problem, not read
    max_story_seconds = 60     # a story taking longer is a one-line problem (0: no limit)
    missing_date = "today"     # an undated story: today | unverifiable | error
    scope = "article"          # HTML: read the article, or the whole page
    language = "es-MX"         # the stories' language (BCP 47; "auto": the document's, else detected)
    number_format = "1.234,5"  # the decimal mark: 1,234.5 | 1.234,5 | 1 234,5 | 1'234.5 | auto

A bad value is a ``ConfigError`` naming the file and the key. Command-line options go
through the same validators (``Config.merged``), so both are checked one way.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claims.errors import ConfigError
from claims.pattern_cache import compile as compile_pattern

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

    from claims.check import CheckOptions

FAIL_ON = ("error", "warning", "never")
MISSING_DATE = ("today", "unverifiable", "error")
SCOPES = ("article", "page")
CHECKS = ("currency-conversion", "unit-conversion", "arithmetic")
CONFIG_NAME = ".claims.toml"
DEFAULT_MAX_STORY_MB = 16
DEFAULT_MAX_STORY_SECONDS = 60


@dataclass(frozen=True)
class Config:
    """Settings read from one file (then merged with options); None means "not set here"."""

    path: Path | None = None
    fail_on: str | None = None
    window_days: int | None = None
    margin_pct: Decimal | None = None
    dollar: str | None = None
    ignore: tuple[str, ...] = ()
    format: str | None = None
    checks: tuple[str, ...] | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    gitignore: bool | None = None
    max_story_mb: Decimal | None = None
    max_story_seconds: Decimal | None = None
    missing_date: str | None = None
    scope: str | None = None
    language: str | None = None
    number_format: str | None = None

    def merged(self, options: Mapping[str, Any]) -> Config:
        """This config with command-line ``options`` (key -> raw value, None: not given) laid
        over it, each checked by the key's one validator; list keys add to the file's."""
        changes: dict[str, Any] = {}
        for key, raw in options.items():
            if raw is None or raw == [] or raw == ():
                continue
            value = validate(key, raw, "--" + key.replace("_", "-"))
            if key in _ADDITIVE:
                value = tuple(dict.fromkeys((*getattr(self, key), *value)))
            changes[key] = value
        return replace(self, **changes)

    def ignore_codes(self) -> frozenset[str]:
        """The ``ignore`` selectors (codes or prefixes) as the set of codes they cover."""
        from claims.rules import RULES, matches

        return frozenset(code for code in RULES if any(matches(code, s) for s in self.ignore))

    def check_options(self, *, today: date, as_of: date | None) -> CheckOptions:
        """The ``CheckOptions`` these settings give, defaults filled in."""
        from claims.check import ALL_CHECKS, CheckOptions

        return CheckOptions(
            today=today,
            as_of=as_of,
            window_days=7 if self.window_days is None else self.window_days,
            margin_pct=Decimal("1") if self.margin_pct is None else self.margin_pct,
            dollar=self.dollar or "USD",
            checks=frozenset(self.checks) if self.checks else ALL_CHECKS,
            ignore_codes=self.ignore_codes(),
            missing_date=self.missing_date or "today",
            language=self.language,
            number_format=self.number_format,
        )

    def fails(self, result: Any) -> bool:
        """Whether a ``DocumentResult`` has an unsuppressed finding at or above ``fail_on``."""
        level = self.fail_on or "error"
        return any(not f.suppressed and f.verdict.reaches(level) for f in result.findings)

    def budget(self) -> tuple[int, float | None]:
        """(bytes, seconds or None) a story may take before it is a problem."""
        mb = DEFAULT_MAX_STORY_MB if self.max_story_mb is None else self.max_story_mb
        seconds = (
            DEFAULT_MAX_STORY_SECONDS if self.max_story_seconds is None else self.max_story_seconds
        )
        return int(Decimal(mb) * 1024 * 1024), (float(seconds) or None)


# ------------------------------------------------------------------------------ finding


def find_config(start: Path, warnings: list[str] | None = None) -> Path | None:
    """The config file governing ``start`` (a file or folder), or None. Untrusted files are
    passed over, each with a warning appended to ``warnings``."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for here in (folder, *folder.parents):
        for candidate in (here / CONFIG_NAME, here / "pyproject.toml"):
            if not candidate.is_file():
                continue
            if candidate.name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            reason = distrust(candidate)
            if reason is None:
                return candidate
            if warnings is not None:
                warnings.append(reason)
            break
        if (here / ".git").exists():
            return None
    return None


_TOOL_CLAIMS = compile_pattern(
    r"""^\s*\[\s*tool\s*\.\s*["']?claims\b|^\s*tool\s*\.\s*["']?claims\b""", re.MULTILINE
)


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        data = tomllib.loads(text)
    except OSError:
        return False
    except (tomllib.TOMLDecodeError, RecursionError):
        return bool(_TOOL_CLAIMS.search(text))  # let load_config report the syntax error
    return isinstance(data.get("tool"), dict) and "claims" in data["tool"]


def distrust(path: Path, uid: int | None = None) -> str | None:
    """Why a config file found by searching must not be applied, or None: it belongs to another
    user (not root) and sits in a folder others may write to, or is itself writable by others."""
    if os.name != "posix":
        return None
    uid = os.geteuid() if uid is None else uid
    try:
        info, folder = path.stat(), path.parent.stat()
    except OSError:
        return None  # load_config reports what it cannot read
    if info.st_uid in (uid, 0):
        return None
    if not (folder.st_mode & stat.S_IWOTH or info.st_mode & stat.S_IWOTH):
        return None
    return (
        f"{path}: ignored: owned by another user (uid {info.st_uid}) where others may "
        "write; name it with --config to use it"
    )


# ------------------------------------------------------------------------------ reading


def load_config(path: Path) -> Config:
    """Read and validate one ``.claims.toml`` or ``pyproject.toml``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except IsADirectoryError:
        raise ConfigError(f"{path}: a folder, not a config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per nesting level
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
        if key not in _VALIDATORS:
            allowed = ", ".join(sorted(_VALIDATORS))
            raise ConfigError(f"{path}: unknown key {raw_key!r} (known keys: {allowed})")
        values[key] = validate(key, value, f"{path}: {raw_key}")
    return Config(path=path, **values)


def resolve(start: Path, explicit: Path | None = None, warnings: list[str] | None = None) -> Config:
    """The settings for a story at ``start``: ``explicit`` if given, else the nearest file."""
    path = explicit or find_config(start, warnings)
    return load_config(path) if path else Config()


def validate(key: str, value: Any, where: str) -> Any:
    """One setting checked by its key's validator; a bad value is a ConfigError naming ``where``."""
    try:
        return _VALIDATORS[key](value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None


# ------------------------------------------------------------------------------ validators


def _choice(options: tuple[str, ...]):
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            raise ValueError(f"must be one of {', '.join(options)} (got {value!r})")
        return value

    return check


def _whole(value: Any) -> Any:
    """A whole number as written on a command line ("7") or in TOML (7)."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,6}\s*", value):
        return int(value)
    return value


def _window_days(value: Any) -> int:
    value = _whole(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 366:
        raise ValueError(f"must be a whole number of days from 0 to 366 (got {value!r})")
    return value


def _number(low: int | str, high: int, what: str):
    def check(value: Any) -> Decimal:
        problem = f"must be {what} from {low} to {high} (got {value!r})"
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError(problem)
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(problem) from None
        if not number.is_finite() or not Decimal(low) <= number <= high:
            raise ValueError(problem)
        return number

    return check


_margin_pct = _number(0, 50, "a number")


def _dollar(value: Any) -> str:
    from claims.extract._currency_data import CODES

    code = value.strip().upper() if isinstance(value, str) else ""
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(
            f'must be a three-letter ISO 4217 code such as "USD" or "CAD" (got {value!r})'
        )
    if code not in CODES:
        import difflib

        near = (
            [c for c in sorted(CODES) if sorted(c) == sorted(code)]  # UDS -> USD
            or difflib.get_close_matches(code, sorted(CODES), n=1, cutoff=0.6)
        )
        hint = f"; did you mean {near[0]}?" if near else ""
        raise ValueError(f"not a known ISO 4217 currency code: {value!r}{hint}")
    return code


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of {what} (got {value!r})")
    return tuple(v.strip() for v in value if v.strip())


def _ignore(value: Any) -> tuple[str, ...]:
    from claims.rules import RULES, matches

    selectors = tuple(s.upper() for s in _strings(value, 'codes such as ["CUR002"] or ["UNT"]'))
    for selector in selectors:
        if not re.fullmatch(r"[A-Z]{2,5}[0-9]{0,3}", selector) or not any(
            matches(code, selector) for code in RULES
        ):
            raise ValueError(
                f"not a finding code or code prefix: {selector!r} (`claims rules` lists them)"
            )
    return selectors


def _format(value: Any) -> str:
    from claims.report import FORMATS

    return _choice(tuple(FORMATS))(value)


def _checks(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"must be a list of check names (got {value!r})")
    for v in value:
        _choice(CHECKS)(v)
    return tuple(value)


def _patterns(value: Any) -> tuple[str, ...]:
    patterns = _strings(value, 'gitignore-style patterns such as ["public/"]')
    for pattern in patterns:
        try:
            from claims.stories import _spec

            _spec((pattern,))
        except Exception as exc:  # pathspec's own complaint
            raise ValueError(f"not a valid pattern: {pattern!r} ({exc})") from None
    return patterns


def _language(value: Any) -> str:
    """A BCP 47 tag of a language claims has tables for (``es``, ``es-MX``, ``zh-Hant``), or
    ``auto`` (the document's own tag, else detection)."""
    from claims.extract.language import SUPPORTED, base_of, normalise

    if isinstance(value, str) and value.strip().lower() == "auto":
        return "auto"
    if not isinstance(value, str) or not re.fullmatch(
        r"\s*[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*\s*", value
    ):
        raise ValueError(
            f'must be a language tag such as "es", "es-MX" or "zh-Hant", or "auto" (got {value!r})'
        )
    if base_of(value) not in SUPPORTED:
        raise ValueError(
            f"not a language claims reads: {value!r} (reads "
            f'{", ".join(sorted(SUPPORTED))}; or "auto")'
        )
    return normalise(value)


def _number_format(value: Any) -> str:
    """A decimal-mark setting as ``number_style.parse_number_format`` takes it, canonical:
    ``1,234.5``, ``1.234,5`` or ``auto``."""
    from claims.extract.number_style import parse_number_format

    if not isinstance(value, str):
        raise ValueError(f'must be a string such as "1.234,5" or "auto" (got {value!r})')
    try:
        mark = parse_number_format(value)
    except ValueError as exc:
        raise ValueError(str(exc).removeprefix("number_format ")) from None
    return "auto" if mark is None else ("1,234.5" if mark == "." else "1.234,5")


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false (got {value!r})")
    return value


_VALIDATORS = {
    "fail_on": _choice(FAIL_ON),
    "window_days": _window_days,
    "margin_pct": _margin_pct,
    "dollar": _dollar,
    "ignore": _ignore,
    "format": _format,
    "checks": _checks,
    "include": _patterns,
    "exclude": _patterns,
    "gitignore": _flag,
    "max_story_mb": _number("0.01", 1024, "a size in megabytes"),
    "max_story_seconds": _number(0, 86400, "a number of seconds (0: no limit)"),
    "missing_date": _choice(MISSING_DATE),
    "scope": _choice(SCOPES),
    "language": _language,
    "number_format": _number_format,
}
#: Keys whose command-line values add to the file's instead of replacing them.
_ADDITIVE = frozenset({"ignore", "include", "exclude"})
