"""learning-cities-bot: the domain (config, content, matching, replies, storage,
announcements, CLI). Nothing here imports :mod:`telegram`, :mod:`tornado` or
:mod:`handlers`; the Telegram layer lives in :mod:`handlers` (the CLI reaches it lazily).
"""

__version__ = "0.1.0"
