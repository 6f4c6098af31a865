"""Alembic environment: run by bot.storage.store.migrate on the connection it is given."""
from alembic import context

from bot.storage.store import Base
import bot.modes.workshop.workshop_tables  # noqa: F401  (registers the workshop tables on Base)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
