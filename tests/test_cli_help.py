"""Help for newcomers: descriptions with examples and exit codes, help on every option,
"did you mean", -V, and `claims` alone."""

from __future__ import annotations

import argparse

import pytest

from claims import __version__
from claims.cli import build_parser


def test_claims_alone_prints_the_help(cli):
    code, out, err = cli(store=False)
    assert code == 2 and err == ""
    assert out.startswith("usage: claims ")
    for words in (
        "examples:",
        "claims check story.md",
        "exit codes:",
        "claims rules",
        "check ",
        "extract ",
        "rates ",
        "rules ",
    ):
        assert words in out


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(cli, flag):
    with pytest.raises(SystemExit) as exc:
        cli(flag, store=False)
    assert exc.value.code == 0


def test_version_text(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["-V"])
    assert capsys.readouterr().out == f"claims {__version__}\n"


def test_check_help_has_examples_exit_codes_and_the_rule_pointer(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["check", "--help"])
    out = capsys.readouterr().out
    for words in (
        "examples:",
        "--format sarif=claims.sarif",
        "exit codes:",
        "0  nothing at",
        "3  an internal error",
        "`claims rules`",
        "--quiet",
        "--color",
        "--exclude",
    ):
        assert words in out, words


def every_action(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name != "rates":  # the rates commands: the rates helper's
                    yield from every_action(sub)
        elif not isinstance(action, argparse._HelpAction):
            yield parser.prog, action


@pytest.mark.parametrize(
    "prog, action",
    list(every_action(build_parser())),
    ids=lambda x: x if isinstance(x, str) else x.dest,
)
def test_every_option_and_argument_has_help(prog, action):
    assert action.help and action.help != argparse.SUPPRESS, f"{prog} {action.dest}"


@pytest.mark.parametrize(
    "argv, hint",
    [
        (["chek", "x.md"], "did you mean 'check'?"),
        (["rule"], "did you mean 'rules'?"),
        (["check", "x.md", "--formt", "json"], "did you mean '--format'?"),
        (["check", "x.md", "--fail-on", "warnings"], "did you mean 'warning'?"),
    ],
)
def test_a_near_miss_gets_a_suggestion_in_one_line(capsys, argv, hint):
    from claims.cli import main

    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("claims: error: ") and err.count("\n") == 1
    assert hint in err
