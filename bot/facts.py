"""Facts as data: the things the bot knows attributes of, loaded from content/facts.yaml.

A :class:`Fact` base has *attributes* (what a question can ask: when, where, theme,
how many, ...; each with the words that ask it), *kinds* of things (conference, award,
members over time, institute, ...; each with the words that name it, the field that
orders them, and one answer template per attribute) and *entities* (the things: names,
fields, the faq entry with the full answer). Conference entities take their fields
from conferences.yaml, so a fact is written once. :mod:`bot.factfinder` reads a
question against this; curators add an attribute or a thing here, in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot import tghtml
from bot.lang import LANGS
from bot.textnorm import fold

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: 20x faster

__all__ = ["FACTS_FILE", "Attribute", "Entity", "FactBase", "Kind", "Superlative", "load_facts"]

FACTS_FILE = "facts.yaml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_SAYS = frozenset(["diyor", "yaziyor", "yazmis", "yazmislar", "says", "said", "writes", "claims", "shows"])  # a page
FieldValue = str | int | Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Attribute:
    id: str
    phrases: tuple[tuple[str, ...], ...]  # folded words of each phrase that asks it
    generic: bool = False  # "when", "where", "how many": only when nothing more specific is asked
    # its words with a locative ending, or before what it says, say where the asker saw
    # something ("KOMEK'in sitesinde yazıyor", "KOMEK sitesi 1000 şehir diyor"), not what is
    # asked ("KOMEK'in sitesi ne?")
    seen_in: bool = False

    def seen_at(self, tokens: Sequence[str], end: int) -> bool:
        """Whether its words ending before ``end`` in ``tokens`` say where something was seen."""
        return self.seen_in and (tokens[end - 1].endswith(("de", "da", "te", "ta")) or bool(_SAYS & set(tokens[end:])))


@dataclass(frozen=True, slots=True)
class Superlative:
    """ "En uzun konferans", "hangi yıl en çok şehir ödül aldı": the thing of a kind with
    the most (or, ``most=False``, the least) of a numeric field. Templates: ``one`` (that
    thing), ``tie`` ({items}: ``item`` for each, {value}, {count}), ``partial`` (the field is
    not known for every thing: {items}, the ones it is known for), ``otherwise`` (the words
    ask a ranking the field does not give, without one of ``requires``: "en çok ödül alan ülke")."""

    field: str
    words: tuple[tuple[str, ...], ...]
    most: bool
    attribute: str  # the attribute whose entry is offered
    templates: Mapping[str, Mapping[str, str]]  # one, tie, item, partial, otherwise -> lang -> text
    requires: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Kind:
    id: str
    phrases: tuple[tuple[str, ...], ...]
    templates: Mapping[str, Mapping[str, str]]  # attribute -> lang -> HTML template
    order: str | None = None  # the field ordinals and first/latest refer to
    excludes: tuple[tuple[str, ...], ...] = ()  # words that mean another question
    weak: bool = False  # its words are common: any other kind named wins
    requires: tuple[tuple[str, ...], ...] = ()  # the kind counts only with one of these words
    relations_only: bool = False  # a thing's name alone is another module's question; "X'ten sonra" is ours
    default: str | None = None  # the attribute of a question that names a position only
    # The entry to offer instead of the thing's own, by attribute or by reading: "first",
    # "latest", "group" (the answer names several things, as cities that joined one year).
    cards: Mapping[str, str] = field(default_factory=dict)
    # "after"/"before" -> lang -> template naming every thing on that side of a year
    # ({year}, {count}, {items}: "Bursa (2022), Ankara (2025)").
    ranges: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    fallback: str | None = None  # the attribute to give when the one asked has no template, or after "X'ten sonra"
    link: str | None = None  # the field that holds the id of the thing each one belongs to (a document's conference)
    superlatives: tuple[Superlative, ...] = ()
    of_year: str | None = None  # the attribute of a question that names a year or a figure only
    # its things' names are others' (the award's rounds are named by their winners): a name
    # alone is no question about it without a word of the kind ("Limerick ne zaman üye oldu?")
    named_by_others: bool = False


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str
    names: tuple[tuple[str, ...], ...]  # folded words of each name
    fields: Mapping[str, FieldValue]
    card: str
    cards: Mapping[str, str] = field(default_factory=dict)
    templates: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    upcoming: bool = False  # announced or rumoured, not yet held
    latest: bool = False  # the default when a question names the kind only
    unknown: frozenset[str] = frozenset()  # attributes ``any`` does not answer: honestly not known

    def value(self, name: str, lang: str) -> str | None:
        """A field in ``lang`` (a scalar is the same in both languages)."""
        found = self.fields.get(name)
        if found is None:
            return None
        if isinstance(found, Mapping):
            return found.get(lang)
        return str(found)

    def template(self, kind: Kind, attribute: str) -> Mapping[str, str] | None:
        """The template answering ``attribute``: the entity's own, then its kind's; one
        whose fields the entity lacks does not count. ``any`` answers every attribute."""
        for source in (self.templates, kind.templates):
            chosen = source.get(attribute) or (source.get("any") if attribute not in self.unknown else None)
            if chosen is not None and self._can_fill(chosen):
                return chosen
        return None

    def knows(self, kind: Kind, attribute: str) -> bool:
        """Whether a template of its own or its kind's answers ``attribute`` (not ``any``)."""
        return any(
            (chosen := source.get(attribute)) is not None and self._can_fill(chosen)
            for source in (self.templates, kind.templates)
        )

    def _can_fill(self, template: Mapping[str, str]) -> bool:
        return all(
            name == "name" or self.value(name, lang) is not None
            for lang, text in template.items()
            for name in _PLACEHOLDER.findall(text)
        )

    def render(self, template: Mapping[str, str], lang: str) -> tghtml.Html:
        values = {name: tghtml.escape(self.value(name, lang) or "") for name in _PLACEHOLDER.findall(template[lang])}
        if "name" in values and not values["name"]:
            values["name"] = tghtml.escape(self.value("name", lang) or self.id)
        return tghtml.Html(_PLACEHOLDER.sub(lambda m: values[m.group(1)], template[lang]))


@dataclass(frozen=True, slots=True)
class FactBase:
    attributes: tuple[Attribute, ...]
    kinds: Mapping[str, Kind]
    entities: tuple[Entity, ...]
    missing: Mapping[str, str] = field(default_factory=dict)  # "I don't have that", with {title}
    # "yes"/"no" -> lang -> the word that opens the answer to a question that checks a pair
    # ("Cork'ta Pekin Bildirgesi mi kabul edildi?": "Hayır.")
    confirm: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]


def _phrases(words: object) -> tuple[tuple[str, ...], ...]:
    """Folded phrases from ``{tr: [...], en: [...]}`` or a plain list."""
    items: list[object] = []
    if isinstance(words, Mapping):
        for lang in LANGS:
            items.extend(words.get(lang) or [])
    elif isinstance(words, list):
        items = list(words)
    found = {tuple(fold(str(w)).split()) for w in items}
    return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))


def _templates(data: object, where: str, problems: list[str]) -> dict[str, Mapping[str, str]]:
    result: dict[str, Mapping[str, str]] = {}
    if not isinstance(data, Mapping):
        return result
    for attribute, texts in data.items():
        if not isinstance(texts, Mapping) or any(not isinstance(texts.get(lang), str) for lang in LANGS):
            problems.append(f"{where}: template {attribute!r} needs tr and en texts")
            continue
        for lang in LANGS:
            for issue in tghtml.validate(texts[lang], strict=False):
                problems.append(f"{where}: template {attribute}.{lang}: {issue}")
        result[str(attribute)] = {lang: texts[lang] for lang in LANGS}
    return result


_SUPERLATIVE_TEMPLATES = frozenset(["one", "tie", "item", "partial", "otherwise"])


def _superlatives(data: object, where: str, problems: list[str]) -> tuple[Superlative, ...]:
    """A kind's ``superlatives``: each a field, the words that ask for its most (or least:
    ``pick: least``), the attribute whose entry to offer, templates, and required words."""
    found = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, Mapping) or not isinstance(item.get("field"), str) or not _phrases(item.get("words")):
            problems.append(f"{where}: superlative {item!r} needs a field and words")
            continue
        here = f"{where} superlative {item['field']!r}"
        templates = _templates({k: v for k, v in item.items() if k in _SUPERLATIVE_TEMPLATES}, here, problems)
        if "one" not in templates or "item" not in templates:
            problems.append(f"{here}: needs the templates one and item")
        if item.get("pick", "most") not in ("most", "least"):
            problems.append(f"{here}: pick is most or least")
        attribute = str(item.get("attribute", item["field"]))
        found.append(
            Superlative(
                item["field"],
                _phrases(item["words"]),
                item.get("pick", "most") != "least",
                attribute,
                templates,
                _phrases(item.get("requires")),
            )
        )
    return tuple(found)


def _conference_fields(conference: Any) -> dict[str, FieldValue]:
    """The fields of one conferences.yaml conference (a :class:`bot.content.Conference`)."""
    values: dict[str, FieldValue] = {"number": conference.number, "year": conference.year}
    for name in ("city", "country", "dates", "theme", "outcome"):
        value = getattr(conference, name, None)
        if value:
            values[name] = dict(value)
    return values


def _conference_names(conference: Any) -> list[str]:
    names: list[str] = []
    for name in ("city", "country"):
        for text in dict(getattr(conference, name)).values():
            names.append(text)
            names.extend(part.strip(" ()") for part in re.split(r"[()]", text) if part.strip(" ()"))
    return names


def _city_entities(kind: str, cities: Sequence[Any]) -> list[Entity]:
    """One thing per city of cities.yaml (a kind with ``from: cities``), in the order they
    joined: name, year, rank (a range for cities that joined the same year) and group
    (the names of the cities that joined that year), the city's entry as card."""
    ordered = sorted(cities, key=lambda c: c.joined)
    result = []
    for city in ordered:
        group = [c for c in ordered if c.joined == city.joined]
        first = ordered.index(group[0]) + 1
        rank = str(first) if len(group) == 1 else f"{first}–{first + len(group) - 1}"
        fields: dict[str, FieldValue] = {
            "name": city.name,
            "year": city.joined,
            "rank": rank,
            "group": ", ".join(c.name for c in group),
            "group_size": len(group),
        }
        names = tuple({tuple(fold(n).split()) for n in (city.name, *city.aliases)} - {()})
        result.append(Entity(f"{kind}-{city.id}", kind, names, fields, city.entry_id))
    return result


def load_facts(
    directory: str | Path,
    conferences: Sequence[Any] = (),
    known_entries: set[str] | None = None,
    cities: Sequence[Any] = (),
) -> tuple[FactBase, list[str]]:
    """Read facts.yaml in ``directory``; return the base and the problems found (each
    a sentence naming the item). ``conferences`` and ``cities``: the loaded
    conferences.yaml and cities.yaml."""
    problems: list[str] = []
    path = Path(directory) / FACTS_FILE
    if not path.is_file():
        return FactBase((), {}, ()), []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        return FactBase((), {}, ()), [f"{FACTS_FILE}: not valid YAML: {exc}"]
    if not isinstance(data, Mapping):
        return FactBase((), {}, ()), [f"{FACTS_FILE}: must be a mapping of attributes, kinds and entities"]
    attributes = []
    for item in data.get("attributes") or []:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str) or not _phrases(item.get("words")):
            problems.append(f"{FACTS_FILE}: attribute {item!r} needs an id and words")
            continue
        generic, seen_in = bool(item.get("generic", False)), bool(item.get("seen_in", False))
        attributes.append(Attribute(item["id"], _phrases(item["words"]), generic, seen_in))
    attribute_ids = {a.id for a in attributes} | {"any"}
    kinds: dict[str, Kind] = {}
    derived: list[Entity] = []
    for item in data.get("kinds") or []:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            problems.append(f"{FACTS_FILE}: kind {item!r} needs an id")
            continue
        where = f"{FACTS_FILE}: kind {item['id']!r}"
        templates = _templates(item.get("templates"), where, problems)
        problems += [f"{where}: template for unknown attribute {a!r}" for a in templates if a not in attribute_ids]
        kinds[item["id"]] = Kind(
            item["id"],
            _phrases(item.get("words")),
            templates,
            item.get("order"),
            _phrases(item.get("excludes")),
            bool(item.get("weak", False)),
            _phrases(item.get("requires")),
            bool(item.get("relations_only", False)),
            item.get("default"),
            dict(item.get("cards") or {}),
            _templates(item.get("ranges"), f"{where} ranges", problems),
            item.get("fallback"),
            item.get("link"),
            _superlatives(item.get("superlatives"), where, problems),
            item.get("of_year"),
            bool(item.get("named_by_others", False)),
        )
        if item.get("from") == "cities":
            derived += _city_entities(item["id"], cities)
    by_number = {c.number: c for c in conferences}
    entities = list(derived)
    seen: set[str] = set()
    for item in data.get("entities") or []:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            problems.append(f"{FACTS_FILE}: entity {item!r} needs an id")
            continue
        where = f"{FACTS_FILE}: entity {item['id']!r}"
        if item["id"] in seen:
            problems.append(f"{where}: the id is used twice")
        seen.add(item["id"])
        if item.get("kind") not in kinds:
            problems.append(f"{where}: unknown kind {item.get('kind')!r}")
            continue
        fields: dict[str, FieldValue] = {}
        names = [str(n) for n in item.get("names") or []]
        number = item.get("conference")
        if number is not None:
            if number not in by_number:
                problems.append(f"{where}: conference {number!r} is not in conferences.yaml")
            else:
                fields.update(_conference_fields(by_number[number]))
                names += _conference_names(by_number[number])
        for key, value in (item.get("fields") or {}).items():
            if isinstance(value, Mapping) and any(not isinstance(value.get(lang), str) for lang in LANGS):
                problems.append(f"{where}: field {key!r} needs tr and en")
                continue
            fields[str(key)] = value
        card = item.get("card")
        cards = dict(item.get("cards") or {})
        for entry in (card, *cards.values()):
            if not isinstance(entry, str) or (known_entries is not None and entry not in known_entries):
                problems.append(f"{where}: card {entry!r} is not an entry of faq.yaml")
        templates = _templates(item.get("templates"), where, problems)
        problems += [f"{where}: template for unknown attribute {a!r}" for a in templates if a not in attribute_ids]
        unknown = frozenset(str(a) for a in item.get("unknown") or ())
        problems += [f"{where}: unknown attribute {a!r} in unknown" for a in sorted(unknown - attribute_ids)]
        entities.append(
            Entity(
                item["id"],
                item["kind"],
                _phrases(names),
                fields,
                str(card),
                cards,
                templates,
                bool(item.get("upcoming", False)),
                bool(item.get("latest", False)),
                unknown,
            )
        )
    missing = data.get("missing")
    if not isinstance(missing, Mapping) or any(not isinstance(missing.get(lang), str) for lang in LANGS):
        problems.append(f"{FACTS_FILE}: missing (the reply for an attribute not known) needs tr and en")
        missing = {lang: "" for lang in LANGS}
    confirm = _templates(data.get("confirm"), f"{FACTS_FILE}: confirm", problems)
    if set(confirm) != {"yes", "no"}:
        problems.append(
            f'{FACTS_FILE}: confirm needs "yes" and "no" (quoted: YAML reads yes as true), each in tr and en'
        )
    ids = {e.id for e in entities}
    for entity in entities:
        link = kinds[entity.kind].link
        if link and entity.value(link, "en") not in ids:
            problems.append(f"{FACTS_FILE}: entity {entity.id!r}: {link} {entity.value(link, 'en')!r} is no entity")
    missing_text: dict[str, str] = {lang: missing[lang] for lang in LANGS}
    return FactBase(tuple(attributes), kinds, tuple(entities), missing_text, confirm), problems
