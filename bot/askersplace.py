"""Where the asker is from is not what they ask about.

"Merhaba, Eskişehir'de bir okulda çalışıyorum, 2024 ödülünü kim kazandı?", "Hi, I'm from
Cork, which countries joined in 2025?", "Trabzonda yasiyorum agda kac sehir var",
"Eskişehirliyim, Türkiye'den kaç şehir üye?": the place is named where the asker says who
they are (:meth:`bot.chatter.Chatter.statement`, or a first clause in the first person),
and the question after it neither names it nor points back at it ("bizim şehir", "there",
"is it": :func:`bot.referring.points_back`). Read without that place's name, the message
asks what its question asks: that reading's answer is given when it differs from the
whole's. The question must name what it asks about itself (a name, or two words the
content knows): "Bursa'da yaşıyorum, ne zaman üye oldu?" asks about Bursa.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.clauses import asks
from bot.lang import Lang
from bot.members.directory import PlaceKind, words
from bot.members.vocabulary import vocabulary
from bot.placeasked import cards_named
from bot.referring import points_back
from bot.replies import SURE_SCORE, Reply, ReplyKind
from bot.textnorm import EMOJI, INTENT_WORDS, STOPWORDS, fold_question, folded_terms

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = [
    "the_asker_and_the_question",
    "the_askers_place",
    "the_askers_thing",
    "the_askers_work",
    "without_the_askers_place",
]

_FIRST_PERSON = frozenset(["i", "im", "my", "we", "our", "ben", "biz", "benim", "bizim"])
_GREETING = frozenset(["from", "selamlar", "selam", "selamlarimla"])  # "Hi from Hamburg!", "Ankara'dan selamlar"
_ME = re.compile(r"(?:[iıuü]m|y[iıuü]m|[iıuü]z|y[iıuü]z)$")  # "Konyalıyım", "öğretmenim", "gönüllüyüz"
_PIECE = re.compile(
    rf"(?<=[,;:.!?…])\s+|\s+[—–-]+\s+|\s*[{EMOJI}]+\s*"  # clauses, emoji
    r"|\s+(?:and|but|so)\s+(?=(?:my|our|i|we|i'm|i’m)\s)",  # "I'm a teacher in Konya and my students asked ..."
    re.I,
)
# Words of a question about many members, not the one the asker is from ("which countries joined")
_SET = frozenset(["sehirler", "ulkeler", "uyeler", "kac", "countries", "cities", "members", "many"])
_TAGS = re.compile(r"<[^>]+>")
_MIN_KNOWN = 2  # a question with fewer words of its own that the content knows leans on the story
# Words that report what the story says is so ("diye hatırlıyorum", "I heard"): then it holds the question's subject
_REPORTED = frozenset(["diye", "dedi", "diyor", "hatirliyorum", "duydum", "okudum", "sanirim", "galiba", "remember"])
_REPORTED |= frozenset(["heard", "read", "said", "says", "think", "thought", "told", "mentioned"])


def the_asker_and_the_question(a: Assistant, text: str) -> tuple[str, str] | None:
    """What the asker says about themselves and the question after it: the statement
    (:meth:`bot.understanding.Understanding.about_asker`), else the first clauses up to
    the last that asks nothing and speaks in the first person or greets; None without one."""
    split = a.understanding.about_asker(text)
    if split is not None:
        return split
    parts = [p for p in _PIECE.split(text.strip()) if p.strip()]
    said: list[str] = []
    for part in parts[:-1]:
        if asks(part):
            break
        tokens = fold_question(part).split()
        plain = fold_question(part.replace("'", "").replace("’", "")).split()  # "Konya'lıyım": "konyaliyim"
        if (len(tokens) < 2 and not any(_ME.search(t) for t in plain)) or a.understanding.only_chatter(part):
            continue  # "Hi,", "Sevgili bot,": a greeting before the story
        role = tokens[:1] == ["as"] and tokens[1:2] in (["a"], ["an"])  # "As a councillor in Cork, ..."
        if (
            role
            or _FIRST_PERSON.intersection(tokens)
            or _GREETING.intersection(tokens)
            or any(_ME.search(t) for t in plain)
        ):
            said.append(part)
            continue
        break
    if not said:
        return None
    cut = text.find(said[-1]) + len(said[-1])
    return text[:cut], text[cut:].strip()


def without_the_askers_place(a: Assistant, text: str) -> str | None:
    """``text`` without the names of the places it gives only where the asker says who
    they are, when the question after it names its own subject and points back at none;
    else None."""
    if a.members is None:
        return None
    split = the_asker_and_the_question(a, text)
    if split is None:
        return None
    said, asked = split
    if not asked or points_back(a, asked, own_name=True) or a.understanding.says_our_city(text):
        return None
    tokens = words(said)
    directory = a.members.directory
    spans = [(s, e) for s, e, found in directory.scan(tokens) if any(p.kind is not PlaceKind.REGION for p in found)]
    if not spans:
        return None
    named = {(p.kind, p.key) for _, _, found in directory.scan(tokens) for p in found}
    if any((p.kind, p.key) in named for _, _, found in directory.scan(words(asked)) for p in found):
        return None  # the question names it again
    folded = fold_question(asked).split()
    known = [t for t in folded if t not in STOPWORDS and t not in INTENT_WORDS]
    if not a.understanding.names_in(" ".join(folded)):
        if sum(a.understanding.knows(t) for t in known) < _MIN_KNOWN:
            return None  # "Bursa'da yaşıyorum, ne zaman üye oldu?": the question leans on the place
        v = vocabulary()
        if set(folded_terms(" ".join(folded))) & (v.strong | v.admitted) and not _SET.intersection(folded):
            return None  # "Konyalıyım, ağa hangi yıl katıldı?": who joined is the place (no "which cities")
    drop = {tokens[i].index for s, e in spans for i in range(s, e)}
    kept = [w for i, w in enumerate(said.split()) if i not in drop]
    return " ".join([*kept, asked])


def the_askers_place(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """The answer to ``text`` without the place where the asker is from, when it is an
    answer and differs from ``reply``; else ``reply``."""
    if reply.kind in (ReplyKind.NO_ANSWER, ReplyKind.SMALLTALK):
        return reply
    asked = without_the_askers_place(a, text)
    if asked is None:
        return _the_question_alone(a, text, reply, lang) or _the_question_again(a, text, reply, lang)
    split = the_asker_and_the_question(a, text)
    if reply.kind == ReplyKind.ANSWER and split is not None and not _about_the_place(a, split[0], reply):
        return reply  # an answer the place did not decide
    retry = a.ask(asked, force_lang=lang or reply.lang)
    if retry.kind == ReplyKind.ANSWER and retry.entry_id != reply.entry_id:
        return retry
    return reply


def _the_question_alone(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply | None:
    """ "Konyalıyım, GNLC nedir": when the whole got the card of the asker's own place, the
    sure answer of the question alone, if that is no city's card (then it leaned on no place)."""
    split = the_asker_and_the_question(a, text) if reply.kind == ReplyKind.ANSWER else None
    cities = set(a.content.city_by_entry) | set(a.members.directory.by_entry if a.members else ())
    if split is None or not split[1] or not cards_named(a, split[0]) or reply.entry_id not in cities:
        return None  # the card of a city, the story naming a place ("Konyalıyım, bir sonraki ...": not Bolu)
    asked = split[1]
    if reply.entry_id in cards_named(a, asked) or points_back(a, asked) or a.understanding.says_our_city(text):
        return None
    if a.understanding.only_chatter(asked):
        return None  # "..., can you help?"
    alone = _sure_answer(a, asked, reply, lang)
    return alone if alone is not None and alone.entry_id not in cities else None


def _the_question_again(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """ "I'm an English teacher in Ankara. Did Ankara join recently?": when the question
    after the story names the story's place again, its answer alone, if the whole got none."""
    split = the_asker_and_the_question(a, text) if reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK) else None
    if split is None or not split[1] or points_back(a, split[1]):
        return reply
    said, asked = (cards_named(a, part) for part in split)
    if not said & asked:
        return reply
    retry = a.ask(split[1], force_lang=lang or reply.lang)
    return retry if retry.kind == ReplyKind.ANSWER else reply


def _about_the_place(a: Assistant, said: str, reply: Reply) -> bool:
    """Whether ``reply`` answers about a place ``said`` names: that place's card, or an
    answer that names it or its country ("Türkiye'den bir şehir görünmüyor" for Konya)."""
    if reply.entry_id in cards_named(a, said):
        return True
    assert a.members is not None
    directory = a.members.directory
    named = {(p.kind, p.key) for _, _, found in directory.scan(words(said)) for p in found}
    named |= {
        (PlaceKind.COUNTRY, directory.by_id[key].country) for kind, key in list(named) if kind is PlaceKind.MEMBER
    }
    shown = _TAGS.sub(" ", " ".join(reply.messages))
    return any((p.kind, p.key) in named for _, _, found in directory.scan(words(shown)) for p in found)


def the_askers_thing(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """ "Selamlar, Konya'da KOMEK'e gidiyorum. Konya bu ağa ne zaman üye olmuştu?": a thing
    named only where the asker says who they are (KOMEK, where they go) is not what the
    question after it asks, when that question names its own thing: its answer alone,
    when it is a sure answer and differs from the whole's; else ``reply``."""
    if reply.kind != ReplyKind.ANSWER:
        return reply
    split = the_asker_and_the_question(a, text)
    if split is None or not split[1] or points_back(a, split[1]) or _REPORTED.intersection(_words_of(split[0])):
        return reply  # "KOMEK miydi o?", "3. konferans İrlanda'daydı diye hatırlıyorum": the story is asked about
    said, asked = (set(a.understanding.names_in(fold_question(part))) for part in split)
    if not asked or not said - asked:
        return reply  # the question names nothing of its own, or the story nothing else
    return _sure_answer(a, split[1], reply, lang) or reply


def the_askers_work(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """ "Belediyede çalışıyorum, Türkiye'deki öğrenen şehirler hangileri?": where the asker
    works, naming no place and no thing, does not pull the question to another entry (the
    municipality's application): the question's own sure answer, when it differs; else ``reply``."""
    if reply.kind != ReplyKind.ANSWER:
        return reply
    split = a.understanding.about_asker(text)
    if split is None or not split[1] or points_back(a, split[1]) or a.understanding.only_chatter(split[1]):
        return reply
    said = split[0]
    if a.understanding.names_in(fold_question(said)) or cards_named(a, said) or a.understanding.says_our_city(text):
        return reply  # the story names what may be asked about
    return _sure_answer(a, split[1], reply, lang) or reply


def _sure_answer(a: Assistant, question: str, reply: Reply, lang: Lang | None) -> Reply | None:
    """The reply to ``question`` alone, when it is a sure answer of another entry than ``reply``'s; else None."""
    retry = a.ask(question, force_lang=lang or reply.lang)
    sure = retry.kind == ReplyKind.ANSWER and retry.score >= SURE_SCORE
    return retry if sure and retry.entry_id != reply.entry_id else None


def _words_of(text: str) -> set[str]:
    """The folded words of ``text``."""
    return set(fold_question(text).split())
