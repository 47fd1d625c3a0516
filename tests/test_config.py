"""Configuration from the environment."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_API_BASE_URL, Config, ConfigError, default_content_dir


def test_defaults() -> None:
    config = Config.from_env({}, dotenv=None)
    assert config.token is None
    assert config.api_base_url == DEFAULT_API_BASE_URL
    assert config.content_dir == default_content_dir()
    assert (config.content_dir / "faq.yaml").is_file()
    assert config.database == Path("data/bot.sqlite3")
    assert config.admin_ids == frozenset()
    assert config.log_level == "INFO"


def test_values(tmp_path: Path) -> None:
    config = Config.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "123456:ABC-def_ghi",
            "BOT_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "BOT_CONTENT_DIR": str(tmp_path),
            "BOT_DATABASE": str(tmp_path / "x.sqlite3"),
            "BOT_ADMIN_IDS": " 1, 22 ,333",
            "BOT_LOG_LEVEL": "debug",
        },
        dotenv=None,
    )
    assert config.token == "123456:ABC-def_ghi"
    assert config.api_base_url == "http://127.0.0.1:8081/bot"
    assert config.content_dir == tmp_path
    assert config.admin_ids == frozenset({1, 22, 333})
    assert config.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TELEGRAM_BOT_TOKEN", "not a token"),
        ("BOT_API_BASE_URL", "ftp://example.org/bot"),
        ("BOT_CONTENT_DIR", "/nonexistent/content"),
        ("BOT_ADMIN_IDS", "12,abc"),
        ("BOT_LOG_LEVEL", "LOUD"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_env({name: value}, dotenv=None)
    assert name in str(info.value)
    assert "\n" not in str(info.value)


def test_token_is_not_echoed_in_the_error() -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_env({"TELEGRAM_BOT_TOKEN": "secret-value-123"}, dotenv=None)
    assert "secret-value-123" not in str(info.value)


def test_dotenv_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("BOT_ADMIN_IDS=5\nBOT_LOG_LEVEL=WARNING\n", encoding="utf-8")
    config = Config.from_env({"BOT_LOG_LEVEL": "ERROR"}, dotenv=dotenv)
    assert config.admin_ids == frozenset({5})
    assert config.log_level == "ERROR"
