"""``python -m bot``: see :mod:`bot.cli`."""

from bot.cli import run_main

if __name__ == "__main__":
    run_main()
