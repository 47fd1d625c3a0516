"""The content cache (bot/contentcache.py): a start with unchanged content and code
gives exactly the answers of a full load; any edit, a damaged file or a folder that
cannot be written means a full load, never an error or a stale answer."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.cli import main
from bot.config import Config
from bot.contentcache import ContentCache, content_key, pack
from bot.evaluation import load_cases
from bot.lang import LANGS
from bot.prepared import Prepared
from bot.replies import Reply
from bot.services import load_assistant

ROOT = Path(__file__).resolve().parent.parent
MARK = "the cached copy"  # a value the real content never has: seen only when the cache was read


def _sample() -> list[str]:
    questions = [c.question for c in load_cases(ROOT / "tests" / "eval" / "questions.yaml")][::4]
    holdout = [c.question for c in load_cases(ROOT / "tests" / "eval" / "holdout3.yaml")][::8]
    return [*questions, *holdout, "Is Hamburg a learning city?", "Almanya'dan hangi şehirler üye?", "zzzz", ""]


def _replies(assistant: Assistant) -> list[Reply | None]:
    replies: list[Reply | None] = []
    for lang in LANGS:
        replies += [assistant.ask(q, pref=lang) for q in _sample()]
        replies += [assistant.command(c, [], pref=lang) for c in ("start", "help", "cities", "faq", "about")]
        replies += [assistant.command("cities", ["Almanya"], pref=lang), assistant.command("city", ["Bolu"], pref=lang)]
        start = assistant.command("start", [], pref=lang)
        replies += [assistant.button(b.data, pref=lang) for row in start.buttons for b in row if b.data]
    return replies


def _marked(cache: ContentCache, content_dir: Path, assistant: Assistant) -> None:
    """Put content that differs from the files into the cache under their current key."""
    marked = replace(assistant.content, cities_source=MARK)
    assert cache.save(content_dir, cache.key(content_dir), pack(marked, Prepared.build(marked)))


def test_a_cached_start_answers_exactly_as_a_full_load(content_copy: Path, tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    fresh = load_assistant(content_copy, cache)  # a full load, which writes the cache
    assert cache.file_for(content_copy.resolve()).is_file()
    found = cache.load(content_copy)
    assert found.content is not None and found.key == content_key(content_copy.resolve())
    assert found.prepared is not None and found.prepared.understanding.content is found.content
    cached = load_assistant(content_copy, cache)
    assert cached.content is not fresh.content
    assert cached.content.cities_source == fresh.content.cities_source
    fresh_replies, cached_replies = _replies(fresh), _replies(cached)
    assert len(fresh_replies) > 300
    assert cached_replies == fresh_replies
    assert cached.inline("Konya") == fresh.inline("Konya") != []


def test_the_cache_is_read_when_nothing_changed_and_an_edit_invalidates_it(
    content_copy: Path, tmp_path: Path, assistant: Assistant
) -> None:
    cache = ContentCache(tmp_path / "cache")
    load_assistant(content_copy, cache)
    _marked(cache, content_copy, assistant)
    assert load_assistant(content_copy, cache).content.cities_source == MARK  # read, not parsed
    faq = content_copy / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    reloaded = load_assistant(content_copy, cache)  # another key: a full load
    assert reloaded.content.cities_source == assistant.content.cities_source
    rewritten = cache.load(content_copy).content  # and the cache now holds the edited files' content
    assert rewritten is not None and rewritten.cities_source == assistant.content.cities_source


def test_a_new_or_renamed_content_file_changes_the_key(content_copy: Path) -> None:
    before = content_key(content_copy)
    (content_copy / "notes.txt").write_text("x", encoding="utf-8")
    added = content_key(content_copy)
    (content_copy / "notes.txt").rename(content_copy / "notes2.txt")
    assert len({before, added, content_key(content_copy)}) == 3


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "not content", "other key", "empty"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(
    damage: str, content_copy: Path, tmp_path: Path, assistant: Assistant
) -> None:
    cache = ContentCache(tmp_path / "cache")
    load_assistant(content_copy, cache)
    _marked(cache, content_copy, assistant)
    path = cache.file_for(content_copy.resolve())
    data = path.read_bytes()
    header = data[: data.index(b"\n", data.index(b"\n") + 1) + 1]
    damaged = {
        "garbage": header + b"\x80\x05not a pickle at all",
        "truncated": data[: len(data) // 2],
        "not content": header + pickle.dumps({"faq": {}}),
        "other key": data.replace(header, header[:-9] + b"00000000\n"),
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    loaded = load_assistant(content_copy, cache)
    assert loaded.content.cities_source == assistant.content.cities_source
    assert loaded.ask("Konya ne zaman üye oldu?") == assistant.ask("Konya ne zaman üye oldu?")
    assert path.read_bytes() not in (damaged, data)  # rewritten from the full load


def test_a_cache_that_cannot_be_written_or_read_is_no_error(
    content_copy: Path, tmp_path: Path, assistant: Assistant
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    under_a_file = ContentCache(blocker / "cache")  # the folder cannot be made
    assert load_assistant(content_copy, under_a_file).ask("KOMEK nedir?") == assistant.ask("KOMEK nedir?")
    assert under_a_file.load(content_copy).content is None
    taken = ContentCache(tmp_path / "taken")
    taken.file_for(content_copy.resolve()).mkdir(parents=True)  # a folder where the file should be
    assert load_assistant(content_copy, taken).ask("KOMEK nedir?") == assistant.ask("KOMEK nedir?")
    assert taken.load(content_copy).content is None


def test_a_read_only_cache_folder(content_copy: Path, tmp_path: Path, assistant: Assistant) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        cache = ContentCache(folder)
        loaded = load_assistant(content_copy, cache)
        assert loaded.ask("Bolu öğrenen şehir mi?") == assistant.ask("Bolu öğrenen şehir mi?")
        if os.geteuid() != 0:  # root may write anyway
            assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_cache_file_others_may_write_is_not_trusted(content_copy: Path, tmp_path: Path, assistant: Assistant) -> None:
    cache = ContentCache(tmp_path / "cache")
    load_assistant(content_copy, cache)
    _marked(cache, content_copy, assistant)
    cache.file_for(content_copy.resolve()).chmod(0o666)
    assert load_assistant(content_copy, cache).content.cities_source == assistant.content.cities_source


def test_check_always_checks_in_full_and_the_bot_uses_the_cache(
    content_copy: Path, tmp_path: Path, assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    for name in list(os.environ):
        if name.startswith(("BOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOT_CONTENT_DIR", str(content_copy))
    monkeypatch.setenv("BOT_CACHE_DIR", str(folder))
    assert Config.from_env().cache_dir == folder

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(list(args), stdin=io.StringIO(""), stdout=out, stderr=err)
        return code, out.getvalue(), err.getvalue()

    asked = run("ask", "--json", "Konya ne zaman üye oldu?")
    assert asked[0] == 0 and ContentCache(folder).load(content_copy).content is not None
    assert run("ask", "--json", "Konya ne zaman üye oldu?") == asked  # from the cache
    # Broken content whose cache (under the broken files' key) says it is fine:
    faq = content_copy / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("answer:", "answr:", 1), encoding="utf-8")
    _marked(ContentCache(folder), content_copy, assistant)
    code, _, err = run("check")
    assert code == 1 and "faq.yaml" in err
    assert run("ask", "KOMEK nedir?")[0] == 0  # (the bot itself trusts the cache: content and code are unchanged)
    monkeypatch.setenv("BOT_CACHE_DIR", "off")
    assert Config.from_env().cache_dir is None
    assert run("ask", "KOMEK nedir?")[0] == 1  # no cache: the full check refuses the content


def test_the_default_cache_folder() -> None:
    assert Config.from_env({"XDG_CACHE_HOME": "/var/cache/x"}, dotenv=None).cache_dir == Path(
        "/var/cache/x/learning-cities-bot"
    )
    assert Config.from_env({"HOME": "/home/bot"}, dotenv=None).cache_dir == Path("/home/bot/.cache/learning-cities-bot")
    assert Config.from_env({"BOT_CACHE_DIR": "state/cache"}, dotenv=None).cache_dir == Path("state/cache")
    assert Config().cache_dir is None  # made in code: no cache


def test_a_cached_start_of_a_new_process_answers_as_a_full_one(content_copy: Path, tmp_path: Path) -> None:
    """In a new process nothing of a full load came before the cached one (the vocabulary
    of synonyms.yaml, for one, must come with the cached content)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    environ.update({"PYTHONPATH": str(ROOT), "BOT_CONTENT_DIR": str(content_copy)})
    questions = "\n".join(q.replace("\n", " ") for q in _sample()) + "\n"

    def ask(cache: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json", "-"],
            input=questions,
            capture_output=True,
            text=True,
            env={**environ, "BOT_CACHE_DIR": cache},
            cwd=tmp_path,
            timeout=120,
            check=True,
        )
        return result.stdout

    folder = tmp_path / "cache"
    full = ask("off")
    assert not folder.exists()
    assert ask(str(folder)) == full  # a full load that writes the cache
    assert ContentCache(folder).load(content_copy).content is not None
    assert ask(str(folder)) == full  # from the cache
    assert full.count("\n") == len(_sample())
