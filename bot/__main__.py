"""``python -m bot``: see :mod:`bot.cli`."""

import gc

gc.disable()  # while the modules are imported; bot.cli.run_main switches it on again

from bot.cli import run_main  # noqa: E402

if __name__ == "__main__":
    run_main()
