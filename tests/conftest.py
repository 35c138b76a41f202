"""Every test runs with its own data and config folders: nothing touches the user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "sciapp-home"
    monkeypatch.setenv("SCIAPP_HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return home


PG_URL = os.environ.get("SCIAPP_TEST_PG_URL", "")
# Storage and services tests run on SQLite always, and on PostgreSQL when a server is given
# (`make test-pg` starts a throwaway one).
BACKEND_DIRS = ("tests/storage", "tests/services")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    path = Path(str(metafunc.definition.fspath)).as_posix()
    both = PG_URL and any(f"/{d}/" in path for d in BACKEND_DIRS)
    metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): reaches into the SQLite file itself; not for a server"
    )


@pytest.fixture
def backend() -> str:  # parametrized by pytest_generate_tests
    return "sqlite"


@pytest.fixture
def workspace(tmp_path: Path, backend: str, request: pytest.FixtureRequest):
    from sciapp.services.opening import open_workspace

    if backend == "sqlite":
        ws = open_workspace(tmp_path / "register.sqlite3")
        yield ws
        ws.close()
        return
    marker = request.node.get_closest_marker("sqlite_only")
    if marker is not None:
        pytest.skip(marker.args[0] if marker.args else "SQLite only")
    yield from _postgres_workspace(request.node.name)


def _postgres_workspace(name: str):
    """A schema of its own on the test server for each test, dropped afterwards."""
    import re
    import uuid

    from sqlalchemy import create_engine

    from sciapp.services.opening import open_workspace_url

    schema = "t_" + re.sub(r"\W", "_", name)[:40].lower() + "_" + uuid.uuid4().hex[:8]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in PG_URL else "?"
    ws = open_workspace_url(f"{PG_URL}{separator}options=-csearch_path%3D{schema}")
    try:
        yield ws
    finally:
        ws.close()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def demo_workspace(workspace):
    from sciapp.demo import load_demo

    load_demo(workspace)
    return workspace
