"""Shared fixtures: the shipped content, a loaded assistant, a writable copy of the content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.config import default_content_dir
from bot.services import load_assistant

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return default_content_dir()


@pytest.fixture(scope="session")
def assistant(content_dir: Path) -> Assistant:
    return load_assistant(content_dir)


@pytest.fixture
def content_copy(tmp_path: Path, content_dir: Path) -> Path:
    """A writable copy of the shipped content, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(content_dir, target)
    return target
