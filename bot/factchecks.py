"""What a question that names a thing checks with one more word: a place ("Son konferans
Riyad'da mıydı?", "UIL Paris'te mi?", "is UIL in Paris?") or a year ("ilk konferans
2014'te miydi?"). Used by :mod:`bot.factfinder`: the answer then says where, or when,
the thing was."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from bot.factpairs import PARTICLES
from bot.facts import Entity, Kind
from bot.textnorm import fold

__all__ = ["OR_WORDS", "YEAR", "checked_by", "checks_a_place", "named_beside_places", "network_years", "one_of_two"]

YEAR = re.compile(r"((?:19|20)\d\d)(?:[a-z]{0,6})$")  # "2022", "2022de", "2022deki"
_LOCATIVE = frozenset(["da", "de", "ta", "te", "nda", "nde", "dak", "dek", "tak", "tek"])  # "Riyad'da", "Seul'deki"
_EN_CHECKS = frozenset(["is", "was", "were", "are", "did", "does", "wasn", "isn", "didn"])  # "is UIL in Paris?"
_EN_IN = frozenset(["in", "at"])
_EN_NOT = frozenset(["wasn", "wasnt", "isn", "isnt", "not"])  # "it wasn't Bogotá?": a place set right
_EN_TAGS = frozenset(["correct", "right", "isnt", "isn", "wasnt", "wasn", "it", "no", "yes", "true"])  # after the place
_EN_TAGS |= frozenset(["am", "i", "wrong"])  # "..., am I right?"
_OR = OR_WORDS = frozenset(["or", "yoksa", "veya"])  # "X mi yoksa Y mi", "in X or Y"
SpanT = TypeVar("SpanT", bound=tuple[int, int, object])
_HELD = frozenset(["held", "hosted", "organised", "organized", "took", "place"])  # "was it held in Glasgow?": no check


def network_years(tokens: Sequence[str]) -> list[int]:
    """The years of the network's time (2013-2035) that folded ``tokens`` name, each perhaps
    with an ending ("2016da")."""
    return [int(m.group(1)) for t in tokens if (m := YEAR.match(t)) and 2013 <= int(m.group(1)) <= 2035]


def checked_by(text: str, tokens: Sequence[str], word: str) -> str | None:
    """The attribute ``word`` checks in ``text`` ("year" or "where"), or None: a year with
    an ending; a word with a locative ending right before the question particle; in
    English, the last word after "in"/"at" in a yes/no question, written with a capital."""
    at = tokens.index(word)
    year = YEAR.match(word)
    if year is not None and 1990 <= int(year.group(1)) <= 2035:
        return "year"
    if not word.isalpha():
        return None
    before = [t for t in tokens[:at] if t != "the"]  # "is Jubail in the UAE?"
    after = tokens[at + 1 :]
    if len(before) >= 3 and before[-1] == "or" and before[-3] in _EN_IN:
        before = before[:-2]  # "in Seoul or Incheon": Incheon is in the place too
    if len(after) >= 2 and after[0] == "or":
        after = after[2:]  # "in Seoul or Incheon": Seoul, followed by the other
    tagged = all(t in _EN_TAGS for t in after)  # "Jubail is in the UAE, correct?"
    if (
        before
        and before[-1] in _EN_IN
        and tagged
        and (tokens[0] in _EN_CHECKS or text.rstrip().endswith("?"))  # "Yeonsu is in Japan?"
    ):
        # a name, written with a capital: "in Paris", not "in summer"
        named = any(fold(w.strip(",.;:!?")) == word and w[:1].isupper() for w in text.split())
        return "where" if named else None
    if before and before[-1] in _EN_NOT and tagged:  # "are you sure it wasn't Bogotá?"
        named = any(fold(w.strip(",.;:!?")) == word and w[:1].isupper() for w in text.split())
        return "where" if named else None
    written = [w.replace("’", "'").split("'") for w in text.split()]
    # "Riyad'da mı?", and with the apostrophe whatever follows: "Dubai'deydi galiba?", "Dublin'de yapılmıştı sanırım"
    named = any(len(w) > 1 and fold(w[0]) == word and w[1][:2].lower() in _LOCATIVE for w in written)
    if named:
        return "where"
    if at + 1 >= len(tokens) or (tokens[at + 1] not in PARTICLES and tokens[at + 1 : at + 2] != ["degil"]):
        return None  # "Paris'te mi?", "pariste değil mi": a place checked
    located = any(len(w) > 1 and fold(w[0]) == word and w[1][:3].lower() in _LOCATIVE for w in written)
    # "3. konferans Dublin miydi?": a name, written with a capital, asked as the place (not a month)
    named = word not in _MONTHS and any(fold(w.strip(",.;:!?")) == word and w[:1].isupper() for w in text.split())
    if not located and not named and not (len(word) > 5 and word[-2:] in ("da", "de", "ta", "te")):
        return None
    return "where"


_MONTHS = frozenset(["ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim"])
_MONTHS |= frozenset(["kasim", "aralik", "january", "february", "march", "april", "may", "june", "july"])
_MONTHS |= frozenset(["august", "september", "october", "november", "december"])


def one_of_two(tokens: list[str]) -> list[str]:
    """A question offering two years or two months ("Ağ 2015'te mi kuruldu yoksa 2013'te
    mi?", "2013 Ekim'de miydi yoksa Kasım'da mı?") read with the first: the answer says
    which it was. The second, its "yoksa"/"or" and its question particle are dropped; two
    names ("Cork mu yoksa Medellín mi?") are kept for the comparison."""
    for i, token in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if token not in _OR:
            continue
        year = YEAR.match(after) is not None
        alike = [t for t in tokens[:i] if (YEAR.match(t) is not None if year else t in _MONTHS)]
        if (year or after in _MONTHS) and alike:
            end = i + 3 if i + 2 < len(tokens) and tokens[i + 2] in PARTICLES else i + 2
            return tokens[:i] + tokens[end:]
    return tokens


def named_beside_places(text: str, tokens: Sequence[str], spans: list[SpanT]) -> list[SpanT]:
    """The names of things a question names, without those that are only the places it
    checks: "Medellín Kolombiya'da mı Meksika'da mı?" names Medellín's conference; "Meksika"
    (a name of the 2nd, held there) is one of the two places checked, written alike ("in X
    or Y", "X'da mı Y'da mı"). Unchanged unless exactly one thing is left."""
    if len({id(entity) for _, _, entity in spans}) < 2:
        return spans
    kept = [span for span in spans if checked_by(text, tokens, tokens[span[1] - 1]) != "where"]
    if len({id(entity) for _, _, entity in kept}) != 1 or kept[0][0] != min(s for s, _, _ in spans):
        return spans
    return kept


def _other_place(tokens: Sequence[str], word: str, reading: _Reading) -> str | None:
    """ "where" when ``word`` is the other choice beside the name the reading found, for a
    thing that has a place ("Jubail or Riyadh for the 6th conference?", "Konferans Pekin
    mi Şanghay mıydı?"); else None."""
    entity, kind, used = reading.entity, reading.kind, reading.used or set()
    if not (isinstance(entity, Entity) and isinstance(kind, Kind) and entity.template(kind, "where") is not None):
        return None
    at = tokens.index(word)
    before = [i for i in (at - 2, at - 3) if i >= 0 and tokens[i + 1] in _OR | PARTICLES]
    after = [at + 2] if at + 2 < len(tokens) and tokens[at + 1] in _OR else []
    return "where" if any(i in used for i in (*before, *after)) else None


class _Reading(Protocol):
    """What :func:`checks_a_place` needs of the fact finder's reading of a question."""

    @property
    def entity(self) -> object | None: ...
    @property
    def kind(self) -> object | None: ...
    @property
    def relation(self) -> object | None: ...
    @property
    def attributes(self) -> list[tuple[int, str]] | None: ...
    @property
    def used(self) -> set[int] | None: ...


def checks_a_place(
    text: str,
    tokens: list[str],
    unknown: list[str],
    reading: _Reading,
    *,
    context: bool = False,
    said: Sequence[str] = (),
) -> bool:
    """ "Son konferans Riyad'da mıydı?", "UIL Paris'te mi?": one more word about a thing
    that has a place, a place or a year: the reading then asks where, or when, it was.
    ``context``: the chat's last topic is a thing ("are you sure it wasn't Bogotá?");
    ``said``: the words the reading left, known ones too: when the only unknown word is
    "yoksa" ("Medellín Kolombiya'da mı yoksa Meksika'da mı?"), the places are among them."""
    unknown = [t for t in unknown if t not in _OR | _HELD] or [t for t in said if t not in _OR | _HELD]
    if not 1 <= len(unknown) <= 2 or (reading.entity is None and reading.kind is None and not context):
        return False
    if reading.relation:
        return False
    assert reading.attributes is not None and reading.used is not None
    if any(a not in ("where", "when") for _, a in reading.attributes):
        return False
    # "Medellín Kolombiya'da mı Meksika'da mı?", "in Seoul or Incheon?": two, checked alike
    checked = {checked_by(text, tokens, word) or _other_place(tokens, word, reading) for word in unknown}
    if len(checked) != 1 or None in checked:
        return False
    reading.attributes[:] = [(1, checked.pop() or "")]
    reading.used.update(tokens.index(word) for word in unknown)
    reading.used.update(i for i, t in enumerate(tokens) if t in _OR | _HELD)
    return True
