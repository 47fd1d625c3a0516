"""learning-cities-bot: the domain and the app (config, content, matching, replies, CLI).

Nothing here imports :mod:`telegram` except :mod:`bot.app`, which builds the
Application; the Telegram layer lives in :mod:`handlers`.
"""

__version__ = "0.1.0"
