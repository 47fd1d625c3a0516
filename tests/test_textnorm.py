"""Turkish-aware folding and tokenising."""

from collections.abc import Iterator

import pytest

from bot.assistant import Assistant
from bot.textnorm import (
    INTENT_WORDS,
    SYNONYMS,
    fold,
    is_ending,
    last_clause,
    looks_turkish,
    sentences,
    stem,
    synonym_table,
    term,
    terms,
    tokens,
    use_synonyms,
)


@pytest.fixture(autouse=True)
def _shipped_synonyms(assistant: Assistant) -> Iterator[None]:
    """The shipped content/synonyms.yaml is the vocabulary (loading the content installs it)."""
    use_synonyms(assistant.content.synonyms)
    yield
    use_synonyms(assistant.content.synonyms)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("İZMİR", "izmir"),
        ("IĞDIR ılık", "igdir ilik"),
        ("ÖĞRENEN ŞEHİR", "ogrenen sehir"),
        ("öğrenen şehir", "ogrenen sehir"),
        ("ogrenen sehir", "ogrenen sehir"),
        ("Konya'nın", "konya"),
        ("İzmir’e gidiyorum", "izmir gidiyorum"),
        ("Medellín", "medellin"),
        ("  çok   boşluk\t\nvar ", "cok bosluk var"),
        ("KOMEK?!! 🎉👍", "komek"),
        ("a-b_c/d", "a b c d"),
        ("Âdet, kâğıt", "adet kagit"),
        ("", ""),
        ("🙂🙂", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_dotted_capital_i_is_one_letter() -> None:
    # str.lower() would give "i̇" (two code points); folding must give one plain i.
    assert "İ".lower() != "i"
    assert fold("İ") == "i"
    assert len(fold("İSTANBUL")) == len("istanbul")


def test_fold_is_idempotent() -> None:
    for text in ("Eskişehir'de ÖĞRENEN kentler!", "Is HATAY a learning city?"):
        assert fold(fold(text)) == fold(text)


def test_tokens_and_stop_words() -> None:
    assert tokens("Öğrenen şehir nedir?") == ["ogrenen", "sehir", "nedir"]
    assert terms("Öğrenen şehir nedir?") == ["ogrenen", "sehir"]
    assert terms("What is the GNLC?") == ["gnlc", "ag"]
    # Intent words stay: they tell "when" from "where" from "how many".
    assert "nezaman" in terms("ne zaman katıldı")
    assert "nezaman" in terms("when did it join")


def test_suffixes_meet_their_stem() -> None:
    assert stem("sehirler") == "sehir"
    assert stem(fold("şehirleri")) == stem("sehirler")
    assert terms("konferansları") == terms("konferanslar")
    assert stem("members") == "member"
    assert stem("2017") == "2017"
    assert stem("uye") == "uye"  # short words are left alone
    assert term(fold("şehirlerimizden")) == term("sehir")  # three endings
    assert terms("şehirlerimizden") == [term("sehir"), term("turkiye")]  # "our cities" are Türkiye's
    assert term(fold("üyeymiş")) == term(fold("üyeydi")) == term("uye")  # the copula's y after a short noun
    assert term(fold("kolaydı")) == term("kolay")  # a longer word keeps its y


def test_a_verb_said_as_a_noun_meets_the_verb() -> None:
    # "Bursa'nın hangi yıl kabul edildiğini sordu": the indirect question is the question
    assert stem(fold("katıldığını")) == stem(fold("katıldı")) == "katil"
    assert stem(fold("edildiğini")) == "edil"
    assert stem(fold("kurulduğu")) == "kurul"
    assert stem(fold("yapılacağını")) == "yapil"
    assert stem(fold("yazacağım")) != "yaz"  # "I will write" is no participle ("yaz" is summer)
    assert stem("degil") == "degil"


def test_short_nouns_lose_their_endings_too() -> None:
    assert {stem(fold(w)) for w in ("yılda", "yılında", "yıllarında", "yılı")} == {"yil"}
    assert stem(fold("üyeleri")) == stem(fold("üyesi")) == "uye"
    assert stem(fold("illerde")) == "il" and stem("ilan") == "ilan" and stem("ilk") == "ilk"  # no "il" + "an"


def test_looks_turkish() -> None:
    assert looks_turkish("Bolu öğrenen şehir mi")
    assert not looks_turkish("bolu ogrenen sehir mi")
    assert not looks_turkish("Is Bolu a learning city")


# ---------------------------------------------------------------------------- matcher terms


def test_terms_drop_stop_words_also_after_stemming() -> None:
    assert terms("Konya hakkında bilgiye") == ["konya"]
    assert terms("Öğrenen şehir nedir?") == ["ogrenen", "sehir"]
    assert terms("merhaba, bir sorum olacaktı") == []


def test_terms_make_turkish_and_english_words_one() -> None:
    assert terms("Which city in Türkiye joined the network first?") == ["sehir", "turkiye", "katil", "ag", "1"]
    assert set(terms("Türkiye'den ağa ilk hangi şehir katıldı?")) == {"turkiye", "ag", "1", "sehir", "katil"}
    assert terms("membership requirements") == terms("üyelik şartları") == ["uye", "sart"]
    assert terms("öğrenen kent") == terms("learning city") == ["ogrenen", "sehir"]


def test_terms_ordinals_abbreviations_and_joined_phrases() -> None:
    assert terms("Birinci konferans") == terms("1st conference") == terms("1. konferans") == ["1", "konferans"]
    assert terms("ICLC") == ["iclc", "konferans"]  # an abbreviation also stands for its long name
    assert terms("ne zaman") == terms("when") == terms("tarih") == ["nezaman"]
    assert terms("how many cities") == ["kac", "sehir"]
    assert terms("GNLC e-posta adresi") == ["gnlc", "ag", "mail", "adres"]
    assert terms("over 1,000 cities") == terms("over 1000 cities")


def test_terms_bring_inflections_together() -> None:
    for word in ("üyeliği", "üyeliğin", "üyeliğe", "üyelik", "üyeleri", "members"):
        assert terms(word) == ["uye"], word
    for word in ("konferansında", "konferansa", "konferanslar", "conferences"):
        assert terms(word) == ["konferans"], word
    assert terms("ülkemizdeki") == ["turkiye"]
    assert terms("başvuru dönemi") == ["basvur", "donem"]  # "dönem-i", not "döne-mi"


def test_question_words_are_marked_as_intent() -> None:
    for question in ("ne zaman", "nerede", "where", "kaç", "how", "who", "yılı"):
        assert all(term in INTENT_WORDS for term in terms(question)), question


def test_last_clause_skips_small_talk() -> None:
    assert last_clause("Merhaba, bir sorum olacaktı: Bolu ne zaman katıldı?").strip() == "Bolu ne zaman katıldı"
    assert last_clause("Konya ne zaman katıldı, teşekkürler!").strip() == "Konya ne zaman katıldı"
    assert last_clause("?!") == "?!"


def test_is_ending() -> None:
    assert is_ending("inda") and is_ending("lar") and is_ending("larda") and is_ending("lik")
    assert not is_ending("r") and not is_ending("xyz")


def test_fold_of_plain_and_decomposed_text() -> None:
    # Text that is ASCII once the Turkish letters are mapped takes a fast path; the rest
    # is decomposed; both give the same kind of result.
    assert fold("Öğrenen ŞEHİR'in 2024 ödülü?") == "ogrenen sehir 2024 odulu"
    assert fold("Medellín’de") == fold("Medellin") == "medellin"
    assert fold("x_y-z!") == "x y z"


# ---------------------------------------------------------------------------- synonyms


def test_synonym_table_maps_words_and_stems_to_the_first_word() -> None:
    table = synonym_table([("uye", "members", "uyeler"), ("odul", "award")])
    assert table["members"] == table["uyeler"] == table["uye"] == "uye"
    assert table["member"] == "uye"  # the stem of a listed word, too
    assert table["award"] == "odul" and "awards" not in table
    # A word listed itself keeps its own group, even when it is the stem of another group's word.
    assert synonym_table([("a1", "sehirler"), ("sehir", "city")])["sehir"] == "sehir"
    assert synonym_table([("a1", "sehirler")])["sehir"] == "a1"


def test_use_synonyms_replaces_the_vocabulary_in_place(assistant: Assistant) -> None:
    table = SYNONYMS  # matching imports this very dict
    assert terms("kent") == ["sehir"]
    assert use_synonyms([("town", "kasaba")]) is True
    assert table is SYNONYMS and table == synonym_table([("town", "kasaba")])
    assert terms("kent") == ["kent"]  # the cached term of "kent" was dropped
    assert terms("kasaba") == ["town"]
    assert use_synonyms(assistant.content.synonyms) is True
    assert use_synonyms(assistant.content.synonyms) is False  # unchanged: nothing to do
    assert terms("kent") == ["sehir"]


def test_the_one_word_shortcut_of_fold_folds_as_the_full_steps() -> None:
    """fold takes a shortcut for one word of letters and digits; it must give what the
    full steps give, for the words of the content, the speller's common words (wordfreq's
    lists) and generated words mixing Turkish, ASCII, compatibility and marked letters."""
    import gzip
    import importlib.util
    import random
    from pathlib import Path

    import msgpack  # type: ignore[import-untyped]

    from bot.textnorm import _fold

    root = Path(__file__).resolve().parent.parent
    words = [w for f in sorted((root / "content").glob("*.yaml")) for w in f.read_text(encoding="utf-8").split()]
    spec = importlib.util.find_spec("wordfreq")
    if spec is not None and spec.submodule_search_locations:
        for lang in ("tr", "en"):
            path = Path(spec.submodule_search_locations[0]) / "data" / f"small_{lang}.msgpack.gz"
            with gzip.open(path, "rb") as file:
                words += [w for bucket in msgpack.load(file, raw=False)[1:] for w in bucket]
    letters = "aAbBzZçÇğĞıIİiöÖşŞüÜâÂîÎûÛ019²½ﬁéÉß\u212a'’ .-_\u0307\u200b"
    rnd = random.Random(8)
    words += ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 8))) for _ in range(50_000)]
    assert len(words) > 50_000
    assert [w for w in words if fold(w) != _fold(w)] == []
    assert fold("Şehir") == "sehir" and fold("İZMİR") == "izmir" and fold("konferansı") == "konferansi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Konyalıyım, 5. konferans nerede yapıldı?", ["Konyalıyım, 5. konferans nerede yapıldı?"]),
        ("Ağda 11 şehir var. Doğru mu?", ["Ağda 11 şehir var.", "Doğru mu?"]),
        ("Üye sayısı 11. Doğru mu?", ["Üye sayısı 11.", "Doğru mu?"]),
        ("Merhaba! 3. konferans nerede? Teşekkürler.", ["Merhaba!", "3. konferans nerede?", "Teşekkürler."]),
    ],
)
def test_a_written_ordinal_ends_a_sentence_only_before_a_capital(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
