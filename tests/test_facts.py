"""Facts as data (content/facts.yaml): attribute questions get the attribute."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.conversation import Topic
from bot.factfinder import FactFinder
from bot.facts import load_facts
from bot.replies import ReplyKind
from bot.tghtml import to_plain, validate


@pytest.fixture(scope="module")
def finder(assistant: Assistant) -> FactFinder:
    content = assistant.content
    facts, problems = load_facts(content.directory, content.conferences, content.entry_ids(), content.cities)
    assert problems == []
    assert len(facts.entities) == len(assistant.understanding.facts.entities)
    return assistant.understanding.finder


@pytest.mark.parametrize(
    ("question", "entity", "attribute", "card", "says"),
    [
        ("Cork'ta hangi belge kabul edildi?", "conference-3", "outcome", "conference-3-cork", "Cork Eylem Çağrısı"),
        ("3. konferansın ev sahibi ülke", "conference-3", "country", "conference-3-cork", "İrlanda"),
        ("Yeonsu konferansı hangi tarihlerde", "conference-5", "when", "conference-5-yeonsu", "27–30 Ekim 2021"),
        ("2020 yılında ağın kaç üyesi vardı", "members-2020", "count", "member-growth", "230"),
        ("2021'de kaç şehir ödül aldı", "award-2021", "count", "learning-city-award", "10 şehir"),
        ("UIL'in eski adı", "uil", "old_name", "what-is-uil", "UNESCO Institute for Education"),
        ("KOMEK kaç yılında kuruldu", "komek", "founded", "what-is-komek", "2004"),
        ("what street is UIL on", "uil", "address", "uil-address", "Feldbrunnenstraße 58"),
        ("UIL'in sokak adı ne", "uil", "address", "uil-address", "Feldbrunnenstraße 58"),  # "adı": the street's
        ("KOMEK orada ne yaptı?", "komek", "role", "komek-conference-role", "temsil etti"),  # "there": the conference
        ("UIL'in e-posta adresi ne", "uil", "email", "contact", "learningcities@unesco.org"),
        ("KOMEK'te kaç kişi eğitim aldı", "komek", "trainees", "what-is-komek", "yüz binlerce"),
        ("en son konferans nerede yapıldı", "conference-6", "where", "conference-6-jubail", "Jubail"),
        ("bir sonraki konferans ne zaman", "conference-7", "when", "conference-7", "doğrulanmış bir bilgi yok"),
        ("üçüncü konferans hangi ülkede yapıldı", "conference-3", "country", "conference-3-cork", "İrlanda"),
        ("what was the theme of the fourth conference", "conference-4", "theme", "conference-4-medellin", "Inclusion"),
        ("2024 ödülünü kimler kazandı", "award-2024", "winners", "award-winners-2024", "Glasgow"),
        ("2. konferans Pekin'de mi yapıldı?", "conference-2", "where", "conference-2-mexico", "Mexico City"),
        ("2. konferans mayısta mı yapıldı", "conference-2", "month", "conference-2-date", "Eylül 2015"),
        ("ağda kaç şehir var", "members-2025", "count", "member-count", "425"),
        # A thing and a year or a figure only: a confirmation of that year or figure.
        ("Cork konferansı 2018'de miydi", "conference-3", "year", "conference-3-cork", "2017"),
        ("ağda 294 şehir vardı, değil mi", "members-2022", "count", "member-growth", "Eylül 2022"),
        ("ağda 7000 şehir var mı", "members-2025", "count", "member-count", "425"),  # not a known figure: the latest
        ("Türkiye'den 2022 yılında kaç il katıldı", "tr-member-bursa", "count", "members-turkey", "3 şehir"),
        # Order: after or before a thing, or a year; which one; how many times.
        # Which one: the conference's card, though its dates (the kind's fallback) answer it;
        # its dates asked: the card of the dates
        ("Cork'tan önceki konferans", "conference-2", "when", "conference-2-mexico", "Mexico City"),
        ("Which conference came right after Beijing?", "conference-2", "when", "conference-2-mexico", "Mexico City"),
        ("Cork'tan önceki konferans ne zaman yapıldı", "conference-2", "when", "conference-2-date", "28–30"),
        ("Medellín'den sonraki konferans nerede", "conference-5", "where", "conference-5-yeonsu", "Yeonsu"),
        # after the last one held: the one planned, honestly unconfirmed; before it, the one held
        ("Jubail'den sonraki konferans ne zaman?", "conference-7", "when", "conference-7", "doğrulanmış bir bilgi yok"),
        ("Jubail'den önceki konferans nerede", "conference-5", "where", "conference-5-yeonsu", "Yeonsu"),
        # after (before) the one at a place: the one next to it, not the upcoming or the one placed
        ("ilk konferanstan sonraki konferans nerede yapıldı", "conference-2", "where", "conference-2-mexico", "Mexico"),
        ("ikinci konferanstan sonraki konferansın teması", "conference-3", "theme", "conference-3-cork", "Küresel"),
        ("3. konferanstan önceki konferans nerede", "conference-2", "where", "conference-2-mexico", "Mexico"),
        ("the conference after the third one", "conference-4", "when", "conference-4-medellin", "Medellín"),
        # placed, asked nothing (a known word besides): the kind's fallback, its dates and place
        ("Which conference was held before Cork?", "conference-2", "when", "conference-2-mexico", "Mexico City"),
        ("What is the oldest conference?", "conference-1", "when", "conference-1-beijing", "Beijing"),
        ("2. konferans", "conference-2", "when", "conference-2-mexico", "Mexico City"),  # not the card of its dates
        ("bir sonraki konferansın teması ne", "conference-7", "theme", "conference-7", "doğrulanmış bir bilgi yok"),
        ("ilk konferans hangisiydi", "conference-1", "when", "conference-1-beijing", "Pekin"),
        (
            "Türkiye'den 2020'den sonra katılan şehirler",
            "tr-member-bursa",
            "after_year",
            "members-turkey",
            "Ankara (2025)",
        ),
        (
            "2018'den önce katılan Türk şehirleri",
            "tr-member-eskisehir",
            "before_year",
            "members-turkey",
            "Konya (2017)",
        ),
        ("ödül kaç kez verildi", "award-2024", "times", "learning-city-award", "beş kez"),
        ("konferanslar ne sıklıkla yapılıyor", "conference-6", "times", "conferences-overview", "iki yılda bir"),
        ("ödül için kaç şehir aday gösterilebilir", "award-2024", "nominations", "learning-city-award", "en fazla 2"),
        ("who can apply for the learning city award", "award-2024", "eligibility", "learning-city-award", "12 months"),
        ("GNLC ne zaman kuruldu", "members-2025", "founded", "gnlc-history", "Ekim 2013"),
        (
            "Mexico City konferansı kaç gün sürdü",
            "conference-2",
            "duration",
            "conference-2-participants",
            "2 gün",
        ),  # its card: KOMEK's "2 gün"
        (
            "Yeonsu konferansı 3 gün mü sürdü?",
            "conference-5",
            "duration",
            "conference-5-yeonsu",
            "4 gün",
        ),  # not the 3-day 1st
        ("Meksika konferansı 2 gün sürdü mü?", "conference-2", "duration", "conference-2-participants", "28–30"),
        ("Cork konferansı kaç gün sürdü?", "conference-3", "duration", "conference-3-cork", "3 gün"),
        ("Konya Türkiye'den kaçıncı üye", "tr-member-konya", "rank", "city-konya", "2."),
        # A member's place is its own card, also when others joined the same year; which ones
        # joined that year is the list's
        ("Afyon kaçıncı sıradaki Türk üyesi?", "tr-member-afyonkarahisar", "rank", "city-afyonkarahisar", "5–7."),
        ("Türkiye'den 2020'de hangi şehirler katıldı", "tr-member-izmir", "which", "members-turkey", "Balıkesir"),
        ("Türkiye'nin 5. üyesi ne zaman katıldı", "tr-member-izmir", "when", "members-turkey", "Balıkesir"),  # one of 3
        ("Medellín kaçıncı konferanstı", "conference-4", "rank", "conference-4-medellin", "4."),
        ("Türkiye'nin en eski üyesi", "tr-member-eskisehir", "which", "first-turkish-member", "Eskişehir"),
        # A named thing and a place that is another's: the named one's place, then the other (its card).
        ("Medellín 5. konferans mıydı", "conference-5", "rank", "conference-4-medellin", "Medellín, 4."),
        (
            "Bolu Türkiye'nin dördüncü üyesi mi",  # about Bolu: its card, the 4th's fact beside it
            "tr-member-hatay",
            "which",
            "city-bolu",
            "Bolu, Türkiye'den ağa katılan 3.",
        ),
        # A place or a year the content does not know, checked: where or when it really was.
        ("son konferans Riyad'da mıydı", "conference-6", "where", "conference-6-jubail", "Jubail"),
        ("Yeonsu konferansı Seul'de miydi", "conference-5", "where", "conference-5-yeonsu", "Incheon"),
        ("ilk konferans 2014'te miydi", "conference-1", "year", "conference-1-beijing", "2013"),
        ("was the 2nd conference held in May?", "conference-2", "month", "conference-2-date", "September"),
        ("ilk konferans ne zmn yapıldı", "conference-1", "when", "conference-1-beijing", "21–23 Ekim 2013"),
        ("Yozgat'tan sonra hangisi geldi", "tr-member-ankara", "which", "city-ankara", "Ankara"),
        ("how many nominations per country for the award", "award-2024", "nominations", "learning-city-award", "2"),
        ("Cork konferansı ne kadar sürdü", "conference-3", "duration", "conference-3-cork", "18–20 Eylül 2017"),
    ],
)
def test_attribute_questions(
    finder: FactFinder, question: str, entity: str, attribute: str, card: str, says: str
) -> None:
    lang = "en" if question.isascii() and " the " in f" {question} " else "tr"
    found = finder.answer(question, lang)
    assert found is not None, question
    assert (found.entity.id, found.attribute, found.card) == (entity, attribute, card)
    assert says in to_plain(found.html)
    assert validate(found.html, strict=False) == []


@pytest.mark.parametrize(
    "question",
    [
        "Cork'ta nerede kalınır",  # a word the content does not know
        "Türkiye'den kaç şehir üye?",  # a country's members: the city directory's question
        "konferanslar hakkında bilgi",  # no attribute
        "Konya ne zaman üye oldu",  # not a fact of this base
        "ikinci konferansta Konya vardı mı",  # the ordinal is the conference's, Konya no member rank
        "UNESCO Eğitim Enstitüsü ile UIL aynı mı",  # an unknown word, but no place checked
        "üyelik şartları neler",  # membership's requirements, not the award's eligibility
        "membership requirements",
        "",
    ],
)
def test_other_questions_are_left_to_the_matcher(finder: FactFinder, question: str) -> None:
    assert finder.answer(question, "tr") is None


def test_follow_ups_borrow_from_the_last_topic(finder: FactFinder) -> None:
    first = finder.answer("ilk konferans nerede yapıldı", "tr")
    assert first is not None and first.entity.id == "conference-1"
    fourth = finder.answer("peki dördüncüsü?", "tr", first.topic)
    assert fourth is not None and (fourth.entity.id, fourth.attribute) == ("conference-4", "where")
    theme = finder.answer("ya teması?", "tr", first.topic)
    assert theme is not None and (theme.entity.id, theme.attribute) == ("conference-1", "theme")
    assert finder.answer("peki dördüncüsü?", "tr") is None  # no context, no answer
    # A full question wins over the context.
    full = finder.answer("Cork konferansının teması ne?", "tr", Topic("conference", "conference-1", "where"))
    assert full is not None and (full.entity.id, full.attribute) == ("conference-3", "theme")


def test_curators_add_attributes_in_yaml(tmp_path: Path, assistant: Assistant) -> None:
    content = assistant.content
    text = (content.directory / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "attributes:\n",
        "attributes:\n  - id: length\n    words: {tr: [kaç saat sürdü, saat olarak], en: [how many hours]}\n",
        1,
    ).replace(
        "    templates:\n      when:\n",
        '    templates:\n      length:\n        tr: "{number}. konferans: {dates}."\n'
        '        en: "Conference {number}: {dates}."\n      when:\n',
        1,
    )
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    facts, problems = load_facts(tmp_path, content.conferences, content.entry_ids())
    assert problems == []
    found = FactFinder(facts, assistant.matcher.knows).answer("3. konferans kaç saat sürdü", "tr")
    assert found is not None and found.attribute == "length" and "18–20 Eylül 2017" in found.html


def test_broken_facts_are_reported(tmp_path: Path, assistant: Assistant) -> None:
    (tmp_path / "facts.yaml").write_text(
        "attributes:\n  - id: when\n    words: {tr: [ne zaman], en: [when]}\n"
        "kinds:\n  - id: thing\n    templates:\n      when: {tr: '<b>x'}\n      nope: {tr: a, en: b}\n"
        "entities:\n  - {id: a, kind: thing, card: no-such-entry}\n  - {id: b, kind: nokind, card: x}\n",
        encoding="utf-8",
    )
    _, problems = load_facts(tmp_path, (), assistant.content.entry_ids())
    text = "\n".join(problems)
    assert "template 'when' needs tr and en" in text
    assert "unknown attribute 'nope'" in text
    assert "card 'no-such-entry'" in text
    assert "unknown kind 'nokind'" in text


@pytest.mark.parametrize(
    ("question", "entity", "card", "says"),
    [
        ("Türkiye'nin dördüncü üyesi", "tr-member-hatay", "city-hatay", "Hatay"),
        ("third Turkish member", "tr-member-bolu", "city-bolu", "Bolu"),
        ("Konya'dan sonra kim katıldı", "tr-member-bolu", "city-bolu", "Bolu"),
        ("Türkiye'nin en yeni üyesi", "tr-member-ankara", "newest-members", "Ankara"),
        ("which Turkish city joined first", "tr-member-eskisehir", "first-turkish-member", "Eskişehir"),
        ("Türkiye'den 2020'de katılan şehirler", "tr-member-izmir", "members-turkey", "Balıkesir"),
        ("Ankara'dan önce en son hangi şehirler katılmıştı", "tr-member-yozgat", "members-turkey", "Sakarya"),
    ],
)
def test_order_of_turkiyes_members(finder: FactFinder, question: str, entity: str, card: str, says: str) -> None:
    found = finder.answer(question, "tr")
    assert found is not None and (found.entity.id, found.card) == (entity, card)
    assert says in to_plain(found.html)


def test_a_citys_own_questions_stay_with_the_city_directory(finder: FactFinder) -> None:
    assert finder.answer("Konya ne zaman katıldı", "tr") is None
    assert finder.answer("Bolu üye mi", "tr") is None


@pytest.mark.parametrize(
    ("question", "card", "says"),
    [
        # the thing the question particle follows is in doubt; the other one is given
        (
            "Cork konferansında Pekin Bildirgesi mi kabul edildi",
            "conference-3-cork",
            ["Hayır.", "Cork Eylem Çağrısı", "Pekin Bildirgesi 1. konferansta"],
        ),
        (
            "Medellín'de Cork Çağrısı mı yayımlandı?",
            "conference-4-medellin",
            ["Hayır.", "Medellín Manifestosu", "Cork Eylem Çağrısı 3. konferansta"],
        ),
        ("Pekin Bildirgesi Cork'ta mı imzalandı", "beijing-declaration", ["Hayır.", "2013", "Cork Eylem Çağrısı"]),
        ("Yeonsu Bildirgesi Kore'de mi kabul edildi", "conference-5-yeonsu", ["Evet.", "5. konferansta"]),
        # English: the subject is given
        (
            "was the Mexico City Statement adopted in Beijing?",
            "conference-2-mexico",
            ["No.", "2nd conference", "Beijing Declaration"],
        ),
        (
            "did the Cork conference adopt the Medellín Manifesto?",
            "conference-3-cork",
            ["No.", "Cork Call to Action", "4th conference"],
        ),
        ("was the Beijing Declaration adopted in Beijing?", "beijing-declaration", ["Yes.", "1st conference"]),
    ],
)
def test_a_pair_of_things_is_checked(assistant: Assistant, question: str, card: str, says: list[str]) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == card
    text = to_plain(reply.text)
    assert all(part in text for part in says), text


@pytest.mark.parametrize(
    ("question", "card", "says", "not_said"),
    [
        # a document and a wrong year: the document's year, not the document of that year
        ("Pekin Bildirgesi 2015'te mi kabul edildi", "beijing-declaration", "21–23 Ekim 2013", "Mexico City Bildirisi"),
        ("Mexico City Bildirisi 2017'de mi kabul edildi", "conference-2-mexico", "2015", "Cork Eylem"),
        # a conference and a wrong year: set right by its rank; the card is the one asked about
        ("Cork konferansı 2015'te miydi", "conference-3-cork", "Cork, 3.", "Medellín"),
        ("Was the Cork conference in 2019?", "conference-3-cork", "Cork hosted the 3rd", "Jubail"),
        ("Medellin 2021 mi?", "conference-4-medellin", "Medellín", "Cork"),
    ],
)
def test_a_thing_and_a_wrong_year(assistant: Assistant, question: str, card: str, says: str, not_said: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == card
    assert says in to_plain(reply.text) and not_said not in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "card", "says", "not_said"),
    [
        # a figure to check and a year: that year's figure, whatever figure was guessed
        ("2021'de 12 şehir mi ödül aldı", "learning-city-award", "2021", "2019"),
        ("were there 10 award winners in 2024?", "award-winners-2024", "2024", "2019"),
        ("2020'de ağda 230 şehir mi vardı", "member-growth", "230", "425 şehir</b>"),
        ("in 2016 were there 115 members?", "member-growth", "August 2016", "2020"),
        # a figure alone: the latest count (a figure the content says of something else is no match)
        ("ağda 500 şehir mi var", "member-count", "425", "650"),
    ],
)
def test_a_figure_checked(assistant: Assistant, question: str, card: str, says: str, not_said: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)
    assert says in to_plain(reply.text) and not_said not in reply.text


def test_a_rank_of_the_networks_size_is_not_its_count(assistant: Assistant) -> None:
    """ "ağ ilk ne zaman" asks when the network began, not its first count (of_year is for years)."""
    assert assistant.ask("ağ ilk ne zaman").entry_id == "gnlc-history"
    assert assistant.ask("2022'de hangi şehirler üye oldu").entry_id != "member-growth"  # which, not how many


def test_a_link_to_no_thing_and_a_missing_confirm_are_reported(tmp_path: Path, assistant: Assistant) -> None:
    text = (assistant.content.directory / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace("      at: conference-1\n", "      at: conference-9\n", 1).replace(
        '  "yes": {tr:', "  maybe: {tr:"
    )
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    _, problems = load_facts(tmp_path, assistant.content.conferences, assistant.content.entry_ids())
    found = "\n".join(problems)
    assert "at 'conference-9' is no entity" in found
    assert 'confirm needs "yes" and "no"' in found


@pytest.mark.parametrize(
    ("question", "card", "says"),
    [
        ("en uzun süren konferans hangisiydi", "conference-5-yeonsu", "27–30 Ekim 2021"),
        ("longest conference", "conference-5-yeonsu", "4 days"),
        ("en kısa konferans", "conference-1-beijing", "5 konferans"),  # a tie: every one that shares it
        ("hangi yıl en çok şehir ödül aldı", "learning-city-award", "2017"),
        ("which year had the most award winners", "learning-city-award", "16 cities"),
        ("en eski belge hangisi", "beijing-declaration", "2013"),
        ("the newest declaration", "conference-5-yeonsu", "Yeonsu Declaration"),
    ],
)
def test_superlatives_over_what_the_facts_order(assistant: Assistant, question: str, card: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == card
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "says", "offered"),
    [
        # known for one conference only: said so, with that one a tap away
        ("en çok katılımcı hangi konferansta", "yalnızca", "conference-2-participants"),
        ("which conference had the most participants", "only for", "conference-2-participants"),
        # the award is counted per year, not per country or city
        ("en çok ödül alan ülke", "ülkelere ya da şehirlere göre", "learning-city-award"),
        ("which country won the award most often", "by country or by city", "learning-city-award"),
    ],
)
def test_superlatives_the_facts_cannot_rank_are_said_so(
    assistant: Assistant, question: str, says: str, offered: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and reply.entry_id is None
    assert says in to_plain(reply.text)
    assert any(b.data == f"e:{offered}" for row in reply.buttons for b in row)


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("8. konferans ne zaman", "conferences-overview"),  # six held, a 7th reported: no 8th known
        ("sekizinci konferans nerede olacak", "conferences-overview"),
        ("where was the tenth conference held", "conferences-overview"),
    ],
)
def test_a_place_past_every_thing_known_is_not_known(assistant: Assistant, question: str, offered: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and reply.entry_id is None
    assert any(b.data == f"e:{offered}" for row in reply.buttons for b in row)
    assert assistant.ask("7. konferans ne zaman").entry_id == "conference-7"  # the one reported stays
    assert assistant.ask("6. konferans nerede").entry_id == "conference-6-jubail"


@pytest.mark.parametrize(
    "question", ["en büyük üye şehir", "en başarılı öğrenen şehir", "the most active member city", "best learning city"]
)
def test_rankings_of_members_are_not_answered_with_the_nearest_entry(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER
    assert "sıralayan" in assistant.ask(question, force_lang="tr").text


@pytest.mark.parametrize(
    ("question", "card", "says"),
    [
        ("UIL Paris'te mi", "uil-address", "Hamburg"),  # a place the content knows the word of
        ("is UIL in Paris?", "uil-address", "Hamburg"),
        ("son konferans Riyad'da mıydı", "conference-6-jubail", "Jubail"),
        # two places, one of them right: the place, either way
        ("Was the 2021 conference in Seoul or Incheon?", "conference-5-yeonsu", "Yeonsu (Incheon)"),
        ("Is UIL in Paris or Hamburg?", "uil-address", "Hamburg"),
        ("Yeonsu is in Japan?", "conference-5-yeonsu", "Republic of Korea"),  # a statement asked
        ("UIL Paris'te mi Hamburg'da mı?", "uil-address", "Hamburg"),
    ],
)
def test_a_place_checked(assistant: Assistant, question: str, card: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == card and says in to_plain(reply.text)


def test_a_season_is_no_place(assistant: Assistant) -> None:
    assert assistant.ask("Is Cork nice in summer?").kind != ReplyKind.ANSWER


def test_a_broken_superlative_is_reported(tmp_path: Path, assistant: Assistant) -> None:
    text = (assistant.content.directory / "facts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      - field: days\n        attribute: duration\n", "      - field: days\n        pick: most of all\n", 1
    )
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    _, problems = load_facts(tmp_path, assistant.content.conferences, assistant.content.entry_ids())
    assert "pick is most or least" in "\n".join(problems)


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("Which conference came before Medellín?", "conference-3-cork"),  # "came" carries the question only
        ("In which year did the first Learning City Award go out?", "learning-city-award"),
        ("What was UIL called originally?", "what-is-uil"),
    ],
)
def test_verbs_that_carry_a_question_along(assistant: Assistant, question: str, card: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)


@pytest.mark.parametrize(
    ("question", "card", "says"),
    [
        ("Jubail is in the UAE, correct?", "conference-6-jubail", "Saudi Arabia"),  # a tag after the place
        ("Son konferans Dubai'deydi galiba?", "conference-6-jubail", "Suudi Arabistan"),  # a hedge after it
        ("Üçüncü konferans Dublin'de yapılmıştı sanırım", "conference-3-cork", "Cork"),
        ("The first learning cities conference was in Shanghai, wasn't it?", "conference-1-beijing", "Beijing"),
    ],
)
def test_a_wrong_place_set_right_whatever_follows_it(assistant: Assistant, question: str, card: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("first", "follow_up", "card"),
    [
        ("Hatay ne zaman üye oldu?", "ondan önceki Türk şehri", "city-bolu"),  # "ondan": the last thing
        ("Konya ne zaman katıldı", "sonraki şehir hangisi", "city-bolu"),
        ("What was the theme of the Cork conference?", "and the one before?", "conference-2-mexico"),
        ("Tell me about the 5th conference", "the one after that?", "conference-6-jubail"),  # its card: the 5th
        ("Which Turkish cities joined in 2022?", "and the next one?", "city-ankara"),  # next: after the last thing
        ("What was the theme of the 6th conference?", "and the next one?", "conference-7"),  # none after: the upcoming
        ("Which conference was in Beijing?", "and the next conference?", "conference-2-mexico"),  # the next after it
        ("Where was the 2019 learning cities conference?", "are you sure it wasn't Bogotá?", "conference-4-medellin"),
        ("Where was the 4th conference?", "wasn't it in Bogotá?", "conference-4-medellin"),  # the place set right
        ("Ödül ilk kez ne zaman verildi?", "kaç şehir almıştı", "learning-city-award"),  # 12, not the network's
    ],
)
def test_follow_ups_that_point_back(assistant: Assistant, first: str, follow_up: str, card: str) -> None:
    chat = ("point-back", first, follow_up)
    assert assistant.ask(first, chat=chat).kind == ReplyKind.ANSWER
    reply = assistant.ask(follow_up, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("2019'dan sonraki ilk konferans", "conference-5-yeonsu"),  # the nearest after a year, not the upcoming one
        ("2019'dan sonra düzenlenen ilk konferans hangisi?", "conference-5-yeonsu"),  # "hangisi": which, then when
        ("the first conference after 2015", "conference-3-cork"),
        ("2020'den önceki son konferans", "conference-4-medellin"),
        ("2017'den sonra katılan ilk Türk şehri", "city-bolu"),
    ],
)
def test_the_nearest_one_after_or_before_a_year(assistant: Assistant, question: str, card: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)


@pytest.mark.parametrize(
    ("question", "card"),
    [
        ("Cork'ta ne kabul edildi", "conference-3-cork"),  # what was adopted in Cork: the Call to Action
        ("Cork ne zaman kabul edildi", "member-cork"),  # when Cork was admitted: its membership
        ("Cork öğrenen şehir mi", "member-cork"),
    ],
)
def test_adopted_in_a_member_city_or_the_city_admitted(assistant: Assistant, question: str, card: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)


def test_after_and_before_stand_by_the_thing_they_order(assistant: Assistant) -> None:
    """ "send reports after joining" is no "after Bursa"; "Konya'dan hemen sonra" is."""
    text = "I'm a city coordinator in Bursa. Our colleagues keep asking whether we have to send reports after joining"
    assert assistant.ask(text).entry_id != "city-ankara"
    assert assistant.ask("Konya'dan hemen sonra kim katıldı").entry_id == "city-bolu"


@pytest.mark.parametrize("question", ["Jubail'e kaç ülke katıldı", "How many countries attended Jubail?"])
def test_a_conferences_countries_are_not_a_members_membership(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER  # attendance is known for the 2nd only


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Türkiye'de 6 öğrenen şehir var, değil mi?", "brief-members-list", "11"),  # a count checked, no rank
        ("Turkey has 6 learning cities, right?", "brief-members-list", "11"),
        ("Türkiye'nin 6. üyesi hangisi", "members-turkey", "Balıkesir"),  # "6." is a rank
        ("6. konferans nerede", "conference-6-jubail", "Jubail"),
    ],
)
def test_a_number_before_what_it_counts_is_a_count(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry and says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "card", "says"),
    [
        ("Which came first, the Cork conference or the Medellín one?", "conferences-overview", ["Cork", "Medellín"]),
        ("Yeonsu konferansı mı önce Jubail mi?", "conferences-overview", ["Yeonsu", "Jubail"]),
        ("Jubail konferansı mı yoksa Yeonsu konferansı mı daha yeni?", "conferences-overview", ["Yeonsu", "Jubail"]),
        ("Was the Beijing conference before the Mexico conference?", "conferences-overview", ["Beijing", "Mexico"]),
        ("Pekin konferansı Cork konferansından önce miydi?", "conferences-overview", ["Pekin", "Cork"]),
        # a kind without a list of its own: the earlier one's card
        ("Pekin Bildirgesi mi daha eski Medellín Manifestosu mu?", "beijing-declaration", ["Pekin", "Medellín"]),
    ],
)
def test_two_things_compared_by_their_order(finder: FactFinder, question: str, card: str, says: list[str]) -> None:
    """Which of two things of one ordered kind came first: both, earliest first."""
    lang = "en" if question.isascii() else "tr"
    found = finder.answer(question, lang)
    assert found is not None and (found.attribute, found.card) == ("order", card)
    text = to_plain(found.html)
    assert [text.index(s) for s in says] == sorted(text.index(s) for s in says)
    assert validate(found.html, strict=False) == []


@pytest.mark.parametrize(
    "question",
    [
        "Cork konferansı mı Medellín konferansı mı?",  # no order asked
        "ilk konferans Pekin konferansı mı?",  # one thing named
        "Pekin konferansından sonra Cork konferansı mı yapıldı?",  # the one after Beijing, checked
        "Cork'ta Pekin Bildirgesi mi kabul edildi?",  # a pair of two kinds: what belongs to what
    ],
)
def test_not_compared_by_order(finder: FactFinder, question: str) -> None:
    found = finder.answer(question, "tr")
    assert found is None or found.attribute != "order"


@pytest.mark.parametrize(
    ("first", "now", "card", "says"),
    [
        ("How many members in 2020?", "and now?", "member-count", "425"),
        ("2020'de kaç üye vardı?", "peki şimdi?", "member-count", "425"),
        ("2016'da ağda kaç ülke vardı?", "ya bugün?", "member-count", "91 ülkeden"),
    ],
)
def test_now_after_a_thing_of_a_year_is_the_latest(
    assistant: Assistant, first: str, now: str, card: str, says: str
) -> None:
    chat = ("now", first, now)
    assert assistant.ask(first, chat=chat).entry_id == "member-growth"
    reply = assistant.ask(now, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, card)
    assert says in to_plain(reply.text)


def test_now_does_not_make_a_newest_member_or_a_fresh_question_latest(assistant: Assistant) -> None:
    chat = ("now", "konya")
    assert assistant.ask("Konya ne zaman üye oldu?", chat=chat).entry_id == "city-konya"
    assert assistant.ask("ya şimdi?", chat=chat).entry_id != "newest-members"  # no newest Turkish member asked
    # asked afresh, "now" places nothing: the first conference, not the latest
    reply = assistant.ask("ilk konferans şu an hangi ülkede yapıldı diye biliniyor?")
    assert reply.entry_id != "conference-6-jubail"
    assert assistant.ask("2020'de kaç üye vardı şimdi?").entry_id == "member-growth"


@pytest.mark.parametrize(
    ("question", "attribute", "card", "says"),
    [
        # How many of a whole kind: the kind's own sentence, not the latest thing's attribute
        ("Kaç tane sonuç belgesi var", "count", "conferences-overview", "altı belge"),
        ("How many declarations have been adopted?", "count", "conferences-overview", "Six documents"),
        # In total, so far: each year's winners (the sources give no sum); a year named keeps that year's
        ("how many cities have won the award in total", "total", "learning-city-award", "12 cities"),
        (
            "how many cities have been honoured in total with the Learning City Award",
            "total",
            "learning-city-award",
            "five times",
        ),
        ("bugüne kadar kaç şehir ödül aldı", "total", "learning-city-award", "2017 (16)"),
        ("2024'te toplamda kaç şehir ödül aldı", "count", "award-winners-2024", "10 şehir"),
        ("ödül kaç kez verildi", "times", "learning-city-award", "beş kez"),
    ],
)
def test_questions_about_a_whole_kind(finder: FactFinder, question: str, attribute: str, card: str, says: str) -> None:
    lang = "en" if question.isascii() and ("how" in question.lower()) else "tr"
    found = finder.answer(question, lang)
    assert found is not None and (found.attribute, found.card) == (attribute, card), question
    assert says in to_plain(found.html)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("ağda toplam kaç şehir var", "member-count", "425"),  # the network's figure, not a kind's total
        ("bugüne kadar kaç konferans düzenlendi", "conferences-overview", "6."),  # the overview's list
        ("2020'de toplam kaç şehir katıldı", "members-y-2020", "55"),  # the year's admission round
        ("Türkiye'den toplam kaç şehir var", "members-turkey", "11"),
    ],
)
def test_in_total_keeps_other_figures(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_what_komek_did_there_is_its_role_but_not_anything_it_did(assistant: Assistant) -> None:
    chat = ("role", "there")
    assistant.ask("2. konferans nerede yapıldı?", chat=chat)
    assert assistant.ask("KOMEK orada ne yaptı?", chat=chat).entry_id == "komek-conference-role"
    assert assistant.ask("KOMEK ne yaptı?").entry_id == "what-is-komek"  # no place: what KOMEK is


@pytest.mark.parametrize("question", ["Öğrenen şehirlerin kaç temel özelliği var?", "how many key features are there"])
def test_the_key_features_count_their_areas_and_outcomes(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == "key-features"
    assert any(w in reply.text for w in ("altı alan", "six areas")) and any(
        w in reply.text for w in ("üç sonuç", "three outcomes")
    )


def test_the_documents_count_is_still_all_of_them(assistant: Assistant) -> None:
    reply = assistant.ask("kaç tane sonuç belgesi var")
    assert reply.entry_id == "conferences-overview" and "altı belge" in reply.text


@pytest.mark.parametrize(
    "question",
    ["Konferanslardan hangisi çevrim içi yapıldı", "hangi konferans çevrimiçiydi", "Which conference was held online?"],
)
def test_the_online_conference(assistant: Assistant, question: str) -> None:
    """ "çevrim içi", "çevrimiçi" and "online" are one word: the 5th conference was hybrid."""
    assert assistant.ask(question).entry_id == "conference-5-yeonsu"


def test_online_courses_stay_unknown(assistant: Assistant) -> None:
    assert assistant.ask("KOMEK'te çevrim içi kurs var mı").kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("hangi konferans sağlıkla ilgili", "conference-5-yeonsu"),
        ("Which conference was related to climate?", "conference-6-jubail"),
        ("hangi konferans iklimle ilgiliydi", "conference-6-jubail"),
    ],
)
def test_a_conference_related_to_a_theme(assistant: Assistant, question: str, entry: str) -> None:
    """ "ile ilgili", "related to", "dealt with" say what it was about, as "temalı" and "about" do."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("KOMEK'in kuruluş yılı nedir?", "2004"),  # "kuruluş" names an organisation, and is in "kuruluş yılı"
        ("KOMEK'in kurluş yılı nedr?", "2004"),
        ("What is KOMEK's founding year?", "2004"),
        ("UIL'in kuruluş tarihi?", "1951/52"),
    ],
)
def test_the_founding_year(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and says in reply.text


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("How many learning cities were there back in 2016?", "member-growth", "2016"),  # "back in": in
        ("When was the Learning City Award first handed out?", "learning-city-award", "2015"),  # "handed out": given
    ],
)
def test_words_that_only_carry_the_question(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("3. konferans Dublin miydi?", "conference-3-cork", "Cork"),  # a capitalised name before the particle
        ("3. konferans İrlanda'daydı diye hatırlıyorum ama şehri unuttum, Dublin miydi?", "conference-3-cork", "Cork"),
        ("Son konferans Riyad mıydı?", "conference-6-jubail", "Jubail"),
        ("2. konferans Eylül müydü?", "conference-2-date", "Eylül 2015"),  # a month is no place
    ],
)
def test_a_place_checked_without_its_ending(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_another_turkish_member_named_alone_asks_the_same(assistant: Assistant) -> None:
    assert assistant.ask("Bolu kaçıncı üye?", chat="rank").entry_id == "city-bolu"
    reply = assistant.ask("ya Hatay?", chat="rank")  # Hatay's place in the order, not did-you-mean
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-hatay")
    assert "4." in to_plain(reply.text)
    assert Topic("tr-member", "tr-member-bolu", "rank").of_one == "tr-member"
    assert Topic("tr-member", "tr-member-izmir", "which").of_one is None  # "ya Afyon da?" after 2020's list


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("how many learning cities does Korea have roughly?", "members-c-KR"),
        ("Kore'de yaklaşık kaç öğrenen şehir var?", "members-c-KR"),
    ],
)
def test_roughly_asks_nothing_of_its_own(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("KOMEK sitesi 1000'den fazla şehir öğrenen şehir diyor, doğru mu bu?", "thousand-cities-claim"),
        ("KOMEK'in sitesinde 1000 şehir yazıyor, doğru mu?", "thousand-cities-claim"),
    ],
)
def test_a_website_that_says_a_claim_is_where_it_was_seen(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert "komek.org.tr" not in reply.messages[0] or "425" in reply.messages[0]


@pytest.mark.parametrize(
    "question",
    ["İkinci konferans ertelendi mi?", "İKİNCİ KONFERANS ERTELENDİ Mİ?", "Was the 2nd conference postponed?"],
)
def test_postponed_asks_a_conferences_date_in_any_case(assistant: Assistant, question: str) -> None:
    # found by tests/test_properties.py: in capitals "ERTELENDİ" was read as a place checked
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-2-date")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How many thematic clusters does the network have?", "thematic-clusters"),  # not the network's size
        ("Ağda kaç tematik küme var?", "thematic-clusters"),
        ("Küresel ağda şu an kaç şehir var?", "member-count"),  # "küresel" names the network: its size
        ("ağda kaç şehir var", "member-count"),
    ],
)
def test_a_count_of_something_the_fact_leaves_is_the_entry_that_has_it(
    assistant: Assistant, question: str, entry: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question", ["En çok şehrin ödül aldığı tur hangisi?", "Which award round had the most winners?"]
)
def test_the_award_round_with_most_winners(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "learning-city-award")
    assert "2017" in reply.text and "16" in reply.text


def test_a_brand_new_member_is_no_question_about_a_brand(assistant: Assistant) -> None:
    assert assistant.ask("Can a brand-new member apply for the award straight away?").kind != ReplyKind.NO_ANSWER
    assert assistant.ask("Does the network have a brand?").kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Pekin buluşmasının ana sloganı neydi?", "conference-1-beijing", "Tema"),
        ("Under which slogan did the Cork gathering take place?", "conference-3-cork", "Global goals"),
        ("Under which theme was the Cork conference held?", "conference-3-cork", "Global goals"),
    ],
)
def test_a_slogan_of_a_gathering_is_a_conferences_theme(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says.lower() in to_plain(reply.text).lower()


@pytest.mark.parametrize("question", ["en son ödül töreni ne zaman yapıldı?", "When was the last award ceremony?"])
def test_the_last_award_ceremony_is_the_latest_round(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "award-winners-2024")
    assert "2024" in reply.text


def test_another_ceremony_is_no_award(assistant: Assistant) -> None:
    assert assistant.ask("KOMEK mezuniyet töreni ne zaman?").kind != ReplyKind.ANSWER


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("in which year did the most Turkish cities join", "2020, 2022"),
        ("hangi yıl en çok Türk şehri katıldı", "2020, 2022"),
        ("Türkiye'den en çok şehir hangi yıl katıldı?", "3 şehir"),
    ],
)
def test_the_year_most_turkish_cities_joined(assistant: Assistant, question: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-turkey")
    assert says in to_plain(reply.text)


def test_the_year_most_cities_joined_the_network_is_the_round_not_turkiyes(assistant: Assistant) -> None:
    """Without Türkiye named, the network's rounds: 2022, 77 new members."""
    reply = assistant.ask("en çok şehir hangi yıl katıldı")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "members-y-2022")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the document from the Irish conference", "conference-3-cork"),  # a country's adjective names its conference
        ("What was the theme of the Korean conference?", "conference-5-yeonsu"),
        ("the earliest Turkish entrant", "first-turkish-member"),  # an entrant, an addition: a member
        ("newest Turkish addition to the network?", "newest-members"),
        ("the biggest award round ever", "learning-city-award"),  # the biggest round: the most winners
        ("en büyük ödül turu hangisi", "learning-city-award"),
    ],
)
def test_unusual_words_for_known_things(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_the_things_own_name_is_not_what_the_fact_leaves(assistant: Assistant) -> None:
    """UIL named by its Turkish name: the category, not the matcher's entry on what UIL is."""
    reply = assistant.ask("hayat boyu ogrenme enstitusu hangi kategoride?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "uil-category-1")


@pytest.mark.parametrize(
    "question",
    ["how long after joining can we apply for the award", "ağa katıldıktan ne kadar sonra ödüle başvurabiliriz?"],
)
def test_how_long_after_joining_one_may_apply_for_the_award(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "learning-city-award")
    assert "12" in reply.text
