"""Turkish-aware folding and tokenising."""

import pytest

from bot.textnorm import content_tokens, fold, looks_turkish, stem, tokens


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
    assert content_tokens("Öğrenen şehir nedir?") == ["ogrenen", "sehir"]
    assert content_tokens("What is the GNLC?") == ["gnlc"]
    # Intent words stay: they tell "when" from "where" from "how many".
    assert "zaman" in content_tokens("ne zaman katıldı")
    assert "when" in content_tokens("when did it join")


def test_suffixes_meet_their_stem() -> None:
    assert stem("sehirler") == "sehir"
    assert stem(fold("şehirleri")) == stem("sehirler")
    assert content_tokens("konferansları") == content_tokens("konferanslar")
    assert stem("members") == "member"
    assert stem("2017") == "2017"
    assert stem("uye") == "uye"  # short words are left alone


def test_looks_turkish() -> None:
    assert looks_turkish("Bolu öğrenen şehir mi")
    assert not looks_turkish("bolu ogrenen sehir mi")
    assert not looks_turkish("Is Bolu a learning city")
