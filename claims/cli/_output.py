"""Where a run's reports go: formats, files, encodings and colour (the CLI's only writer).

``--format NAME`` may be given several times, each ``NAME`` or ``NAME=FILE``; the one without
a file goes to standard output (or ``--output-file``). Machine formats are written as UTF-8
bytes whatever the console's encoding; text is written in the console's encoding, with
characters it cannot show as ``\\uXXXX`` escapes rather than a crash. Files are written to a
temporary name beside the target and moved into place when the run ends, so an interrupted
run never leaves half a report under the real name.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from claims.errors import ConfigError
from claims.report import FORMATS, MACHINE, Reporter, reporter


@dataclass(frozen=True)
class Target:
    """One requested output: a format and a file (None: standard output)."""

    fmt: str
    path: str | None


def targets(specs: Sequence[str], output_file: str | None, default: str) -> list[Target]:
    """``--format`` values (``NAME`` or ``NAME=FILE``) and ``--output-file`` as targets."""
    from claims.cli._common import suggestion

    out: list[Target] = []
    for spec in specs or [default]:
        name, sep, path = spec.partition("=")
        name = name.strip().lower()
        if name not in FORMATS:
            raise ConfigError(
                f"--format: unknown format {name!r} (one of "
                f"{', '.join(FORMATS)}){suggestion(name, FORMATS)}"
            )
        if sep and not path:
            raise ConfigError(f"--format: {spec!r} names no file; write {name}=FILE")
        out.append(Target(name, path or None))
    bare = [t for t in out if t.path is None]
    if len(bare) > 1:
        raise ConfigError(
            "--format: only one format can go to standard output; give the others "
            f"a file ({bare[1].fmt}=FILE)"
        )
    if output_file:
        if not bare:
            raise ConfigError("--output-file: every --format already names its own file")
        out = [Target(t.fmt, output_file) if t.path is None else t for t in out]
    paths = [os.path.abspath(t.path) for t in out if t.path]
    if len(paths) != len(set(paths)):
        raise ConfigError("--format: two outputs name the same file")
    return out


def use_color(choice: str, stream: Any, env: Mapping[str, str]) -> bool:
    """``--color``: always/never as said; auto honours NO_COLOR, then FORCE_COLOR, then
    whether the stream is a terminal (and not TERM=dumb)."""
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    force = env.get("FORCE_COLOR")
    if force is not None and force not in ("", "0", "false"):
        return True
    try:
        return bool(stream.isatty()) and env.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


class Sink:
    """One open output with its reporter: bytes to a file or to standard output."""

    def __init__(self, target: Target, **options: Any) -> None:
        self.target = target
        self.reporter: Reporter = reporter(target.fmt, **options)
        self.tmp: str | None = None
        self.stream: IO[bytes] | None = None
        self.text: IO[str] | None = None
        if target.path is None:
            self.stream = getattr(sys.stdout, "buffer", None)
            self.text = None if self.stream is not None else sys.stdout
            self.encoding = (
                "utf-8"
                if target.fmt in MACHINE
                else getattr(sys.stdout, "encoding", None) or "utf-8"
            )
        else:
            folder = os.path.dirname(os.path.abspath(target.path))
            try:
                fd, self.tmp = tempfile.mkstemp(prefix=".claims-", suffix=".tmp", dir=folder)
            except OSError as exc:
                raise ConfigError(
                    f"--format: cannot write {target.path}: {exc.strerror or exc}"
                ) from None
            self.stream = os.fdopen(fd, "wb")
            self.encoding = "utf-8"

    def write(self, chunk: str) -> None:
        if not chunk:
            return
        if self.text is not None:  # a stdout without bytes (some test harnesses)
            self.text.write(chunk)
            return
        assert self.stream is not None
        if self.target.path is None:
            sys.stdout.flush()
        self.stream.write(chunk.encode(self.encoding, "backslashreplace"))
        if self.target.path is None:
            self.stream.flush()

    def write_chunks(self, chunks: Iterable[str], size: int = 1 << 16) -> None:
        """Pieces written about ``size`` characters at a time (bounded memory, few writes)."""
        held: list[str] = []
        total = 0
        for chunk in chunks:
            held.append(chunk)
            total += len(chunk)
            if total >= size:
                self.write("".join(held))
                held, total = [], 0
        self.write("".join(held))

    def close(self, keep: bool = True) -> None:
        """Move a file into place (or drop it when the run was cut short)."""
        if self.tmp is None:
            return
        assert self.stream is not None
        self.stream.close()
        if keep:
            assert self.target.path is not None
            try:
                mode = os.stat(self.target.path).st_mode & 0o777
            except OSError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self.tmp, mode)
            os.replace(self.tmp, self.target.path)
        else:
            os.unlink(self.tmp)
        self.tmp = None


def append_step_summary(markdown: str, env: Mapping[str, str]) -> str | None:
    """Append to ``$GITHUB_STEP_SUMMARY`` when it is set; a one-line problem, or None."""
    path = env.get("GITHUB_STEP_SUMMARY")
    if not path:
        return None
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        return f"GITHUB_STEP_SUMMARY {path}: cannot write: {exc.strerror or exc}"
    return None


def write_stdout(text: str, *, machine: bool) -> None:
    """Text to standard output outside a Sink: UTF-8 for machine output, else the console's
    encoding with escapes for what it cannot show."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    encoding = "utf-8" if machine else getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.flush()
    buffer.write(text.encode(encoding, "backslashreplace"))
    buffer.flush()
