"""Running the real bot (`python -m bot run`) as a child process for end-to-end tests."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

from fakebotapi import FakeBotAPI

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["BotProcess"]


class BotProcess:
    """The bot pointed at a fake Bot API, with its log in ``workdir/bot.log``."""

    def __init__(self, fake: FakeBotAPI, workdir: Path, *, nofile: int | None = None, **env: str) -> None:
        """``nofile``: the process's limit of open files (soft and hard), as on a small host."""
        environ = {
            k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_")) and k != "DATABASE_URL"
        }
        environ.update(
            TELEGRAM_BOT_TOKEN=fake.token,
            BOT_API_BASE_URL=fake.base_url,
            BOT_DATABASE=str(workdir / "bot.sqlite3"),
            BOT_LOG_LEVEL="DEBUG",
            PYTHONPATH=str(ROOT),
        )
        environ.update(env)
        self.log = workdir / "bot.log"
        self._log_file = self.log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=workdir,
            env=environ,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=None if nofile is None else lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile)),
        )

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM and wait; the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log_file.close()
        return self.proc.returncode

    def kill(self) -> None:
        """kill -9: no clean-up at all."""
        self.proc.kill()
        self.proc.wait()
        self._log_file.close()

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")
