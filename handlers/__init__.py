"""The Telegram adapter: the Application wiring (:mod:`handlers.app`), the webhook
server (:mod:`handlers.webhook`) and thin handlers that call the domain in :mod:`bot`."""

import os

# python-telegram-bot 22 gives RetryAfter.retry_after as a timedelta when asked to (the
# coming default); handlers.retry.retry_seconds reads both forms.
os.environ.setdefault("PTB_TIMEDELTA", "1")
