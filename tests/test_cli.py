"""The command line: ask, ask --json, batch, chat (piped), check, and the no-token start."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands import parse_command

ROOT = Path(__file__).resolve().parent.parent


def run_cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    environ["PYTHONPATH"] = str(ROOT)
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd or ROOT,
        timeout=60,
    )


def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith(("BOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no .env from the developer's checkout


def test_parse_command() -> None:
    assert parse_command("/city@learning_bot Bolu") == ("city", ["Bolu"])
    assert parse_command("/CITIES 2020") == ("cities", ["2020"])
    assert parse_command("hello") is None
    assert parse_command("/") is None


def test_ask_prints_the_html_reply() -> None:
    code, out, _ = call("ask", "Bolu öğrenen şehir mi?")
    assert code == 0
    assert "<b>Bolu</b>" in out and "2018" in out


def test_ask_json() -> None:
    code, out, _ = call("ask", "--json", "KOMEK nedir?")
    assert code == 0
    data = json.loads(out)
    assert data["matched"] is True
    assert data["entry"] == "what-is-komek"
    assert 0 <= data["score"] <= 100
    assert "KOMEK" in data["reply"] and data["reply"] == "\n\n".join(data["messages"])
    assert data["suggestions"] == []
    assert data["lang"] == "tr"


def test_ask_json_unknown_question() -> None:
    data = json.loads(call("ask", "--json", "qwerty zxcvb")[1])
    assert data["matched"] is False and data["entry"] is None
    assert data["kind"] == "fallback"


def test_ask_json_forced_language() -> None:
    data = json.loads(call("ask", "--json", "--lang", "en", "KOMEK nedir?")[1])
    assert data["lang"] == "en" and data["entry"] == "what-is-komek"
    assert "vocational" in data["reply"].lower()


def test_ask_json_batch_from_stdin_keeps_order() -> None:
    questions = ["KOMEK nedir?", "İzmir ne zaman katıldı?", "tell me a joke", "How many cities are in the network?"]
    code, out, _ = call("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["question"] for r in rows] == questions
    assert [r["entry"] for r in rows] == ["what-is-komek", "city-izmir", None, "member-count"]


def test_chat_reads_stdin_until_eof_with_commands_and_buttons() -> None:
    code, out, _ = call("chat", stdin="/cities\nogrenen sehir nedir\n/faq\n1\n\n")
    assert code == 0
    assert "Eskişehir" in out and "2016" in out  # /cities
    assert "[1]" in out  # buttons are numbered
    assert "<b>" not in out  # console output is plain text
    assert out.count("Bir soru seçin") == 1 or out.count("Pick a question") == 1  # button 1 opened a topic


def test_no_token_prints_a_hint_and_starts_the_console_chat(tmp_path: Path) -> None:
    result = run_cli(stdin="KOMEK nedir?\n", cwd=tmp_path)
    assert result.returncode == 0
    hint = [line for line in result.stderr.splitlines() if "TELEGRAM_BOT_TOKEN" in line]
    assert len(hint) == 1
    assert "KOMEK" in result.stdout and "Merhaba" in result.stdout


def test_check_ok() -> None:
    code, out, _ = call("check")
    assert code == 0 and out.startswith("OK:")


def test_check_reports_broken_content(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = content_copy / "faq.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("- id: what-is-komek", "- id: what-is-komek\n  oops: [", 1),
        encoding="utf-8",
    )
    monkeypatch.setenv("BOT_CONTENT_DIR", str(content_copy))
    code, _, err = call("check")
    assert code == 1
    assert "faq.yaml:" in err and "YAML syntax error" in err


def test_bot_refuses_to_start_on_invalid_content(content_copy: Path) -> None:
    (content_copy / "messages.yaml").write_text("help: {tr: hi}\n", encoding="utf-8")
    result = run_cli("run", env={"BOT_CONTENT_DIR": str(content_copy), "TELEGRAM_BOT_TOKEN": "1:abc"})
    assert result.returncode == 1
    assert "messages.yaml" in result.stderr and "help.en is missing" in result.stderr


def test_bad_configuration_is_one_line_naming_the_variable() -> None:
    result = run_cli("check", env={"BOT_ADMIN_IDS": "x"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "BOT_ADMIN_IDS" in result.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "learning-cities-bot"
    if not script.exists():
        pytest.skip("not installed with pip (running from a bare checkout)")
    result = subprocess.run(
        [str(script), "ask", "--json", "KOMEK nedir?"],
        capture_output=True,
        text=True,
        timeout=60,
        env={k: v for k, v in os.environ.items() if not k.startswith("BOT_")},
    )
    assert json.loads(result.stdout)["entry"] == "what-is-komek"


def test_eval_prints_metrics_and_misses() -> None:
    code, out, _ = call("eval", str(ROOT / "tests" / "eval" / "questions.yaml"))
    assert code == 0
    assert "accuracy" in out and "off topic rejection" in out and "did you mean rate" in out


def test_eval_json(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        "- {q: 'KOMEK nedir?', expect: what-is-komek, lang: tr}\n"
        "- {q: 'Konya hava durumu', expect: none, lang: tr}\n"
        "- {q: 'Bolu öğrenen şehir mi?', expect: city-izmir, lang: tr}\n",
        encoding="utf-8",
    )
    code, out, _ = call("eval", "--json", str(questions))
    data = json.loads(out)
    assert code == 0
    assert data["questions"] == 3 and data["accuracy"] == 0.5 and data["off_topic_rejection"] == 1.0
    assert [m["question"] for m in data["misses"]] == ["Bolu öğrenen şehir mi?"]
    assert data["misses"][0]["got"] == "city-bolu"


def test_eval_bad_file() -> None:
    code, _, err = call("eval", "/nonexistent/questions.yaml")
    assert code == 2 and "/nonexistent/questions.yaml" in err


def _filled_database(path: Path) -> None:
    import asyncio

    from bot.storage import QuestionRecord, Storage
    from bot.textnorm import question_key

    async def fill() -> None:
        async with Storage(path) as storage:
            await storage.touch_chat(1, "private", "A")
            await storage.set_subscribed(2, "private", "B", "tr", True)
            now = __import__("time").time()
            for text, answered in (
                ("KOMEK nedir?", True),
                ("Konya'da ne yenir?", False),
                ("konyada ne yenir", False),
                ("asdf", False),
            ):
                await storage.log_question(
                    QuestionRecord(
                        now,
                        1,
                        1,
                        "tr",
                        text,
                        question_key(text),
                        "what-is-komek" if answered else None,
                        90.0 if answered else 5.0,
                        answered,
                        "answer" if answered else "fallback",
                    )
                )

    asyncio.run(fill())


def test_stats_from_the_database_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.sqlite3"
    _filled_database(db)
    monkeypatch.setenv("BOT_DATABASE", str(db))
    code, out, _ = call("stats")
    assert code == 0
    assert "Users: 2 · Groups: 0 · Subscribers: 1" in out
    assert "Questions: last 7 days 4, last 30 days 4" in out and "Answered (30 days): 25%" in out
    assert "<b>" not in out


def test_unanswered_from_the_database_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.sqlite3"
    _filled_database(db)
    monkeypatch.setenv("BOT_DATABASE", str(db))
    code, out, _ = call("unanswered", "--limit", "1")
    assert code == 0
    lines = [line for line in out.splitlines() if "×" in line]
    assert len(lines) == 1 and lines[0].startswith("2×") and "yenir" in lines[0]


def test_reports_without_a_database_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "none.sqlite3"))
    code, _, err = call("stats")
    assert code == 2 and "BOT_DATABASE" in err
    assert not (tmp_path / "none.sqlite3").exists()


def test_unanswered_suggest_from_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bot.sqlite3"
    _filled_database(db)
    monkeypatch.setenv("BOT_DATABASE", str(db))
    code, out, _ = call("unanswered", "--suggest", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["questions"] == 3
    # The two spellings of the Konya question are one group, "asdf" the other.
    assert [(g["count"], g["examples"]) for g in data["groups"]] == [
        (2, ["Konya'da ne yenir?", "konyada ne yenir"]),
        (1, ["asdf"]),
    ]
    assert {g["proposal"] for g in data["groups"]} == {"new entry"}


def test_unanswered_suggest_from_a_file(tmp_path: Path) -> None:
    questions = tmp_path / "q.txt"
    questions.write_text("Konya'da ne yenir?\nkonyada ne yenir\nKOMEK kurs kayıtları ne zaman?\n", encoding="utf-8")
    code, out, _ = call("unanswered", "--suggest", "--file", str(questions))
    assert code == 0
    assert "2×" in out and "yenir" in out


def test_unanswered_file_needs_suggest(tmp_path: Path) -> None:
    code, _, err = call("unanswered", "--file", str(tmp_path / "x.txt"))
    assert code == 2 and "--suggest" in err
