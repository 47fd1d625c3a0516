"""Small talk (content/smalltalk.yaml) and honest "I don't have that" (no_answer.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import default_content_dir
from bot.honesty import load_no_answer
from bot.smalltalk import load_smalltalk


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("teşekkürler", "smalltalk-thanks"),
        ("Çok teşekkür ederim!", "smalltalk-thanks"),
        ("thank you 🙏", "smalltalk-thanks"),
        ("Teşekkürler, görüşürüz!", "smalltalk-bye"),
        ("bye", "smalltalk-bye"),
        ("nasılsın?", "smalltalk-howareyou"),
        ("how are you", "smalltalk-howareyou"),
        ("merhaba 👋", "smalltalk-hello"),
        ("Selam", "smalltalk-hello"),
    ],
)
def test_small_talk_kinds(text: str, entry: str) -> None:
    smalltalk, problems = load_smalltalk(default_content_dir())
    assert problems == []
    found = smalltalk.kind(text)
    assert found is not None and found.entry_id == entry


@pytest.mark.parametrize("text", ["merhaba, Bolu ne zaman katıldı?", "thanks, and when did Konya join?", "", "konya"])
def test_questions_are_not_small_talk(text: str) -> None:
    smalltalk, _ = load_smalltalk(default_content_dir())
    assert smalltalk.kind(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("KOMEK kurs ücretleri ne kadar", "komek-courses"),
        ("KOMEK kurslarına nasıl kayıt olunur", "komek-courses"),
        ("how do I register for a KOMEK course", "komek-courses"),
        ("Konya belediye başkanı kim", "people"),
        ("Who is the mayor of Konya?", "people"),
        ("Konya'nın koordinatörü kim", "people"),
        ("üyelik ücretli mi", "money-jobs"),
    ],
)
def test_topics_the_content_does_not_cover(text: str, topic: str) -> None:
    no_answer, problems = load_no_answer(default_content_dir())
    assert problems == []
    found = no_answer.topic(text)
    assert found is not None and found.id == topic
    assert "komek.org.tr" in no_answer.render(found, "tr") or "uil" in no_answer.render(found, "en").lower()


@pytest.mark.parametrize(
    "text",
    ["başvuru formunu belediye başkanı mı imzalar", "ağın koordinatörü kim", "KOMEK nedir", "how to join the network"],
)
def test_covered_questions_are_not_refused(text: str) -> None:
    no_answer, _ = load_no_answer(default_content_dir())
    assert no_answer.topic(text) is None


def test_broken_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text("- id: x\n  words: {tr: [a]}\n", encoding="utf-8")
    (tmp_path / "no_answer.yaml").write_text(
        "message: {tr: a, en: b}\nlook_here: {tr: a, en: b}\ntopics:\n  - {id: t, any: [[x]], where: [nowhere]}\n",
        encoding="utf-8",
    )
    assert load_smalltalk(tmp_path)[1]
    assert "unknown place 'nowhere'" in "\n".join(load_no_answer(tmp_path)[1])
