"""The bot's database: SQLite (embedded, the default) or PostgreSQL (``DATABASE_URL``).

- :mod:`~bot.storage.models`: the records and the closed sets of statuses;
- :mod:`~bot.storage.schema`: the numbered migrations of both backends;
- :mod:`~bot.storage.database`: the interface a backend offers; :mod:`~bot.storage.sqlite`
  and :mod:`~bot.storage.postgres` the backends;
- :mod:`~bot.storage.chats`, :mod:`~bot.storage.questions` (with the batch writer),
  :mod:`~bot.storage.announcements`, :mod:`~bot.storage.stats`: the repositories;
- :mod:`~bot.storage.store`: :class:`Storage`, the facade the rest of the bot uses.

Only parameterised SQL: no value is ever formatted into a statement.
"""

from bot.storage.chats import SeenChat
from bot.storage.database import is_postgres_url
from bot.storage.models import (
    Announcement,
    AnnouncementStatus,
    ChatRow,
    ChatStatus,
    DatabaseUnavailable,
    Delivery,
    DeliveryCounts,
    DeliveryStatus,
    QuestionRecord,
    Stats,
    StorageError,
)
from bot.storage.questions import QUESTION_BATCH, QUESTION_FLUSH_SECONDS
from bot.storage.schema import MIGRATIONS, POSTGRES_MIGRATIONS
from bot.storage.store import Storage

__all__ = [
    "MIGRATIONS",
    "POSTGRES_MIGRATIONS",
    "QUESTION_BATCH",
    "QUESTION_FLUSH_SECONDS",
    "Announcement",
    "AnnouncementStatus",
    "ChatRow",
    "ChatStatus",
    "DatabaseUnavailable",
    "Delivery",
    "DeliveryCounts",
    "DeliveryStatus",
    "QuestionRecord",
    "SeenChat",
    "Stats",
    "Storage",
    "StorageError",
    "is_postgres_url",
]
