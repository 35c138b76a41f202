"""How a command runs: each subcommand's parser names its function (`on_register` or
`alone`); `run_on_register` opens the register as the command needs it, runs it, and turns
every refusal into one sentence (exit 1). Nothing heavy is imported until a command runs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sciapp.services.workspace import Workspace

OnRegister = Callable[[argparse.Namespace, "Workspace"], int]
Alone = Callable[[argparse.ArgumentParser, argparse.Namespace], int]
# A look that may answer before the register is opened (None: open it and run).
Glance = Callable[[argparse.Namespace], "int | None"]


def on_register(
    parser: argparse.ArgumentParser,
    run: OnRegister,
    *,
    writes: bool = False,
    must_exist: bool = False,
    glance: Glance | None = None,
) -> None:
    """`run(args, workspace)` on the open register. `writes`: refused while someone else has
    the file (else a look opens it read-only). `must_exist`: a command that looks at a
    register someone has; on a path typed wrong it says so instead of creating an empty one."""
    parser.set_defaults(run=run, alone=False, writes=writes, must_exist=must_exist, glance=glance)


def alone(parser: argparse.ArgumentParser, run: Alone) -> None:
    """`run(parser, args)` with no register opened (it needs none, or replaces the file)."""
    parser.set_defaults(run=run, alone=True)


def refuse(message: str) -> int:
    """The one sentence on standard error, its control characters escaped; exit code 1."""
    from sciapp.domain.text import printable

    print(f"sciapp: {printable(message)}", file=sys.stderr)
    return 1


def run_on_register(args: argparse.Namespace, run: OnRegister) -> int:
    missing = _missing(args)
    if missing is not None:  # before anything is imported or created
        return refuse(f"no such file: {missing} (nothing was created)")
    if args.glance is not None:
        done = args.glance(args)
        if done is not None:
            return done
    from sciapp.domain.text import printable
    from sciapp.services.errors import ImportRejectedError, ServiceError

    try:
        workspace = _open(args)
    except ServiceError as exc:
        return refuse(str(exc))
    try:
        return run(args, workspace)
    except BrokenPipeError:  # e.g. `sciapp partnerships export - | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except ImportRejectedError as exc:
        if exc.read_as:  # a wrongly guessed encoding shows here first
            print(printable(exc.read_as), file=sys.stderr)
        for problem in exc.problems:  # they quote the file: never raw to the terminal
            print(printable(problem), file=sys.stderr)
        return refuse(str(exc))
    except ServiceError as exc:
        return refuse(str(exc))
    except Exception as exc:
        failure = workspace.safekeeping.explain_failure(exc)  # damaged, disk full, server lost
        if failure is None:
            raise
        return refuse(str(failure))
    finally:
        workspace.close()


def _missing(args: argparse.Namespace) -> Path | None:
    """The file a `must_exist` command was given that is not there."""
    path: Path | None = args.db
    if args.must_exist and path is not None and not path.exists():
        return path
    return None


def _open(args: argparse.Namespace) -> Workspace:
    from sciapp.services.opening import StoreInUseError, StoreReadOnlyError, open_workspace

    if args.demo:
        from sciapp.demo import open_demo_workspace

        return open_demo_workspace(args.demo)
    if args.db_url:
        from sciapp.services.opening import open_workspace_url

        return open_workspace_url(args.db_url)
    path = args.db
    if path is None:  # the app's own place: created on a first start, as the app does
        from sciapp.config import AppPaths

        path = AppPaths.from_environment().default_db
    try:
        return open_workspace(path)
    except (StoreInUseError, StoreReadOnlyError) as exc:
        if args.writes:
            raise
        if not getattr(exc, "can_read", True):
            raise
        # Looking needs no lock, nor a file it may write: read while the app has the file
        # open, or where it cannot be changed.
        return open_workspace(path, read_only=True)
