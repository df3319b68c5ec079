"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

``claims`` reads currencies, units, months and arithmetic in many languages with large
patterns, and Python's ``re`` compiles a pattern in pure Python: about 0.4 s of CPU at every
start, most of a one-story ``claims check`` (a pre-publish hook pays it on every commit).
``compile`` is ``re.compile`` that keeps what the regex engine is given (the compiled
program, group names) in ``patterns-2-<python>-<engine>.marshal`` in the user cache folder
(``platformdirs.user_cache_dir("claims")``, or the folder ``$CLAIMS_PATTERN_CACHE`` names), and
rebuilds a pattern from it with the engine's own constructor: the same pattern object,
without parsing (a one-story check: 0.4 s of compiling becomes a few ms of loading).

The file is keyed by the interpreter (``sys.implementation.cache_tag``) and the regex
engine's version (``_sre.MAGIC``, ``_sre.CODESIZE``), each entry by the pattern's text and
flags, and it is written atomically only when something new was compiled. Where the
engine's internals differ (another Python) or ``CLAIMS_PATTERN_CACHE=0`` is set, ``compile``
is plain ``re.compile``; where the folder is not writable, nothing is kept. A checksum
guards the file and the engine validates every program it is given, so a damaged file is
ignored and rewritten, never read as a wrong pattern. ``source`` keeps a pattern's text built
from data (a regex trie of 500 names) the same way, keyed by its whole input and a kind that
names the builder.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, AnyStr

__all__ = ["compile", "source"]

try:  # CPython's regex engine and compiler (private; checked before use)
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: Any = _sre
    _TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    _USABLE = all(hasattr(m, a) for m, a in ((_sre, "compile"), (_compiler, "_code")))
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _TAG, _USABLE = "", False

ENV_VAR = "CLAIMS_PATTERN_CACHE"  # "0": off; a folder: keep the file there
_MAX_KEPT = 2000  # entries kept from earlier runs (edits of the patterns leave old ones)

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str | bytes, int | str]  # (pattern, flags), or (kind, input) for a kept source
# Each compiled entry is kept marshalled (bytes): a process holds hundreds of programs, and
# as lists of ints the garbage collector would walk their 400,000 items at every full pass
# (that made a check 1.7x slower); bytes are no container it looks into.
_stored: dict[Key, Any] | None = None
_used: dict[Key, Any] = {}
_changed = False


def _enabled() -> bool:
    return _USABLE and os.environ.get(ENV_VAR, "") not in ("0", "off")


def cache_file() -> Path:
    """Where the compiled patterns are kept (see the module docstring)."""
    folder = os.environ.get(ENV_VAR, "")
    if not folder:
        import platformdirs

        folder = platformdirs.user_cache_dir("claims")
    return Path(folder).expanduser() / f"patterns-2-{_TAG}.marshal"


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    flags = int(flags)
    if not _enabled():
        return re.compile(pattern, flags)
    key = (pattern, flags)
    packed = _load().get(key)
    if isinstance(packed, bytes):
        try:
            compiled: re.Pattern[AnyStr] = _ENGINE.compile(pattern, *marshal.loads(packed))
        except (RuntimeError, TypeError, ValueError, OverflowError, EOFError):
            pass  # not a program this engine accepts: compile it afresh
        else:
            _used[key] = packed
            return compiled
    entry = _entry(pattern, flags)
    _used[key] = marshal.dumps(entry)
    _note_change()
    fresh: re.Pattern[AnyStr] = _ENGINE.compile(pattern, *entry)
    return fresh


def source(kind: str, given: str, build: Callable[[], str]) -> str:
    """A pattern's text built from data (``build()``, e.g. a trie of 500 month names), kept
    like the compiled patterns under ``kind`` and its whole input ``given``."""
    if not _enabled():
        return build()
    key = (kind, given)
    text = _load().get(key)
    if not isinstance(text, str):
        text = build()
        _note_change()
    _used[key] = text
    return text


def _entry(pattern: str | bytes, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine, besides the pattern text."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],  # opcodes are int subclasses, which marshal refuses
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _load() -> dict[Key, Any]:
    global _stored
    if _stored is None:
        _stored = {}
        try:
            raw = cache_file().read_bytes()
            data = marshal.loads(raw[4:]) if zlib.crc32(raw[4:]) == _u32(raw[:4]) else None
        except (OSError, EOFError, ValueError, TypeError):
            data = None
        if isinstance(data, dict):
            _stored = data
    return _stored


def _u32(four: bytes) -> int:
    return int.from_bytes(four, "little") if len(four) == 4 else -1


def _note_change() -> None:
    global _changed
    if not _changed:
        _changed = True
        atexit.register(save)


def save() -> None:
    """Write the patterns compiled in this run (and the earlier ones, up to a bound), atomically;
    silently nothing where the folder is not writable."""
    global _changed
    if not _changed:
        return
    _changed = False
    kept = dict(_used)
    for key, entry in _load().items():
        if len(kept) >= _MAX_KEPT:
            break
        kept.setdefault(key, entry)
    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".patterns-")
        try:
            with os.fdopen(handle, "wb") as out:
                body = marshal.dumps(kept)
                out.write(zlib.crc32(body).to_bytes(4, "little") + body)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):  # a cache only: never fail a run over it
        pass
