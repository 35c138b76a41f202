"""Alembic environment: always run programmatically on a connection the app hands over."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=None,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,  # all pending migrations in one transaction
)
with context.begin_transaction():
    context.run_migrations()
