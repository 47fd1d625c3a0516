"""Turkish-aware text folding and tokenising for matching.

``"İ".lower()`` is two characters and ``"I".lower()`` is not the Turkish ``ı``, so
folding never relies on ``str.lower()`` alone: the Turkish letters are mapped
explicitly first, then the rest of the text is case-folded and stripped of accents.

Everything the matcher compares goes through :func:`terms`, on the content side and on
the question side alike, so that both sides agree: folded words without stop words
(also small talk: "merhaba, bir sorum olacakti"), light Turkish and English stemming
(:func:`stem`: "sehirlerin" -> "sehir", "uyeligi" -> "uyelik"), one word for each group
of :data:`SYNONYMS` (Turkish and English words of the domain, "katildi" and "joined";
ordinals, "birinci" and "1st"; spelling variants) and abbreviations expanded
(:data:`EXPANSIONS`). The synonym groups are content (content/synonyms.yaml); the content
loader hands them to :func:`use_synonyms`. :data:`INTENT_WORDS` are the question words
the matcher weighs lightly. :func:`question_key` groups stored questions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

__all__ = [
    "EXPANSIONS",
    "INTENT_WORDS",
    "STOPWORDS",
    "STOPWORDS_EN",
    "STOPWORDS_TR",
    "SYNONYMS",
    "fold",
    "fold_question",
    "folded_terms",
    "is_ending",
    "last_clause",
    "looks_turkish",
    "question_key",
    "stem",
    "synonym_table",
    "synonyms_version",
    "term",
    "terms",
    "tokens",
    "use_synonyms",
]

# Every dotted/dotless i becomes "i"; the other Turkish letters lose their marks.
_TURKISH = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "i": "i",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ç": "c",
        "ç": "c",
        "Ö": "o",
        "ö": "o",
        "Ü": "u",
        "ü": "u",
        "Â": "a",
        "â": "a",
        "Î": "i",
        "î": "i",
        "Û": "u",
        "û": "u",
    }
)
_APOSTROPHES = "'’‘`´ʼ′"  # noqa: RUF001 (look-alike apostrophes on purpose)
_APOSTROPHE_MAP = str.maketrans({mark: "'" for mark in _APOSTROPHES})
# "Konya'nın" -> "Konya", "İzmir'e" -> "İzmir": a suffix after an apostrophe goes.
_APOSTROPHE_SUFFIX = re.compile(r"(\w)'\w*")
# Zero-width characters, the soft hyphen and other invisible marks inside words go first.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"))
_NON_WORD = re.compile(r"[\W_]+")
_TURKISH_LETTERS = re.compile("[çğışöüÇĞİŞÖÜ]")


_TURKISH_PAIRS = tuple((chr(code), letter) for code, letter in _TURKISH.items())
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Fold text for comparison: Turkish letters, case, accents, apostrophe suffixes,
    punctuation and emoji, whitespace.

    Non-ASCII text is first brought to one form (NFKC: "Konya" in mathematical bold letters is "Konya", a decomposed
    "ş" is "ş"), so that the Turkish map, the apostrophe rule and case folding see the
    letters a reader sees; marks are dropped before the apostrophe rule.
    """
    text = text.translate(_APOSTROPHE_MAP)
    if not text.isascii():
        text = text.translate(_INVISIBLE)  # "KO\u200bMEK", "kon\u00adferans"
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHE_MAP)
        for letter, plain in _TURKISH_PAIRS:  # str.replace is much faster than str.translate here
            if letter in text:
                text = text.replace(letter, plain)
        if not text.isascii():
            text = unicodedata.normalize("NFKD", text.casefold())
            text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if "'" in text:
        text = _APOSTROPHE_SUFFIX.sub(r"\1", text)
    if text.isascii():  # the usual case once Turkish letters are mapped: nothing to decompose
        return " ".join(_ASCII_WORD.findall(text.lower()))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def looks_turkish(text: str) -> bool:
    """True when the text contains a letter that only Turkish (of tr/en) uses."""
    return _TURKISH_LETTERS.search(text) is not None


# Folded stop words: words that say nothing about which entry is meant, including the
# small talk around a question ("merhaba, bir sorum olacakti", "hi! I was wondering").
# Question words that carry intent ("kac", "when", "zaman", "nerede", "where", "who")
# are deliberately *not* here: see INTENT_WORDS.
STOPWORDS_TR: frozenset[str] = frozenset(
    [
        "mi",
        "mu",
        "misin",
        "misiniz",
        "midir",
        "mudur",
        "miyim",
        "miydi",
        "muydu",
        "musun",
        "musunuz",
        "miyiz",
        "muyuz",
        "midir",
        "mudur",
        "oldugu",
        "oldugunu",
        "olup",
        "olmadigini",
        "biliyor",
        "biliyormusun",
        "bilir",
        "bilirmisin",
        "biliyormusunuz",
        "ne",
        "nedir",
        "neler",
        "nelerdir",
        "neyin",
        "nasildir",
        "hangi",
        "hangisi",
        "hangileri",
        "acaba",
        "ve",
        "ile",
        "veya",
        "ya",
        "yada",
        "ama",
        "fakat",
        "ki",
        "da",
        "de",
        "bir",
        "bu",
        "su",
        "o",
        "bunlar",
        "sunlar",
        "onlar",
        "bi",
        "icin",
        "gibi",
        "kadar",
        "daha",
        "en",
        "cok",
        "az",
        "biraz",
        "lutfen",
        "merhaba",
        "merhabalar",
        "selam",
        "selamlar",
        "slm",
        "mrb",
        "iyi",
        "gunler",
        "gunaydin",
        "aksamlar",
        "tesekkurler",
        "tesekkur",
        "sagol",
        "sagolun",
        "hocam",
        "abi",
        "abla",
        "arkadaslar",
        "bana",
        "beni",
        "benim",
        "bize",
        "bizim",
        "sen",
        "seni",
        "senin",
        "siz",
        "sizin",
        "ben",
        "biz",
        "onu",
        "onun",
        "bilgi",
        "bilgiler",
        "bilgisi",
        "hakkinda",
        "ilgili",
        "konusunda",
        "dair",
        "soyler",
        "soyle",
        "soyleyebilir",
        "soyleyebilirmisin",
        "anlat",
        "anlatir",
        "anlatabilir",
        "anlatirmisin",
        "verir",
        "verebilir",
        "aciklar",
        "aciklayabilir",
        "aciklarmisin",
        "aciklayin",
        "bahseder",
        "bahsedebilir",
        "gosterir",
        "paylasir",
        "ogrenmek",
        "ogrenebilir",
        "istiyorum",
        "istiyordum",
        "isterim",
        "merak",
        "ediyorum",
        "ederim",
        "eder",
        "edebilir",
        "rica",
        "olan",
        "olarak",
        "olur",
        "oldu",
        "var",
        "yok",
        "mevcut",
        "olmak",
        "olunur",
        "olunuyor",
        "oluyor",
        "olabilir",
        "olabiliriz",
        "olabilirim",
        "olsun",
        "olursa",
        "olursak",
        "olmus",
        "olacak",
        "olduk",
        "olmasi",
        "tane",
        "hepsi",
        "hepsini",
        "tamami",
        "tamamini",
        "sey",
        "seyi",
        "seyler",
        "tam",
        "tamamen",
        "yani",
        "peki",
        "simdi",
        "kisaca",
        "detayli",
        "ayrintili",
        "sorum",
        "sorumuz",
        "olacakti",
        "hic",
        "dediginiz",
        "denen",
        "denilen",
        "diye",
        "evet",
        "hayir",
        "tabii",
        "tabi",
        "yardimci",
        "herkes",
        "herkese",
        # Fillers and self-introductions around a plain question ("hâlâ", "ya unuttum",
        # "belediyede çalışıyorum", "emin misin?").
        "hala",
        "unuttum",
        "unutmusum",
        "hatirlamiyorum",
        "hatirlatir",
        "hatirlatirmisin",
        "calisiyorum",
        "calisiyoruz",
        "ogrenciyim",
        "ogretmenim",
        "gazeteciyim",
        "arastiriyorum",
        "soruyorum",
        "sorayim",
        "soracaktim",
        "soracagim",
        "emin",
        "eminmisin",
        "degil",
        "degilmi",
        "dogru",
        "dogrumu",
        "sanirim",
        "galiba",
        "yanlis",
        "hatirladigim",
        "kadariyla",
        "neydi",
        "neymis",
        "nelerdi",
        "nedi",
    ]
)
STOPWORDS_EN: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "of",
        "on",
        "at",
        "to",
        "in",
        "into",
        "for",
        "and",
        "or",
        "nor",
        "but",
        "what",
        "whats",
        "which",
        "whom",
        "whose",
        "can",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "our",
        "you",
        "your",
        "yours",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "please",
        "tell",
        "about",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "know",
        "want",
        "like",
        "some",
        "any",
        "with",
        "by",
        "from",
        "as",
        "so",
        "just",
        "really",
        "also",
        "very",
        "much",
        "give",
        "explain",
        "describe",
        "info",
        "information",
        "ever",
        "has",
        "have",
        "had",
        "having",
        "im",
        "ive",
        "id",
        "ll",
        "re",
        "ve",
        "s",
        "t",
        "d",
        "dont",
        "don",
        "doesn",
        "didn",
        "isn",
        "aren",
        "pls",
        "plz",
        "kindly",
        "exactly",
        "exact",
        "actually",
        "basically",
        "simply",
        "simple",
        "terms",
        "briefly",
        "quick",
        "quickly",
        "anyway",
        "ok",
        "okay",
        "yes",
        "yeah",
        "sure",
        "something",
        "anything",
        "thing",
        "things",
        "stuff",
        "let",
        "lets",
        "wondering",
        "wonder",
        "curious",
        "dear",
        "morning",
        "evening",
        "afternoon",
        "greetings",
        "sir",
        "madam",
        # Fillers around a plain question ("is Izmir still in?", "I forgot").
        "still",
        "forgot",
        "forget",
        "remind",
        "correct",
        "right",
        "again",
        "remember",
        "think",
        "guess",
    ]
)
STOPWORDS: frozenset[str] = STOPWORDS_TR | STOPWORDS_EN

# Question words (folded and stemmed): they tell *what* is asked about an entry ("when",
# "where", "how many") but never *which* entry, so the matcher caps their weight and
# never answers on them alone: "kpss ne zaman" must not match "ag ne zaman kuruldu".
INTENT_WORDS: frozenset[str] = frozenset(
    [
        "zaman",
        "zamandan",
        "nezaman",
        "zmn",
        "when",
        "nerede",
        "nerde",
        "nereden",
        "nereye",
        "neresi",
        "neresinde",
        "nerelerde",
        "where",
        "kac",
        "kacinci",
        "many",
        "nasil",
        "how",
        "who",
        "kim",
        "kime",
        "kimi",
        "kimler",
        "why",
        "neden",
        "niye",
        "year",
        "yil",
        "yili",
        "sene",
    ]
)


_SUFFIXES = tuple(
    sorted(
        {
            # Turkish case, plural, possessive, relative and copula endings, folded.
            "lar",
            "ler",
            "lari",
            "leri",
            "larin",
            "lerin",
            "lara",
            "lere",
            "larda",
            "lerde",
            "lardan",
            "lerden",
            "larini",
            "lerini",
            "larinin",
            "lerinin",
            "larina",
            "lerine",
            "in",
            "un",
            "nin",
            "nun",
            "tin",
            "tun",
            "yi",
            "yu",
            "nda",
            "nde",
            "ndan",
            "nden",
            "da",
            "de",
            "ta",
            "te",
            "dan",
            "den",
            "tan",
            "ten",
            "ya",
            "ye",
            "na",
            "ne",
            "daki",
            "deki",
            "taki",
            "teki",
            "ndaki",
            "ndeki",
            "si",
            "su",
            "sini",
            "sunu",
            "sinin",
            "sunun",
            "sinde",
            "sinda",
            "inde",
            "inda",
            "imiz",
            "umuz",
            "iniz",
            "unuz",
            "miz",
            "niz",
            "dir",
            "dur",
            "tir",
            "tur",
            "dit",
            "mis",
            "mus",
            "di",
            "du",
            "ti",
            "tu",
            "la",
            "le",
            "yla",
            "yle",
            "larla",
            "lerle",
            # English plurals.
            "s",
            "es",
        },
        key=len,
        reverse=True,
    )
)
# "uyeligi", "uyeligin" -> "uyelik": the k of -lik becomes g before a vowel ending.
_SOFTENED = re.compile(r"(l[iu])g(?:i|u|e|a|in|un|ine|una|ini|unu|inin|unun|inde|unda|inden|undan|iyle|uyla)$")


_VOWELS = ("a", "e", "i", "u")  # dative/accusative after a consonant: "konferansa", "sehiri"
# Endings a word may carry beyond a known word: inflections, and the derivations that
# keep the topic ("uye" -> "uyelik", "katil" -> "katilim"), for the matcher's prefix look-ups.
_ENDINGS = (
    frozenset(_SUFFIXES)
    | frozenset(_VOWELS)
    | frozenset(
        [
            "lik",
            "luk",
            "ligi",
            "lugu",
            "ligin",
            "lugun",
            "li",
            "lu",
            # "Konyalıyım", "Boluluyuz": someone from the place.
            "yim",
            "yum",
            "iyim",
            "uyum",
            "yiz",
            "yuz",
            "liyim",
            "luyum",
            "lig",
            "lug",
            "im",
            "um",
            "imi",
            "umu",
            "ci",
            "cu",
            "ciler",
            "culer",
            "yor",
            "iyor",
            "uyor",
            "mak",
            "mek",
            "ma",
            "me",
            "an",
            "en",
            "ing",
            "ed",
            "er",
            "ers",
            "ship",
        ]
    )
)


def is_ending(rest: str) -> bool:
    """True when ``rest`` is one or two word endings: "inda", "lerin", "lar"+"da"; not "r"
    ("yeni" + "r" is "yenir", another word)."""
    if rest in _ENDINGS:
        return True
    return any(rest[:k] in _ENDINGS and rest[k:] in _ENDINGS for k in range(1, len(rest)))


def _strip(token: str) -> str:
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 4:
            return token[: -len(suffix)]
    if token.endswith(_VOWELS) and len(token) >= 6 and token[-2] not in "aeiou":
        return token[:-1]
    return token


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Strip up to two common Turkish or English endings, keeping at least four letters.

    Deliberately light: the matcher also compares tokens by prefix and by edit
    distance, so this only has to bring the most frequent inflections together.
    """
    if token.isdigit() or len(token) <= 4:
        return token
    softened = _SOFTENED.sub(r"\1k", token)
    if softened != token:
        return softened
    if token.endswith("ies"):
        return token[:-3] + "y"
    for _ in range(2):
        stripped = _strip(token)
        if stripped == token:
            break
        token = stripped
    return token


# Words with the same meaning for matching: the groups of content/synonyms.yaml (each a
# tuple of folded words, the canonical word first), made the vocabulary by use_synonyms.
# Importers hold this dict, so it is replaced in place.
SYNONYMS: dict[str, str] = {}
_synonym_groups: tuple[tuple[str, ...], ...] = ()


def synonym_table(groups: Iterable[Sequence[str]]) -> dict[str, str]:
    """Each word of each group, and its stem, mapped to the group's first word; a word
    listed itself keeps its own group even when it is another word's stem."""
    listed = [tuple(group) for group in groups if group]
    table = {word: group[0] for group in listed for word in group}
    for group in listed:  # stems second
        for word in group:
            table.setdefault(stem(word), group[0])
    return table


def use_synonyms(groups: Iterable[Sequence[str]]) -> bool:
    """Make ``groups`` the synonyms :func:`terms` uses (the content loader calls this with
    synonyms.yaml); True when they changed. Build matchers after this."""
    global _synonym_groups
    wanted = tuple(tuple(group) for group in groups)
    if wanted == _synonym_groups:
        return False
    table = synonym_table(wanted)
    SYNONYMS.clear()
    SYNONYMS.update(table)
    _synonym_groups = wanted
    term.cache_clear()
    return True


def synonyms_version() -> tuple[tuple[str, ...], ...]:
    """The synonym groups in use (for callers that cache words made with :func:`term`)."""
    return _synonym_groups


def tokens(text: str) -> list[str]:
    """All folded tokens of ``text``, in order."""
    return fold(text).split()


# ---------------------------------------------------------------------------- matcher terms

# Two words that are one for matching, joined before the words are looked at.
_JOINED = (
    ("e posta", "eposta"),
    ("e mail", "email"),
    ("web sitesi", "websitesi"),
    ("ne zaman", "nezaman"),
    ("en once", "ilk"),
    ("en son", "enson"),
    ("get in touch", "contact"),
    ("how many", "kac"),
    ("how much", "kac"),
)
_JOINED_RE = tuple((pair, re.compile(rf"\b{pair}\b"), joined) for pair, joined in _JOINED)
# Abbreviations that also stand for a word of their long name: "ICLC" is a conference.
EXPANSIONS: dict[str, tuple[str, ...]] = {"iclc": ("konferans",), "gnlc": ("ag",), "uil": ("enstitu",)}
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}\b)")  # "1,000" is one number
_CLAUSE = re.compile(r"[,:;!?.…–—]+|\s-\s")


@lru_cache(maxsize=65536)
def term(token: str) -> str | None:
    """The matcher's word for one folded token: its synonym or its stem; None for a
    stop word, also when only its stem is one ("bilgiye" -> "bilgi")."""
    if token in STOPWORDS:
        return None
    if token in SYNONYMS:
        return SYNONYMS[token]
    stemmed = token
    for _ in range(2):  # a synonym of an inflected form: "ulkemizdeki" -> "ulkemiz"
        stripped = _strip(stemmed) if not stemmed.isdigit() and len(stemmed) > 4 else stemmed
        if stripped == stemmed:
            break
        stemmed = stripped
        if stemmed in SYNONYMS:
            return SYNONYMS[stemmed]
    stemmed = stem(token)
    if stemmed in STOPWORDS:
        return None
    return SYNONYMS.get(stemmed, stemmed)


def fold_question(text: str) -> str:
    """:func:`fold`, keeping "1,000" one number."""
    return fold(_THOUSANDS.sub("", text))


def folded_terms(folded: str) -> list[str]:
    """:func:`terms` of text already folded by :func:`fold_question`."""
    for pair, pattern, joined in _JOINED_RE:
        if pair in folded:
            folded = pattern.sub(joined, folded)
    seen: dict[str, None] = {}
    for token in folded.split():
        found = term(token)
        if found is not None:
            seen.setdefault(found, None)
            for extra in EXPANSIONS.get(found, ()):
                seen.setdefault(extra, None)
    return list(seen)


def terms(text: str) -> list[str]:
    """The words the matcher compares: folded, stop words dropped, stemmed, synonyms
    made one, abbreviations expanded; duplicates removed, order kept."""
    return folded_terms(fold_question(text))


def last_clause(text: str) -> str:
    """The last clause of ``text`` that has a term: in "Merhaba, bir sorum olacakti: Bolu
    ne zaman katildi?" the question itself, after the small talk."""
    for clause in reversed(_CLAUSE.split(text)):
        if terms(clause):
            return clause
    return text


def question_key(text: str) -> str:
    """What groups questions that differ only in case, Turkish letters, suffixes, stop
    words, synonyms and word order ("Konya'da ne yenir?" and "konyada ne yenir"); the
    folded text when no key term is left. Used for /unanswered and ``--suggest`` alike."""
    return " ".join(sorted(terms(text))) or fold(text)
