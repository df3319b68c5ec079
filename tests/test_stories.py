"""Finding stories (claims.stories): folders, globs, .gitignore, include/exclude, odd files."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from claims.stories import Patterns, Scope, find_stories


def tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def names(found, root: Path | None = None) -> list[str]:
    out = []
    for f in found:
        if f.is_story:
            out.append(os.path.relpath(f.name, root).replace(os.sep, "/") if root else f.name)
    return out


def problems(found) -> list[str]:
    return [f.problem for f in found if f.problem]


@pytest.fixture()
def site(tmp_path):
    return tree(
        tmp_path / "site",
        {
            "a.md": "",
            "b.txt": "",
            "c.html": "",
            "notes.py": "",
            "pic.png": "",
            "2025/06/story.markdown": "",
            "2025/06/page.htm": "",
            ".hidden/secret.md": "",
            ".draft.md": "",
            "public/index.html": "",
            "node_modules/pkg/README.md": "",
        },
    )


def test_folder_walk_is_sorted_files_first_hidden_skipped(site):
    found = list(find_stories([str(site)]))
    assert names(found, site) == [
        "a.md",
        "b.txt",
        "c.html",
        "2025/06/page.htm",
        "2025/06/story.markdown",
        "node_modules/pkg/README.md",
        "public/index.html",
    ]
    assert problems(found) == []


def test_gitignore_is_respected_from_the_repository_root_down(site):
    (site / ".git").mkdir()
    (site / ".gitignore").write_text("public/\nnode_modules\n*.txt\n!keep.txt\n", encoding="utf-8")
    tree(site, {"keep.txt": "", "2025/.gitignore": "06/page.htm\n"})
    assert names(find_stories([str(site)]), site) == [
        "a.md",
        "c.html",
        "keep.txt",
        "2025/06/story.markdown",
    ]
    # a walk that starts below the root still obeys the root's .gitignore
    assert names(find_stories([str(site / "2025")]), site) == ["2025/06/story.markdown"]
    # a file named on the command line is read even when .gitignore lists it
    assert names(find_stories([str(site / "b.txt")]), site) == ["b.txt"]
    assert names(find_stories([str(site)], Scope(gitignore=False)), site)[:3] == [
        "a.md",
        "b.txt",
        "c.html",
    ]


def test_git_info_exclude_counts_too(site):
    (site / ".git" / "info").mkdir(parents=True)
    (site / ".git" / "info" / "exclude").write_text("a.md\n", encoding="utf-8")
    assert "a.md" not in names(find_stories([str(site)]), site)


def test_exclude_and_include_patterns(site):
    base = str(site)
    scope = Scope(exclude=(Patterns(base, ("public/", "node_modules/"), "--exclude"),))
    assert names(find_stories([str(site)], scope), site) == [
        "a.md",
        "b.txt",
        "c.html",
        "2025/06/page.htm",
        "2025/06/story.markdown",
    ]
    only_2025 = Scope(include=(Patterns(base, ("2025/**/*.markdown",)),))
    assert names(find_stories([str(site)], only_2025), site) == ["2025/06/story.markdown"]
    with_py = Scope(include=(Patterns(base, ("*.py", "*.md")),))
    assert names(find_stories([str(site)], with_py), site) == [
        "a.md",
        "notes.py",
        "node_modules/pkg/README.md",
    ]


def test_an_excluded_file_named_on_the_command_line_is_skipped_with_the_reason(site):
    scope = Scope(exclude=(Patterns(str(site), ("public/",), "site/.claims.toml"),))
    (found,) = find_stories([str(site / "public" / "index.html")], scope)
    assert not found.is_story and found.skipped == "excluded by site/.claims.toml"


def test_scope_per_folder_follows_nested_settings(site):
    def scope_for(folder: str) -> Scope:
        if Path(folder).is_relative_to(site / "2025"):
            return Scope(exclude=(Patterns(str(site / "2025"), ("*.htm",)),))
        return Scope()

    assert "2025/06/page.htm" not in names(find_stories([str(site)], scope_for), site)


def test_glob_with_double_star(site, monkeypatch):
    monkeypatch.chdir(site)
    assert names(find_stories(["**/*.md"])) == ["a.md", "node_modules/pkg/README.md"]
    assert names(find_stories(["2025/*/*.ht*"])) == ["2025/06/page.htm"]
    assert names(find_stories(["20*"])) == ["2025/06/page.htm", "2025/06/story.markdown"]
    assert problems(find_stories(["*.docx"])) == ["*.docx: no files match"]


def test_glob_over_symlink_loops_terminates_and_finds_each_story_once(tmp_path):
    root = tree(tmp_path / "dir", {"a/one.txt": "", "b/two.txt": ""})
    os.symlink(root, root / "a" / "loop")  # dir/a/loop -> dir
    os.symlink(root / "b", root / "b" / "self")  # dir/b/self -> dir/b
    os.symlink(root / "a", root / "b" / "across")
    found = list(find_stories([str(root) + "/**/*.txt"]))
    assert names(found, root) == ["a/one.txt", "b/two.txt"]
    assert names(find_stories([str(root)]), root) == ["a/one.txt", "b/two.txt"]


def test_the_same_story_named_twice_is_read_once(site, monkeypatch):
    monkeypatch.chdir(site)
    assert names(find_stories(["a.md", "./a.md", "*.md", str(site / "a.md")])) == ["a.md"]


def test_unreadable_subfolder_is_reported_not_skipped(site, deny_folder):
    deny_folder("2025")
    found = list(find_stories([str(site)]))
    assert problems(found) == [f"{site / '2025'}: cannot read folder: Permission denied"]
    assert "a.md" in names(found, site)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="needs a user that file permissions apply to (root reads anything)",
)
def test_unreadable_subfolder_on_disk_is_reported(site):
    locked = site / "2025"
    locked.chmod(0)
    try:
        assert any("2025: cannot read folder" in p for p in problems(find_stories([str(site)])))
    finally:
        locked.chmod(stat.S_IRWXU)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_read_when_named_and_never_opened_by_a_walk(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    (found,) = find_stories([str(fifo)])
    assert found.is_story
    (found,) = find_stories([str(tmp_path)])
    assert found.problem and "no stories" in found.problem


def test_a_socket_or_dead_link_is_a_clear_problem(tmp_path):
    dead = tmp_path / "dead.md"
    os.symlink(tmp_path / "gone.md", dead)
    assert problems(find_stories([str(dead)])) == [
        f"{dead}: a link to nothing (its target is missing)"
    ]
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        assert problems(find_stories([str(sock_path)])) == [
            f"{sock_path}: a socket, not a story file"
        ]
    assert problems(find_stories([str(tmp_path / "nope.md")])) == [
        f"{tmp_path / 'nope.md'}: no such file or folder"
    ]


def test_stdin_passes_through():
    assert [f.name for f in find_stories(["-", "-"])] == ["-", "-"]
