"""The spelling pass before every reading (bot/spelling.py): typos corrected into the
content's words, and the words it must leave alone (known ones, numbers, short ones,
common Turkish and English words, words with no one close candidate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import commonwords
from bot.assistant import Assistant
from bot.commonwords import common_words
from bot.replies import ReplyKind
from bot.services import load_assistant
from bot.spelling import Speller


@pytest.fixture(scope="module")
def speller(assistant: Assistant) -> Speller:
    """The speller of the shipped content (as the assistant builds it)."""
    return assistant.understanding.speller


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("zamn", "zaman"),  # a letter left out
        ("eskisehr", "eskisehir"),  # a member city
        ("ankra", "ankara"),
        ("membr", "member"),
        ("lerning", "learning"),
        ("secnd", "second"),
        ("konfreansin", "konferansin"),  # two letters swapped, before an ending
        ("conferance", "conference"),  # a vowel for a vowel
        ("conferense", "conference"),  # a letter for one that sounds alike
        ("konferens", "konferans"),
        ("sity", "city"),  # the first letter for one that sounds alike
        ("joinn", "join"),  # a letter typed twice
        ("nasl", "nasil"),
        ("howmany", "how many"),  # two words run together
        ("varmi", "var mi"),  # a question particle written together
        ("uyemi", "uye mi"),
        ("katilmismi", "katilmis mi"),
        ("katldimi", "katildi mi"),  # a typo in the stem before the particle
    ],
)
def test_corrects_typos_into_the_contents_words(speller: Speller, word: str, fixed: str) -> None:
    assert speller.correct_word(word) == fixed


@pytest.mark.parametrize(
    "word",
    [
        "bursa",  # known: a member city
        "konferansinda",  # known with an ending
        "katildi",
        "nerde",  # a question word the content knows
        "2019",  # numbers never
        "2o19",
        "zmn",  # three letters or less never
        "uli",
        "yemek",  # common Turkish words, however close to a known one ("Yemen")
        "yenir",
        "durumu",
        "hava",
        "vergilerin",  # a common word with endings ("verilerin" is another word)
        "gondermeliyiz",  # a verb form, not "gondermek" with a typo
        "qwxzvb",  # no close candidate: stays unknown, counts against every entry
        "o" * 5000,  # no word at all
    ],
)
def test_leaves_known_common_and_far_words_alone(speller: Speller, word: str) -> None:
    assert speller.correct_word(word) is None


def test_correction_keeps_the_rest_of_the_text(assistant: Assistant) -> None:
    found = assistant.understanding.correct("Eskişehr ne zamn katıldı? Teşekkürler!")
    assert found.text == "Eskisehir ne zaman katıldı? Teşekkürler!"
    assert found.changes == (("eskisehr", "eskisehir"), ("zamn", "zaman"))
    unchanged = assistant.understanding.correct("Konya'nın üyelik yılı 2016 mı?")
    assert not unchanged.changed and unchanged.text == "Konya'nın üyelik yılı 2016 mı?"


def test_ambiguous_candidates_are_not_chosen() -> None:
    """Two known words one edit away that mean different things: no guess."""
    speller = Speller(["kart", "kurt"], common=())
    assert speller.correct_word("kirt") is None  # a vowel for a vowel, either word
    assert Speller(["kart"], common=()).correct_word("kirt") == "kart"
    assert Speller(["kart"], common=()).correct_word("kprt") is None  # p is not next to a
    assert Speller(["kart"], common=()).correct_word("ksrt") == "kart"  # s is


def test_spellings_of_one_word_are_not_ambiguous() -> None:
    """ "sehir" and "sehri" are one word for the matcher: either is fine."""
    assert Speller(["sehir", "sehri"], common=()).correct_word("sehiir") == "sehir"
    # Two stop words mean nothing alike: the one with the same letters, swapped, is taken.
    assert Speller(["what", "want"], common=()).correct_word("waht") == "what"


def test_common_words_come_from_wordfreq() -> None:
    common = common_words()
    assert len(common) > 50_000
    assert all(word in common for word in ("yemek", "hava", "durumu", "sehir", "weather", "hotel"))
    assert not any(word in common for word in ("zamn", "balikesr", "lerning", "", 3))


def test_without_word_frequencies_nothing_is_corrected(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(commonwords.importlib.util, "find_spec", lambda name: None)
    common_words.cache_clear()
    try:
        words = common_words()
        assert "zamn" in words  # every word counts as common
        assert Speller(["zaman"], common=words).correct_word("zamn") is None
        assert Speller(["zaman"], common=()).correct_word("zamn") == "zaman"
        assert "no word frequencies" in caplog.text
    finally:
        common_words.cache_clear()


@pytest.mark.parametrize(
    ("question", "entry", "lang", "contains"),
    [
        ("Sakarya ne zamn üye oldu?", "city-sakarya", "tr", "2022"),
        ("izmr hangi yıl katıldı", "city-izmir", "tr", "2020"),
        ("bolu ne zamn katılmışmı", "city-bolu", "tr", "2018"),
        ("hatay ağa katıldımı", "city-hatay", "tr", "2019"),
        ("ikinci konfreansın teması neydi", "conference-2-mexico", "tr", ""),
        ("when did ankra become a membr", "city-ankara", "en", "2025"),
        ("what was the theme of the secnd conferance", "conference-2-mexico", "en", ""),
        ("who won the learnig city award in 2024", "award-winners-2024", "en", ""),
        ("unesco ogrenen sehirler agina nasl katılınır", "how-to-join", "tr", ""),
        ("howmany countries are in the network", "member-count", "en", ""),
    ],
)
def test_questions_with_typos_are_answered(
    assistant: Assistant, question: str, entry: str, lang: str, contains: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id, reply.lang) == (ReplyKind.ANSWER, entry, lang)
    assert contains in "".join(reply.messages)


@pytest.mark.parametrize(
    "question",
    ["Konya'da nerede yemek yenir", "İzmir'de otel fiyatları", "Bursa hava durmu nasıl", "bolu'da kebapçı varmı"],
)
def test_off_topic_questions_stay_unanswered(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind != ReplyKind.ANSWER


def test_reply_language_comes_from_the_question_as_written(assistant: Assistant) -> None:
    """ "howmany" becomes "how many", but a Turkish question stays Turkish."""
    assert assistant.understanding.spelled("izmr ne zaman katıldı") == ("izmir ne zaman katıldı", "tr")
    assert assistant.understanding.spelled("izmir ne zaman katıldı") == ("izmir ne zaman katıldı", None)
    assert assistant.ask("izmr ne zaman katıldı").lang == "tr"


def test_inline_queries_are_corrected_too(assistant: Assistant) -> None:
    articles = assistant.inline("eskisehr ne zamn katildi")
    assert articles[0].id == "city-eskisehir"


def test_start_up_does_not_read_the_word_frequencies(content_dir: Path) -> None:
    """The self-check asks questions at start-up ("zzzz qqqq"); the common words are read
    only for a word that has a candidate correction, not at every start."""
    fresh = load_assistant(content_dir)
    assert fresh.understanding.speller._common_words is None
    fresh.understanding.correct("zamn")
    assert fresh.understanding.speller._common_words is not None


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("whn did konya join", "city-konya"),
        ("wat is the gnlc", "what-is-gnlc"),
        ("hw do cities join", "how-to-join"),
        ("wat r the key features", "key-features"),
    ],
)
def test_chat_shorthand_is_read_as_the_word_it_stands_for(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text


def test_warming_up_reads_them_and_gathers_the_guards_evidence(content_dir: Path) -> None:
    """``Assistant.warm`` (before a bot takes questions) does the first questions' one-off work."""
    fresh = load_assistant(content_dir)
    fresh.warm()
    assert fresh.understanding.speller._common_words is not None
    assert set(fresh.guard._evidence) == set(fresh.matcher.entry_ids)


@pytest.mark.parametrize(
    ("question", "entry"),
    [("2024 te kac sehir katildi", "members-y-2024"), ("2020 de kaç şehir katıldı", "members-y-2020")],
)
def test_an_ending_written_apart_from_its_year_is_its_ending(assistant: Assistant, question: str, entry: str) -> None:
    """ "2024 te" is "2024'te": the year's admission round (before, the 2024 award for "te")."""
    assert assistant.ask(question).entry_id == entry
    assert speller_of(assistant).correct(question).text.startswith(("2024'te", "2020'de"))


def speller_of(assistant: Assistant) -> Speller:
    return assistant.understanding.speller


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("nasıllll uye olunuyorrr", "how-to-join"),
        ("uyeeee sayisi", "member-count"),
        ("whennnn did eskisehir joinnn", "city-eskisehir"),
    ],
)
def test_a_letter_held_down_is_read_once(assistant: Assistant, question: str, entry: str) -> None:
    # "nasıllll", "uyeeee", "joinnn": a letter typed three times or more is the word with it once (or twice)
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert assistant.understanding.correct("ogrenen sehir varrrr").text == "ogrenen sehir var"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("howdoesacityjoin", "how-to-join"), ("turkiyedekiogrenensehirler", "members-turkey")],
)
def test_words_run_together_are_read_apart(assistant: Assistant, question: str, entry: str) -> None:
    # three to five of the content's words without spaces: the one split with the fewest words
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert assistant.understanding.correct("whatisalearningcity").text == "what is a learning city"


@pytest.mark.parametrize(
    ("question", "entry"),
    [("eski sehir ne zaman uye oldu", "city-eskisehir"), ("kon ya uye mi", "city-konya")],
)
def test_a_place_name_in_pieces_is_read_as_one(assistant: Assistant, question: str, entry: str) -> None:
    # voice typing splits a name ("eski sehir"): the pieces together are the place when no piece alone is one
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert assistant.understanding.correct("kon ya uye mi?").text == "konya uye mi?"
    assert not assistant.understanding.correct("new york member?").changed
