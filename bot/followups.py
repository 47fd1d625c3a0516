"""Follow-ups: which questions lean on the chat's last topic, and how they are asked in full.

After "Konya ne zaman üye oldu?" the follow-up "peki Bolu?" is "Bolu ne zaman üye oldu",
after "Hamburg üye mi?" "ne zaman katıldı?" is asked about Hamburg, after "Bursa ne
zaman katıldı?" "o yıl başka kimler katıldı?" is about Türkiye's members of 2022.
:func:`bot.leaning.leaning` decides when to use these; this module knows only
the words: what opens a follow-up, what names something, how to put a question back
together from the remembered :class:`~bot.conversation.Topic`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.conversation import Topic
from bot.factfinder import FOLLOW_UP_WORDS, FactFinder
from bot.factorder import topic_of_entry, year_of
from bot.factpositions import names_an_order
from bot.lang import Lang
from bot.members.directory import Directory
from bot.smalltalk import SmallTalk
from bot.textnorm import STOPWORDS, fold_question

__all__ = ["PLACE", "POINTING", "QUESTION_WORDS", "FollowUps"]

_MAX_FOLLOW_UP_WORDS = 3  # a follow-up names a thing or an attribute, little else
# Words that ask something of the thing named: a question with one is more than a name
QUESTION_WORDS = frozenset(["nedir", "neydi", "kimdir", "nerede", "nedir?", "what", "who", "where", "when", "nasil"])
# "aynı yıl başka kim katıldı?", "which cities joined the same year?": the last thing's year
_SAME_YEAR = (
    ("ayni", "yil"),
    ("ayni", "yilda"),
    ("ayni", "sene"),
    ("ayni", "senede"),
    ("o", "yil"),
    ("o", "yilda"),
    ("o", "sene"),
    ("o", "senede"),
    ("same", "year"),
    ("same", "batch"),
    ("same", "intake"),
    ("same", "round"),
    ("ayni", "grup"),
    ("ayni", "grupta"),
    ("ayni", "donem"),
    ("ayni", "donemde"),
    ("that", "year"),
    ("with", "it"),  # "which other capitals joined with it?" after Ankara: that year's
    ("onunla", "birlikte"),
    ("onunla", "beraber"),
)
_OTHERS = frozenset(
    ["baska", "diger", "digerleri", "baskalari", "other", "others", "else", "also", "too", "with", "it"]
)
# Words that widen "the same year" to the whole network ("o yıl toplam kaç yeni şehir girdi")
# Words of "who else was there" that ask nothing more than who joined that year
_WHO = frozenset(["kim", "kimler", "who", "anyone", "anybody", "vardi", "var", "there", "turkey", "turkiye", "from"])
_ANY = frozenset(
    ["any", "hic", "biri", "var", "mi", "mu", "is", "are", "was", "were"]
)  # "any others?", "başka var mı?"
_TURKISH_MEMBER = "tr-member"  # the facts' kind of Türkiye's members, in their order (content/facts.yaml)
_MEMBER_ASK = {"tr": "ne zaman uye oldu", "en": "when did it join"}  # a member named after one of the order
_AS = frozenset(["ile", "as", "like"])  # "Sakarya ile aynı yıl", "the same year as Sakarya"
_OVERALL = frozenset(
    ["toplam", "toplamda", "total", "overall", "altogether", "worldwide", "dunyada", "dunya", "agda", "aga"]
)
_OVERALL |= frozenset(["capitals", "capital", "baskent", "baskentler", "baskentleri"])  # other countries' capitals
_YEAR_WORD = re.compile(r"20[1-3]\d")  # a year the network has or will have
# Words for the last thing ("where is it based?", "orada ne kabul edildi?")
POINTING = frozenset(["it", "its", "there", "orasi", "orada", "onun", "oranin"])
_ACKNOWLEDGEMENTS = frozenset(["thanks", "hello"])  # small talk that may open a follow-up ("tamam", "ok")
PLACE = "_"  # where the thing's name stood in a remembered question ("_ ne zaman uye oldu")


class FollowUps:
    """The follow-up readings of one content: its small talk, names, facts and places."""

    def __init__(
        self,
        smalltalk: SmallTalk,
        finder: FactFinder,
        names_in: Callable[[str], list[str]],
        knows: Callable[[str, float], bool],
        places: Directory | None,
    ) -> None:
        self.smalltalk = smalltalk
        self.finder = finder
        self.places = places
        self._names_in = names_in
        self._knows = knows

    def after_acknowledgement(self, text: str) -> str:
        """A follow-up without the small talk it opens with ("tamam da teması neydi",
        "süper, peki Bolu", "ok and when was that?"); the text itself when there is none."""
        words = text.split()
        for cut in range(min(3, len(words) - 1), 0, -1):
            talk = self.smalltalk.kind(" ".join(words[:cut]))
            if talk is not None and talk.id in _ACKNOWLEDGEMENTS:
                return " ".join(words[cut:])
        return text

    def is_follow_up(self, text: str) -> bool:
        """Short, and opened by "peki/ya/and/what about", naming nothing ("ne zaman
        katıldı?", "when did it join?", "hâlâ üye mi?") or a name and one word more
        ("İstanbul yok mu?"): it may lean on the last topic."""
        folded = fold_question(text)
        words = folded.split()
        content = [w for w in words if w not in FOLLOW_UP_WORDS and w not in STOPWORDS]
        if _same_year_at(words) is not None:
            return True  # "the same year" refers back, however long the question
        if not content:
            # "ne zaman?" after "Batumi üye mi?": a question word and "zaman" (a follow-up word,
            # "o zaman") ask of the last thing; "peki?" alone asks nothing
            return any(w not in FOLLOW_UP_WORDS for w in words)
        if len(content) > _MAX_FOLLOW_UP_WORDS:
            return False
        if self.opens_follow_up(text) or POINTING & set(words):
            return True  # "peki Bolu?"; "where is it based, Hamburg right?": "it" is the last thing
        names = self._names_in(folded)
        if not names:
            return True
        # A name and at most one word more the content knows ("İstanbul yok mu?", "Hatay da
        # mı?"): the name, asked as before; "Hamburg'da otel" asks something else
        named = " ".join(names).split()
        other = [w for w in content if w not in named]
        return len(other) <= 1 and all(self._knows(w, 0.99) for w in other)

    @staticmethod
    def opens_follow_up(text: str) -> bool:
        """Opened by "peki/ya/and/what about", or at most two words: it leans on the last
        topic whatever it could mean alone ("peki Bolu?", "teması?")."""
        words = fold_question(text).split()
        return bool(words) and (words[0] in FOLLOW_UP_WORDS or len(words) <= 2)

    def names_only(self, text: str) -> bool:
        """Whether a follow-up only names something ("peki Konya?", "and China?", "ya Lyon?")."""
        words = fold_question(text).split()
        if any(w in QUESTION_WORDS for w in words):
            return False  # "KOMEK nedir?" asks about KOMEK, whatever was asked before
        said = [w for w in words if w not in FOLLOW_UP_WORDS and w not in STOPWORDS]
        if not said:
            return False
        if self._unknown_name(said):
            return True
        named = " ".join(self._names_in(" ".join(said))).split()
        return sorted(named) == sorted(said)

    def _unknown_name(self, content: list[str]) -> bool:
        """Words the content does not know, that may name a place it has no record of
        ("and Lyon?"): one or two words of letters, none known."""
        return 0 < len(content) <= 2 and all(
            len(w) >= 3
            and w.isalpha()
            and w not in STOPWORDS
            and not self._knows(w, 0.99)
            and not names_an_order(w)  # "ilki", "sonuncusu": which one, not a place
            and not self.finder.reads(w)  # "which month?": an attribute, not a place
            for w in content
        )

    def topic_of_answer(self, entry: str, question: str, lang: Lang) -> Topic | None:
        """What to remember of an entry's answer: the thing it is the card of (for the
        facts' follow-ups), and the question without the names in it, to be asked again
        about the name a follow-up gives. None when the answer is about no one thing."""
        fact_topic = topic_of_entry(self.finder.facts, entry, lang)
        folded = fold_question(question)
        names = self._names_in(folded)
        if not names and fact_topic is None:
            names = [w for w in folded.split() if _YEAR_WORD.fullmatch(w)][:1]  # "2024'te kaç şehir katıldı"
        if not names:
            return fact_topic
        rest = f" {folded} ".replace(f" {names[0]} ", f" {PLACE} ", 1)
        for name in names[1:]:
            rest = rest.replace(f" {name} ", " ")
        kind, entity = (fact_topic.kind, fact_topic.entity) if fact_topic else ("entry", entry)
        return Topic(kind, entity, None, lang, " ".join(rest.split()), names[0])

    def rewrites(self, text: str, context: Topic) -> list[str]:
        """The follow-up asked in full, most likely first: "peki Bolu?" after "Konya ne
        zaman üye oldu?" is "bolu ne zaman uye oldu" (also for a name the content does not
        know: "and Lyon?" after "Is Hamburg a member?" is "is lyon a member"); "peki hangi
        ay?" after it "konya hangi ay", then "konya hangi ay ne zaman uye oldu". Empty when
        the topic has nothing to add."""
        same = self.same_year(text, context)
        if same is not None:
            return [same]
        said = [w for w in fold_question(text).split() if w not in FOLLOW_UP_WORDS]
        if not said:
            return []
        content = [w for w in said if w not in STOPWORDS]
        names = self._names_in(" ".join(said))
        if _YEAR_WORD.fullmatch(context.name):  # after a year's answer
            years = [w for w in said if _YEAR_WORD.fullmatch(w)][:1]
            if years and PLACE in context.rest.split():
                return [context.rest.replace(PLACE, years[0], 1)]  # "peki 2022'de?": that year's
            names = []  # a place is asked with the year ("peki Almanya?": "2024 almanya")
        if names or self._unknown_name(content):
            if not context.rest and names and context.kind == _TURKISH_MEMBER and context.attribute == "which":
                ask = _MEMBER_ASK.get(context.lang or "en", _MEMBER_ASK["en"])
                return [f"{names[0]} {ask}"]  # "peki Bursa?" after the first
            if not context.rest:
                return []
            rest = context.rest
            asked = [_as_written(text)]
            named = " ".join(names).split()
            if names and all(w in named or self._knows(w, 0.99) for w in content):
                asked.append(names[0])  # "İstanbul yok mu?" after the list: İstanbul, asked as before
            return [rest.replace(PLACE, new, 1) if PLACE in rest.split() else f"{new} {rest}" for new in asked]
        if not context.name:
            return []
        name = context.name.title()  # a place's name, as a name: "Cork", not the word "cork"
        asked = [" ".join([name, *said])]
        if context.rest:
            asked.append(" ".join([name, *said, *(w for w in context.rest.split() if w != PLACE)]))
        return asked

    def says_same_year(self, text: str) -> bool:
        """Whether ``text`` says "the same year" ("aynı yıl", "in the same batch")."""
        return _same_year_at(fold_question(text).split()) is not None

    def same_year(self, text: str, context: Topic) -> str | None:
        """ "aynı yıl başka kim katıldı?" after Bursa: "turkiye 2022 kim katildi"; None when
        the follow-up does not say "the same year" or the last thing has no one year."""
        words = fold_question(text).split()
        at = _same_year_at(words)
        if at is None and _OTHERS & set(words) and all(w in _OTHERS | _WHO | FOLLOW_UP_WORDS | _ANY for w in words):
            at = (0, 0)  # "başka?", "who else?", "any others?" after a member: that year's others
        year = self._year_of(context)
        if at is None or year is None:
            return None
        # "Sakarya ile aynı yıl kimler katıldı?": the thing the year is of, named, is no one asked about
        named = set(context.name.split()) | _AS if context.name else set()
        asked = [w for i, w in enumerate(words) if i not in range(*at) and w not in _OTHERS | FOLLOW_UP_WORDS | named]
        # Türkiye's that year, after a Turkish member; the whole network's when it says so ("o yıl toplam kaç")
        where = ["turkiye"] if context.kind == "tr-member" and not _OVERALL & set(words) else []
        if not [w for w in asked if w not in STOPWORDS and w not in _WHO and w not in where]:
            asked = ["kim", "katildi"]  # "aynı yıl başka kim vardı?", "was anyone else in the same batch?"
        return " ".join([*where, str(year), *asked])

    def year_of(self, context: Topic) -> int | None:
        """The one year of the last thing (see :meth:`_year_of`)."""
        return self._year_of(context)

    def _year_of(self, context: Topic) -> int | None:
        """The one year the last thing joined or took place in, if it has one."""
        if self.places is not None and context.entity in self.places.by_entry:
            joined = self.places.by_entry[context.entity].joined
            return joined.first if joined.exact else None
        return year_of(self.finder.facts, context.entity)


def _as_written(text: str) -> str:
    """The words of a follow-up as the person wrote them, without "peki/and/what about"
    and punctuation: a name the bot does not know is quoted as written ("Lyon")."""
    kept = [w.strip("?!.,;:…") for w in text.split() if not set(fold_question(w).split()) <= FOLLOW_UP_WORDS]
    return " ".join(w for w in kept if w)


def _same_year_at(words: Sequence[str]) -> tuple[int, int] | None:
    """Where "the same year" stands in folded words, as a (start, end) span."""
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) in _SAME_YEAR:
            return i, i + 2
    return None
