import pytest

from sciapp.storage.errors import SchemaTooNewError, StorageError
from sciapp.storage.schema import HEAD
from sciapp.storage.server import open_database_url


def test_an_unreachable_server_or_a_bad_address_is_explained():
    with pytest.raises(StorageError, match="Could not reach the database server"):
        open_database_url("postgresql+psycopg://nobody@127.0.0.1:1/sciapp?connect_timeout=2")
    with pytest.raises(StorageError, match="Not a database address"):
        open_database_url("nonsense://here")


def test_the_server_database_is_migrated_and_named_without_password(workspace, backend):
    if backend != "postgresql":
        pytest.skip("needs a PostgreSQL server (make test-pg)")
    assert workspace.revision == HEAD
    assert not workspace.is_file
    assert workspace.location.startswith("postgresql+psycopg://")
    url = workspace.db.url
    with workspace.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    workspace.close()
    with pytest.raises(SchemaTooNewError, match="newer version of sciapp"):
        open_database_url(url)
