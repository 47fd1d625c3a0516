"""Every reply the assistant gives to the eval sets, as text: the check that a speed-up
changes no behaviour (two dumps, before and after, must be byte-identical).

Each question of every ``tests/eval/*.yaml`` is asked as ``bot.evaluation.evaluate`` asks
it (its ``context`` first, in a chat of its own), through one ``Assistant`` for all sets,
and each reply is written as one JSON line: the set, the question, then the replies to
the context questions and to the question (kind, language, entry, score, suggestions,
buttons, messages). The same questions are then asked again with a forced language and
as inline queries (the other ways of asking).

Run: ``.venv/bin/python benchmarks/dump_answers.py OUT.jsonl [TREE]`` (about half a minute;
``TREE``: another checkout whose code and content to dump, e.g. main's, for a baseline).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from common import ROOT

if len(sys.argv) > 2:
    ROOT = Path(sys.argv[2]).resolve()
sys.path.insert(0, str(ROOT))

from bot.evaluation import load_cases
from bot.replies import Reply
from bot.services import load_assistant


def _reply(reply: Reply) -> dict[str, object]:
    return {
        "kind": str(reply.kind),
        "lang": reply.lang,
        "entry": reply.entry_id,
        "score": round(reply.score, 6),
        "suggestions": list(reply.suggestions),
        "buttons": [[[b.text, b.data, b.url] for b in row] for row in reply.buttons],
        "messages": list(reply.messages),
    }


def main() -> None:
    out = Path(sys.argv[1])
    assistant = load_assistant(ROOT / "content")
    with out.open("w", encoding="utf-8") as sink:
        for path in sorted((ROOT / "tests" / "eval").glob("*.yaml")):
            for index, case in enumerate(load_cases(path)):
                chat = ("dump", path.name, index) if case.context else None
                replies = [assistant.ask(earlier, chat=chat) for earlier in case.context]
                replies.append(assistant.ask(case.question, chat=chat))
                assistant.conversations.forget(chat)
                line = {"set": path.name, "q": case.question, "replies": [_reply(r) for r in replies]}
                sink.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        for path in sorted((ROOT / "tests" / "eval").glob("*.yaml")):
            for case in load_cases(path):
                other = "en" if case.lang == "tr" else "tr"
                forced = assistant.ask(case.question, force_lang=other)
                articles = assistant.inline(case.question)
                line = {
                    "set": path.name,
                    "q": case.question,
                    "forced": _reply(forced),
                    "inline": [[a.id, a.title, a.description, a.html] for a in articles],
                }
                sink.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
