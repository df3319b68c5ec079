"""Checking many stories: the library twin of ``claims check PATH...``.

``check_paths`` finds the stories (``claims.stories``), reads each within its budget (size,
and time where the platform has interval timers), applies the settings of its folder (a
config file merged with the caller's options, ``claims.config``), checks it and yields each
result as soon as it is ready, so a caller can write it and let it go. One story that cannot
be read, is too large or too slow, or trips a bug in claims becomes a ``Problem`` for that
story alone; every other story is still checked. Nothing here prints or exits.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claims.config import Config, resolve
from claims.errors import ClaimsError, ConfigError, InputError
from claims.report import Problem
from claims.stories import Patterns, Scope, find_stories

if TYPE_CHECKING:  # pragma: no cover
    from claims.check.rate_window import RateSource


@dataclass(frozen=True)
class Checked:
    """One story's result and the settings it was checked with (``config.path`` names the file)."""

    result: Any  # DocumentResult
    config: Config
    document: Any = None  # the Document, when the caller keeps stories (HTML)


@dataclass(frozen=True)
class Note:
    """Something the caller should pass on without it being a problem: an ignored config file
    (``kind="warning"``) or a named file left out by an exclude pattern (``kind="skipped"``)."""

    message: str
    kind: str = "warning"


Event = Checked | Problem | Note


class StoryTimeout(BaseException):
    """Raised inside a story's check when its time budget runs out (a BaseException, so that
    no ``except Exception`` in the checks can swallow it)."""


class Settings:
    """The settings of each folder: its config file (found once per folder, or the one named)
    merged with the caller's options; a broken config is a Problem for the stories below it."""

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        *,
        config: Path | None = None,
        use_config: bool = True,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        base: str | None = None,
    ) -> None:
        self.options = dict(options or {})
        self.explicit, self.use_config = config, use_config
        self.base = os.path.abspath(base or os.curdir)
        self.include = Patterns(self.base, tuple(include), "--include")
        self.exclude = Patterns(self.base, tuple(exclude), "--exclude")
        self.warnings: list[str] = []
        self._cache: dict[str, Config | ConfigError] = {}
        Config().merged(self.options)  # a bad option fails here, before any story

    def for_folder(self, folder: str) -> Config | ConfigError:
        """The merged settings for stories in ``folder`` (absolute), or the error to report."""
        key = "" if self.explicit or not self.use_config else folder
        if key not in self._cache:
            try:
                if not self.use_config:
                    found = Config()
                else:
                    found = resolve(Path(folder), self.explicit, self.warnings)
                self._cache[key] = found.merged(self.options)
            except ConfigError as exc:
                self._cache[key] = exc
        return self._cache[key]

    def scope(self, folder: str) -> Scope:
        """Which files a walk of ``folder`` picks: the config's patterns (relative to its own
        folder) and the caller's (relative to ``base``)."""
        cfg = self.for_folder(folder)
        if isinstance(cfg, ConfigError):
            return Scope(include=(self.include,) if self.include.lines else ())
        here = str(cfg.path.parent) if cfg.path else self.base
        origin = _shown(str(cfg.path)) if cfg.path else "config"
        include = [
            Patterns(here, tuple(p for p in cfg.include if p not in self.include.lines), origin),
            self.include,
        ]
        exclude = [
            Patterns(here, tuple(p for p in cfg.exclude if p not in self.exclude.lines), origin),
            self.exclude,
        ]
        return Scope(
            include=tuple(p for p in include if p.lines),
            exclude=tuple(p for p in exclude if p.lines),
            gitignore=cfg.gitignore is not False,
        )


def _shown(path: str) -> str:
    """A path as people read it: relative to the current folder when below it."""
    rel = os.path.relpath(path)
    return path if rel.startswith(os.pardir) else rel


def config_name(config: Config) -> str | None:
    """How outputs name the config file a story was checked with."""
    return _shown(str(config.path)) if config.path else None


def check_paths(
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    today: date,
    as_of: date | None = None,
    store: RateSource | None = None,
    open_store: Callable[[], RateSource] | None = None,
    input_format: str | None = None,
    stdin: IO[bytes] | None = None,
    debug: bool = False,
    keep_documents: bool = False,
) -> Iterator[Event]:
    """Check every story named by ``paths``; yield a ``Checked``, ``Problem`` or ``Note`` each.

    ``store`` (or ``open_store()``, called once when the first story needs it) is the rate
    store; ``today`` is the caller's clock. ``debug`` lets an unexpected error propagate
    instead of becoming an ``internal`` Problem; ``keep_documents`` hands each ``Document`` on
    with its result (only the HTML report shows the story itself).
    """
    from claims.check import check_document

    settings = settings or Settings()
    stores: list[RateSource | ClaimsError] = [store] if store is not None else []

    def rates() -> RateSource:
        """The store, opened once; a store that cannot open fails each story the same way."""
        if not stores:
            opener: Callable[[], RateSource]
            if open_store is None:
                from claims.rates import open_store as default_opener

                opener = default_opener
            else:
                opener = open_store
            try:
                stores.append(opener())
            except ClaimsError as exc:
                stores.append(exc)
        if isinstance(stores[0], ClaimsError):
            raise StoreUnavailable(str(stores[0]))
        return stores[0]

    store_on_demand = _OnDemand(rates)

    for name, cfg in each_story(paths, settings):
        if isinstance(cfg, (Problem, Note)):
            yield cfg
            continue
        max_bytes, seconds = cfg.budget()
        try:
            data = read_story(name, max_bytes, stdin)
            with time_budget(seconds):
                from claims.documents import load_document

                doc = load_document(name, data, input_format, scope=cfg.scope or "article")
                del data
                result = check_document(
                    doc, store_on_demand, cfg.check_options(today=today, as_of=as_of)
                )
        except StoryTimeout:
            yield Problem(
                name,
                f"{name}: not checked: took longer than {seconds:g} s (max_story_seconds)",
                "budget",
            )
            continue
        except StoreUnavailable as exc:
            yield Problem(name, f"{name}: not checked: {exc}", "input")
            continue
        except ClaimsError as exc:
            yield Problem(name, str(exc), "budget" if isinstance(exc, BudgetError) else "input")
            continue
        except (Exception, RecursionError) as exc:  # noqa: BLE001 - one story, not the run
            if debug:
                raise
            yield internal_problem(name, exc)
            continue
        yield Checked(result, cfg, doc if keep_documents else None)


class StoreUnavailable(InputError):
    """The rate store could not be opened; only a story that needs a rate meets it."""


class _OnDemand:
    """The rate store, opened when a story first asks it for a rate: a story without
    conversions (units, arithmetic) is still checked when the store cannot open."""

    def __init__(self, opener: Callable[[], Any]) -> None:
        self._opener = opener

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opener(), name)


def internal_problem(name: str, exc: BaseException) -> Problem:
    """A bug in claims met while checking one story, as that story's one-line problem."""
    return Problem(
        name,
        f"{name}: internal error ({type(exc).__name__}: {exc}); please report "
        "it with this story (CLAIMS_DEBUG=1 shows the traceback)",
        "internal",
    )


def each_story(paths: Iterable[str], settings: Settings) -> Iterator[tuple[str, Any]]:
    """(name, its merged Config) for each story, or (name, Problem/Note) for the rest; an
    ignored config file is a Note as soon as the search meets it."""
    reported: set[str] = set()
    warned = 0

    def news(name: str) -> Iterator[tuple[str, Note]]:
        nonlocal warned
        while warned < len(settings.warnings):
            yield name, Note(settings.warnings[warned])
            warned += 1

    for found in find_stories(paths, settings.scope):
        yield from news(found.name)
        if found.problem:
            yield found.name, Problem(found.name, found.problem)
            continue
        if found.skipped:
            yield found.name, Note(f"{found.name}: skipped, {found.skipped}", "skipped")
            continue
        folder = os.getcwd() if found.name == "-" else os.path.dirname(os.path.abspath(found.name))
        cfg = settings.for_folder(folder)
        yield from news(found.name)
        if isinstance(cfg, ConfigError):
            if str(cfg) not in reported:
                reported.add(str(cfg))
                yield found.name, Problem(found.name, str(cfg), "config")
            continue
        yield found.name, cfg


# ------------------------------------------------------------------------------ budgets


class BudgetError(InputError):
    """A story larger than its size budget."""


def read_story(name: str, max_bytes: int, stdin: IO[bytes] | None = None) -> bytes:
    """The bytes of one story (``-``: standard input), at most ``max_bytes``; a pipe is read to
    its end, never opened blocking when nobody writes to it."""
    try:
        if name == "-":
            data = _read_upto(stdin or sys.stdin.buffer, max_bytes + 1)
        else:
            with _open(name) as fh:
                data = _read_upto(fh, max_bytes + 1)
    except IsADirectoryError:
        raise InputError(f"{name}: a folder, not a story file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise BudgetError(f"{name}: not checked: larger than {_mb(max_bytes)} (max_story_mb)")
    return data


def _read_upto(fh: IO[bytes], limit: int, chunk: int = 1 << 16) -> bytes:
    """At most ``limit`` bytes, read a chunk at a time (``read(limit)`` would set aside the
    whole budget for every story, however small)."""
    parts: list[bytes] = []
    total = 0
    while total < limit:
        part = fh.read(min(chunk, limit - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def _open(name: str) -> IO[bytes]:
    if os.name != "posix":
        return open(name, "rb")
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO without a writer: no hang
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


class time_budget:
    """``with time_budget(seconds):`` raises ``StoryTimeout`` inside the block when it runs out
    (an interval timer: POSIX, main thread only; elsewhere the block simply runs)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False

    def __enter__(self) -> time_budget:
        if (
            self.seconds
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        ):
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    @staticmethod
    def _expire(signum: int, frame: Any) -> None:
        raise StoryTimeout()

    def __exit__(self, *exc: Any) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            self.armed = False
