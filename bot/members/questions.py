"""Recognising membership questions in free text, strictly.

With hundreds of city names in the content, a name alone must never carry an answer:
"Hamburg'da otel" or "Kahire'de hava" are not about membership. A question is taken
for a membership question only when, besides the places it names (members, countries,
regions, Turkish provinces, a year), *every* other word is a stop word or a word of the
membership vocabulary (:class:`Vocabulary`), and at least one of them asks about membership
("öğrenen şehir", "üye", "katıldı", "member", "join", "ağ"). Anything else goes to the
matcher as before.

A name that is not in the list is taken only from the exact shape "X öğrenen şehir mi?" /
"Is X a learning city?" / "When did X join?": one run of unknown words at the start
(after an English "is"/"when did"), not a word the content knows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Levenshtein

from bot.members.directory import TURKIYE, Directory, Place, PlaceKind, Word, words
from bot.members.model import Member, Province, Region
from bot.members.shapes import Order, lapse_words, most_words, order_words
from bot.members.vocabulary import (
    COUNT_WORDS,
    ENGLISH_WORDS,
    LEAD_WORDS,
    LIST_WORDS,
    STILL_WORDS,
    WHO_WORDS,
    YEAR,
    Vocabulary,
    vocabulary,
)
from bot.textnorm import STOPWORDS, folded_terms, term, terms

__all__ = ["Ask", "MemberQuestion", "Order", "Vocabulary", "recognise", "vocabulary"]


_CITY_KINDS = frozenset([PlaceKind.MEMBER, PlaceKind.PROVINCE])
_CAPITAL_TERMS = frozenset(terms("başkent başkentler capital capitals"))
_REGION_TERMS = frozenset(terms("bölge bölgesi region"))


class Ask(StrEnum):
    CITY = "city"  # is X a member, since when
    LIST = "list"  # which members in a country, region, year
    BATCH = "batch"  # how many joined in a year: the admission round UIL announced
    ORDER = "order"  # the first or latest member of a country or region
    MOST = "most"  # the country with the most members
    COUNTRIES = "countries"  # which countries of a region have members
    LAPSES = "lapses"  # have members left the network, why the count fell


@dataclass(frozen=True, slots=True)
class MemberQuestion:
    ask: Ask
    members: tuple[Member, ...] = ()  # CITY: the members named
    province: Province | None = None  # CITY: a Turkish province that is not a member
    unknown: str | None = None  # CITY: a name not in the list, as written
    country: str | None = None  # LIST filters
    region: Region | None = None
    year: int | None = None
    count: bool = False  # the question asks how many
    order: Order | None = None  # ORDER: the first or the latest
    capitals: bool = False  # BATCH: the question asks which capital cities joined
    why: bool = False  # CITY: the question asks why (the sources do not say)

    @property
    def abroad(self) -> bool:
        """About members outside Türkiye (a city, a country's or a region's list, a year's
        round, the country with most): answered before anything else reads the question."""
        if self.ask is Ask.CITY:
            return any(m.curated is None for m in self.members)
        if self.ask in (Ask.BATCH, Ask.MOST, Ask.COUNTRIES, Ask.LAPSES):
            return True
        return self.region is not None or (self.country is not None and self.country != TURKIYE)

    @property
    def turkiye_only(self) -> bool:
        """A list of Türkiye's members alone (the FAQ's members-turkey answers that)."""
        return self.ask is Ask.LIST and self.country == TURKIYE and self.year is None


_SINCE = frozenset(["since", "beri", "itibaren", "itibariyle", "itibarıyla"])
_WHICH = frozenset(["hangi", "hangisi", "which"])
_CHECKED = frozenset(["mi", "mu", "is", "was"])  # "Kore mi en çok üyesi olan ülke?"


def recognise(text: str, directory: Directory, known: Collection[str] = ()) -> MemberQuestion | None:
    """The membership question ``text`` asks, or None. ``known``: the matcher terms of the
    rest of the content; a word among them is never taken for an unknown city's name."""
    tokens = words(text)
    if not tokens or len(tokens) > 30:
        return None
    v = vocabulary()
    # "Japonya'da kaç tane var?": how many there are in a country, no other word (the bot's own subject)
    bare_count = any(w.text in {"kac", "many"} for w in tokens)
    countries_asked = any(term(w.text) in v.country for w in tokens)  # "Arap bölgesinden hangi ülkeler var?"
    region_asked = any(term(w.text) in _REGION_TERMS for w in tokens)  # "Aşkabat hangi bölgede sayılıyor?"
    if (
        not bare_count
        and not countries_asked
        and not region_asked
        and not any(term(w.text) in v.listing or term(w.text) in v.status or w.text in STILL_WORDS for w in tokens)
    ):
        return None  # no word about membership or cities: nothing to look up ("Hamburg'da otel")
    spans = directory.scan(tokens)
    taken: set[int] = set()
    places: list[list[Place]] = []
    years: list[int] = []
    for start, end, found in spans:
        taken.update(range(start, end))
        places.append(found)
    for i, w in enumerate(tokens):
        year = YEAR.match(w.text)
        if i not in taken and year is not None and 2013 <= int(year.group(1)) <= 2030:
            taken.add(i)
            near = {t.text for t in tokens[max(0, i - 1) : i + 2]}
            if near & _SINCE:  # "since 2019": no one year's list ("Chile has had learning cities since 2019?")
                taken.update(j for j in range(max(0, i - 1), min(len(tokens), i + 2)) if tokens[j].text in _SINCE)
                continue
            years.append(int(year.group(1)))
    order, order_at = order_words(tokens)
    most_at = most_words(tokens)
    lapse_at = lapse_words(tokens)
    if lapse_at and not places:
        taken |= lapse_at  # "ağdan ayrılan şehir var mı": the lapses (with a place named, not ours)
        taken |= {i for i, w in enumerate(tokens) if term(w.text) == v.why}  # "üye sayısı neden azaldı"
    else:
        lapse_at = set()
    if not places and not years and order is Order.LAST and directory.data.batches:
        newest = _newest_countries(tokens, order_at, directory, v)  # "Ağdaki en yeni ülkeler hangileri?"
        if newest is not None:
            return newest
    # "İstanbul neden üye değil?", "Why did Ankara join so late?": the sources say no why; the card says what they do
    why_at = {i for i, w in enumerate(tokens) if term(w.text) == v.why} if places and not lapse_at else set()
    taken |= why_at
    # "kore diye tahmin ediyorum ama en çok üyesi olan ülke hangisi?": a country guessed, the most asked
    guessed = bool(places) and all(p.kind is PlaceKind.COUNTRY for f in places for p in f)
    guessed = guessed and bool(most_at) and bool({w.text for w in tokens} & (_WHICH | _CHECKED))
    if guessed:
        taken.update(i for i, w in enumerate(tokens) if directory.scan([w]))
        places = []
    if places and order is not None:
        taken |= order_at  # "Almanya'nın ilk öğrenen şehri": the order is not a name's word
    elif not places and not years and most_at:
        taken |= most_at  # "en çok üyesi olan ülke"
    else:
        order = None
    rest = [w for i, w in enumerate(tokens) if i not in taken]
    rest_terms = set(folded_terms(" ".join(w.text for w in rest)))
    if places or years:  # "The 2020 round added 55 cities, right?": a figure checked asks nothing more
        rest_terms = {t for t in rest_terms if not (t.isdigit() and len(t) <= 3)}
    folded = {w.text for w in rest}
    listing = bool(folded & LIST_WORDS) or bool(rest_terms & v.asks_list)
    if not rest_terms <= v.allowed:
        if places or years:
            return None
        return _unknown(tokens, directory, known, v, text.split())
    asks_membership = _asks_membership(rest_terms, v)
    if lapse_at and not places:
        # About this network only: "ağdan ayrılan şehir", "left the network", "üye sayısı azaldı"
        # (not "Have any members left UNESCO?", its member states)
        network = rest_terms & v.network_words - v.learning_city
        if network - {v.unesco} and (network & v.network_only or rest_terms & v.how_many_terms):
            return MemberQuestion(Ask.LAPSES)
        return None
    named_city = any(p.kind in _CITY_KINDS for f in places for p in f)
    if order is not None and (years or not asks_membership or (named_city and listing)):
        # "the oldest city in Europe" is not about members; "first in 2024" is no order we keep;
        # "Ankara'dan önce en son hangi şehir katıldı" asks for another city: the FAQ's order
        return None
    # "Avrupa'dan hangi ülkeler UNESCO üyesi?": UNESCO's member states, not the network's cities
    states = v.unesco in rest_terms and not rest_terms & v.network_words
    if most_at and not places and not years:
        if states:
            return None
        if rest_terms & v.country and asks_membership:  # not "the country with most cities"
            return MemberQuestion(Ask.MOST)  # "which country has the most learning cities"
        return None
    members = [p for found in places for p in found if p.kind is PlaceKind.MEMBER]
    countries = [p.key for found in places for p in found if p.kind is PlaceKind.COUNTRY]
    regions = [p.key for found in places for p in found if p.kind is PlaceKind.REGION]
    provinces = [p.key for found in places for p in found if p.kind is PlaceKind.PROVINCE]
    count = bool(folded & COUNT_WORDS) or bool(rest_terms & v.how_many)
    # "Tunus'tan hangi şehirler?", "Tunus'tan üye var mı?" are the country; "Tunus öğrenen şehir mi?" the city.
    city_spans = [f for f in places if any(p.kind in (PlaceKind.MEMBER, PlaceKind.PROVINCE) for p in f)]
    pure_cities = [f for f in city_spans if not any(p.kind in (PlaceKind.COUNTRY, PlaceKind.REGION) for p in f)]
    both = [tokens[end - 1].alt for _, end, f in spans if {PlaceKind.MEMBER, PlaceKind.COUNTRY} <= {p.kind for p in f}]
    listing = listing or any(w.endswith(("dan", "den", "tan", "ten")) for w in both)  # the ablative: "from"
    status = bool(rest_terms & v.status) or bool(folded & STILL_WORDS)  # "is Izmir still in?"
    if city_spans and not asks_membership and status and rest_terms <= v.status | v.lead | v.plain:
        asks_membership = not listing  # "Bolu'nun durumu ne?": the named member's membership
    if city_spans and not asks_membership and rest_terms & v.on_list and rest_terms <= v.on_list_rest:
        asks_membership = True  # "Balıkesir listede yok mu?", "is Bolu on the list?": whether it is a member
    abroad = [p for f in city_spans for p in f if p.kind is PlaceKind.MEMBER and directory.by_id[p.key].curated is None]
    if abroad and not asks_membership and rest_terms & _REGION_TERMS:
        asks_membership = True  # "Aşkabat hangi bölgede sayılıyor?": the member's card says its region
    if city_spans and count and rest_terms & v.country:
        return None  # "Jubail'e kaç ülke katıldı?": a conference's countries, not a member's membership
    if city_spans and rest_terms & v.others:
        return None  # "İzmir'in yanında başka Türk şehri var mıydı?": other cities, not İzmir's membership
    if city_spans and asks_membership and (pure_cities or not listing):
        chosen = tuple(dict.fromkeys(directory.by_id[p.key] for p in members))
        if chosen:
            return MemberQuestion(Ask.CITY, members=chosen, why=bool(why_at))
        return MemberQuestion(Ask.CITY, province=directory.provinces[provinces[0]], why=bool(why_at))
    if (countries or regions or years) and (rest_terms & v.listing or listing or order):
        if len(set(countries)) > 1 or len(set(regions)) > 1 or len(set(years)) > 1:
            return None
        regional = countries_asked and bool(regions) and not countries  # "Arap bölgesinden hangi ülkeler var?"
        if not (rest_terms & v.listing) and not asks_membership and not years and not (bare_count and count):
            if not regional:
                return None
            asks_membership = True  # the countries of a region here are those with members
        who = bool(folded & WHO_WORDS)
        shaped = _shaped(countries, regions, years, rest_terms, count, order, asks_membership, who, directory, v)
        if shaped is not None and states:
            return None
        if shaped is not None:
            return shaped if shaped.ask is not Ask.ORDER or shaped.country != TURKIYE else None
        if rest_terms & v.country and not rest_terms & v.learning_city:
            return None  # "Meksika'ya kaç ülke katıldı?" asks about countries (a conference), not member cities
        if years and not (countries or regions) and not _asks_who_joined(folded, rest_terms, count, v):
            return None  # "How many members were there in 2020?", "newest members 2025": the FAQ's
        region = directory.regions[regions[0]] if regions and not countries else None
        return MemberQuestion(
            Ask.LIST,
            country=countries[0] if countries else None,
            region=region,
            year=years[0] if years else None,
            count=count,
        )
    return None


def _shaped(
    countries: list[str],
    regions: list[str],
    years: list[int],
    rest_terms: set[str],
    count: bool,
    order: Order | None,
    asks_membership: bool,
    who: bool,
    directory: Directory,
    v: Vocabulary,
) -> MemberQuestion | None:
    """The shapes beyond a plain list: a year's admission round ("2024'te kaç şehir
    katıldı?"), the first or latest member of a country or region ("Almanya'nın ilk
    öğrenen şehri"), the countries of a region ("Afrika'dan hangi ülkeler üye?")."""
    region = directory.regions[regions[0]] if regions and not countries else None
    if years and not (countries or regions):
        batch = directory.batch(years[0])
        if batch is None or not batch.announced:
            return None  # no round UIL announced that year: the FAQ's totals by year answer
        # "kabul edildi", "admitted" ask about members only with a city or member word
        # ("cities admitted in 2024"; not "2020'de ne kabul edildi?"); "katıldı", "joined" do alone
        member_word = bool(rest_terms & (v.network_words | v.strong - v.admitted))
        admitted = bool(rest_terms & (v.admitted - {v.join})) and member_word
        joined = v.join in rest_terms or v.new in rest_terms or admitted
        # "which countries joined in 2025", "2025'te ilk kez katılan ülkeler": the round's countries
        countries_joined = bool(rest_terms & v.country) and (joined or term("ilk") in rest_terms)
        capitals = bool(rest_terms & _CAPITAL_TERMS) and bool(batch.capitals)  # "2025'te katılan başkentler"
        if (count and joined) or (admitted and not who) or countries_joined or capitals:
            return MemberQuestion(Ask.BATCH, year=years[0], count=count, capitals=capitals)
        return None
    if order is not None:
        return MemberQuestion(Ask.ORDER, country=countries[0] if countries else None, region=region, order=order)
    if region is not None and not years and rest_terms & v.country and asks_membership:
        return MemberQuestion(Ask.COUNTRIES, region=region, count=count)
    return None


def _newest_countries(
    tokens: Sequence[Word], order_at: set[int], directory: Directory, v: Vocabulary
) -> MemberQuestion | None:
    """ "Ağdaki en yeni ülkeler hangileri?", "Which countries joined most recently?", "En son
    hangi ülkeler katıldı?": the latest admission round, which names the countries that
    joined for the first time in it; None unless countries are asked and nothing else."""
    rest_terms = set(folded_terms(" ".join(w.text for i, w in enumerate(tokens) if i not in order_at)))
    if not rest_terms & v.country or not rest_terms <= v.allowed or rest_terms & v.how_many:
        return None
    latest = max(
        (b for b in directory.data.batches if b.announced and b.first_countries), key=lambda b: b.year, default=None
    )
    return MemberQuestion(Ask.BATCH, year=latest.year) if latest is not None else None


def _asks_membership(found: Collection[str | None], v: Vocabulary) -> bool:
    """ "üye", "katıldı", "ağ", "member", "join", "network", or "öğrenen şehir" together
    ("learning" alone is not: "what is machine learning")."""
    return bool(v.strong & set(found)) or set(found) >= v.learning_city


def _asks_who_joined(folded: set[str], rest_terms: set[str], count: bool, v: Vocabulary) -> bool:
    """A year alone makes a list only for "who joined that year?" ("2024'te kimler
    katıldı?", "Which cities joined in 2024?"); counts and totals are the FAQ's."""
    if count:
        return False
    return (v.join in rest_terms and v.new not in rest_terms) or bool(folded & WHO_WORDS)


# "öğrencilerim", "hocalarımız": the asker's people; "derneğimiz", "okulumuz": the asker's own (folded)
_OURS = ("lerim", "larim", "miz", "muz")
_NO_NAMES = frozenset(["ayni", "same", "diger", "baska", "other", "another"])  # "aynı yıl kimler katıldı?"
# Places that are no city's name: "köyler de üye olabilir mi?", "bizim ilçe katılabilir mi?"
_NO_NAMES |= frozenset(["koy", "koyler", "koyumuz", "ilce", "ilceler", "ilcemiz", "belde", "kasaba", "mahalle"])
_NO_NAMES |= frozenset(["village", "villages", "district", "districts", "town", "towns", "province", "provinces"])


def _plural_noun(word: Word) -> bool:
    """A lower-case Turkish plural ("köyler", "belediyeler"): a common noun, no city's name."""
    return not word.capital and len(word.text) >= 5 and word.text.endswith(("ler", "lar"))


def _unknown(
    tokens: Sequence[Word], directory: Directory, known: Collection[str], v: Vocabulary, written: Sequence[str]
) -> MemberQuestion | None:
    """ "X öğrenen şehir mi?" for an X that is not in the list: one run of unknown words at
    the start, and only membership words after it, in the same sentence (``written``: the
    question's whitespace-separated words)."""
    kinds = [_kind(w.text, v) for w in tokens]
    i = 0
    while i < len(tokens) and (kinds[i] == "stop" or (kinds[i] == "allowed" and term(tokens[i].text) in v.lead)):
        i += 1
    start = i
    while i < len(tokens) and (kinds[i] in ("other", "stop") or (i == start and term(tokens[i].text) == v.new)):
        i += 1
    end = i
    while end > start and kinds[end - 1] == "stop":
        end -= 1
    run = tokens[start:end]
    after = {term(w.text) for w in tokens[end:]} - {None}
    if not run or len(run) > 4 or not after <= v.allowed or not _asks_membership(after, v):
        return None
    if not all(w.text.isalpha() and (len(w.text) >= 3 or (w.capital and len(w.text) >= 2)) for w in run):
        return None
    if written[run[-1].index].rstrip()[-1:] in (".", "!") and end < len(tokens):
        return None  # "Muhtarım. En yeni üyeler hangileri?": a sentence of its own, no name asked about
    if any(written[w.index].rstrip()[-1:] in ",;:.!" for w in run[:-1] if w.index != run[-1].index):
        return None  # "Muhtarım, mahallede soran oldu": a clause ends inside it, no name
    # English asks "Is X a learning city?", "When did X join?": without such a start it is
    # something else ("define learning city", "benefits of being a member city").
    if {w.text for w in tokens[end:]} & ENGLISH_WORDS and not {w.text for w in tokens[:start]} & LEAD_WORDS:
        return None
    exact = directory.find_members(" ".join(w.text for w in run), fuzzy=False)
    if exact:  # "cork üye mi", "kazan ne zaman katıldı": a member whose name is an everyday word
        return MemberQuestion(Ask.CITY, members=tuple(exact))
    if any(w.text.isdigit() or (term(w.text) in known and term(w.text) != v.new) for w in run):
        return None
    for size in range(len(run), 0, -1):  # "Eskişehr ne zman katıldı": the name, then typos of other words
        found = directory.find_members(" ".join(w.text for w in run[:size]))
        if found:
            return MemberQuestion(Ask.CITY, members=tuple(found))
    if all(len(w.text) < 4 and not w.capital for w in run):
        return None  # "hangi ay katılmış": a short lower-case word is no city's name
    if any(w.text.endswith(_OURS) or w.text in _NO_NAMES or _plural_noun(w) for w in run):
        return None  # "öğrencilerim öğrenen şehir nedir diye sordu": my students, no city
    if start and tokens[start - 1].text == "the" and not any(w.capital for w in run):
        return None  # "What was the biggest intake?": a lower-case word after "the" is no city's name
    if len(run) > 1 and any(_known_place(w.text, directory) for w in run):
        return None  # a known place among unknown words: not an unknown city
    if any(_known_stem(w.text, directory) for w in run):
        return None  # "Konyalıyım, ...": a known place with an ending, not an unknown city
    if len(run) == 1 and not run[0].capital and _misspelt_term(run[0].text, known):
        return None  # "unesko öğrenen şehirler ağı nedir": a content word misspelt, not a city
    raw = " ".join(dict.fromkeys(w.raw for w in run))
    return MemberQuestion(Ask.CITY, unknown=raw)


def _misspelt_term(word: str, known: Collection[str]) -> bool:
    """Whether a lower-case word is one letter off a word the content knows ("unesko")."""
    found = term(word)
    if found is None or len(word) < 5 or len(found) < 5:  # a 4-letter stem: "paris" ("pari") is no "part"
        return False
    same = (k for k in known if len(k) == len(found) and k[:1] == found[:1])
    return any(Levenshtein.distance(found, k, score_cutoff=1) <= 1 for k in same)


def _known_place(word: str, directory: Directory) -> bool:
    return bool(directory.lookup(word))


def _known_stem(word: str, directory: Directory) -> bool:
    """Whether ``word`` is a known place's name with a suffix ("konyaliyim", "bolulu")."""
    return any(directory.places(word[:end]) for end in range(len(word) - 1, 3, -1))


def _kind(token: str, v: Vocabulary) -> str:
    if token in STOPWORDS:
        return "stop"
    found = term(token)
    if found is None:
        return "stop"
    return "allowed" if found in v.allowed else "other"
