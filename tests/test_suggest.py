"""Grouping unanswered questions and proposing where they belong (bot.suggest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.suggest import NEW_ENTRY, format_json, format_text, group_key, read_questions, suggest_groups


def test_group_key_ignores_case_letters_suffixes_stop_words_and_order() -> None:
    assert group_key("Konya'da ne yenir?") == group_key("konyada ne yenir") == group_key("YENİR NE KONYADA")
    assert group_key("Öğrenen şehir nedir?") == group_key("ogrenen sehir")
    assert group_key("?!") == ""  # nothing to group on


def test_groups_exact_and_near_duplicates_most_asked_first(assistant: Assistant) -> None:
    questions = [
        "Konya'da ne yenir?",
        "konyada ne yenir",
        "Konyada ne yenir??",
        "KOMEK kurs kaydı ne zaman",
        "KOMEK kurs kayıtları ne zaman?",
        "bugün hava nasıl",
    ]
    groups = suggest_groups(assistant, questions)
    assert [g.count for g in groups] == [3, 2, 1]
    food, komek, weather = groups
    assert food.examples[0] == "Konya'da ne yenir?" and set(food.examples) == set(questions[:3])
    assert set(komek.examples) == {"KOMEK kurs kaydı ne zaman", "KOMEK kurs kayıtları ne zaman?"}
    assert weather.examples == ["bugün hava nasıl"]


def test_proposes_the_closest_entry_or_a_new_one(assistant: Assistant) -> None:
    groups = {
        g.examples[0]: g
        for g in suggest_groups(
            assistant,
            [
                "KOMEK kurs kayıtları ne zaman?",  # close to what KOMEK is
                "Konya'da ne yenir?",  # nothing like it in the content
            ],
        )
    }
    komek = groups["KOMEK kurs kayıtları ne zaman?"]
    assert komek.entry == komek.proposal == "what-is-komek"
    assert komek.score >= assistant.matcher.thresholds.suggest
    food = groups["Konya'da ne yenir?"]
    assert food.entry is None and food.proposal == NEW_ENTRY


def test_questions_the_bot_now_answers_are_left_out_unless_asked(assistant: Assistant) -> None:
    questions = ["KOMEK nedir?", "Konya'da ne yenir?"]
    assert [g.examples[0] for g in suggest_groups(assistant, questions)] == ["Konya'da ne yenir?"]
    kept = {g.examples[0]: g for g in suggest_groups(assistant, questions, skip_answered=False)}
    assert kept["KOMEK nedir?"].decision == "answer" and kept["KOMEK nedir?"].entry == "what-is-komek"


def test_empty_and_blank_questions(assistant: Assistant) -> None:
    assert suggest_groups(assistant, []) == []
    assert suggest_groups(assistant, ["", "   ", "?!"]) == []
    assert format_text([]) == "No unanswered questions."
    assert json.loads(format_json([])) == {"questions": 0, "groups": []}


def test_text_and_json_formats(assistant: Assistant) -> None:
    groups = suggest_groups(
        assistant, ["Konya'da ne yenir?", "konyada ne yenir", "KOMEK kurs kayıtları ne zaman?", "bugün hava nasıl"]
    )
    text = format_text(groups, limit=2)
    assert text.splitlines()[0] == "4 unanswered question(s) in 3 group(s):"
    assert "2×  Konya'da ne yenir?  →  new entry" in text
    assert "also: konyada ne yenir" in text
    assert "add to what-is-komek" in text
    assert "… and 1 more group(s)" in text
    data = json.loads(format_json(groups))
    assert data["questions"] == 4 and len(data["groups"]) == 3
    first = data["groups"][0]
    assert first["count"] == 2 and first["proposal"] == NEW_ENTRY and first["entry"] is None
    assert set(first) >= {"count", "key", "examples", "proposal", "entry", "score", "decision", "alternatives"}


def test_read_questions_from_text_and_eval_yaml(tmp_path: Path) -> None:
    plain = tmp_path / "questions.txt"
    plain.write_text("# unanswered, one a line\nKonya'da ne yenir?\n\n  bugün hava nasıl  \n", encoding="utf-8")
    assert read_questions(plain) == ["Konya'da ne yenir?", "bugün hava nasıl"]
    labelled = tmp_path / "eval.yaml"
    labelled.write_text('- {q: "KOMEK nedir?", expect: what-is-komek}\n- {q: "lol", expect: none}\n', encoding="utf-8")
    assert read_questions(labelled) == ["KOMEK nedir?", "lol"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("q: not a list\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_questions(broken)


def test_the_eval_sets_off_topic_questions_group_quickly(assistant: Assistant) -> None:
    questions = read_questions(Path(__file__).parent / "eval" / "questions.yaml")
    groups = suggest_groups(assistant, questions)
    assert 0 < sum(g.count for g in groups) < len(questions)  # answered ones are left out
    assert all(g.examples for g in groups)
