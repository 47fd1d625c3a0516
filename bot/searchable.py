"""The phrasings the matcher indexes, from the content."""

from __future__ import annotations

from bot.content import Content
from bot.lang import LANGS

__all__ = ["searchable"]


def searchable(content: Content) -> list[tuple[str, list[tuple[str | None, str]], tuple[str, ...]]]:
    """What the matcher indexes: (entry id, [(language, phrasing)], [keyword]) for every
    FAQ entry (its questions and titles) and every city (its question templates)."""
    result: list[tuple[str, list[tuple[str | None, str]], tuple[str, ...]]] = []
    for entry in content.faq.values():
        phrasings: list[tuple[str | None, str]] = [(lang, q) for lang in LANGS for q in entry.questions[lang]]
        phrasings += [(lang, entry.title[lang]) for lang in LANGS]
        result.append((entry.id, phrasings, entry.keywords))
    for city in content.cities:
        names = (city.name, *city.aliases)
        phrasings = [
            (lang, template.replace("{name}", name))
            for lang in LANGS
            for template in content.city_questions[lang]
            for name in names
        ]
        # "Hatay 2019'da mı katıldı?": the year it joined is one of its words.
        phrasings += [
            ("tr", f"{city.name} {city.joined} yılında katıldı"),
            ("en", f"{city.name} joined in {city.joined}"),
        ]
        result.append((city.entry_id, phrasings, ()))
    return result
