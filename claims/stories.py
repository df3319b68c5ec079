"""Finding stories: files, folders, globs and ``-`` become the names of the stories to check.

A folder is walked for story files (``STORY_PATTERNS``, or a scope's ``include`` patterns) in
sorted order, hidden entries skipped, ``.gitignore`` files honoured with git's own semantics
(pathspec), ``exclude`` patterns applied. Links to folders are not followed (a link loop
cannot make a walk endless) and a folder met twice is walked once. A glob the shell left
alone (``'content/**/*.md'``) is matched during such a walk, never by following links. A file
named on the command line is read whatever its extension (a pipe or ``/dev/stdin`` too)
unless an ``exclude`` pattern names it. What cannot be read is a one-line problem, never a
silent skip. Nothing here reads a story: ``find_stories`` only names them.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

#: What a folder walk picks when no ``include`` patterns are given.
STORY_PATTERNS: tuple[str, ...] = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")


@lru_cache(maxsize=256)
def _spec(lines: tuple[str, ...]) -> Any:
    import pathspec  # lazy: only a walk or an exclude pattern needs it

    return pathspec.GitIgnoreSpec.from_lines(lines)


@dataclass(frozen=True)
class Patterns:
    """gitignore-style patterns, relative to ``base`` (an absolute folder); ``origin`` names
    where they were written (``site/.claims.toml``, ``--exclude``) for messages."""

    base: str
    lines: tuple[str, ...]
    origin: str = ""

    def decide(self, path: str, is_dir: bool = False) -> bool | None:
        """True: a pattern matches ``path`` (absolute); False: a ``!`` pattern re-includes it;
        None: no pattern speaks of it, or it lies outside ``base``."""
        if not self.lines:
            return None
        rel = os.path.relpath(path, self.base)
        if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir:
            return None
        rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
        return _spec(self.lines).check_file(rel).include


@dataclass(frozen=True)
class Scope:
    """Which files a walk picks: ``include`` (empty: ``STORY_PATTERNS`` by name), ``exclude``,
    and whether ``.gitignore`` files count."""

    include: tuple[Patterns, ...] = ()
    exclude: tuple[Patterns, ...] = ()
    gitignore: bool = True

    def excluded_by(self, path: str, is_dir: bool = False) -> Patterns | None:
        """The exclude patterns that leave ``path`` out, or None."""
        verdict: Patterns | None = None
        for patterns in self.exclude:
            decided = patterns.decide(path, is_dir)
            if decided is not None:
                verdict = patterns if decided else None
        return verdict

    def picks(self, path: str) -> bool:
        """Whether a walked file is a story by the include patterns (or by its name)."""
        if not self.include:
            name = os.path.basename(path).lower()
            return any(fnmatch.fnmatchcase(name, p) for p in STORY_PATTERNS)
        return any(p.decide(path) for p in self.include)


@dataclass(frozen=True)
class Found:
    """One outcome of ``find_stories``: a story to read (``problem`` and ``skipped`` None), a
    one-line problem, or a named file left out on purpose (``skipped`` says why)."""

    name: str
    problem: str | None = None
    skipped: str | None = None

    @property
    def is_story(self) -> bool:
        return self.problem is None and self.skipped is None


ScopeFor = Callable[[str], Scope]


def find_stories(paths: Iterable[str], scope: Scope | ScopeFor = Scope()) -> Iterator[Found]:
    """Every story named by ``paths``, in argument order, each once; ``scope`` is one Scope or
    a function giving the Scope of a folder (absolute path), e.g. from its config file."""
    scope_for: ScopeFor = (lambda folder: scope) if isinstance(scope, Scope) else scope
    seen: set[str] = set()
    for raw in paths:
        for found in _expand(raw, scope_for):
            if found.is_story and found.name != "-":
                key = os.path.realpath(found.name)
                if key in seen:
                    continue
                seen.add(key)
            yield found


def _expand(raw: str, scope_for: ScopeFor) -> Iterator[Found]:
    if raw == "-":
        yield Found("-")
        return
    try:
        info = os.stat(raw)
    except FileNotFoundError:
        if glob.has_magic(raw):
            yield from _glob(raw, scope_for)
        elif os.path.lexists(raw):
            yield Found(raw, problem=f"{raw}: a link to nothing (its target is missing)")
        else:
            yield Found(raw, problem=f"{raw}: no such file or folder")
        return
    except OSError as exc:
        yield Found(raw, problem=f"{raw}: cannot read: {exc.strerror or exc}")
        return
    if stat.S_ISDIR(info.st_mode):
        found = False
        for item in _walk(raw, scope_for):
            found = found or item.is_story
            yield item
        if not found:
            yield Found(
                raw,
                problem=f"{raw}: no stories in this folder "
                f"({' '.join(STORY_PATTERNS)}, after .gitignore and exclude)",
            )
        return
    kind = _kind(info.st_mode)
    if kind not in ("file", "pipe", "device"):
        yield Found(raw, problem=f"{raw}: a {kind}, not a story file")
        return
    path = os.path.abspath(raw)
    by = scope_for(os.path.dirname(path)).excluded_by(path)
    if by is not None:
        yield Found(raw, skipped=f"excluded by {by.origin or 'an exclude pattern'}")
        return
    yield Found(raw)


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


# ------------------------------------------------------------------------------ walking


def _scandir(path: str) -> list[os.DirEntry[str]]:
    """A folder's entries, sorted by name (the one place a folder is listed)."""
    with os.scandir(path) as it:
        return sorted(it, key=lambda e: e.name)


@dataclass
class _Walk:
    """State of one walk: gitignore specs per folder and the folders already seen."""

    scope_for: ScopeFor
    seen: set[tuple[int, int]] = field(default_factory=set)


def _repo_root(folder: str) -> str | None:
    for here in (folder, *_parents(folder)):
        if os.path.exists(os.path.join(here, ".git")):
            return here
    return None


def _parents(folder: str) -> Iterator[str]:
    while True:
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent
        yield folder


def _ignore_file(folder: str, name: str = ".gitignore") -> Patterns | None:
    try:
        with open(os.path.join(folder, name), encoding="utf-8-sig", errors="replace") as fh:
            lines = tuple(fh.read(1024 * 1024).splitlines())
    except OSError:
        return None
    return Patterns(folder, lines, os.path.join(folder, name)) if lines else None


def _outer_ignores(root: str) -> list[Patterns]:
    """``.gitignore`` files (and ``.git/info/exclude``) from the repository root down to
    ``root``'s parent: they govern a walk that starts inside the repository."""
    repo = _repo_root(root)
    if repo is None:
        return []
    chain = [root]
    for parent in _parents(root) if root != repo else ():
        chain.append(parent)
        if parent == repo:
            break
    found = [_ignore_file(repo, os.path.join(".git", "info", "exclude"))]
    found += [_ignore_file(folder) for folder in reversed(chain[1:])]
    return [p for p in found if p is not None]


def _ignored(path: str, is_dir: bool, ignores: Sequence[Patterns]) -> bool:
    verdict = False
    for patterns in ignores:
        decided = patterns.decide(path, is_dir)
        if decided is not None:
            verdict = decided
    return verdict


def _walk(
    root: str, scope_for: ScopeFor, accept: Callable[[str, bool], str] | None = None
) -> Iterator[Found]:
    """Stories below folder ``root`` (as written), files of a folder before its subfolders.

    ``accept(relative_path, is_dir)`` (for globs) answers "pick", "walk" (a folder matched
    whole), "descend" or "prune"; without it every story file is picked.
    """
    root_abs = os.path.abspath(root)
    walk = _Walk(scope_for)
    scope = scope_for(root_abs)
    ignores = _outer_ignores(root_abs) if scope.gitignore else []
    stack: list[tuple[str, str, list[Patterns], Callable[[str, bool], str] | None]] = [
        (root, root_abs, ignores, accept)
    ]
    while stack:
        name, path, ignores, acc = stack.pop()
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
            if key in walk.seen:
                continue
            walk.seen.add(key)
            entries = _scandir(path)
        except OSError as exc:
            yield Found(name, problem=f"{name}: cannot read folder: {exc.strerror or exc}")
            continue
        scope = scope_for(path)
        if scope.gitignore:
            own = _ignore_file(path)
            ignores = ignores + [own] if own is not None else ignores
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = entry.name if name == os.curdir else os.path.join(name, entry.name)
            child_abs = os.path.join(path, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                if not is_dir and not entry.is_file():  # a pipe, socket, device, dead link
                    continue
                if entry.is_symlink() and not is_dir and os.path.isdir(child_abs):
                    continue  # links to folders are not followed
            except OSError as exc:
                yield Found(child, problem=f"{child}: cannot read: {exc.strerror or exc}")
                continue
            if scope.gitignore and _ignored(child_abs, is_dir, ignores):
                continue
            if scope.excluded_by(child_abs, is_dir) is not None:
                continue
            rel = os.path.relpath(child_abs, root_abs)
            action = (
                acc(rel, is_dir)
                if acc
                else ("descend" if is_dir else "pick" if scope.picks(child_abs) else "skip")
            )
            if action == "pick" and not is_dir:
                yield Found(child)
            elif action in ("descend", "walk") and is_dir:
                subfolders.append((child, child_abs, ignores, acc if action == "descend" else None))
        stack.extend(reversed(subfolders))


# ------------------------------------------------------------------------------ globs


def _split_glob(pattern: str) -> tuple[str, list[str]]:
    """``content/**/*.md`` -> (``content``, [``**``, ``*.md``]): the literal folder to walk
    and the segments to match below it."""
    parts = pattern.replace(os.sep, "/").split("/")
    literal: list[str] = []
    while parts and not glob.has_magic(parts[0]):
        literal.append(parts.pop(0))
    root = "/".join(literal) or os.curdir
    if pattern.startswith("/") and not literal[1:]:
        root = "/"
    return root, [p for p in parts if p]


def _advance(states: frozenset[int], part: str, segments: Sequence[str]) -> frozenset[int]:
    """Glob matching as a small automaton: which segment indexes remain after ``part``."""
    nxt: set[int] = set()
    for i in states:
        if i < len(segments):
            if segments[i] == "**":
                nxt.add(i)
            elif fnmatch.fnmatchcase(part, segments[i]):
                nxt.add(i + 1)
    return _closure(frozenset(nxt), segments)


def _closure(states: frozenset[int], segments: Sequence[str]) -> frozenset[int]:
    out = set(states)
    for i in sorted(states):
        j = i
        while j < len(segments) and segments[j] == "**":
            j += 1
            out.add(j)
    return frozenset(out)


def _glob(pattern: str, scope_for: ScopeFor) -> Iterator[Found]:
    root, segments = _split_glob(pattern)
    if not os.path.isdir(root):
        yield Found(pattern, problem=f"{pattern}: no files match")
        return
    start = _closure(frozenset({0}), segments)
    states: dict[str, frozenset[int]] = {}

    def accept(rel: str, is_dir: bool) -> str:
        parent, _, leaf = rel.replace(os.sep, "/").rpartition("/")
        here = _advance(states.get(parent, start), leaf, segments)
        if is_dir:
            states[rel.replace(os.sep, "/")] = here
        if len(segments) in here:
            return "walk" if is_dir else "pick"
        return "descend" if is_dir and here else "skip"

    found = False
    for item in _walk(root, scope_for, accept):
        found = found or item.is_story
        yield item
    if not found:
        yield Found(pattern, problem=f"{pattern}: no files match")
