"""`sciapp info`: the database, its schema version and how many partnerships it holds.

A file that lies quiet is read without the ORM (services/safekeeping/summary.py): the
answer comes in a blink. Any other is opened as every command opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciapp.cli.runner import on_register

if TYPE_CHECKING:
    import argparse

    from sciapp.services.safekeeping.summary import RegisterSummary
    from sciapp.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    info = commands.add_parser("info", help="print the database path and schema version")
    on_register(info, _opened, must_exist=True, glance=_glance)


def _glance(args: argparse.Namespace) -> int | None:
    if args.demo or args.db_url:
        return None
    path = args.db
    if path is None:
        from sciapp.config import AppPaths

        path = AppPaths.from_environment().default_db
    from sciapp.services.safekeeping.summary import glance

    summary = glance(path)
    if summary is None:
        return None
    return _print(summary)


def _opened(args: argparse.Namespace, workspace: Workspace) -> int:
    from sciapp.services.safekeeping.summary import summary_of

    return _print(summary_of(workspace))


def _print(summary: RegisterSummary) -> int:
    print(f"database: {summary.location}")
    print(f"schema version: {summary.schema_version} (revision {summary.revision})")
    print(f"partnerships: {summary.partnerships}")
    if summary.backup_made:
        print(f"backup before migration: {summary.backup_made}")
    return 0
