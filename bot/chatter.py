"""Chatter around a question: what people say that asks nothing.

"hocam kusura bakmayın bir şey soracağım komek ne zaman kuruldu", "selamlar sunum
hazırlıyorum ağın amaçları nelerdir", "my boss asked me to find out when the next
conference is": the question is there, but the words around it ("kusura bakmayın",
"hazırlıyorum", "boss") are words the content does not know, and an unknown word counts
against every entry (it may be the very thing asked about: "Göbeklitepe öğrenen şehir
mi?"). Chatter is recognised by its shape, from data (content/smalltalk.yaml,
``chatter``):

* ``phrases``: what is said around a question whatever the content knows ("kusura
  bakmayın", "bir şey soracağım", "merak ettim", "sorry to bother you", "quick question");
* ``words``: words of self-introductions and reasons for asking ("ödev", "sunum",
  "gazeteci", "boss", "essay"), chatter only when the content does not know them;
* ``endings``: a word the content does not know that ends like a first-person verb
  ("hazırlıyorum", "ettim", "yapacağım") is chatter; a place name never is ("Konyalıyım");
* ``ends``: words that end a clause of chatter ("okulda sunum yapacağım", "kardeşim
  soruyor", "annem merak etti", "I live in Konya and wonder"), as does a word with one of
  the ``endings``: every word of that clause the content does not know is chatter
  ("okulda", "kardeşim"); the words it knows stay ("ben Konya'dan yazıyorum": Konya);
* a story told after the question ("KOMEK nedir, annem oraya gidiyor"): after the last
  word the content knows and the last word that asks, a listed word, a first-person verb
  or an end makes the rest chatter.

What is left must still hold a word the content knows, or nothing is left out: the
content words decide what the question is (:meth:`Chatter.core`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.phrases import PhraseIndex
from bot.stopwords import INTENT_WORDS
from bot.textnorm import STOPWORDS, fold_question

__all__ = ["Chatter"]

_CLAUSE_MARKS = ",;:"  # punctuation that ends a clause, kept when the word before it is left out
_SENTENCE_MARKS = ".!;"  # what ends a sentence that asks nothing ("I work for Izmir municipality.")
_FIRST_PERSON = frozenset(["i", "im", "i'm", "we", "we're", "were", "my", "our"])  # "I work for ...", "we are ..."
_FOR_WHOM = frozenset(["my", "our", "a", "an"])  # "for my project", "for a school report"
_MINE = frozenset(["my", "our"])  # "in my German course", "in our class"
_MY = ("m", "im", "um", "miz", "muz", "imiz", "umuz")  # first-person endings, folded ("tezim", "projemiz")
_MIN_ENDING_WORD = 6  # a word shorter than this is no first-person verb ("bilim", "forum")
# "göremedim", "bulamadık": what the asker could not find; where they looked may be the question's
_COULD_NOT = ("medim", "madim", "medik", "madik")
_ABLATIVE = ("dan", "den", "tan", "ten")
# The words after an event of the story, and the endings that event has: "depremden sonra",
# "seçimlerden beri" (not "önce": a past figure), "savaşa rağmen" (despite it)
_TR_AFTER = {"sonra": _ABLATIVE, "beri": _ABLATIVE, "ragmen": ("a", "e")}
_EN_AFTER = frozenset(["after", "since", "despite"])  # "after the earthquake", "despite the war"
_THING = frozenset(["isi", "olayi", "meselesi", "mevzusu", "seyi", "olay", "is"])  # "bu ... işi nedir"
_WHAT_IS = frozenset(["nedir", "ne", "neymis", "neyin"])
_THING_SPAN = 4  # "bu" at most this many words before "işi"
# Words that ask (folded): a story after them is told after the question ("KOMEK nedir, annem oraya gidiyor")
_ASKS = INTENT_WORDS | {"ne", "nedir", "neydi", "neler", "hangi", "hangisi", "mi", "mu", "midir", "miydi", "muydu"}
_ASKS |= {"what", "whats", "which", "is", "are", "was", "did", "does"}
_OFFICES = frozenset(["council", "councils", "hall", "administration", "government"])  # "for my city council"
_DRAWN = re.compile(r"(\w)\1+$")  # a last letter typed again and again ("merhabaa")


def _events(tokens: list[str], knows: Callable[[str], bool]) -> set[int]:
    """The tokens of a time after an event the content does not know, or despite one:
    "depremden sonra", "after the earthquake", "savaşa rağmen", "despite the war" (never
    a number, a place or a known thing: "Konya'dan sonra", "2019'dan sonra" are orders;
    "pandemiden önce" asks a past figure, and stays)."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token in _TR_AFTER and i > 0:
            event = tokens[i - 1]
            if event.endswith(_TR_AFTER[token]) and not event[:1].isdigit() and not knows(event):
                found.update((i - 1, i))
        elif token in _EN_AFTER and i + 2 < len(tokens) and tokens[i + 1] == "the":
            event = tokens[i + 2]
            if event.isalpha() and event not in STOPWORDS and not knows(event):
                found.update((i, i + 1, i + 2))
    return found


def _this_thing(tokens: list[str]) -> set[int]:
    """The word "thing" in "bu öğrenen şehir işi nedir", "şu UNESCO olayı ne": after "bu" or
    "şu" and the words it names, before what asks what it is."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        before = tokens[max(0, i - _THING_SPAN) : i]
        if token in _THING and i + 1 < len(tokens) and tokens[i + 1] in _WHAT_IS and ("bu" in before or "su" in before):
            found.add(i)
    return found


@dataclass(frozen=True, slots=True)
class Chatter:
    """The phrases, words and endings of chatter (folded)."""

    phrases: tuple[tuple[str, ...], ...] = ()
    words: tuple[tuple[str, ...], ...] = ()
    endings: tuple[str, ...] = ()
    ends: tuple[tuple[str, ...], ...] = ()
    about_me: frozenset[str] = frozenset()  # verbs that end a statement about the asker ("çalışıyorum")
    our_city: tuple[tuple[str, ...], ...] = ()  # the asker's own city, named elsewhere ("şehrimiz", "our city")
    city_words: tuple[tuple[str, ...], ...] = ()  # words that stand for that city itself ("bizim şehir", "bizmişiz")
    purposes: frozenset[str] = frozenset()  # what the asker needs the answer for ("projemiz için", "for my report")
    # words that make the word beside them a person ("müdür bey", "my director"): after, before
    titled: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    _phrases: PhraseIndex[None] = field(init=False, repr=False, compare=False)
    _words: PhraseIndex[None] = field(init=False, repr=False, compare=False)
    _ends: PhraseIndex[None] = field(init=False, repr=False, compare=False)
    _our_city: PhraseIndex[None] = field(init=False, repr=False, compare=False)
    _city_words: PhraseIndex[None] = field(init=False, repr=False, compare=False)
    # The asker's own people ("müdürüm", "hocam", "başkanımız"): who asks, not what is asked about
    my_people: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        people = {w[0] for w in self.words if len(w) == 1 and len(w[0]) > 4 and w[0].endswith(("m", "miz", "muz"))}
        object.__setattr__(self, "my_people", frozenset(people))
        object.__setattr__(self, "_phrases", PhraseIndex(((p, None) for p in self.phrases), str.__eq__))
        object.__setattr__(self, "_words", PhraseIndex((w, None) for w in self.words))
        object.__setattr__(self, "_ends", PhraseIndex(((p, None) for p in self.ends), str.__eq__))
        object.__setattr__(self, "_our_city", PhraseIndex(((p, None) for p in self.our_city), str.__eq__))
        object.__setattr__(self, "_city_words", PhraseIndex(((p, None) for p in self.city_words), str.__eq__))

    def __bool__(self) -> bool:
        return bool(self.phrases or self.words or self.endings or self.ends)

    def marks(self, tokens: list[str], knows: Callable[[str], bool]) -> list[bool]:
        """Which folded tokens are chatter; ``knows``: whether the content knows a word."""
        marked = [False] * len(tokens)
        for start, end, _ in self._phrases.find(tokens):
            marked[start:end] = [True] * (end - start)
        for i in self.purpose(tokens):
            marked[i] = True  # "raporumuz için soruyorum": the report is the asker's, not what is asked
        for i in _events(tokens, knows):
            marked[i] = True  # "depremden sonra": a time of the asker's story, not an order of the content's
        for i in _this_thing(tokens):
            marked[i] = True  # "bu öğrenen şehir işi nedir": "this learning city thing"
        for i, token in enumerate(tokens):
            if token[-1:] != token[-2:-1]:
                continue  # no last letter typed twice (the pattern below would not match)
            drawn = _DRAWN.sub(r"\1", token)  # "merhabaa", "selammm", "hiii": a greeting drawn out
            if drawn != token and drawn in STOPWORDS and not knows(token):
                marked[i] = True
        listed: set[int] = set()
        for start, end, _ in self._words.find(tokens):
            listed.update(range(start, end))
        # a first-person verb: shaped so, and a stop word ("yazıyorum") or unknown ("hazırlıyorum"; not "yardım")
        ours = {i for start, end, _ in self._our_city.find(tokens) for i in range(start, end)}  # "katıldık": we joined
        verb = [
            len(t) >= _MIN_ENDING_WORD
            and t.endswith(self.endings)
            and (t in STOPWORDS or not knows(t))
            and i not in ours
            and not t.endswith(_COULD_NOT)
            for i, t in enumerate(tokens)
        ]
        clause = [False] * len(tokens)  # in a clause of chatter: up to its last end, before the question
        ended = self._ends.find(tokens)
        ends = [end for _, end, _ in ended] + [i + 1 for i, shaped in enumerate(verb) if shaped]
        # the last end with a question after it ("üyelik kaç yıl geçerli, yenilemek gerekiyor mu": none)
        asked = [i for i, t in enumerate(tokens) if t not in STOPWORDS and not t.isdigit() and knows(t)]
        if asked and (tail := asked[-1] + 1) < len(tokens):
            # a story told after the question ("KOMEK nedir, annem oraya gidiyor"): words the content does not know
            told = [i for i in range(tail, len(tokens)) if i in listed or verb[i]] + [
                s for s, _, _ in ended if s >= tail
            ]
            asking = [i for i in range(min(told, default=0)) if tokens[i] in _ASKS]
            if asking:  # from the end of the question on
                start = max(tail, asking[-1] + 1)
                clause[start:] = [True] * (len(tokens) - start)
                # its little words too ("..., my hometown"), not a year it gives ("annem 2017 diyor")
                marked[start:] = [
                    m or (t in STOPWORDS and not t.isdigit())
                    for m, t in zip(marked[start:], tokens[start:], strict=True)
                ]
        last = max((end for end in ends if any(i >= end for i in asked)), default=0)
        if not last and ends and max(ends) < len(tokens):
            # "bir arkadaş Hamburg da öğrenen şehir dedi, doğru mu bu?": what was said is the claim checked
            said = max(ends)
            if any(i < said for i in asked) and all(t in STOPWORDS for t in tokens[said:]):
                last = said
        clause[:last] = [True] * last
        for i, token in enumerate(tokens):
            if marked[i] or token in STOPWORDS or token.isdigit():
                continue
            if (i in listed or verb[i] or clause[i]) and (
                token in self.my_people or not knows(token) or (clause[i] and self._titled(tokens, i))
            ):
                marked[i] = True  # "müdürüm ... sordu": who asks, even a word the content knows ("müdür")
            elif i in listed and clause[i]:
                marked[i] = True  # "bir arkadaş ... dedi": who says it, in the clause of what was said
        return marked

    def _titled(self, tokens: list[str], i: int) -> bool:
        """Whether ``tokens[i]`` is a person by the word beside it: "müdür bey soruyor", "my
        director asked me" (in a clause of chatter, so the asker's, not what is asked about)."""
        after, before = self.titled
        return (i + 1 < len(tokens) and tokens[i + 1] in after) or (i > 0 and tokens[i - 1] in before)

    def titled_askers(self, tokens: list[str], knows: Callable[[str], bool]) -> set[int]:
        """Which folded tokens are a person who asks, by a title ("müdür bey soruyor, ...",
        "my director asked me when ..."): chatter, though the content knows the word."""
        marked = self.marks(tokens, knows) if any(self.titled) else []
        after = self.titled[0]
        # "müdür" may be a stop word the marks skip: "bey" after it, chatter, tells the clause
        return {
            i
            for i, flag in enumerate(marked)
            if self._titled(tokens, i) and (flag or (i + 1 < len(tokens) and tokens[i + 1] in after and marked[i + 1]))
        }

    def says_our_city(self, text: str) -> bool:
        """Whether ``text`` speaks of the asker's own city ("şehrimiz ne zaman katıldı",
        "is our city a learning city"): the city it names elsewhere is the one asked about."""
        tokens = fold_question(text).split()
        return any(
            end >= len(tokens) or tokens[end] not in _OFFICES for _, end, _ in self._our_city.find(tokens)
        )  # not "my city council": the council's office, not the city

    def phrased(self, tokens: list[str]) -> set[int]:
        """Which folded tokens are in a phrase of chatter ("kolay gelsin", "bir proje yürütüyorum")."""
        return {i for start, end, _ in self._phrases.find(tokens) for i in range(start, end)}

    def purpose(self, tokens: list[str]) -> set[int]:
        """Which folded tokens say what the asker needs the answer for: a story word of
        ``purposes`` that is the asker's, with "için" after it ("projemiz için", "tezim
        için", "bir ödev için"), or after "for my", "for our", "for a" and at most two
        words ("for my project", "for a school report", "for my master's thesis")."""
        found: set[int] = set()
        for i, token in enumerate(tokens):
            if token == "icin" and i > 0 and self._is_purpose(tokens[i - 1], mine=i < 2 or tokens[i - 2] != "bir"):
                found.update((i - 1, i))
            elif i + 1 < len(tokens) and (
                (token == "for" and tokens[i + 1] in _FOR_WHOM) or (token == "in" and tokens[i + 1] in _MINE)
            ):  # "for my report", "in my German course": the asker's
                end = next((j for j in range(i + 2, min(i + 5, len(tokens))) if tokens[j] in self.purposes), None)
                if end is not None:
                    found.update(range(i, end + 1))
        return found

    def _is_purpose(self, token: str, *, mine: bool) -> bool:
        """Whether a folded token is a story word, with a first-person ending when ``mine``
        ("projemiz", "raporum", "tezim"; after "bir" the bare word: "bir ödev için")."""
        if not mine:
            return token in self.purposes
        return any(token == f"{word}{ending}" for ending in _MY for word in self.purposes if token.startswith(word))

    def city_word_spans(self, tokens: list[str]) -> list[tuple[int, int]]:
        """Where folded ``tokens`` hold words that stand for the asker's city itself
        ("bizim şehir ilk üyeymiş", "we are the oldest"): (start, end) of each, in order."""
        return [(start, end) for start, end, _ in self._city_words.find(tokens)]

    def statement(self, text: str, knows: Callable[[str], bool]) -> tuple[str, str] | None:
        """``text`` split after what the asker says about themselves before the question
        ("belediyede halkla ilişkilerde çalışıyorum, ağın kaç üyesi var": "... çalışıyorum"
        and "ağın kaç üyesi var"; "I work for Izmir municipality. How many ...?"): up to
        the last verb of ``about_me`` or the last sentence in the first person that ends
        with "." or "!", with a word the content knows after it. None when there is none."""
        written = text.split()
        split = 0
        for i, word in enumerate(written):
            folded = fold_question(word).split()
            if not folded:
                continue
            last = folded[-1]
            verb = last in self.about_me
            english = word[-1] in _SENTENCE_MARKS and self._first_person(written[: i + 1], split)
            if verb or english:
                split = i + 1
        if split == 0 or split == len(written):
            return None
        rest = " ".join(written[split:])
        if not any(t not in STOPWORDS and knows(t) for t in fold_question(rest).split()):
            return None
        return " ".join(written[:split]), rest

    @staticmethod
    def _first_person(written: list[str], start: int) -> bool:
        """Whether the sentence that ends ``written`` (after ``start``) begins in the first person."""
        begin = start
        for i in range(len(written) - 1, start, -1):
            if written[i - 1][-1] in _SENTENCE_MARKS + "?,":  # "Good evening, I'm a student of ...;"
                begin = i
                break
        first = fold_question(written[begin]).split() if begin < len(written) else []
        return bool(first) and first[0] in _FIRST_PERSON

    def only_chatter(self, text: str, knows: Callable[[str], bool]) -> bool:
        """Whether ``text`` is chatter and nothing else ("could you help?", "bir sorum var"):
        no question of its own once what is around a question is left out."""
        tokens = fold_question(text).split()
        if not self or not tokens:
            return False
        marked = self.marks(tokens, knows)
        return any(marked) and all(m or t in STOPWORDS for t, m in zip(tokens, marked, strict=True))

    def core(self, text: str, knows: Callable[[str], bool]) -> str | None:
        """``text`` without its chatter, as written (punctuation that ends a clause kept);
        None when there is no chatter, or when nothing the content knows would be left."""
        if not self:
            return None
        written = text.split()
        pieces = [fold_question(word).split() for word in written]
        tokens = [token for piece in pieces for token in piece]
        marked = self.marks(tokens, knows)
        if not any(marked):
            return None
        kept: list[str] = []
        at = 0
        left: list[str] = []
        for word, piece in zip(written, pieces, strict=True):
            flags = marked[at : at + len(piece)]
            at += len(piece)
            if piece and all(flags):
                mark = word[-1] if word[-1] in _CLAUSE_MARKS else ""
                if mark and kept and kept[-1][-1] not in _CLAUSE_MARKS:
                    kept[-1] += mark
                continue
            kept.append(word)
            left += [t for t, flag in zip(piece, flags, strict=True) if not flag]
        if not any(t not in STOPWORDS and knows(t) for t in left):
            return None
        return " ".join(kept).rstrip(_CLAUSE_MARKS)  # "and what about Izmir, [my hometown?]": no comma at the end
