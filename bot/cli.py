"""Command line: ``python -m bot [run|chat|ask|check]`` (also ``learning-cities-bot``).

With no command the bot runs on Telegram when ``TELEGRAM_BOT_TOKEN`` is set, and
otherwise says how to set it and starts the console chat, which gives the same
answers, commands and buttons as Telegram.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

import yaml

from bot.assistant import Assistant
from bot.commands import parse_command
from bot.config import Config, ConfigError
from bot.content import ContentError
from bot.contentcache import ContentCache
from bot.lang import LANGS, Lang
from bot.replies import Button, Reply
from bot.services import load_assistant
from bot.storage import Storage, StorageError
from bot.tghtml import to_plain

__all__ = ["console_chat", "main", "run_main"]

T = TypeVar("T")

NO_TOKEN_HINT = (
    "TELEGRAM_BOT_TOKEN is not set: starting the console chat. To run on Telegram, get a token from "
    "@BotFather and run: TELEGRAM_BOT_TOKEN=123456:ABC... learning-cities-bot"
)


class _Console:
    """Renders replies as plain text and remembers the buttons last shown."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.buttons: list[Button] = []

    def show(self, reply: Reply) -> None:
        for message in reply.messages:
            print(to_plain(message), file=self.out)
        self.buttons = [b for row in reply.buttons for b in row]
        for number, button in enumerate(self.buttons, 1):
            target = f" → {button.url}" if button.url else ""
            print(f"  [{number}] {button.text}{target}", file=self.out)
        print(file=self.out)
        self.out.flush()


def console_chat(
    assistant: Assistant, stdin: TextIO, stdout: TextIO, *, lang: str | None = None, prompt: bool = False
) -> int:
    """Chat on the console until EOF: questions, /commands, and button numbers."""
    console = _Console(stdout)
    pref = lang
    console.show(assistant.command("start", pref=pref))
    if prompt:
        print("(type a question, a /command, a button number, or /quit)", file=stdout)
    while True:
        if prompt:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit"):
            return 0
        reply: Reply | None
        if text.isdigit() and 1 <= int(text) <= len(console.buttons):
            button = console.buttons[int(text) - 1]
            if button.data is None:
                print(button.url, file=stdout)
                continue
            reply = assistant.button(button.data, pref=pref)
        elif (command := parse_command(text)) is not None:
            reply = assistant.command(command[0], command[1], pref=pref)
        else:
            reply = assistant.ask(text, pref=pref, chat=console)
        if reply is None:
            continue
        if reply.set_lang:
            pref = reply.set_lang
        console.show(reply)


def _ask_json(assistant: Assistant, question: str, lang: Lang | None) -> str:
    reply = assistant.ask(question, force_lang=lang)
    return json.dumps(
        {
            "question": question,
            "matched": reply.matched,
            "entry": reply.entry_id if reply.matched else None,
            "score": round(reply.score, 1),
            "kind": reply.kind,
            "lang": reply.lang,
            "reply": reply.text,
            "messages": list(reply.messages),
            "suggestions": list(reply.suggestions),
        },
        ensure_ascii=False,
    )


def _cmd_ask(assistant: Assistant, args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    questions: Iterable[str] = (
        (line.rstrip("\n") for line in stdin) if args.question == ["-"] else [" ".join(args.question)]
    )
    for question in questions:
        if args.json:
            print(_ask_json(assistant, question, args.lang), file=out)
        else:
            reply = assistant.ask(question, force_lang=args.lang)
            for message in reply.messages:
                print(message, file=out)
    out.flush()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="learning-cities-bot", description="UNESCO Learning Cities assistant for Telegram and the console."
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the Telegram bot (long polling); needs TELEGRAM_BOT_TOKEN")
    chat = sub.add_parser("chat", help="chat with the bot in the console (reads stdin until EOF)")
    chat.add_argument("--lang", choices=LANGS, help="preferred language when a question does not tell")
    ask = sub.add_parser("ask", help="print the reply to one question ('-' reads one question a line)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--lang", choices=LANGS, help="force the reply language")
    ask.add_argument("question", nargs="+", help="the question, or - to read questions from stdin")
    sub.add_parser("check", help="validate the content and exit non-zero on problems")
    stats = sub.add_parser("stats", help="print the operators' statistics from the database (BOT_DATABASE)")
    stats.add_argument("--lang", choices=LANGS, default="en")
    stats.add_argument("--chart", metavar="FILE.png", help="also draw the chart of the last 30 days into FILE.png")
    unanswered = sub.add_parser("unanswered", help="print the most frequent unanswered questions from the database")
    unanswered.add_argument("--limit", type=_positive, default=20, help="how many (default 20)")
    unanswered.add_argument("--lang", choices=LANGS, default="en")
    unanswered.add_argument(
        "--suggest", action="store_true", help="group the questions and propose the closest entry, or a new one"
    )
    unanswered.add_argument(
        "--file",
        help="with --suggest: read questions from a file (one a line, or an eval YAML) instead of the database",
    )
    unanswered.add_argument("--json", action="store_true", help="with --suggest: print JSON")
    evaluate = sub.add_parser("eval", help="measure answer quality on a labelled question file")
    evaluate.add_argument("file", help="YAML list of {q, expect, lang}; expect is an entry id or none")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _positive(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 10000, not {text!r}")
    return int(text)


def _read_database(
    config: Config,
    err: TextIO,
    read: Callable[[Storage], Awaitable[T]],
    hint: str = "set BOT_DATABASE to the bot's SQLite file",
) -> T | None:
    """Run ``read`` on the bot's database file; None (after saying why) when it cannot."""
    if config.database_url is None and not config.database.is_file():
        print(f"No database at {config.database} ({hint}).", file=err)
        return None

    async def run() -> T:
        async with Storage(config.storage_target) as storage:
            return await read(storage)

    try:
        return asyncio.run(run())
    except StorageError as exc:
        print(str(exc), file=err)
        return None


def _cmd_suggest(assistant: Assistant, config: Config, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.suggest import format_json, format_text, read_questions, suggest_groups  # (see _cmd_eval)

    texts: list[str] | None
    if args.file:
        try:
            texts = read_questions(args.file)
        except (OSError, ValueError, yaml.YAMLError) as exc:
            print(f"Cannot read {args.file}: {exc}", file=err)
            return 2
    else:
        texts = _read_database(
            config, err, lambda storage: storage.unanswered_texts(), hint="set BOT_DATABASE, or give --file"
        )
        if texts is None:
            return 2
    groups = suggest_groups(assistant, texts)
    print(format_json(groups) if args.json else format_text(groups, limit=args.limit), file=out)
    return 0


def _cmd_report(assistant: Assistant, config: Config, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "unanswered" and (args.suggest or args.file or args.json):
        if not args.suggest:
            print("--file and --json go with --suggest", file=err)
            return 2
        return _cmd_suggest(assistant, config, args, out, err)
    from bot.reports import stats_report, unanswered_report  # (see _cmd_eval)

    messages = assistant.content.messages

    async def report(storage: Storage) -> str:
        if args.command == "stats":
            if args.chart:
                from bot.charts import chart_data, render_chart  # matplotlib only when a chart is asked for

                png = render_chart(await chart_data(storage), messages, args.lang)
                Path(args.chart).write_bytes(png)
            return stats_report(await storage.stats(), messages, args.lang, texts_stored=config.store_questions)
        rows = await storage.unanswered(args.limit)
        return unanswered_report(rows, messages, args.lang, texts_stored=config.store_questions)

    try:
        html = _read_database(config, err, report)
    except OSError as exc:
        print(f"Cannot write the chart: {exc}", file=err)
        return 2
    if html is None:
        return 2
    print(to_plain(html), file=out)
    if args.command == "stats" and args.chart:
        print(f"Chart: {args.chart}", file=out)
    return 0


def _cmd_eval(assistant: Assistant, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Imported by the commands that use them: every module imported is compiled (or read) at each start.
    from bot.evaluation import evaluate, load_cases

    try:
        cases = load_cases(args.file)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"Cannot read {args.file}: {exc}", file=err)
        return 2
    report = evaluate(assistant, cases)
    misses = [
        {
            "question": o.case.question,
            "expected": o.case.expect,
            "got": o.entry,
            "kind": o.kind,
            "score": round(o.score, 1),
        }
        for o in report.misses
    ]
    breakdown = report.breakdown()
    if args.json:
        print(json.dumps({**report.summary(), **breakdown, "misses": misses}, ensure_ascii=False), file=out)
        return 0
    for key, value in report.summary().items():
        figure = f"{value:.1%}" if isinstance(value, float) else str(value)
        print(f"{key.replace('_', ' '):>22}: {figure}", file=out)
    for name, groups in breakdown.items():
        if groups:
            print(f"\nby {name}: questions, right at once, within one tap, confidently wrong, refused", file=out)
        for group, figures in groups.items():
            print(
                f"  {group:>14}: {figures['questions']:4}  {figures['accuracy']:6.1%}  {figures['within_one_tap']:6.1%}"
                f"  {figures['confident_wrong_rate']:6.1%}  {figures['off_topic_rejection']:6.1%}",
                file=out,
            )
    if misses:
        print(f"\nmisses ({len(misses)}):", file=out)
        for miss in misses:
            print(
                f"  [{miss['kind']} {miss['score']:5.1f}] expected {miss['expected'] or 'none'}, "
                f"got {miss['got'] or '-'}: {miss['question']}",
                file=out,
            )
    return 0


def _settle_imports() -> None:
    """Freeze what exists now (the imported modules, classes and functions: some 70,000
    objects that live as long as the process) out of the cyclic garbage collector's view,
    and switch the collector on. Otherwise every collection while the content loads and
    the bot runs walks all of them again: with the collector on during the imports that
    was about a fifth of start-up (docs/benchmarks.md). Objects made later (the content,
    reloaded content) are collected as usual."""
    gc.freeze()
    gc.enable()


def run_main() -> None:
    """The console script: :func:`main`, quiet when its output pipe closes early. The
    cyclic garbage collector stays off until the modules are imported (``python -m bot``
    switches it off before importing this one): see :func:`_settle_imports`."""
    gc.disable()
    # httpx imports its command-line client when click, rich and pygments are installed (as
    # in the dev venv, with import-linter): about 60 ms of every start for a tool the bot
    # never runs. Marked as absent, httpx defines a stub ``httpx.main`` instead.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    try:
        sys.exit(main(settle_imports=True))
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    settle_imports: bool = False,
) -> int:
    """Entry point of ``python -m bot`` and ``learning-cities-bot`` (whose process sets
    ``settle_imports``: see :func:`_settle_imports`)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        config = Config.from_env()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=stderr)
        return 2
    command = args.command
    if command is None:
        if config.token:
            command = "run"
        else:
            print(NO_TOKEN_HINT, file=stderr)
            command = "chat"
    telegram_run: Callable[[Config, Assistant], int] | None = None
    if command == "run" and config.token:
        if settle_imports and config.webhook_url is None:
            # python-telegram-bot imports its own webhook server (tornado: about 30 ms) when it
            # is imported; long polling never uses it, and the bot's webhook mode has its own
            # (handlers/webhook.py). Marked as absent, it is not imported in this process.
            sys.modules.setdefault("telegram.ext._utils.webhookhandler", None)  # type: ignore[arg-type]
        # The Telegram layer, imported only when the bot runs on Telegram.
        from handlers.app import run as telegram_run
    if settle_imports:
        _settle_imports()
    try:
        # The content checked at an earlier start, if nothing changed since (bot/contentcache.py);
        # `check` always checks in full (and refreshes the cache).
        cache = ContentCache.of(config.cache_dir)
        assistant = load_assistant(config.content_dir, cache, from_cache=command != "check")
    except ContentError as exc:
        print(f"Content in {config.content_dir} is invalid ({len(exc.problems)} problem(s)):", file=stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=stderr)
        return 1
    if command == "check":
        c = assistant.content
        directory = assistant.members.directory if assistant.members is not None else None
        members = (
            f"{directory.count} of {directory.data.network_members} network members in "
            f"{directory.country_count()} countries, "
            if directory is not None
            else ""
        )
        print(
            f"OK: {len(c.faq)} FAQ entries, {len(c.cities)} cities, {members}{len(c.conferences)} conferences, "
            f"{len(c.topics)} topics in {c.directory}",
            file=stdout,
        )
        return 0
    if command == "ask":
        return _cmd_ask(assistant, args, stdout, stdin)
    if command == "eval":
        return _cmd_eval(assistant, args, stdout, stderr)
    if command in ("stats", "unanswered"):
        return _cmd_report(assistant, config, args, stdout, stderr)
    if command == "chat":
        return console_chat(assistant, stdin, stdout, lang=getattr(args, "lang", None), prompt=stdin.isatty())
    if not config.token:
        print(
            "TELEGRAM_BOT_TOKEN is not set; get a token from @BotFather (or use 'chat' for the console).", file=stderr
        )
        return 2
    assert telegram_run is not None
    return telegram_run(config, assistant)
