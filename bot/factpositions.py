"""Where a question places a thing in its kind's order: an ordinal ("3.", "üçüncü",
"dördüncüsü", "third"), a year ("2021 ödülü"), first or latest ("ilk", "en eski", "son",
"en yeni", "latest"), next ("bir sonraki", "upcoming"), a figure ("356 değil miydi?"), and
the words of "after"/"before" another. Used by :mod:`bot.factfinder`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from bot.conversation import Topic
from bot.factchecks import YEAR
from bot.factorder import Position
from bot.facts import Entity, Kind
from bot.phrases import PhraseIndex, word_matches
from bot.textnorm import STOPWORDS

__all__ = [
    "ORDINAL_WORDS",
    "RELATIONS",
    "both_ends",
    "carried",
    "latest_counted",
    "long_ordinal",
    "named_before_rank",
    "names_an_order",
    "next_to",
    "only_now",
    "position",
    "without_unesco_of_the_network",
    "written_ordinals",
]

_ORDINALS = {
    1: ("birinci", "ilk", "ilki", "first", "1st", "1inci", "1nci"),
    2: ("ikinci", "second", "2nd", "2nci", "2inci"),
    3: ("ucuncu", "third", "3rd", "3uncu", "3ncu"),
    4: ("dorduncu", "fourth", "4th", "4uncu", "4ncu"),
    5: ("besinci", "fifth", "5th", "5inci", "5nci"),
    6: ("altinci", "sixth", "6th", "6nci", "6inci"),
    7: ("yedinci", "seventh", "7th", "7nci", "7inci"),
    8: ("sekizinci", "eighth", "8th", "8inci", "8nci"),
    9: ("dokuzuncu", "ninth", "9th", "9uncu", "9ncu"),
    10: ("onuncu", "tenth", "10th", "10uncu", "10ncu"),
}
_AFTER: tuple[tuple[str, ...], ...] = (("sonra",), ("after",), ("ardindan",), ("arkasindan",), ("sonraki",))
_AFTER += (("following",),)
_BEFORE: tuple[tuple[str, ...], ...] = (("once",), ("before",), ("onceki",), ("prior", "to"), ("preceding",))
# Words a number before counts ("6 şehir", "3 days"): that number is a figure, no rank.
_COUNTED: tuple[str, ...] = ("sehir", "city", "citi", "uye", "member", "ulke", "countr", "kisi", "people")
_COUNTED += ("participant", "katilimci", "gun", "day", "kent", "town")
_DAYS = ("gun", "day")  # a number of days: the unit of a conference's length
_BEFORE_COUNTED = frozenset(["ogrenen", "learning", "uye", "member", "turk", "turkish", "farkli", "different"])
ORDINAL_WORDS = {word: n for n, words in _ORDINALS.items() for word in words}
_LONG_ORDINALS = tuple((w, n) for w, n in ORDINAL_WORDS.items() if len(w) > 4)  # "dördüncüsü" is "dorduncu"
_LONG_WORDS = tuple(w for w, _ in _LONG_ORDINALS)
_LONG_BY_HEAD: dict[str, list[tuple[str, int]]] = {}  # their first four letters -> them, in that order
for _word, _number in _LONG_ORDINALS:
    _LONG_BY_HEAD.setdefault(_word[:4], []).append((_word, _number))


@lru_cache(maxsize=4096)
def long_ordinal(token: str) -> int | None:
    """The number of a long ordinal with endings ("dorduncusu"), tried by its first letters."""
    return next((n for w, n in _LONG_BY_HEAD.get(token[:4], ()) if word_matches(token, w)), None)


_LATEST: tuple[tuple[str, ...], ...] = (("en", "son"), ("enson",), ("son",), ("en", "yeni"), ("latest",), ("last",))
_LATEST += (("most", "recent"), ("newest",), ("en", "guncel"), ("recent",), ("sonuncu",))
# Now, said alone after a thing of a year ("and now?" after 2020's count): the latest one
_NOW = PhraseIndex((p, None) for p in (("now",), ("today",), ("currently",), ("nowadays",), ("these", "days")))
_NOW_TR = PhraseIndex((p, None) for p in (("simdi",), ("su", "an"), ("su", "anda"), ("bugun",), ("gunumuzde",)))
# Nouns of a count ("en son üye sayısı", "the latest member count"): "latest" before one asks the count now
_COUNT_NOUNS = frozenset(
    ["sayi", "sayisi", "sayimi", "count", "number", "figure", "size", "buyuklugu", "rakam", "rakami"]
)
_FIRST = (("en", "eski"), ("en", "once"), ("oldest",), ("earliest",), ("en", "erken"))
_NEXT = (("bir", "sonraki"), ("sonraki",), ("gelecek",), ("next",), ("upcoming",), ("yaklasan",), ("coming",))
_ORDER_WORDS = frozenset(
    [*ORDINAL_WORDS, *(p[0] for p in (*_LATEST, *_FIRST, *_NEXT, *_AFTER, *_BEFORE) if len(p) == 1)]
)
RELATIONS = PhraseIndex([*((p, "after") for p in _AFTER), *((p, "before") for p in _BEFORE)])
_FIRSTS = PhraseIndex((p, None) for p in _FIRST)
_PLACED = PhraseIndex([*((p, "next") for p in _NEXT), *((p, "latest") for p in _LATEST)])


_WRITTEN_ORDINAL = re.compile(r"(?<![\d.,])(\d{1,2})\.(?=\s*[^\W\d_])")  # "6. konferans", "6.üyesi"


def written_ordinals(text: str, tokens: list[str]) -> list[str]:
    """``tokens`` (folded from ``text``) with each number written as an ordinal ("6.")
    kept so ("6."): folding loses the point, and "6 şehir" is a count, "6. şehir" a rank."""
    ordinals = set(_WRITTEN_ORDINAL.findall(text))
    return [f"{t}." if t in ordinals else t for t in tokens] if ordinals else tokens


def position(tokens: list[str], used: set[int]) -> Position | None:
    """The position ``tokens`` name, the tokens that name it added to ``used``."""
    first = _FIRSTS.find(tokens)  # "en eski", "oldest": the first
    if first:
        used.update(range(first[0][0], first[0][1]))
        return "rank", 1
    placed = [p for p in _PLACED.find(tokens) if not _the_end(tokens[p[0]])]
    if placed:
        s, e, label = min(placed, key=lambda item: (item[2] != "next", item[0]))
        dated = any((m := YEAR.match(t)) is not None and 1990 <= int(m.group(1)) <= 2035 for t in tokens)
        related = dated and bool(RELATIONS.find(tokens))  # "2019'dan sonraki ilk", "2020'den önceki son"
        # "ilk konferanstan sonraki": after the first one, not the upcoming
        ranked = label == "next" and any(_rank_word(t) for t in tokens) and bool(RELATIONS.find(tokens))
        if (
            not (label == "next" and dated) and not related and not ranked
        ):  # after (or before) that year, not the upcoming
            used.update(range(s, e))
            return label, 0
    value: tuple[int, int] | None = None  # a number that is no year: what is asked or checked
    for i, token in enumerate(tokens):
        year = YEAR.match(token)
        if year is not None and 1990 <= int(year.group(1)) <= 2035:
            used.add(i)
            # "were there 10 winners in 2024?", "2021'de 12 şehir mi": that year's figure, the other the one checked
            used.update(j for j, t in enumerate(tokens) if j != i and t.isdigit() and 10 <= int(t) < 1990)
            return "year", int(year.group(1))
        number = int(token[:-1]) if token[-1] == "." else ORDINAL_WORDS.get(token)
        if number is None:
            number = long_ordinal(token)
        after = tokens[i + 1 : i + 3]  # "6 şehir var değil mi", "6 öğrenen şehir": a count
        counted = bool(after) and (
            after[0].startswith(_COUNTED)
            or (after[0] in _BEFORE_COUNTED and after[1:] != [] and after[1].startswith(_COUNTED))
        )
        if number is None and len(token) <= 2 and token.isdigit() and 1 <= int(token) <= 9 and not counted:
            number = int(token)
        if number is None and value is None and counted and token.isdigit() and len(token) <= 2:
            value = i, int(token)
            continue
        if number is None and value is None and token.isdigit() and len(token) <= 9 and int(token) >= 10:
            value = i, int(token)  # not a 4000-digit run
            continue
        if number is not None and value is None:
            used.add(i)
            return "rank", number
    if value is not None:
        used.add(value[0])
        if value[0] + 1 < len(tokens) and tokens[value[0] + 1].startswith(_DAYS):
            used.add(value[0] + 1)  # "2 gün mü sürdü", "3 days": the figure's unit
        return "value", value[1]
    return None


def only_now(tokens: list[str], used: set[int], leaning: frozenset[str], kind: Kind | None) -> Position | None:
    """The latest position when ``tokens`` say nothing but "now" ("and now?", "peki
    şimdi?", "ya bugün?"), besides the ``leaning`` words of a follow-up and stop words,
    after a thing of an ordered ``kind`` (not one only placed relative to others: "ya
    şimdi?" after Konya's year asks no newest Turkish member); the tokens that say it
    added to ``used``."""
    if kind is None or not kind.order or kind.relations_only:
        return None
    spans = [(s, e) for index in (_NOW, _NOW_TR) for s, e, _ in index.find(tokens)]
    said = {i for s, e in spans for i in range(s, e)}
    if not spans or not all(i in said or t in leaning or t in STOPWORDS for i, t in enumerate(tokens)):
        return None
    used.update(said)
    return "latest", 0


_AND = frozenset(["ile", "ve", "and", "hem", "&"])
_FIRST_ONES = PhraseIndex([*((p, None) for p in _FIRST), (("ilk",), None), (("first",), None), (("ilki",), None)])


def both_ends(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """The question about the first one and the one about the latest, when ``tokens`` ask
    both joined by "ile/ve/and" ("Türkiye'nin en eski ve en yeni üyesi", "the first and
    the last conference"): each without the other's words; None otherwise."""
    firsts = _FIRST_ONES.find(tokens)
    latests = [p for p in _PLACED.find(tokens) if p[2] == "latest" and not _the_end(tokens[p[0]])]
    if len(firsts) != 1 or len(latests) != 1:
        return None
    (fs, fe, _), (ls, le, _) = firsts[0], latests[0]
    (_, a_end), (b_start, _) = sorted([(fs, fe), (ls, le)])
    joined = [i for i in range(a_end, b_start) if tokens[i] in _AND]
    if len(joined) != 1 or b_start - a_end > 3:  # "en eski ve en yeni", "en eski üye ile en yeni", "first and the last"
        return None
    gone = set(joined)
    first = [t for i, t in enumerate(tokens) if i not in gone and not ls <= i < le]
    latest = [t for i, t in enumerate(tokens) if i not in gone and not fs <= i < fe]
    return first, latest


def _the_end(token: str) -> bool:
    """ "sonunda", "sonu", "sonuna": the end of something ("sonunda hangi belge çıktı?"), no latest one."""
    return token.startswith("sonu") and not token.startswith("sonuncu")


def latest_counted(tokens: list[str]) -> set[int]:
    """The tokens of "latest" ("son", "en son", "latest", "most recent") that stand just
    before a count's noun ("ağın en son üye sayısı", "the latest member count", "the latest
    official size"): the count as it is now, not the newest members."""
    said: set[int] = set()
    for s, e, _ in _PLACED.find(tokens):
        between = tokens[e : e + 3]
        noun = next((i for i, t in enumerate(between) if t in _COUNT_NOUNS), None)
        if noun is not None and not any(t.isdigit() for t in between[:noun]):
            said.update(range(s, e))
    return said


def _rank_word(token: str) -> bool:
    """An ordinal ("ilk", "üçüncü", "6.", "dördüncüsü")."""
    return token in ORDINAL_WORDS or (token[-1:] == "." and token[:-1].isdigit()) or long_ordinal(token) is not None


def named_before_rank(tokens: Sequence[str], names: Iterable[tuple[str, ...]]) -> bool:
    """Whether a thing is named before the rank a question checks it against: "Medellín
    hosted the 3rd conference, right?", "Cork 4. konferanstı değil mi?" ask about Medellín,
    Cork; "2. konferans Pekin'de mi?" about the 2nd."""
    starts = [i for name in names for i in range(len(tokens)) if tuple(tokens[i : i + len(name)]) == name]
    ranks = [i for i, t in enumerate(tokens) if _rank_word(t)]
    return bool(starts and ranks) and min(starts) < min(ranks)


@lru_cache(maxsize=8192)
def names_an_order(word: str) -> bool:
    """Whether a folded word is an order word with at most a three-letter ending
    ("ilki", "sonuncusu", "dördüncüsü", "latest"): it says which one, it names nothing
    (remembered: every word of a question is asked about, by several readings)."""
    stems = {word[: len(word) - cut] for cut in range(4) if len(word) - cut >= 3}
    return bool(stems & _ORDER_WORDS) or word.startswith(_LONG_WORDS)


def next_to(relation: tuple[int, int], named: range, tokens: list[str]) -> bool:
    """Whether "after/before" stands by the thing named ("Konya'dan sonra", "after Konya",
    "after the Medellín one", stop words between); a name not read as one span counts as by it."""
    if not named:
        return True
    start, end = relation
    gap = tokens[end : named.start] if end <= named.start else tokens[named.stop : start]
    return len(gap) <= 2 and all(t in STOPWORDS for t in gap)  # "Konya'dan hemen sonra"


def without_unesco_of_the_network(tokens: list[str]) -> list[str]:
    """``tokens`` without "UNESCO" before the network's name ("ne zamandan beri UNESCO
    öğrenen şehirler üyesi?" after KOMEK: its membership, "UNESCO" says nothing more)."""
    return [
        t for i, t in enumerate(tokens) if not (t == "unesco" and tokens[i + 1 : i + 2] in (["ogrenen"], ["learning"]))
    ]


def carried(follow: Topic, entity: Entity, kind: Kind, generic: Mapping[str, bool]) -> list[str]:
    """The attribute a follow-up that names only a thing carries from the last topic: the
    last attribute for a thing of the same kind ("peki dördüncüsü?"); for one of another
    kind, a specific attribute it has ("KOMEK ne zaman kuruldu?" >> "peki UIL?": UIL's
    founding; not "when" of the 2024 award after a conference's date)."""
    if not follow.attribute:
        return []
    if follow.kind == entity.kind:
        return [follow.attribute]
    if generic.get(follow.attribute, False) or not entity.template(kind, follow.attribute):
        return []
    return [follow.attribute]
