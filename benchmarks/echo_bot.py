"""A bare python-telegram-bot echo bot: the yardstick of benchmarks/bench_cpu.py.

It replies to every private text with the text itself, with PTB's defaults otherwise.
Run with TELEGRAM_BOT_TOKEN and BOT_API_BASE_URL set, like the real bot. ``--paced``: its
replies paced as the bot's are (at most 30 in any second: handlers.ratelimit), for
bench_cpu's ``--paced-echo`` reference row.
"""

from __future__ import annotations

import os
import sys

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None and update.effective_message.text is not None:
        await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    builder = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["BOT_API_BASE_URL"])
        .concurrent_updates(16)
    )
    if "--paced" in sys.argv[1:]:
        from handlers.ratelimit import PacingLimiter

        builder = builder.rate_limiter(PacingLimiter())
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
