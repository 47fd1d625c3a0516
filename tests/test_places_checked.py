"""Places checked and conferences by where they were held: "Medellín Kolombiya'da mı
Meksika'da mı?", "Was a conference ever held in Africa?", "First ICLC held outside Asia?"."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "place"),
    [
        ("Medellín Kolombiya'da mı Meksika'da mı?", "conference-4-medellin", "Kolombiya"),
        ("Medellín Kolombiya'da mı yoksa Meksika'da mı?", "conference-4-medellin", "Kolombiya"),
        ("Jubail Suudi Arabistan'da mı Katar'da mı?", "conference-6-jubail", "Suudi Arabistan"),
        ("Is Medellín in Colombia or in Mexico?", "conference-4-medellin", "Colombia"),
        ("Cork İrlanda'da mı İngiltere'de mi?", "conference-3-cork", "İrlanda"),
    ],
)
def test_a_host_checked_between_two_places_gets_where_it_was(
    assistant: Assistant, question: str, entry: str, place: str
) -> None:
    """A country that is also a name of another conference ("Meksika": the 2nd) is one of
    the places checked, not a second thing named."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert place in to_plain(reply.text)


def test_two_conferences_named_as_a_choice_are_still_compared(assistant: Assistant) -> None:
    reply = assistant.ask("Meksika konferansı mı önce Medellín mi?")
    assert reply.entry_id == "conferences-overview", reply.text
    text = to_plain(reply.text)
    assert "2." in text and "4." in text


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Was a learning cities conference ever held in Türkiye?", "conferences-overview", ["No.", "Jubail"]),
        ("Türkiye'de hiç öğrenen şehirler konferansı yapıldı mı?", "conferences-overview", ["Hayır.", "Pekin"]),
        ("Türkiye hiç konferansa ev sahipliği yaptı mı?", "conferences-overview", ["Hayır."]),
        ("Was an ICLC ever held in Africa?", "conferences-overview", ["No.", "Africa", "Medellín"]),
        ("Afrika'da konferans yapıldı mı?", "conferences-overview", ["Hayır.", "Afrika"]),
        ("Has the conference ever been held in Europe?", "conference-3-cork", ["Yes.", "Cork"]),
        ("Was a conference ever held in Ireland?", "conference-3-cork", ["Yes.", "3rd"]),
        ("Which conferences were held in Latin America?", "conferences-overview", ["Mexico City", "Medellín"]),
        ("Latin Amerika'da hangi konferanslar yapıldı?", "conferences-overview", ["2. konferans", "4. konferans"]),
        ("First ICLC held outside Asia?", "conference-2-mexico", ["2nd", "Mexico City"]),
        ("Asya dışındaki ilk konferans hangisiydi?", "conference-2-mexico", ["2. konferans"]),
        ("What was the last conference outside Asia?", "conference-6-jubail", ["6th"]),
        # Konya (whom KOMEK represented at one) as a place; a locative without an apostrophe
        ("Konya'da konferans yapıldı mı?", "conferences-overview", ["Hayır.", "Konya"]),
        ("konyada hiç ogrenen sehirler konferansi yapildi mi", "conferences-overview", ["Hayır.", "Konya"]),
        ("did konya ever host one of the learning cities conferences", "conferences-overview", ["No.", "Konya"]),
        ("turkiyede konferans yapildi mi", "conferences-overview", ["Hayır.", "Türkiye"]),
        ("İSTANBUL'DA KONFERANS YAPILDI MI?", "conferences-overview", ["Hayır.", "İstanbul"]),  # 'DA: no dotted i
        # a host city by another of its names: the one conference, not "it hosted none"
        ("Meksiko'daki öğrenen şehirler konferansı hakkında bilgi verir misin", "conference-2-mexico", ["2015"]),
        ("MEKSİKO'DAKİ ÖĞRENEN ŞEHİRLER KONFERANSI HAKKINDA BİLGİ VERİR MİSİN", "conference-2-mexico", ["2015"]),
    ],
)
def test_conferences_by_the_country_or_region_they_were_held_in(
    assistant: Assistant, question: str, entry: str, says: list[str]
) -> None:
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert all(part in text for part in says), text


@pytest.mark.parametrize(
    "question",
    [
        "meksikadaki konferans kaç gün sürmüş, 2 gün diyolar ama emin değilim",
        "Konya Meksika'daki konferansa katıldı mı?",
        "kanada konferans yapıldı mı",
    ],
)
def test_what_a_conference_held_there_was_like_is_not_where_they_were_held(assistant: Assistant, question: str) -> None:
    """Its length, who took part, a name that only ends like a locative ("Kanada"): no list of hosts."""
    assert "ev sahipliği yaptı" not in to_plain(assistant.ask(question).text)


def test_a_which_question_gets_no_yes(assistant: Assistant) -> None:
    assert not to_plain(assistant.ask("Which conferences were held in Latin America?").text).startswith("Yes")
    assert not to_plain(assistant.ask("Avrupa'da kaç konferans yapıldı?").text).startswith("Evet")


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        # one conference, asked of: the facts answer it
        ("İrlanda'daki konferans hangi tarihlerde", "conference-3-cork", "18–20 Eylül 2017"),
        ("Was the 3rd conference held in Ireland?", "conference-3-cork", "Cork"),
        ("Was the first conference held in Asia?", "conference-1-beijing", "Beijing"),
        # someone at a conference, not where it was held
        ("KOMEK Meksika'daki konferansa katıldı mı?", "komek-conference-role", "KOMEK"),
        # members, not conferences
        ("Afrika'da kaç üye var?", "members-r-africa", "Afrika"),
    ],
)
def test_one_conference_or_members_in_a_place_are_not_read_as_where_they_were_held(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    text = to_plain(reply.text)
    assert says in text and not text.startswith(("Yes.", "No.", "Evet.", "Hayır.")), text


def test_the_next_conference_by_its_place_is_not_read_from_the_past_ones(assistant: Assistant) -> None:
    reply = assistant.ask("Is the next conference in Europe?")
    assert reply.entry_id == "conference-7", reply.text


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("The Beijing Declaration came out of the second conference, yes?", "beijing-declaration", ["No.", "1st"]),
        ("Pekin Bildirgesi 2. konferansta mı kabul edildi?", "beijing-declaration", ["Hayır.", "Mexico City"]),
        ("Was the Cork Call to Action adopted at the 4th conference?", "conference-3-cork", ["No.", "Medellín"]),
        ("Was the Cork Call to Action adopted at the 3rd conference?", "conference-3-cork", ["Yes."]),
        ("Medellín Manifestosu dördüncü konferansta mı çıktı?", "conference-4-medellin", ["Evet."]),
    ],
)
def test_a_document_checked_against_a_conference_by_its_rank(
    assistant: Assistant, question: str, entry: str, says: list[str]
) -> None:
    """Before, "second" was read as the second document (Key Features) or the 4th's outcome was
    given without saying the Cork Call to Action was not it."""
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert all(part in text for part in says), text


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("4. konferansta hangi belge kabul edildi?", "conference-4-medellin"),  # no document named
        ("Cork Çağrısı hangi konferansta kabul edildi?", "conference-3-cork"),  # no rank checked
        ("Pekin Bildirgesi ne zaman kabul edildi?", "beijing-declaration"),
    ],
)
def test_a_document_or_a_ranked_conference_alone_is_no_pair(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert reply.entry_id == entry, reply.text
    assert not to_plain(reply.text).startswith(("Yes.", "No.", "Evet.", "Hayır.")), reply.text


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Pekin konferansı 2013 Ekim'de miydi yoksa Kasım'da mı?", "conference-1-beijing", "Ekim 2013"),
        ("Was the Beijing conference in October or November?", "conference-1-beijing", "October 2013"),
        ("Ağ 2015'te mi kuruldu yoksa 2013'te mi?", "gnlc-history", "2013"),
        ("Was the network founded in 2013 or 2015?", "gnlc-history", "October 2013"),
        ("I think the 6th conference was in Riyadh, am I right?", "conference-6-jubail", "Jubail"),
        ("Which was the latest award round?", "award-winners-2024", "2024"),
    ],
)
def test_two_years_or_months_offered_and_other_checks_get_what_it_was(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    """Before, a 'did you mean' ('yoksa', 'am I', 'round' were words the facts did not read)."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert says in to_plain(reply.text)


def test_two_things_offered_are_still_compared(assistant: Assistant) -> None:
    """Only a second year or month is dropped: two names stay the comparison."""
    text = to_plain(assistant.ask("Cork mu yoksa Medellín mi önce?").text)
    assert "3." in text and "4." in text


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Which was the first conference in Latin America?", "conference-2-mexico", "2nd"),
        ("Latin Amerika'daki ilk konferans hangisiydi?", "conference-2-mexico", "2. konferans"),
        ("What was the last conference held in Asia?", "conference-5-yeonsu", "5th"),
        ("Which was the first conference in Africa?", "conferences-overview", "has not hosted"),
    ],
)
def test_the_first_or_last_conference_in_a_region(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    text = to_plain(reply.text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text
    assert says in text and not text.startswith(("No.", "Yes.")), text


def test_a_tag_question_with_hasnt_checks_the_member(assistant: Assistant) -> None:
    """ "hasn't it?" is a tag like "isn't it?": before, no answer."""
    reply = assistant.ask("Bonn has been a member since 2019, hasn't it?")
    assert reply.entry_id == "member-bonn" and "2020" in to_plain(reply.text)


@pytest.mark.parametrize("question", ["Öğrenen şehirlerin kaç temel özelliği var?", "How many key features are there?"])
def test_how_many_key_features_is_their_six_areas(assistant: Assistant, question: str) -> None:
    """Before, the network's member count ('kaç' without a name the facts knew)."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "key-features"), reply.text
    assert "alt" in to_plain(reply.text).lower() or "six" in to_plain(reply.text)


def test_how_many_documents_is_still_the_six_documents(assistant: Assistant) -> None:
    reply = assistant.ask("Kaç tane sonuç belgesi var")
    assert reply.entry_id == "conferences-overview" and "altı belge" in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    ["What will the attendance of the 2027 conference be?", "7. konferansa kaç kişi katılacak?"],
)
def test_what_not_even_the_reports_say_of_the_next_conference_is_not_known(assistant: Assistant, question: str) -> None:
    """The 7th conference's 'no confirmed information' answered every attribute; its
    attendance is honestly not known (NO_ANSWER, its card a tap away)."""
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER, reply.text
    assert any(b.data and "conference-7" in b.data for row in reply.buttons for b in row)


@pytest.mark.parametrize(
    "question", ["When is the next conference?", "7. konferans ne zaman", "Is the 2027 conference confirmed?"]
)
def test_the_next_conferences_reported_date_is_still_answered(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-7"), reply.text
    assert "2027" in to_plain(reply.text)


def test_did_komek_attend_stays_its_role(assistant: Assistant) -> None:
    assert assistant.ask("Did KOMEK attend the 2nd ICLC?").entry_id == "komek-conference-role"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Medellín hosted the 3rd conference, right?", "conference-4-medellin"),  # about Medellín
        ("Medellín 3. konferansa mı ev sahipliği yaptı?", "conference-4-medellin"),
        ("Cork hosted the fourth, didn't it?", "conference-3-cork"),
        ("2. konferans Pekin'de mi?", "conference-2-mexico"),  # about the 2nd
        ("Was the 3rd conference in Medellín?", "conference-3-cork"),
        ("was Konya the first Turkish member?", "first-turkish-member"),  # the first: its own card
    ],
)
def test_a_host_set_right_by_its_rank_offers_the_card_of_the_one_asked_about(
    assistant: Assistant, question: str, entry: str
) -> None:
    """The one named first is what the question is about: before, always the ranked one's card."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), reply.text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("İstanbul'da konferans yapıldı mı?", "Hayır. İstanbul bugüne kadar"),
        ("Was there a conference in Hamburg?", "No. Hamburg has not hosted"),
        ("Hamburg'daki konferans ne zamandı?", "Hamburg bugüne kadar"),  # no "Hayır" to "when"
    ],
)
def test_a_city_that_hosted_no_conference_says_so(assistant: Assistant, question: str, lead: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conferences-overview")
    assert to_plain(reply.text).startswith(lead)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Cork'ta konferans yapıldı mı?", "conference-3-cork"),  # a host: its conference
        ("İlk konferans İstanbul'da değil miydi?", "conference-1-beijing"),  # one conference checked
    ],
)
def test_a_host_or_one_conference_checked_is_the_facts(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry
