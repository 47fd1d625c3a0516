"""Things in their order: the thing at a position (an ordinal, a year, first, latest,
next, a figure), the one after or before another, every one after or before a year
(:func:`range_fact`), and what a question that names a position only checks. Used by :mod:`bot.factfinder`."""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel.lists import format_list

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.facts import Entity, FactBase, Kind
from bot.tghtml import Html, escape

__all__ = [
    "FIELD",
    "Position",
    "all_beside",
    "card_for",
    "checked",
    "for_the_kind",
    "locate",
    "nearest",
    "no_such_year",
    "ordered",
    "past_the_last",
    "range_fact",
    "relation_to_last",
    "relative",
    "topic_of_entry",
    "year_of",
]

FIELD = re.compile(r"\{(\w+)\}")  # a template's placeholders
# Attributes of one thing named, answered on its own card also when others share its year
# ("Afyon kaçıncı?", "ne zaman?" after Bursa): not which ones or how many joined that year,
# nor the thing at a place ("Türkiye'nin 5. üyesi": one of three that joined in 2020)
_OWN = frozenset(["rank", "when", "year", "member_since"])
Position = tuple[str, int]  # ("rank", n) | ("year", y) | ("latest", 0) | ("next", 0) | ("value", n)


def locate(facts: FactBase, kind: Kind, position: Position | None) -> Entity | None:
    """The thing of ``kind`` at ``position``; the latest one when no position is given
    and the kind has a default."""
    entities = facts.of_kind(kind.id)
    held = [e for e in entities if not e.upcoming]
    order = kind.order
    if order:
        held.sort(key=lambda e: int(e.value(order, "en") or 0))
    if position is None:
        return next((e for e in entities if e.latest), None)
    label, number = position
    if label == "next":
        return next((e for e in entities if e.upcoming), None)
    if label == "latest":
        return held[-1] if held else None
    if label == "year":
        return next((e for e in entities if e.value("year", "en") == str(number)), None)
    if label == "value":  # "356 değil miydi?": the thing with that figure
        # a rank, or the kind's order ("4 gün": not the 4th conference), is no figure
        figures = ({str(v) for k, v in e.fields.items() if k not in ("rank", order)} for e in entities)
        return next((e for e, values in zip(entities, figures, strict=True) if str(number) in values), None)
    if kind.order and 1 <= number <= len(held):
        return held[number - 1]
    return next((e for e in entities if e.upcoming and e.value(order or "", "en") == str(number)), None)


def relative(facts: FactBase, label: str, anchor: Entity) -> Entity | None:
    """The first thing after ``anchor`` in its kind's order (after the last one held, the
    upcoming one), or the last before it."""
    kind = facts.kinds[anchor.kind]
    if not kind.order:
        return None
    key = int(anchor.value(kind.order, "en") or 0)
    things = ordered(facts, kind)
    if label == "after":
        after = next((e for e in things if int(e.value(kind.order, "en") or 0) > key), None)
        # after the last one held, the one planned ("Jubail'den sonraki konferans": the 7th, not confirmed)
        return after or next((e for e in facts.of_kind(kind.id) if e.upcoming and e.id != anchor.id), None)
    return next((e for e in reversed(things) if int(e.value(kind.order, "en") or 0) < key), None)


def none_before(facts: FactBase, relation: tuple[str, Entity], lang: str) -> FactAnswer | None:
    """ "Eskişehir'den önce Türkiye'den üye var mıydı?": none, the one named was the first
    (its kind's ``first`` range, said of it); None for another relation or kind."""
    label, anchor = relation
    kind = facts.kinds[anchor.kind]
    template = kind.ranges.get("first")
    if label != "before" or template is None:
        return None
    card = kind.cards.get("first", anchor.card)
    return FactAnswer(anchor, "rank", anchor.render(template, lang), card, Topic(kind.id, anchor.id, "rank", lang))


# Words that ask for every one on that side ("Bolu'dan önce kimler vardı?", "Which Turkish
# cities joined after Hatay?"), and those that ask for the nearest one only ("hemen sonra", "en son")
_EVERY = frozenset(["kimler", "kimlerdi", "hangileri", "hangileriydi", "sehirler", "kentler", "iller", "uyeler"])
_EVERY |= frozenset(["katilanlar", "girenler", "gelenler", "cities", "ones", "members", "hepsi", "tumu", "all"])
_NEXT_ONLY = frozenset(["hemen", "son", "ilk", "right", "immediately", "directly", "just", "last", "first", "next"])


def all_beside(facts: FactBase, relation: tuple[str, Entity], tokens: list[str], lang: str) -> FactAnswer | None:
    """Every thing after (before) the one named, when the question asks for all of them
    and its kind names them by year (its ``ranges``): "Bolu'dan önce Türkiye'den kimler
    vardı?" is Eskişehir and Konya; "Bolu'dan önce hangi şehir" (one) and "Hatay'dan hemen
    sonra kimler" (the nearest) are not."""
    label, anchor = relation
    kind = facts.kinds[anchor.kind]
    said = set(tokens)
    if label not in kind.ranges or not said & _EVERY or said & _NEXT_ONLY or not kind.order:
        return None
    year = anchor.value(kind.order, "en")
    return range_fact(facts, kind, label, int(year), lang) if year and year.isdigit() else None


def ordered(facts: FactBase, kind: Kind) -> list[Entity]:
    """The things of ``kind`` held (not upcoming), in the kind's order."""
    order = kind.order or ""
    return sorted((e for e in facts.of_kind(kind.id) if not e.upcoming), key=lambda e: int(e.value(order, "en") or 0))


def checked(entity: Entity, kind: Kind, position: Position) -> list[str]:
    """What a question that names a thing and a year or a figure only checks:
    "Pekin konferansı 2014'te miydi?" its year, "ağda 356 şehir vardı değil mi?" the
    figure's attribute (the one whose template shows a field with that value, or the
    kind's only template with fields)."""
    label, number = position
    if label == "year" and entity.template(kind, "year") is not None:
        return ["year"]
    if label != "value":
        return []
    templates = {**kind.templates, **entity.templates}
    for attribute, texts in templates.items():
        names = {n for text in texts.values() for n in FIELD.findall(text)}
        if any(entity.value(n, "en") == str(number) for n in names) and entity.template(kind, attribute):
            return [attribute]
    figures = [a for a, texts in templates.items() if any(FIELD.search(text) for text in texts.values())]
    return figures if len(figures) == 1 else []


def year_of(facts: FactBase, entity_id: str) -> int | None:
    """The year a thing is ordered by ("2022" for Bursa), when its kind is ordered by one."""
    entity = next((e for e in facts.entities if e.id == entity_id), None)
    if entity is None:
        return None
    order = facts.kinds[entity.kind].order
    value = entity.value(order, "en") if order else None
    return int(value) if value and re.fullmatch(r"\d{4}", value) else None


def for_the_kind(facts: FactBase, kind: Kind, attributes: list[str]) -> tuple[Entity | None, str | None]:
    """The thing to answer a question about a whole kind with, and the attribute that
    answers it: any of its things, when the kind's template for an attribute asked names
    no field ("ödül kaç kez verildi", "kaç tane sonuç belgesi var": how many documents,
    not the latest one's outcome); (None, None) otherwise."""
    for attribute in attributes:
        texts = kind.templates.get(attribute)
        if texts is not None and not any(FIELD.search(text) for text in texts.values()):
            things = ordered(facts, kind)
            return (things[-1], attribute) if things else (None, None)
    return None, None


def card_for(kind: Kind, entity: Entity, attribute: str, position: Position | None, *, asked: bool = True) -> str:
    """The entry to offer: the thing's own for the attribute, the kind's for the
    attribute, for first/latest or for an answer that names several things. ``asked``:
    whether the question asked the attribute (not only its kind's fallback: "Which
    conference came right after Beijing?" is the conference's card, though its dates
    answer it). A thing's place in the order or its date ("Afyon kaçıncı?", "ne zaman?"
    after Bursa) is its own card, also when others joined with it."""
    if attribute in entity.cards and asked:
        return entity.cards[attribute]
    label = position[0] if position else None
    for key, applies in (
        (attribute, True),
        ("first", label == "rank" and position is not None and position[1] == 1),
        ("latest", label == "latest"),
        ("group", (attribute not in _OWN or label == "rank") and int(entity.value("group_size", "en") or 1) > 1),
    ):
        if applies and key in kind.cards:
            return kind.cards[key]
    return entity.card


def past_the_last(facts: FactBase, kind: Kind, lang: str) -> FactAnswer | None:
    """ "I don't know that" for a place in a kind's order past every thing known (the
    8th conference), with the kind's whole list (its ``all`` card) a tap away."""
    card = kind.cards.get("all")
    things = ordered(facts, kind)
    if card is None or not things:
        return None
    return FactAnswer(things[-1], "", Html(""), card, Topic(kind.id, "", None, lang), missing=True)


def no_such_year(facts: FactBase, kind: Kind | None, position: Position | None, lang: str) -> FactAnswer | None:
    """ "2018'de ödül verildi mi?": a year (``position`` ("year", y)) with no thing of
    ``kind`` before its last one held is a plain no, said with the years there were (the
    kind's ``none`` range); a year after the last one held is "I don't know that"
    (:func:`past_the_last`): the sources may not have it yet. None when the kind says neither."""
    if kind is None or position is None or position[0] != "year":
        return None
    year, template = position[1], kind.ranges.get("none")
    held = [e for e in ordered(facts, kind) if not e.upcoming]
    years = sorted({y for e in held if (y := _held_in(e, kind))})
    if template is None or not years or year in years:
        return None
    if year > years[-1]:
        return past_the_last(facts, kind, lang)
    card = kind.cards.get("all")
    if card is None:
        return None
    items = escape(format_list([str(y) for y in years], locale=lang))  # "2015, 2017 ve 2019"
    html = _filled(template, lang, year, len(years), items)
    return FactAnswer(held[-1], "none_year", html, card, Topic(kind.id, "", None, lang))


def range_fact(facts: FactBase, kind: Kind, label: str, year: int, lang: str) -> FactAnswer | None:
    """ "Türkiye'den 2020'den sonra katılanlar": the things of ``kind`` after (or
    before) ``year`` by its order, named in the kind's ``ranges`` template."""
    template = kind.ranges.get(label)
    if template is None or not kind.order:
        return None
    things = ordered(facts, kind)
    if label == "after":
        chosen = [e for e in things if int(e.value(kind.order, "en") or 0) > year]
    else:
        chosen = [e for e in things if int(e.value(kind.order, "en") or 0) < year]
    items = ", ".join(f"{e.value('name', lang)} ({e.value(kind.order, lang)})" for e in chosen)
    html = _filled(template, lang, year, len(chosen), escape(items if chosen else "—"))
    anchor = chosen[0] if chosen else things[-1] if label == "after" and things else None
    if anchor is None:
        return None
    card = kind.cards.get("group", anchor.card)
    return FactAnswer(anchor, f"{label}_year", html, card, Topic(kind.id, anchor.id, None, lang), relative=True)


def nearest(facts: FactBase, kind: Kind, label: str, year: int) -> Entity | None:
    """The first thing of ``kind`` after ``year`` ("after"), or the last one before it."""
    if not kind.order:
        return None
    things = ordered(facts, kind)
    if label == "after":
        return next((e for e in things if _held_in(e, kind) > year), None)
    return next((e for e in reversed(things) if 0 < _held_in(e, kind) < year), None)


def _held_in(entity: Entity, kind: Kind) -> int:
    """The year of a thing: its ``year`` field (the conferences are ordered by number and
    have one), else its order's; 0 when neither is a year."""
    value = entity.value("year", "en") or entity.value(kind.order or "", "en") or "0"
    return int(value) if value.isdigit() else 0


def _filled(template: Mapping[str, str], lang: str, year: int, count: int, items: Html) -> Html:
    """A kind's range template in ``lang`` with its year, count and (escaped) items."""
    text = template[lang] if lang in template else template["en"]
    return Html(text.replace("{year}", str(year)).replace("{count}", str(count)).replace("{items}", items))


def relation_to_last(facts: FactBase, said: str | None, upcoming: bool, last: Entity | None) -> str | None:
    """Which side of the chat's last thing a follow-up asks for: the relation it says
    ("ondan önceki": before), or after it for "the next one" when there is one after it
    (else "the next one" is the upcoming thing); None when the last thing has no order."""
    if last is None or not facts.kinds[last.kind].order:
        return None
    if said:
        return said
    return "after" if upcoming and relative(facts, "after", last) is not None else None


def topic_of_entry(facts: FactBase, entry: str, lang: str) -> Topic | None:
    """The thing an entry is the card of, when it is the card of one thing only
    (what-is-uil: UIL), so that "eski adı neydi?" can follow its answer."""
    owners = [e for e in facts.entities if e.card == entry]
    owners = owners or [e for e in facts.entities if entry in e.cards.values()]  # who-runs: UIL's role
    if len({e.kind for e in owners}) > 1:  # a conference's card is its document's too: the conference
        owners = [e for e in owners if not facts.kinds[e.kind].link]
    if not owners:  # "the first one?": the card of a kind's first (Türkiye's first member), the kind
        kinds = [k.id for k in facts.kinds.values() if entry in k.cards.values()]
        if len(kinds) > 1:  # the conferences' overview counts documents too: the kind it lists all of
            kinds = [k.id for k in facts.kinds.values() if k.cards.get("all") == entry]
        return Topic(kinds[0], "", None, lang) if len(kinds) == 1 else None
    if len({e.kind for e in owners}) != 1:
        return None
    # The card of several things of one kind (the award's years): the kind, no one thing
    return Topic(owners[0].kind, owners[0].id if len(owners) == 1 else "", None, lang)
