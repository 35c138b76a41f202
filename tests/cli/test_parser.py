"""The parser is built from one module per command group; its choices are the domain's."""

from __future__ import annotations

import pytest

from sciapp.cli import build_parser
from sciapp.domain.status import Status
from sciapp.domain.votes import VoteRule


@pytest.mark.parametrize("status", list(Status))
def test_every_status_can_be_listed(status):
    args = build_parser().parse_args(["partnerships", "list", "--status", status.value])
    assert Status(args.status) is status


@pytest.mark.parametrize("rule", list(VoteRule))
def test_every_vote_rule_can_be_computed(rule):
    args = build_parser().parse_args(
        ["vote-outcome", "--rule", rule.value, "--yes", "1", "--no", "0"]
    )
    assert VoteRule(args.rule) is rule


def test_every_command_names_how_it_runs():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert list(commands.choices) == [
        "info",
        "partnerships",
        "activities",
        "gifts",
        "vote-outcome",
        "votes",
        "render",
        "documents",
        "meetings",
        "closed-sessions",
        "report",
        "backup",
        "restore",
        "check",
        "audit",
        "verify",
        "archive",
    ]
    for name, sub in commands.choices.items():
        leaves = [sub]
        for action in sub._actions:
            if action.dest == "action":
                leaves = list(action.choices.values())
        for leaf in leaves:
            assert callable(leaf.get_default("run")), name
