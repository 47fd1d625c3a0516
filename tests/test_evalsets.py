"""Schema of the second pair of evaluation sets (tests/eval/holdout2.yaml, tuning2.yaml),
of the blind holdouts tests/eval/holdout3.yaml and holdout4.yaml and of the blind tuning
set tests/eval/tuning3.yaml.

The sets were written from the facts, not from the content (see their header comments).
These tests only check that they stay well-formed and fair: known keys and values, expected
ids that exist, no duplicate questions, the holdout kept apart from the tuning part and out
of the content. How well the bot does on them is measured elsewhere (bot/evaluation.py).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.assistant import Assistant
from bot.textnorm import fold

EVAL = Path(__file__).parent / "eval"
HOLDOUT2 = EVAL / "holdout2.yaml"
TUNING2 = EVAL / "tuning2.yaml"
HOLDOUT3 = EVAL / "holdout3.yaml"
HOLDOUT4 = EVAL / "holdout4.yaml"
TUNING3 = EVAL / "tuning3.yaml"
CONTENT = Path(__file__).resolve().parent.parent / "content"

KEYS = {"q", "expect", "lang", "style", "contains", "context"}
REQUIRED = {"q", "expect", "lang", "style"}
LANGS = {"tr", "en"}
STYLES = {
    "plain",
    "typo",
    "no-diacritics",
    "chatty",
    "attribute",
    "counting",
    "superlative",
    "confirm",
    "follow-up",
    "smalltalk",
    "off-topic",
    "unanswerable",
}
SMALLTALK = {"smalltalk-thanks", "smalltalk-bye", "smalltalk-howareyou", "smalltalk-hello"}
REFUSED_STYLES = {"off-topic", "unanswerable"}


# Held-out questions that were, word for word, already phrasings in content/ when the
# holdout was written (2026-12-01, content at b1e3354). They were written from the facts
# without looking at the content's phrasings, so they stay: people ask them this way.
# Measured then: 33 of the 337 held-out questions. No other held-out question may enter
# the content.
KNOWN_COINCIDENCES = {
    fold(q)
    for q in (
        "unesco ogrenen sehirler kuresel agi nedir",
        "Ağ üyeliğe ne zaman açıldı?",
        "ağı hangi kurum koordine ediyor",
        "UIL ne",
        "kategori 1 ile kategori 2 arasındaki fark ne",
        "üye şehirlerde toplam kaç kişi yaşıyor",
        "Konya ne zaman üye oldu",
        "eskisehir ogrenen sehir mi",
        "Bursa'nın üyelik yılı",
        "Ankara ne zaman üye oldu",
        "UNESCO öğrenen şehir ödülü nedir",
        "2024'te kaç şehir ödüllendirildi",
        "konferanslar nerelerde yapıldı",
        "2. konferansa kaç kişi katıldı",
        "Medellín konferansı ne zaman yapıldı",
        "medellin manifestosu nedir",
        "Suudi Arabistan'daki konferansın teması neydi",
        "uyelik basvurusu nasil yapilir",
        "KOMEK ne demek",
        "Meksika'daki konferansta Konya'yı kim temsil etti",
        "komek 2. konferansta ne yaptı",
        "is this an official UNESCO bot?",
        "what is UIL",
        "when was UIL founded",
        "UIL website link",
        "is Afyon a learning city",
        "what is the UNESCO learning city award",
        "who can apply for the learning city award",
        "how many learning cities conferences have there been",
        "what is the Medellin Manifesto",
        "what are the requirements for membership",
        "what do member cities have to do",
        "what is KOMEK",
    )
}


# The same for holdout3 (written blind, 2026-12-01, content at 1ec5a37): 24 of its 444
# questions were already phrasings in content/ (or city templates filled in with a name).
KNOWN_COINCIDENCES_3 = {
    fold(q)
    for q in (
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "UIL nedir?",
        "KOMEK nedir?",
        "UNESCO Öğrenen Şehir Ödülü nedir?",
        "Pekin Bildirgesi nedir?",
        "Eskişehir ağa ne zaman katıldı?",
        "KOMEK ne zamandan beri UNESCO Öğrenen Şehirler üyesi?",
        "Başvuru formunu kim imzalıyor?",
        "Üye şehirlerde toplam kaç kişi yaşıyor?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "izmir öğrenen şehir mı",
        "izmir ne zaman uye oldu",
        "afyonkarahisar ogrenen sehir mi",
        "eskisehir ilk uye mi",
        "Sen kimsin?",
        "What is the UNESCO Global Network of Learning Cities?",
        "Which Turkish cities are members?",
        "What is KOMEK?",
        "What is UIL?",
        "What are the key features of learning cities?",
        "What are the GNLC thematic clusters?",
        "When did Bursa join the network?",
        "When was UIL founded?",
        "what can you do?",
    )
}


# The same for holdout4 (written blind, 2026-12-02, content at d6edfdb): 26 of its 340 blind
# questions were already phrasings in content/ (or city templates filled in with a name).
KNOWN_COINCIDENCES_4 = {
    fold(q)
    for q in (
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "Ağ ne zaman kuruldu?",
        "What is the UNESCO Global Network of Learning Cities?",
        "When was the GNLC launched?",
        "Üye şehirlerde toplam kaç kişi yaşıyor?",
        "Üye sayısı yıllar içinde nasıl değişti?",
        "Bir şehir ağa nasıl üye olur?",
        "What are the Key Features of Learning Cities?",
        "UNESCO Öğrenen Şehir Ödülü nedir?",
        "What is the UNESCO Learning City Award?",
        "Who can apply for the Learning City Award?",
        "What is the Cork Call to Action?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "Eskişehir ne zaman üye oldu?",
        "Hatay ne zaman üye oldu?",
        "Bursa öğrenen şehir mi?",
        "Sakarya ne zaman üye oldu?",
        "Ankara ağa ne zaman katıldı?",
        "When did Konya join the network?",
        "Is Afyon a learning city?",
        "UIL nedir?",
        "UIL ne zaman kuruldu?",
        "What is UIL?",
        "KOMEK nedir?",
        "KOMEK ne zamandan beri UNESCO Öğrenen Şehirler üyesi?",
        "What is KOMEK?",
    )
}


def _load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{path.name}: must be a YAML list"
    return data


def _present() -> list[Path]:
    return [path for path in (HOLDOUT2, TUNING2, HOLDOUT3, HOLDOUT4, TUNING3) if path.exists()]


@pytest.fixture(scope="module", params=[p.name for p in _present()])
def cases(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    return _load(EVAL / request.param)


def test_the_holdout_exists() -> None:
    assert HOLDOUT2.exists()
    assert HOLDOUT3.exists()
    assert HOLDOUT4.exists()


def test_every_case_is_well_formed(cases: list[dict[str, Any]], assistant: Assistant) -> None:
    known = assistant.content.entry_ids() | SMALLTALK
    for index, case in enumerate(cases, 1):
        where = f"item {index} ({case.get('q')!r})"
        assert isinstance(case, dict), where
        assert REQUIRED <= set(case) <= KEYS, f"{where}: keys {sorted(case)}"
        assert isinstance(case["q"], str) and case["q"].strip(), where
        assert case["lang"] in LANGS, where
        assert case["style"] in STYLES, where
        expect = case["expect"]
        assert expect == "none" or expect in known, f"{where}: unknown entry {expect!r}"
        # Refused questions and only they expect none; small talk expects a smalltalk id.
        assert (expect == "none") == (case["style"] in REFUSED_STYLES), where
        assert (expect in SMALLTALK) == (case["style"] == "smalltalk"), where
        for key in ("contains", "context"):
            if key in case:
                value = case[key]
                assert isinstance(value, list) and value, f"{where}: {key} must be a non-empty list"
                assert all(isinstance(v, str) and v.strip() for v in value), where
        assert "contains" not in case or expect != "none", f"{where}: a refusal has nothing to contain"
        assert ("context" in case) == (case["style"] == "follow-up"), where


def test_no_duplicate_questions(cases: list[dict[str, Any]]) -> None:
    keys = Counter((fold(c["q"]), tuple(fold(x) for x in c.get("context", []))) for c in cases)
    assert [k for k, n in keys.items() if n > 1] == []


def test_the_sets_cover_both_languages_and_every_style(cases: list[dict[str, Any]]) -> None:
    langs = Counter(c["lang"] for c in cases)
    assert langs["tr"] > langs["en"] > 0
    assert {c["style"] for c in cases} == STYLES


def _content_strings() -> set[str]:
    """Every string in content/, with the city question templates filled in with each name."""
    found: set[str] = set()
    names: list[str] = []
    templates: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.add(fold(node))
            if "{name}" in node:
                templates.append(node)
        elif isinstance(node, dict):
            if "name" in node and isinstance(node["name"], str):
                names.append(node["name"])
                names.extend(a for a in node.get("aliases", []) if isinstance(a, str))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(CONTENT.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    found.update(fold(t.replace("{name}", n)) for t in templates for n in names)
    return found


def test_the_holdout_stays_out_of_the_tuning_part_and_the_content() -> None:
    holdout = {fold(c["q"]) for c in _load(HOLDOUT2) if "context" not in c}
    if TUNING2.exists():
        tuning = {fold(c["q"]) for c in _load(TUNING2)}
        assert sorted(holdout & tuning) == []
    # Short small-talk words ("merhaba", "thanks!") may be content keywords; all others may not.
    smalltalk = {fold(c["q"]) for c in _load(HOLDOUT2) if c["style"] == "smalltalk"}
    assert sorted((holdout - smalltalk - KNOWN_COINCIDENCES) & _content_strings()) == []


@pytest.mark.parametrize(
    ("path", "known"),
    [(HOLDOUT3, KNOWN_COINCIDENCES_3), (HOLDOUT4, KNOWN_COINCIDENCES_4)],
    ids=["holdout3", "holdout4"],
)
def test_the_blind_holdouts_stay_out_of_the_content(path: Path, known: set[str]) -> None:
    cases = _load(path)
    holdout = {fold(c["q"]) for c in cases if "context" not in c and c["style"] != "smalltalk"}
    assert sorted((holdout - known) & _content_strings()) == []


# Blind questions that tuning2 (written earlier, by others) already had word for word: 7 of
# holdout3's and 14 of holdout4's, all plain ones people ask this way. No other may join.
KNOWN_TUNING_OVERLAP = {
    fold(q)
    for q in (
        "UIL nedir?",
        "KOMEK nedir?",
        "Sakarya ne zaman katıldı?",
        "izmir öğrenen şehir mı",
        "KOMEK kursları ücretli mi?",
        "Mevlana Müzesi kaçta açılıyor?",
        "How many German cities are members?",
        "When was the GNLC launched?",
        "basvuru nasil yapiliyor",
        "When is the application window?",
        "2. konferans nerede yapıldı?",
        "5. konferans nerede yapıldı?",
        "What is the Cork Call to Action?",
        "Türkiye'den en son hangi şehir katıldı?",
        "UIL nedir?",
        "UIL ne zaman kuruldu?",
        "KOMEK nedir?",
        "KOMEK'in yurt dışında şubesi var mı?",
        "ASEM nedir?",
        "Çin'den kaç şehir üye?",
        "Mevlana Müzesi kaçta açılıyor?",
    )
}


def test_the_blind_holdouts_stay_out_of_the_tuning_part() -> None:
    tuning = {fold(c["q"]) for c in _load(TUNING2)}
    for path in (HOLDOUT3, HOLDOUT4):
        blind = {fold(c["q"]) for c in _load(path) if "context" not in c and c["style"] != "smalltalk"}
        assert sorted((blind & tuning) - KNOWN_TUNING_OVERLAP) == [], path.name


# ------------------------------------------------------------------------------ tuning4
# tuning4 (helper blind6, 2026-12-02): a TUNING set written blind in two phases, leaning
# English and worldwide; checked here on its own because it has more English than Turkish.
TUNING4 = EVAL / "tuning4.yaml"

# Its questions that holdout3 or holdout4 (also written blind) already had word for word:
# 15 common plain ones. No other held-out question may join tuning4.
KNOWN_TUNING4_OVERLAP = {
    fold(q)
    for q in (
        "is manchester a learning city",
        "When did Mexico City join?",
        "What was the theme of the Beijing conference?",
        "How much prize money comes with the Learning City Award?",
        "When was UIL founded?",
        "Yunanistan'dan üye şehir var mı?",
        "UIL nedir?",
        "Türkiye'den kaç şehir üye",
        "KOMEK nedir?",
        "How often do member cities have to report?",
        "Suudi Arabistan'dan kaç şehir üye?",
        "Başvuru formunu kim imzalamalı?",
        "KOMEK'in yurt dışında şubesi var mı?",
        "Ağın tematik kümeleri neler?",
        "Bolu hâlâ üye mi?",
    )
}

# Questions of the blind tuning set tuning3 (written 2026-12-02 from the sources only, like the
# holdouts) that a holdout already had word for word (folded): 29 distinct ones (9 in holdout2,
# 16 in holdout3, 18 in holdout4), mostly plain questions and refusals people ask this way
# ("What is KOMEK?", "Konya Büyükşehir Belediye Başkanı kim?"). They stay in tuning3 (blind
# coincidences), but work on tuning3's misses must not be judged on them; no other holdout
# question may join tuning3.
KNOWN_TUNING3_OVERLAP = {
    fold(q)
    for q in (
        "Pekin Bildirgesi nedir?",
        "Medellín Manifestosu hangi konferansta çıktı?",
        "Cork konferansının teması neydi?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "Bir sonraki konferans ne zaman olacak?",
        "ogrenen sehirlerin temel ozellikleri neler",
        "Konya Büyükşehir Belediye Başkanı kim?",
        "Konyaspor bu hafta kiminle oynuyor?",
        "What is the UNESCO Global Network of Learning Cities?",
        "What is KOMEK?",
        "What are the Key Features of Learning Cities?",
        "What's UIL's postal address?",
        "How many cities are in the GNLC now?",
        "Which was the first Turkish city to join?",
        "How much do KOMEK courses cost?",
        "Is Paris a learning city?",
        "5. konferans nerede yapıldı?",
        "UIL ne zaman kuruldu",
        "Çin'den kaç şehir üye",
        "bolu hala uye mi",
        "İstanbul öğrenen şehir mi?",
        "Yarın Konya'da hava nasıl olacak?",
        "Who runs the learning cities network?",
        "What is the Cork Call to Action?",
        "Mısır'dan 2025'te hangi şehirler katıldı?",
        "2020 yılında Türkiye'den kaç şehir katıldı?",
        "UNESCO Dünya Mirası listesinde Türkiye'den kaç yer var?",
        "How many Turkish cities are members?",
        "How many members did the network have in 2020?",
    )
}


def test_tuning4_is_well_formed_and_leans_english(assistant: Assistant) -> None:
    cases = _load(TUNING4)
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    langs = Counter(c["lang"] for c in cases)
    assert langs["en"] > langs["tr"] > 0
    assert {c["style"] for c in cases} == STYLES


def test_the_blind_holdouts_stay_out_of_tuning4() -> None:
    tuning = {fold(c["q"]) for c in _load(TUNING4)}
    for path in (HOLDOUT3, HOLDOUT4):
        blind = {fold(c["q"]) for c in _load(path) if "context" not in c and c["style"] != "smalltalk"}
        assert sorted((blind & tuning) - KNOWN_TUNING4_OVERLAP) == [], path.name


def test_the_holdouts_stay_out_of_the_blind_tuning_set() -> None:
    if not TUNING3.exists():
        pytest.skip("no tuning3")
    tuning = {fold(c["q"]) for c in _load(TUNING3)}
    for path in (HOLDOUT2, HOLDOUT3, HOLDOUT4):
        held = {fold(c["q"]) for c in _load(path) if "context" not in c and c["style"] != "smalltalk"}
        assert sorted((held & tuning) - KNOWN_TUNING3_OVERLAP) == [], path.name


# ------------------------------------------------------------------------------ holdout5
# holdout5 (helper blind7, 2026-12-02): a HOLDOUT written blind in two phases (see its header),
# never tuned on and never run by its writer; checked here on its own. Its blind questions
# that were already, word for word (folded), phrasings in content/ (18, content at cb28a32) or
# questions of tuning2/tuning3/tuning4 (30) stay (people ask them this way); no other may join.
HOLDOUT5 = EVAL / "holdout5.yaml"
KNOWN_COINCIDENCES_5 = {
    fold(q)
    for q in (
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "Öğrenen şehirler programını kim yürütüyor?",
        "KOMEK nedir?",
        "Öğrenen şehirlerin temel özellikleri nelerdir?",
        "UNESCO Öğrenen Şehir Ödülü nedir?",
        "Cork Eylem Çağrısı nedir?",
        "Medellín Manifestosu nedir?",
        "Üye şehirlerin yükümlülükleri neler?",
        "What is the UNESCO Global Network of Learning Cities?",
        "Which Turkish cities are members?",
        "What is KOMEK?",
        "What are the Key Features of Learning Cities?",
        "What is the UNESCO Learning City Award?",
        "What is the Cork Call to Action?",
        "UIL ne zaman kuruldu?",
        "Ağ ne zaman kuruldu?",
        "Üye şehirlerde toplam kaç kişi yaşıyor?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
    )
}
KNOWN_TUNING_OVERLAP_5 = {
    fold(q)
    for q in (
        "Öğrenen şehirler programını kim yürütüyor?",
        "KOMEK nedir?",
        "Cork Eylem Çağrısı nedir?",
        "What is the Cork Call to Action?",
        "What does UIL stand for?",
        "Ankara ne zaman katıldı?",
        "UIL ne zaman kuruldu?",
        "5. konferans nerede yapıldı?",
        "How many members were there in 2024?",
        "Türkiye'den en son hangi şehir katıldı?",
        "kac ulke var agda",
        "Öğrenen şehirlerin temel özellikleri nelerdir?",
        "What is the UNESCO Global Network of Learning Cities?",
        "What is KOMEK?",
        "What are the Key Features of Learning Cities?",
        "What was the theme of the Yeonsu conference?",
        "How many cities are in the GNLC now?",
        "How many Saudi cities are learning cities?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "İlk öğrenen şehirler konferansı nerede yapıldı?",
        "Türkiye'de 6 öğrenen şehir var diye okudum, doğru mu?",
        "Konya Büyükşehir Belediye Başkanı kim?",
        "Who is the mayor of Eskişehir?",
        "Konya'da en iyi etli ekmek nerede yenir?",
        "Türkiye'deki öğrenen şehirler hangileri?",
        "Türkiye'den kaç şehir üye?",
        "Şimdiye kadar kaç öğrenen şehirler konferansı yapıldı?",
        "Aralık 2025'te ağa kaç yeni şehir katıldı?",
        "What is the GNLC's annual budget?",
        "How much prize money comes with the Learning City Award?",
    )
}


def _holdout5_blind() -> set[str]:
    return {fold(c["q"]) for c in _load(HOLDOUT5) if "context" not in c and c["style"] != "smalltalk"}


def test_holdout5_is_well_formed(assistant: Assistant) -> None:
    cases = _load(HOLDOUT5)
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    test_the_sets_cover_both_languages_and_every_style(cases)


def test_holdout5_stays_out_of_the_content() -> None:
    assert sorted((_holdout5_blind() - KNOWN_COINCIDENCES_5) & _content_strings()) == []


def test_holdout5_stays_out_of_the_tuning_sets() -> None:
    blind = _holdout5_blind()
    for path in (TUNING2, TUNING3, EVAL / "tuning4.yaml"):
        if path.exists():
            tuning = {fold(c["q"]) for c in _load(path)}
            assert sorted((blind & tuning) - KNOWN_TUNING_OVERLAP_5) == [], path.name


# ------------------------------------------------------------------------------ tuning5
# tuning5 (helper blind8, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty, follow-up, order and confirm questions; checked on its own.
TUNING5 = EVAL / "tuning5.yaml"

# Its questions that holdout2, holdout3 or holdout4 (also written blind) already had word for
# word (folded): 28 common plain ones and refusals. No other held-out question may join tuning5.
KNOWN_TUNING5_OVERLAP = {
    fold(q)
    for q in (
        "Bir şehir ağa nasıl üye olur?",
        "Öğrenen şehir ödülü nedir?",
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "Konya Büyükşehir Belediye Başkanı kim?",
        "UNESCO Dünya Mirası listesinde Türkiye'den kaç yer var?",
        "How many people attended the Mexico City conference?",
        "What is KOMEK?",
        "UIL nedir?",
        "KOMEK nedir?",
        "Pekin Bildirgesi nedir?",
        "Pekin konferansının teması neydi?",
        "2025'te kaç yeni şehir katıldı?",
        "Bir milli komisyon ödül için kaç şehir aday gösterebilir?",
        "UIL Paris'te değil mi?",
        "turkiyede kac ogrenen sehir var",
        "Paris öğrenen şehir mi?",
        "What is the UNESCO Global Network of Learning Cities?",
        "How many people live in GNLC member cities?",
        "What's the euro to lira exchange rate?",
        "What's the capital of Australia?",
        "Tell me a joke.",
        "Ağın tematik kümeleri neler?",
        "Türkiye'den kaç şehir ağa üye?",
        "KOMEK'in yurt dışında şubesi var mı?",
        "Almanya'nın ilk öğrenen şehri hangisi?",
        "Is Paris a member of the network?",
        "Yarın Konya'da hava nasıl olacak?",
        "What's the weather in Hamburg today?",
        # and the ones holdout5 (written blind at the same time) also has; holdout5 is reported
        # with and without them
        "Türkiye'deki öğrenen şehirler hangileri?",
        "What does UIL stand for?",
        "What is the Mexico City Statement?",
        "What was the theme of the Mexico City conference?",
        "2024'te kaç şehir ödül aldı?",
        "How many members did the network have in 2022?",
        "En çok şehrin ödül aldığı yıl hangisi?",
        "whats the medelin manifesto",
        "Who is the mayor of Eskişehir?",
    )
}


def _check_blind_tuning_set(path: Path, assistant: Assistant) -> None:
    """A blind tuning set's schema: well-formed, no duplicates, both languages, every style."""
    cases = _load(path)
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    test_the_sets_cover_both_languages_and_every_style(cases)


def _holdouts_stay_out(path: Path, known: set[str], holdouts: str) -> None:
    """No question of the holdouts matching ``holdouts`` is in the tuning set at ``path``
    (folded; small talk and follow-ups aside) but the ``known`` ones."""
    tuning = {fold(c["q"]) for c in _load(path)}
    for held_path in sorted(EVAL.glob(holdouts)):
        # holdout.yaml (the first holdout) has no style key
        held = {fold(c["q"]) for c in _load(held_path) if "context" not in c and c.get("style") != "smalltalk"}
        assert sorted((held & tuning) - known) == [], held_path.name


def test_tuning5_is_well_formed(assistant: Assistant) -> None:
    _check_blind_tuning_set(TUNING5, assistant)


def test_the_holdouts_stay_out_of_tuning5() -> None:
    # holdout6 and holdout7 came later: their overlap with tuning5 is listed with them
    # (KNOWN_TUNING_OVERLAP_6, KNOWN_TUNING_OVERLAP_7)
    known = KNOWN_TUNING5_OVERLAP | KNOWN_TUNING_OVERLAP_6 | KNOWN_TUNING_OVERLAP_7
    _holdouts_stay_out(TUNING5, known, "holdout[0-9]*.yaml")


# ------------------------------------------------------------------------------ tuning6
# tuning6 (helpers blind9 and its phase-2 labeller, 2026-12-02): a TUNING set written blind in
# two phases, Turkish first, many attribute questions; checked on its own.
TUNING6 = EVAL / "tuning6.yaml"

# Its questions that holdout, holdout2, ..., holdout5 (also written blind) already had word for
# word (folded): 47 common plain ones and refusals, found programmatically (the holdouts were
# not read). No other held-out question may join tuning6.
KNOWN_TUNING6_OVERLAP = {
    fold(q)
    for q in (
        "Who runs the learning cities network?",
        "Ağ ne zaman kuruldu?",
        "Ağda şu an kaç şehir var?",
        "2016'da kaç üye vardı?",
        "2025'te kaç yeni şehir katıldı?",
        "UIL nedir?",
        "What was UIL called before?",
        "When was UIL founded?",
        "UIL web sitesi ne",
        "KOMEK nedir",
        "What is KOMEK?",
        "KOMEK ne zamandan beri var?",
        "KOMEK 2. konferansta ne yaptı",
        "Dates of the first ICLC?",
        "İkinci konferans Mayıs 2015'te yapıldı değil mi?",
        "What came out of the Mexico City conference?",
        "Beşinci konferans nerede yapıldı",
        "Son konferans nerede oldu",
        "Pekin Bildirgesi nedir",
        "What are the Key Features of Learning Cities?",
        "Do members have to report?",
        "Başvurular ne zaman açılıyor",
        "When was the last call for applications?",
        "Öğrenen Şehir Ödülü nedir",
        "2015'te kaç şehir ödül aldı",
        "Konya ne zaman üye oldu",
        "Afyon üye mi",
        "Ankara üye mi",
        "When did Izmir join?",
        "2020'de Türkiye'den kaç şehir katıldı",
        "İstanbul öğrenen şehir mi?",
        "Hatay 2019'da mı katıldı, emin misin?",
        "Bolu hala üye mi?",
        "Is UIL a category 2 centre?",
        "Is Hamburg a learning city?",
        "Aşkabat ne zaman katıldı",
        "uıl nerde",
        "how many citys in the netwrok",
        "wat is komek",
        "KOMEK kurs ücretleri ne kadar?",
        "KOMEK kursları saat kaçta başlıyor",
        "Ağın yıllık bütçesi ne kadar",
        "What are KOMEK's opening hours?",
        "Who is the mayor of Eskişehir?",
        "Medellin'de gezilecek yerler",
        "Konya'da en iyi etli ekmek nerede yenir",
        "UNESCO Dünya Mirası listesinde Türkiye'den kaç yer var",
    )
}


def test_tuning6_is_well_formed(assistant: Assistant) -> None:
    _check_blind_tuning_set(TUNING6, assistant)


def test_the_holdouts_stay_out_of_tuning6() -> None:
    # holdout6 and holdout7 came later: their overlap with tuning6 is listed with them
    # (KNOWN_TUNING_OVERLAP_6, KNOWN_TUNING_OVERLAP_7)
    known = KNOWN_TUNING6_OVERLAP | KNOWN_TUNING_OVERLAP_6 | KNOWN_TUNING_OVERLAP_7
    _holdouts_stay_out(TUNING6, known, "holdout*.yaml")


# ------------------------------------------------------------------------------ holdout6
# holdout6 (helper blind10, 2026-12-02): a HOLDOUT written blind in two phases (see its header),
# never tuned on and never run by its writer; checked here on its own. Its blind questions
# that were already, word for word (folded), strings in content/ (21, content at main 3e56729)
# or questions of tuning2..tuning6 (35) stay (people ask them this way); no other may join.
HOLDOUT6 = EVAL / "holdout6.yaml"
KNOWN_COINCIDENCES_6 = {
    fold(q)
    for q in (
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "Üye şehirlerde toplam kaç kişi yaşıyor?",
        "Bir şehir ağa nasıl üye olur?",
        "UNESCO Öğrenen Şehir Ödülü nedir?",
        "UIL nedir?",
        "KOMEK nedir?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "Konya ne zaman üye oldu?",
        "Sakarya ne zaman üye oldu?",
        "eskisehir ne zaman uye oldu",
        "What is the UNESCO Global Network of Learning Cities?",
        "When was the GNLC launched?",
        "How does a Turkish municipality apply?",
        "What is the Yeonsu Declaration?",
        "What is the UNESCO Learning City Award?",
        "Who can apply for the Learning City Award?",
        "What is UIL?",
        "When was UIL founded?",
        "What is KOMEK?",
        "When did Konya join the network?",
        "what can you do?",
    )
}
KNOWN_TUNING_OVERLAP_6 = {
    fold(q)
    for q in (
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",  # tuning5
        "Ağda şu an kaç şehir var?",  # tuning6
        "Dünyada 1000'den fazla öğrenen şehir var diyorlar, doğru mu?",  # tuning4
        "Bir şehir ağa nasıl üye olur?",  # tuning5
        "Pekin'de hangi belge kabul edildi?",  # tuning6
        "Türkiye'de hiç öğrenen şehirler konferansı yapıldı mı?",  # tuning4
        "2024'te kaç şehir ödül aldı?",  # tuning5
        "UIL nedir?",  # tuning2, tuning4, tuning5, tuning6
        "KOMEK nedir?",  # tuning2, tuning4, tuning5, tuning6
        "Türkiye'nin ilk öğrenen şehri hangisi?",  # tuning3
        "Türkiye'den en son hangi şehir katıldı?",  # tuning2
        "Konya ne zaman üye oldu?",  # tuning6
        "Hatay 2019'da mı katıldı, emin misin?",  # tuning6
        "2020'de Türkiye'den kaç şehir katıldı?",  # tuning6
        "Bolu hala üye mi?",  # tuning3, tuning4, tuning6
        "KOMEK kursları ücretli mi?",  # tuning2
        "Konya Büyükşehir Belediye Başkanı kim?",  # tuning3, tuning5
        "Mevlana Müzesi kaçta açılıyor?",  # tuning2
        "What is the UNESCO Global Network of Learning Cities?",  # tuning3, tuning5
        "When was the GNLC launched?",  # tuning2
        "what are the key features of a learning city",  # tuning4
        "what thematic clusters does the network have?",  # tuning4
        "How can a city join the network?",  # tuning6
        "When was the last call for applications?",  # tuning6
        "What was the theme of the Beijing conference?",  # tuning4
        "Wasn't the second conference in May 2015?",  # tuning2
        "What was UIL called before?",  # tuning6
        "When was UIL founded?",  # tuning4, tuning6
        "What is KOMEK?",  # tuning3, tuning5, tuning6
        "How many Turkish cities joined in 2022?",  # tuning2, tuning5, tuning6
        "Is Hamburg a learning city?",  # tuning6
        "How many German cities are members?",  # tuning2
        "Is Kaunas still a member?",  # tuning4
        "What are KOMEK's opening hours?",  # tuning6
        "What did Konya write in its last biennial report?",  # tuning2
    )
}


def _holdout6_blind() -> set[str]:
    return {fold(c["q"]) for c in _load(HOLDOUT6) if "context" not in c and c["style"] != "smalltalk"}


def test_holdout6_is_well_formed(assistant: Assistant) -> None:
    cases = _load(HOLDOUT6)
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    test_the_sets_cover_both_languages_and_every_style(cases)


def test_holdout6_stays_out_of_the_content() -> None:
    assert sorted((_holdout6_blind() - KNOWN_COINCIDENCES_6) & _content_strings()) == []


def test_holdout6_stays_out_of_the_tuning_sets() -> None:
    blind = _holdout6_blind()
    for path in (TUNING2, TUNING3, TUNING4, TUNING5, TUNING6):
        tuning = {fold(c["q"]) for c in _load(path)}
        assert sorted((blind & tuning) - KNOWN_TUNING_OVERLAP_6) == [], path.name


# ------------------------------------------------------------------------------ tuning7
# tuning7 (helper blind11, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty, follow-up, confirm and order questions and to honest refusals;
# checked on its own.
TUNING7 = EVAL / "tuning7.yaml"

# Its questions that holdout, holdout2, ..., holdout6 (also written blind) already had word for
# word (folded): 32 common plain ones and refusals, found programmatically (the holdouts were
# not read). No other held-out question may join tuning7. holdout7, written at the same time,
# lists its own overlap with tuning7 (as holdout6 did for tuning5 and tuning6).
KNOWN_TUNING7_OVERLAP = {
    fold(q)
    for q in (
        "Aralık 2025'te kaç yeni şehir katıldı?",
        "Ağ üyeliğe ne zaman açıldı?",
        "Bir sonraki konferans ne zaman?",
        "Hamburg'da ucuz otel önerir misin?",
        "How do I apply for a job at UNESCO?",
        "How many cities won the award in 2019?",
        "How many members did the network have in 2020?",
        "How much do KOMEK courses cost?",
        "Konya büyükşehir belediye başkanı kim?",
        "UIL'in müdürü kim?",
        "UNESCO Dünya Mirası listesinde Türkiye'den kaç yer var?",
        "Which Turkish city joined right after Konya?",
        "Who is the director of UIL?",
        "2020'de Türkiye'den kaç şehir katıldı?",
        "Ağda kaç ülke var?",
        "Bir milli komisyon ödül için kaç şehir aday gösterebilir?",
        "Dördüncü konferans nerede yapıldı?",
        "En son ödül hangi yıl verildi?",
        "UIL Paris'te değil mi?",
        "UIL ne zaman kuruldu?",
        "What were the dates of the Jubail conference?",
        "eskisehir ne zmn uye oldu",
        "How many members were there in 2024?",
        "Which Turkish city joined most recently?",
        "how many citys in the netwrok",
        "wat is komek",
        "How many Turkish cities joined in 2022?",
        "Tahran ne zaman üye oldu?",
        "When did Bristol join?",
        "When did Gdynia join?",
        "Which cities will join the network in 2026?",
        "turkiyede kac tane ogrenen sehir var",
    )
}


# ------------------------------------------------------------------------------ holdout7
# holdout7 (helper blind12, 2026-12-02): a HOLDOUT written blind in two phases (see its header),
# never tuned on and never run by its writer; run once by the integrator at the end of the
# session. Checked here on its own. Its blind questions that were already, word for word
# (folded), strings in content/ (18, content at main 2ebce21) or questions of tuning2..tuning6
# (39) stay (people ask them this way); no other may join.
HOLDOUT7 = EVAL / "holdout7.yaml"
KNOWN_COINCIDENCES_7 = {
    fold(q)
    for q in (
        "KOMEK nedir?",
        "Pekin Bildirgesi nedir",
        "Öğrenen şehirlerin temel özellikleri nelerdir?",
        "What is the UNESCO Global Network of Learning Cities?",
        "What is UIL?",
        "Which Turkish cities are members?",
        "What is KOMEK?",
        "What is the Medellín Manifesto?",
        "What is the Yeonsu Declaration?",
        "Eskişehir ağa ne zaman katıldı?",
        "Ankara öğrenen şehir mi?",
        "UIL ne zaman kuruldu",
        "KOMEK ne zamandan beri UNESCO öğrenen şehirler üyesi?",
        "What came out of the Beijing conference?",
        "Ağda kaç şehir var?",
        "How many cities are in the GNLC?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "izmir ogrenen sehir mi",
    )
}
KNOWN_TUNING_OVERLAP_7 = {
    fold(q)
    for q in (
        "KOMEK nedir?",
        "Türkiye'deki öğrenen şehirler hangileri?",
        "Pekin Bildirgesi nedir",
        "Öğrenen şehir ödülü nedir?",
        "Öğrenen şehirlerin temel özellikleri nelerdir?",
        "Hayat boyu öğrenme enstitüsü nerede?",
        "Mexico City Bildirgesi nedir?",
        "What is the UNESCO Global Network of Learning Cities?",
        "How can a city join the network?",
        "What is KOMEK?",
        "What are the key features of a learning city?",
        "3. konferans hangi ülkede yapıldı",
        "UIL ne zaman kuruldu",
        "Pekin Bildirgesi hangi yıl kabul edildi",
        "When was the Cork conference?",
        "What came out of the Beijing conference?",
        "When did Izmir join?",
        "Which country is Bouaké in?",
        "Which region is Ashgabat in?",
        "Ağda kaç şehir var?",
        "Türkiye'den kaç şehir üye",
        "Bugüne kadar kaç konferans düzenlendi?",
        "2024'te kaç şehir ödül aldı?",
        "2025'te kaç yeni şehir katıldı",
        "How many members did the network have in 2020?",
        "UIL Paris'te değil mi?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "Türkiye'den ağa en son katılan şehir hangisi?",
        "Which was the first Turkish city to join?",
        "izmir ogrenen sehir mi",
        "ilk konferans nerde yapildi",
        "afyon uye mi",
        "unesco hayat boyu ogrenme enstitusu nerde",
        "cork konferansinin temasi neydi",
        "how many citys in the netwrok",
        "Konya Büyükşehir Belediye Başkanı kim?",
        "Bir sonraki başvuru çağrısı tam olarak hangi gün açılacak?",
        "UNESCO Dünya Mirası listesinde Türkiye'den kaç yer var?",
        "Is Medellín safe for tourists?",
        # and tuning7 (written blind at the same time, by another helper; found programmatically)
        "Bakü hangi yıl katıldı?",
        "Tahran ne zaman üye oldu?",
        "Jubail hangi ülkede?",
        "2017'de kaç şehir ödül aldı?",
        "En son ödül hangi yıl verildi?",
        "Which Turkish city joined most recently?",
        "eskisehir ne zmn uye oldu",
    )
}


def test_tuning7_is_well_formed(assistant: Assistant) -> None:
    _check_blind_tuning_set(TUNING7, assistant)


def test_the_holdouts_stay_out_of_tuning7() -> None:
    for holdouts in ("holdout.yaml", "holdout[2-6].yaml"):
        _holdouts_stay_out(TUNING7, KNOWN_TUNING7_OVERLAP, holdouts)


def _holdout7_blind() -> set[str]:
    return {fold(c["q"]) for c in _load(HOLDOUT7) if "context" not in c and c["style"] != "smalltalk"}


def test_holdout7_is_well_formed(assistant: Assistant) -> None:
    cases = _load(HOLDOUT7)
    assert len(cases) == 239
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    test_the_sets_cover_both_languages_and_every_style(cases)


def test_holdout7_stays_out_of_the_content() -> None:
    assert sorted((_holdout7_blind() - KNOWN_COINCIDENCES_7) & _content_strings()) == []


def test_holdout7_stays_out_of_the_tuning_sets() -> None:
    blind = _holdout7_blind()
    for path in (TUNING2, TUNING3, TUNING4, TUNING5, TUNING6, TUNING7):
        tuning = {fold(c["q"]) for c in _load(path)}
        assert sorted((blind & tuning) - KNOWN_TUNING_OVERLAP_7) == [], path.name


# ------------------------------------------------------------------------------ tuning8
# tuning8 (helper blind14, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty questions (80 of 240), order, confirm and follow-up questions and
# honest refusals; checked on its own. It was written to a mix without plain, typo,
# no-diacritics or small-talk items, so its style counts are checked instead of "every style".
TUNING8 = EVAL / "tuning8.yaml"
TUNING8_STYLES = {
    "chatty": 80,
    "superlative": 35,
    "confirm": 30,
    "attribute": 28,
    "follow-up": 25,
    "counting": 15,
    "unanswerable": 18,
    "off-topic": 9,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 33 common plain ones and refusals, found programmatically (only tuning8's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning8.
KNOWN_TUNING8_OVERLAP = {
    fold(q)
    for q in (
        "Türkiye'den ağa en son katılan şehir hangisi?",
        "Türkiye'nin ilk öğrenen şehri hangisi?",
        "Konya'dan sonra hangi şehir katıldı?",
        "İlk konferans nerede yapıldı?",
        "Bir sonraki konferans ne zaman?",
        "En son ödül hangi yıl verildi?",
        "Türkiye'den ikinci üye hangisi?",
        "Which Turkish city joined first?",
        "When is the next ICLC?",
        "Hatay 2019'da mı katıldı, emin misin?",
        "İkinci konferans Mayıs 2015'te yapıldı değil mi?",
        "Ağda 1000'den fazla şehir var, doğru mu?",
        "Pekin konferansı 2014'te miydi?",
        "Beşinci konferans Seul'de miydi?",
        "Hatay joined in 2019, right?",
        "UIL hangi yıl kuruldu?",
        "Pekin Konferansının teması neydi?",
        "When did Bristol join?",
        "In which month did Ankara join?",
        "Ağda kaç ülke var?",
        "Aralık 2025'te kaç yeni şehir katıldı?",
        "2020'de Türkiye'den kaç şehir katıldı?",
        "How many Turkish cities are members?",
        "How many people attended the Mexico City conference?",
        "Konya Büyükşehir Belediye Başkanı kim?",
        "Bir sonraki başvuru çağrısı ne zaman açılacak?",
        "Eskişehir'in öğrenen şehir koordinatörü kim?",
        "UIL müdürü kim?",
        "Konya'da en iyi etli ekmek nerede yenir?",
        "Who is the mayor of Eskişehir?",
        "Who is the director of UIL?",
        "Can you recommend a good language learning app?",
        "Write me a poem about cities.",
    )
}


# ------------------------------------------------------------------------------ tuning9
# tuning9 (helper blind15, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty messages (142 of 200: a self-introduction or a story around the
# question), with short chatty follow-ups and honest refusals in the same style; checked on
# its own. It was written to a mix without plain, typo, no-diacritics, small-talk,
# attribute, counting, superlative or confirm items, so its style counts are checked instead
# of "every style".
TUNING9 = EVAL / "tuning9.yaml"
TUNING9_STYLES = {
    "chatty": 142,
    "follow-up": 20,
    "unanswerable": 23,
    "off-topic": 15,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 2, found programmatically (only tuning9's strings were printed; the holdouts
# were not read). No other held-out question may join tuning9.
KNOWN_TUNING9_OVERLAP = {
    fold(q)
    for q in (
        "Ankara'dan önce en son hangi Türk şehirleri katılmıştı?",
        "Which Turkish city joined right after Eskişehir?",
    )
}


# ------------------------------------------------------------------------------ tuning10
# tuning10 (helper tuning10, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, with a broad mix (attribute, counting, superlative, confirm, chatty, follow-up,
# plain, typo, no-diacritics, honest refusals) but no small talk, so its style counts are
# checked instead of "every style".
TUNING10 = EVAL / "tuning10.yaml"
TUNING10_STYLES = {
    "chatty": 55,
    "attribute": 41,
    "confirm": 20,
    "follow-up": 20,
    "counting": 15,
    "superlative": 15,
    "plain": 5,
    "typo": 5,
    "no-diacritics": 5,
    "unanswerable": 11,
    "off-topic": 8,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 24, found programmatically (only tuning10's strings were printed; the holdouts
# were not read). No other held-out question may join tuning10.
KNOWN_TUNING10_OVERLAP = {
    fold(q)
    for q in (
        "Izmir hangi yil katildi?",
        "En son konferans nerede yapıldı?",
        "KOMEK hangi ülkelerde şube açtı?",
        "Konya Büyükşehir'in belediye başkanı kim?",
        "Turkiye'den kac sehir uye?",
        "UIL'nin eski adı neydi?",
        "UNESCO Öğrenen Şehirler Küresel Ağı nedir?",
        "2020'de Türkiye'den kaç şehir katıldı?",
        "Ağda kaç ülke var?",
        "Beşinci konferans Seul'de miydi?",
        "Bu ağ ne zaman kuruldu?",
        "Eskişehir Türkiye'nin ilk üyesi, doğru mu?",
        "Hatay 2019'da mı katıldı, emin misin?",
        "UIL Paris'te değil mi?",
        "KOMEK 2010'da mı kuruldu?",
        "Konya'dan sonra hangi şehir üye oldu?",
        "Türkiye'den kaç şehir ağa üye?",
        "What was the theme of the Cork conference?",
        "Ağın e-posta adresi ne?",
        "How many Qatari cities are members?",
        "Which Turkish city joined right after Eskişehir?",
        "2017'de kaç şehir ödül aldı?",
        "Bir şehir bu ağa nasıl üye olur?",
        "Medellin konferansı ne zamandı?",
    )
}


# ------------------------------------------------------------------------------ tuning11
# tuning11 (helper tuning11, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty messages (112 of 200), with chatty follow-ups, attribute, counting
# and order questions and honest refusals but no plain, typo, no-diacritics, confirm or small
# talk items (its typo and no-diacritics messages are chatty), so its style counts are checked
# instead of "every style".
TUNING11 = EVAL / "tuning11.yaml"
TUNING11_STYLES = {
    "chatty": 112,
    "follow-up": 30,
    "counting": 13,
    "attribute": 11,
    "superlative": 6,
    "unanswerable": 16,
    "off-topic": 12,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 11, found programmatically (only tuning11's strings were printed; the holdouts
# were not read). No other held-out question may join tuning11.
KNOWN_TUNING11_OVERLAP = {
    fold(q)
    for q in (
        "Almanya'nın ilk öğrenen şehri hangisi",
        "Bolu'dan önce Türkiye'den hangi şehirler üyeydi",
        "Hamburg'da gezilecek yerler neler?",
        "Jubail'deki konferansın konusu neydi",
        "Konya'da en iyi etli ekmek nerede yenir? 😋",
        "Suudi Arabistan'dan kaç şehir üye",
        "how many Qatari cities are members?",
        "how many Turkish cities joined in 2020?",
        "how many cities got the award in 2015?",
        "how many members did the network have in 2024?",
        "which Turkish city joined most recently?",
    )
}


# ------------------------------------------------------------------------------ tuning12
# tuning12 (helper tuning12, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to chatty messages (102 of 200), with chatty follow-ups, attribute, counting
# and order questions and honest refusals but no plain, typo, no-diacritics, confirm or small
# talk items (its typo and no-diacritics messages are chatty), so its style counts are checked
# instead of "every style".
TUNING12 = EVAL / "tuning12.yaml"
TUNING12_STYLES = {
    "chatty": 102,
    "follow-up": 30,
    "attribute": 16,
    "counting": 12,
    "superlative": 7,
    "unanswerable": 19,
    "off-topic": 14,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 11, found programmatically (only tuning12's strings were printed; the holdouts
# were not read). No other held-out question may join tuning12.
KNOWN_TUNING12_OVERLAP = {
    fold(q)
    for q in (
        "2020'de Türkiye'den kaç şehir katıldı?",
        "Aralık 2025'te kaç yeni şehir katıldı?",
        "En son konferans nerede yapıldı?",
        "Hamburg'da gezilecek yerler neler?",
        "Hatay'ın üyelik yılı nedir?",
        "How many Qatari municipalities are members?",
        "How many Turkish cities joined in 2022?",
        "How many cities won the award in 2017?",
        "Türkiye'den ağa en son katılan şehir hangisi?",
        "UIL hangi yıl kuruldu?",
        "When did Balikesir join?",
    )
}

# ------------------------------------------------------------------------------ tuning13
# tuning13 (helper tuning13, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, weighted to confirm (40), attribute/counting/order (50) and follow-up (30) items, with
# chatty messages and honest refusals but no plain, typo, no-diacritics or small talk items
# (its no-diacritics messages are chatty), so its style counts are checked instead of "every
# style".
TUNING13 = EVAL / "tuning13.yaml"
TUNING13_STYLES = {
    "confirm": 40,
    "chatty": 40,
    "follow-up": 30,
    "counting": 19,
    "attribute": 16,
    "superlative": 15,
    "unanswerable": 24,
    "off-topic": 16,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 20, found programmatically (only tuning13's strings were printed; the holdouts
# were not read). No other held-out question may join tuning13.
KNOWN_TUNING13_OVERLAP = {
    fold(q)
    for q in (
        "2022'de Türkiye'den hangi şehirler katıldı?",
        "Almanya'dan kaç şehir üye?",
        "Ağa üye olmanın yıllık aidatı ne kadar?",
        "Bir sonraki konferans ne zaman?",
        "Cork konferansı hangi tarihlerde yapıldı?",
        "En son konferans nerede yapıldı?",
        "Konya'da yarın hava nasıl olacak?",
        "Türkiye'den ağa en son katılan şehir hangisi?",
        "Türkiye'den kaç şehir üye?",
        "UIL'in açık adresi ne?",
        "UIL'in telefon numarası nedir?",
        "How many Turkish cities joined in 2022?",
        "How many students are enrolled at KOMEK this year?",
        "What came out of the Mexico City conference?",
        "What was the theme of the Jubail conference?",
        "What's UIL's phone number?",
        "What's the population of Konya?",
        "When was UIL founded?",
        "Which Turkish city joined most recently?",
        "Which cities won the 2024 Learning City Award?",
    )
}


# ------------------------------------------------------------------------------ tuning14
# tuning14 (helper tuning14, 2026-12-02): a TUNING set written blind in two phases, Turkish
# and English half and half, on the whole network (member cities abroad, country and region
# lists and counts, awards and conferences by city), with follow-ups, chatty messages and
# honest refusals but no typo or small talk items, so its style counts are checked instead of
# "every style".
TUNING14 = EVAL / "tuning14.yaml"
TUNING14_STYLES = {
    "plain": 56,
    "follow-up": 30,
    "chatty": 25,
    "confirm": 22,
    "attribute": 20,
    "counting": 17,
    "no-diacritics": 5,
    "superlative": 2,
    "unanswerable": 13,
    "off-topic": 10,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 7, found programmatically (only tuning14's strings were printed; the holdouts
# were not read). No other held-out question may join tuning14.
KNOWN_TUNING14_OVERLAP = {
    fold(q)
    for q in (
        "Almanya'dan hangi şehirler üye?",
        "Azerbaycan'dan kaç şehir üye",
        "Katar'ın bütün belediyeleri üye mi?",
        "en çok üyesi olan ülke hangisi",
        "What's the capital of Australia?",
        "Which UK cities are learning cities?",
        "Which countries joined the network for the first time in 2025?",
    )
}

# ------------------------------------------------------------------------------ tuning15
# tuning15 (helper tuning15, 2026-12-02): a TUNING set written blind in two phases, Turkish
# first, leaning hard on chatty messages (130 written, 119 after the chatty refusals became
# unanswerable), with follow-ups, order and counting questions, confirmations and honest
# refusals but no plain, typo, no-diacritics or small talk items, so its style counts are
# checked instead of "every style".
TUNING15 = EVAL / "tuning15.yaml"
TUNING15_STYLES = {
    "chatty": 119,
    "follow-up": 25,
    "confirm": 15,
    "counting": 9,
    "superlative": 8,
    "attribute": 4,
    "unanswerable": 17,
    "off-topic": 3,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 7, found programmatically (only tuning15's strings were printed; the holdouts
# were not read). No other held-out question may join tuning15.
KNOWN_TUNING15_OVERLAP = {
    fold(q)
    for q in (
        "en son konferans nerede yapıldı",
        "en çok şehrin ödül aldığı yıl hangisi",
        "komek kurs kayıtları ne zaman başlıyor",
        "konya büyükşehir belediye başkanı kim",
        "türkiyede kaç öğrenen şehir var",
        "what's the euro to lira exchange rate",
        "who is the director of UIL",
    )
}


# ------------------------------------------------------------------------------ tuning16
# tuning16 (helper tuning16, 2026-12-04): a TUNING set written blind in two phases, Turkish
# and English half and half, weighted to order and superlative (45), confirm (40), counting
# (30) and follow-up (30) items, with attribute questions in odd words, chatty messages and
# honest refusals but no plain, typo, no-diacritics or small talk items (its 15 noisy
# messages keep the style of their shape), so its style counts are checked instead of "every
# style".
TUNING16 = EVAL / "tuning16.yaml"
TUNING16_STYLES = {
    "superlative": 45,
    "confirm": 40,
    "counting": 30,
    "follow-up": 30,
    "attribute": 20,
    "chatty": 20,
    "unanswerable": 7,
    "off-topic": 8,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 14 (13 blind ones and the follow-up turn "başvuru kime gönderiliyor?"), found
# programmatically (only tuning16's strings were printed; the holdouts were not read). No other
# held-out question may join tuning16.
KNOWN_TUNING16_OVERLAP = {
    fold(q)
    for q in (
        "2016'da ağda kaç şehir vardı?",
        "2020'de ağda kaç üye vardı?",
        "2024 ödülünü kaç şehir kazandı?",
        "Ankara'dan önce en son hangi Türk şehirleri katılmıştı?",
        "UIL Paris'te değil mi?",
        "başvuru kime gönderiliyor?",
        "ilk konferans nerde yapildi",
        "How many Korean cities are members?",
        "How many Turkish cities joined in 2022?",
        "How many cities can a National Commission nominate for the award?",
        "How many members did the network have in 2020?",
        "How many members were there in 2024?",
        "How many new cities joined in December 2025?",
        "Is UIL a Category 2 centre?",
    )
}


# ------------------------------------------------------------------------------ tuning17
# tuning17 (helper tuning17, 2026-12-04): a TUNING set written blind in two phases, English-heavy
# on purpose (120 English, 80 Turkish), weighted to chatty messages from English-speaking voices
# abroad (60) and casual follow-up chains (50, six of which change the subject), with
# attributes in unusual words, confirmations, typos and honest refusals but no plain or small
# talk items, so its style counts are checked instead of "every style" (and English outnumbers
# Turkish).
TUNING17 = EVAL / "tuning17.yaml"
TUNING17_STYLES = {
    "chatty": 60,
    "follow-up": 50,
    "confirm": 20,
    "superlative": 12,
    "typo": 10,
    "attribute": 9,
    "counting": 9,
    "no-diacritics": 5,
    "unanswerable": 15,
    "off-topic": 10,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 7 (5 blind ones and the subject-changing last turns "ogrenen sehirlerin temel
# ozellikleri neler?" and "UIL'in web sitesi ne"), found programmatically (only tuning17's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning17.
KNOWN_TUNING17_OVERLAP = {
    fold(q)
    for q in (
        "Bursa 2020'de katıldı değil mi?",
        "KOMEK kurs kayitlari ne zaman basliyor",
        "UIL müdürü kim?",
        "UIL'in web sitesi ne",
        "aga uyelik ucreti ne kadar",
        "ogrenen sehirlerin temel ozellikleri neler?",
        "who is the director of UIL?",
    )
}


# ------------------------------------------------------------------------------ tuning18
# tuning18 (helper tuning18, 2026-12-04): a TUNING set written blind in two phases, 150
# Turkish and 50 English, the way people type on WhatsApp/Telegram: Turkish without Turkish
# letters and in lower case, typos, chatty regional and colloquial turns, short follow-ups,
# order and counting, confirmations and honest refusals, and short lower-case English, but no
# small talk items, so its style counts are checked instead of "every style".
TUNING18 = EVAL / "tuning18.yaml"
TUNING18_STYLES = {
    "chatty": 40,
    "no-diacritics": 33,
    "follow-up": 25,
    "plain": 24,
    "typo": 23,
    "confirm": 15,
    "counting": 9,
    "superlative": 8,
    "attribute": 5,
    "unanswerable": 9,
    "off-topic": 9,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 28, short plain ones and refusals, found programmatically (only tuning18's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning18.
KNOWN_TUNING18_OVERLAP = {
    fold(q)
    for q in (
        "2020 yılında ağda kaç şehir vardı",
        "ag ne zaman kuruldu",
        "basvuru formunu kim imzaliyor",
        "en son konferans hangisiydi",
        "hatay uye mi",
        "is hamburg a learning city",
        "kac ulke var agda",
        "komek kurs ücretleri ne kadar",
        "komek ne",
        "komek ne zamandan beri var",
        "konya büyükşehir belediye başkanı kim",
        "konya kaçıncı türk üye",
        "ogrenen sehir ne demek tam olarak",
        "ogrenen sehirlerin temel ozellikleri neler",
        "pekin bildirgesi nedir",
        "tematik kumeler neler",
        "turkiyeden odul alan sehir var mi",
        "uil adresi nedir",
        "uil ne demek",
        "uil nerde",
        "unesco world heritage sites in turkey",
        "wen did konya join",
        "what are the key features of a learning city",
        "what is komek",
        "when is the next conference",
        "which turkish cities are members",
        "who is the mayor of konya",
        "who runs the learning cities network",
    )
}


# ------------------------------------------------------------------------------ tuning19
# tuning19 (helper tuning19, 2026-12-04): a TUNING set written blind in two phases, 120 Turkish
# and 80 English, to find confident wrong answers: 80 near misses (pairs of answerable
# questions with the same words and a different ask), 60 in-domain questions the sources do
# not answer (4 answered honestly by an entry in phase 2), 40 off-topic ones in the domain's
# words and 20 chatty wrappers; no small talk, so its style counts are checked instead of
# "every style".
TUNING19 = EVAL / "tuning19.yaml"
TUNING19_STYLES = {
    "attribute": 36,
    "no-diacritics": 13,
    "plain": 13,
    "chatty": 11,
    "counting": 10,
    "confirm": 6,
    "superlative": 3,
    "follow-up": 1,
    "typo": 1,
    "unanswerable": 61,
    "off-topic": 45,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 22, short plain ones and refusals, found programmatically (only tuning19's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning19.
KNOWN_TUNING19_OVERLAP = {
    fold(q)
    for q in (
        "2024 ödülünü hangi şehirler aldı",
        "6. konferans nerede yapildi",
        "agin yillik butcesi ne kadar",
        "ankara ne zaman uye oldu",
        "hamburg ogrenen sehir mi",
        "how many people attended the jubail conference",
        "how many turkish cities are members",
        "how much does a komek course cost",
        "how much prize money comes with the learning city award",
        "ilk konferans nerde yapıldı",
        "is bolu still a member",
        "mevlana muzesi kacta aciliyor",
        "mexico city'ye uçak bileti ne kadar",
        "ogrenen sehir odulu simdiye kadar kac kez verildi",
        "pekin bildirgesi ne",
        "sakarya üniversitesi taban puanları",
        "uil phone number",
        "uil'in müdürü kim",
        "unesco world heritage sites in turkey",
        "what does UIL stand for",
        "what is the annual budget of the GNLC",
        "when did konya join the network",
    )
}


# ------------------------------------------------------------------------------ tuning20
# tuning20 (helper tuning20, 2026-12-04): a TUNING set written blind in two phases, 100 Turkish
# (all without Turkish letters) and 60 English, about the network abroad: member cities
# worldwide, countries and regions, counts, the newest intake, award winners and conference
# hosts abroad, capitals and big cities that are not members, local or misspelled names, with
# follow-ups and a few refusals; its style counts are checked instead of "every style".
TUNING20 = EVAL / "tuning20.yaml"
TUNING20_STYLES = {
    "plain": 49,
    "no-diacritics": 36,
    "counting": 24,
    "attribute": 21,
    "follow-up": 11,
    "confirm": 7,
    "superlative": 2,
    "typo": 1,
    "chatty": 1,
    "unanswerable": 5,
    "off-topic": 3,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 14, short plain ones, found programmatically (only tuning20's strings were
# printed; the holdouts were not read). No other held-out question may join tuning20.
KNOWN_TUNING20_OVERLAP = {
    fold(q)
    for q in (
        "cork konferansi hangi yil yapildi",
        "hamburg ogrenen sehir mi",
        "how many members were there in 2022",
        "how many qatari cities are members",
        "is buenos aires a member",
        "is hanoi a member",
        "is lisbon a member",
        "is paris a learning city",
        "is there any us city in the network",
        "kac farkli ulkeden uye var",
        "kibristan uye sehir var mi",
        "paris ogrenen sehir mi",
        "when did mexico city join",
        "which german cities are in the network",
    )
}


# ------------------------------------------------------------------------------ tuning21
# tuning21 (helper tuning21, 2026-12-04): a TUNING set written blind in two phases, 100 Turkish
# (no Turkish letters) and 60 English, in the office's voice: what municipal staff and city
# coordinators ask about joining, signing, the National Commission, the calls, reporting, the
# award, the conferences, UIL's contacts and KOMEK, as office talk, e-mails, two-question
# lists and follow-ups, with 47 refusals (37 in domain: next year's deadlines, fees, forms,
# a named person); no small talk, so its style counts are checked instead of "every style".
TUNING21 = EVAL / "tuning21.yaml"
TUNING21_STYLES = {
    "chatty": 36,
    "attribute": 15,
    "follow-up": 13,
    "confirm": 12,
    "no-diacritics": 12,
    "counting": 11,
    "plain": 10,
    "superlative": 3,
    "typo": 1,
    "unanswerable": 37,
    "off-topic": 10,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 13, short plain ones and refusals, found programmatically (only tuning21's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning21.
KNOWN_TUNING21_OVERLAP = {
    fold(q)
    for q in (
        "UIL phone number?",
        "afyon uye mi",
        "ag ne zaman kuruldu",
        "agda su an kac sehir var",
        "cork konferansinin temasi neydi",
        "en son konferans nerede yapildi",
        "is bolu still a member",
        "is there a membership fee",
        "what are the key features of learning cities",
        "what is KOMEK",
        "when did konya join",
        "which turkish cities are members",
        "who can apply for the learning city award",
    )
}


# ------------------------------------------------------------------------------ tuning22
# tuning22 (helper tuning22, 2026-12-04): a TUNING set written blind in two phases, 90 Turkish
# (no Turkish letters) and 60 English, on the IDEAS of the brief and the fact sheet in words the
# sources do not use: what a learning city is, what the network is for, the Key Features and
# declarations in plain words, lifelong learning, what a city or a citizen gains, UNESCO / UIL /
# the SDGs, why Turkish cities joined; paraphrases, metaphors, "like I am 10", press-release
# sentences, confusions between close ideas and 33 refusals; no small talk, so its style counts
# are checked instead of "every style".
TUNING22 = EVAL / "tuning22.yaml"
TUNING22_STYLES = {
    "confirm": 28,
    "attribute": 26,
    "no-diacritics": 18,
    "plain": 16,
    "chatty": 12,
    "follow-up": 11,
    "counting": 4,
    "superlative": 2,
    "unanswerable": 19,
    "off-topic": 14,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 14, short plain ones and refusals, found programmatically (only tuning22's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning22.
KNOWN_TUNING22_OVERLAP = {
    fold(q)
    for q in (
        "agda su an kac sehir var",
        "how often do members have to report",
        "is hamburg a learning city",
        "is there a membership fee",
        "kategori 1 ile kategori 2 arasindaki fark ne",
        "turkiyede kac tane ogrenen sehir var",
        "what are the key features of a learning city",
        "what came out of the mexico city conference",
        "what is UIL",
        "what is komek",
        "what is the learning city award",
        "what outcomes is a learning city supposed to deliver",
        "where is uil based",
        "which turkish cities are members",
    )
}


# ------------------------------------------------------------------------------ tuning23
# tuning23 (helper tuning23, 2026-12-04): a TUNING set written blind in two phases, 90 Turkish
# and 60 English, about everything in the sources in mixed and messy language: Turkish with
# English words and the reverse, typos, keyboard slips, missing spaces, all caps, emoji,
# repeated letters, voice-typing errors, one-word questions, long rambling messages and
# conversations of 2-3 turns, with 10 refusals; no small talk, so its style counts are checked
# instead of "every style".
TUNING23 = EVAL / "tuning23.yaml"
TUNING23_STYLES = {
    "attribute": 33,
    "typo": 24,
    "confirm": 17,
    "plain": 16,
    "no-diacritics": 15,
    "counting": 13,
    "follow-up": 13,
    "chatty": 5,
    "superlative": 4,
    "unanswerable": 6,
    "off-topic": 4,
}

# Its questions that holdout, holdout2, ..., holdout7 (also written blind) already had word for
# word (folded): 24, short plain ones and refusals, found programmatically (only tuning23's
# strings were printed; the holdouts were not read). No other held-out question may join
# tuning23.
KNOWN_TUNING23_OVERLAP = {
    fold(q)
    for q in (
        "2.konferansa kac kisi katildi",
        "7. konferans ne zaman olacak",
        "KONYA NE ZAMAN UYE OLDU",
        "UIL nerde",
        "WHAT IS UIL",
        "basvuru formunu kim imzaliyor",
        "eskisehir kacta katildi 🤔",
        "hamburg ogrenen sehir mi",
        "is hamburg a learning city",
        "is lisbon in the network",
        "is paris a learning city",
        "katar butun belediyeleri uye mi",
        "komek ne zamandan beri var",
        "koreden kac sehir uye",
        "pekin bildirgesi nedir",
        "turkiyeden odul alan sehir var mi",
        "uil ne zaman kuruldu",
        "uye sayisi kac su an",
        "what are the key features of a learning city",
        "what is komek",
        "when was uil founded",
        "which german cities are members",
        "who is the mayor of konya",
        "yeonsu konferansi online miydi",
    )
}


# tuning8 .. tuning23 were written to a mix of styles, not to every style: their counts are
# checked
_STYLED_SETS = [
    (TUNING8, 240, (144, 96), TUNING8_STYLES, KNOWN_TUNING8_OVERLAP),
    (TUNING9, 200, (120, 80), TUNING9_STYLES, KNOWN_TUNING9_OVERLAP),
    (TUNING10, 200, (120, 80), TUNING10_STYLES, KNOWN_TUNING10_OVERLAP),
    (TUNING11, 200, (120, 80), TUNING11_STYLES, KNOWN_TUNING11_OVERLAP),
    (TUNING12, 200, (120, 80), TUNING12_STYLES, KNOWN_TUNING12_OVERLAP),
    (TUNING13, 200, (120, 80), TUNING13_STYLES, KNOWN_TUNING13_OVERLAP),
    (TUNING14, 200, (100, 100), TUNING14_STYLES, KNOWN_TUNING14_OVERLAP),
    (TUNING15, 200, (120, 80), TUNING15_STYLES, KNOWN_TUNING15_OVERLAP),
    (TUNING16, 200, (100, 100), TUNING16_STYLES, KNOWN_TUNING16_OVERLAP),
    (TUNING17, 200, (80, 120), TUNING17_STYLES, KNOWN_TUNING17_OVERLAP),
    (TUNING18, 200, (150, 50), TUNING18_STYLES, KNOWN_TUNING18_OVERLAP),
    (TUNING19, 200, (120, 80), TUNING19_STYLES, KNOWN_TUNING19_OVERLAP),
    (TUNING20, 160, (100, 60), TUNING20_STYLES, KNOWN_TUNING20_OVERLAP),
    (TUNING21, 160, (100, 60), TUNING21_STYLES, KNOWN_TUNING21_OVERLAP),
    (TUNING22, 150, (90, 60), TUNING22_STYLES, KNOWN_TUNING22_OVERLAP),
    (TUNING23, 150, (90, 60), TUNING23_STYLES, KNOWN_TUNING23_OVERLAP),
]
_STYLED_IDS = [
    "tuning8",
    "tuning9",
    "tuning10",
    "tuning11",
    "tuning12",
    "tuning13",
    "tuning14",
    "tuning15",
    "tuning16",
    "tuning17",
    "tuning18",
    "tuning19",
    "tuning20",
    "tuning21",
    "tuning22",
    "tuning23",
]


@pytest.mark.parametrize(("path", "size", "langs", "styles", "overlap"), _STYLED_SETS, ids=_STYLED_IDS)
def test_a_styled_tuning_set_is_well_formed(
    assistant: Assistant,
    path: Path,
    size: int,
    langs: tuple[int, int],
    styles: dict[str, int],
    overlap: set[str],
) -> None:
    cases = _load(path)
    assert len(cases) == size
    test_every_case_is_well_formed(cases, assistant)
    test_no_duplicate_questions(cases)
    counted = Counter(c["lang"] for c in cases)
    assert (counted["tr"], counted["en"]) == langs
    assert Counter(c["style"] for c in cases) == styles


@pytest.mark.parametrize(("path", "size", "langs", "styles", "overlap"), _STYLED_SETS, ids=_STYLED_IDS)
def test_the_holdouts_stay_out_of_a_styled_tuning_set(
    path: Path, size: int, langs: tuple[int, int], styles: dict[str, int], overlap: set[str]
) -> None:
    _holdouts_stay_out(path, overlap, "holdout*.yaml")
