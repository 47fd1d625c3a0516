"""Everyday words for what the content says in its own (issue 9): the sources, sending an
application, a network that shrinks.

The content calls the Turkish text it started from "KOMEK's text" ("KOMEK'in metni"); people
call it "the brief", "brif" or "broşür". Verbs that only report what a text says ("mention",
"cite", "bahsediliyor") carry no topic; "say" does ("what did UNESCO say about KOMEK").
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("why isn't Bursa in the brief", "brief-members-list", "Balıkesir"),
        ("Broşürdeki listede neden bazı şehirler yok?", "brief-members-list", "Sakarya"),
        ("what strategy does the brief mention", "unesco-strategy-34c4", "34 C/4"),
        ("what does nearly 500 million citizens refer to", "member-count", "500"),
        ("how many people has KOMEK trained", "what-is-komek", "several hundred thousand"),
        ("komek kaç kişiye eğitim verdi", "what-is-komek", "yüz binlerce"),
        ("is the AI conference confirmed", "conference-7", "no confirmed information"),
        ("yapay zeka konferansı kesin mi", "conference-7", "doğrulanmış bir bilgi yok"),
        ("üyelik başvurusu kime gönderilir", "how-to-join", "Millî Komisyon"),
        ("max nominations per country", "learning-city-award", "2"),
        ("what must members do", "member-duties", "every two years"),
    ],
)
def test_the_brief_and_sending_words_find_their_entry(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_say_still_names_what_a_source_said(assistant: Assistant) -> None:
    """'say' is not a reporting verb to drop: it is what the question asks."""
    reply = assistant.ask("Why do some sources say 1000 cities when the network lists far fewer members?")
    assert reply.entry_id == "thousand-cities-claim" or "thousand-cities-claim" in reply.suggestions


def test_asking_the_bot_to_submit_an_application_is_not_uils_address(assistant: Assistant) -> None:
    """'submit' stays out of the sending words: the bot cannot send anyone's form."""
    reply = assistant.ask("Can you submit my city's application to UIL for me?")
    assert not (reply.kind == ReplyKind.ANSWER and reply.entry_id == "uil-address")


@pytest.mark.parametrize(
    "question",
    [
        "why did the count fall in 2024",
        "has the network shrunk",
        "which cities left the network",
        "do memberships lapse",
    ],
)
def test_a_falling_count_is_the_growth_card(assistant: Assistant, question: str) -> None:
    """The growth card (the counts over time, and that they can fall) answers it."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "member-growth")
    assert "lapse" in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("başvuru e-postası hangisi", "contact", "learningcities@unesco.org"),
        ("UIL posta adresi", "uil-address", "Feldbrunnenstraße"),
        ("does KOMEK have a branch in Kosovo", "what-is-komek", "North Macedonia, Kosovo and Bosnia-Herzegovina"),
        ("KOMEK Bosna'da var mı", "what-is-komek", "Bosna-Hersek"),
        ("Cork'ta hangi tarihte toplanıldı", "conference-3-cork", "18–20 Eylül 2017"),
        ("öğrenen şehrin sonuçları neler, bireysel güçlenme falan", "key-features", "bireyin güçlenmesi"),
    ],
)
def test_words_with_endings_and_places_of_an_answer(assistant: Assistant, question: str, entry: str, says: str) -> None:
    """ "e-postası" is the e-mail (not the postal address); KOMEK's branches are its own
    card's places; "toplanıldı" asks when a conference was held."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_meeting_is_not_a_holding(assistant: Assistant) -> None:
    """ "toplantı" (a meeting) is not "toplandı" (was held): the KOMEK question stays the declaration's."""
    question = (
        "Kolay gelsin. Emekliyim, KOMEK'te ahşap boyama öğreniyorum. Bizim kurslar UNESCO'nun bir "
        "toplantısında övülmüş diye duydum, hangi toplantıydı o?"
    )
    reply = assistant.ask(question)
    assert reply.entry_id == "komek-declaration" or "komek-declaration" in reply.suggestions


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Someone told me Konya is a learning city. True?", "city-konya"),
        ("is it true that the award was given in 2019", "learning-city-award"),
    ],
)
def test_true_only_asks_for_a_check(assistant: Assistant, question: str, entry: str) -> None:
    """ "True?" is a check of what was said, like "correct?": no unknown word that sinks it."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_or_else_still_reads_as_a_question_of_membership(assistant: Assistant) -> None:
    """ "yoksa" (or else) stays a word: "..., yoksa üye değil miyiz?" is not KOMEK's card."""
    reply = assistant.ask("Balıkesir'de yaşıyorum, KOMEK'in sitesinde bizi göremedim, yoksa üye değil miyiz?")
    assert not (reply.kind == ReplyKind.ANSWER and reply.entry_id == "what-is-komek")


@pytest.mark.parametrize(
    "question",
    ["başvuruda kimi bilgiye eklemeliyiz", "who should be cc'd on the application", "what happens after we apply"],
)
def test_the_steps_after_the_form_are_the_joining_card(assistant: Assistant, question: str) -> None:
    """The cc to learningcities@unesco.org and what follows the form are steps 4-5 of joining."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "how-to-join")
    assert "learningcities@unesco.org" in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("KOMEK hangi konferansa katıldı", "komek-conference-role", "2. Uluslararası"),
        ("KOMEK kaç şubeye sahip", "what-is-komek", "Bosna-Hersek"),
        ("KOMEK her ilçede var mı", "what-is-komek", "her ilçesinde"),
        ("How long has KOMEK been running", "what-is-komek", "2004"),
        ("KOMEK ile öğrenen şehirler ağının bağlantısı ne", "komek-member-since", "2017"),
        ("how long has Konya been a member", "city-konya", "2017"),
    ],
)
def test_komeks_own_facts_in_everyday_words(assistant: Assistant, question: str, entry: str, says: str) -> None:
    """The city team's own organisation, asked as its users ask: which conference it went to,
    its branches and districts, how long it has run; "how long" asks since when."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_an_organisation_named_with_a_conferences_rank_is_what_is_asked(assistant: Assistant) -> None:
    """KOMEK is not a place checked against the 2nd conference (as Glasgow is against the 3rd):
    its role there is asked."""
    reply = assistant.ask("did KOMEK attend the 2nd ICLC?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "komek-conference-role")
    assert assistant.ask("Wasn't the 3rd conference held in Glasgow?").entry_id == "conference-3-cork"


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("hamburgdaki enstitunun adi ne", "what-is-uil", "UNESCO Hayat Boyu Öğrenme Enstitüsü"),
        ("what is the institute in Hamburg called", "what-is-uil", "UNESCO Institute for Lifelong Learning"),
        ("KOMEK'in açılımı ne", "what-is-komek", "Meslek Edindirme Kursları"),
        ("Hamburg'daki enstitü ne zaman kuruldu", "what-is-uil", "1951/52"),
    ],
)
def test_a_full_name_and_the_institute_in_hamburg(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


def test_a_documents_name_is_still_the_document(assistant: Assistant) -> None:
    """ "belgenin adı" asks the outcome document, not a full name."""
    reply = assistant.ask("Cork konferansında çıkan belgenin adı ne?")
    assert "Cork Eylem Çağrısı" in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("konferansları sırayla yaz", "conferences-overview"),  # "sırayla": in order, not "sıradaki" (the next)
        ("Türk üyeleri katılış sırasına göre sıralayabilir misin?", "members-turkey"),
        ("sıradaki konferans ne zaman", "conference-7"),  # "sıradaki": the next one
        ("Konya sırada kaçıncı?", "city-konya"),
    ],
)
def test_in_order_is_not_the_next(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("yozgat da mi var ciddi misin", "city-yozgat"),  # "ciddi misin": seriously?
        ("hey quick q, is izmir in this network or nah", "city-izmir"),
        ("ankara da uye mi artik", "city-ankara"),  # "artık": by now
        ("heralde ankara da girmiştir artık di mi", "city-ankara"),  # "girmiştir": has entered, joined
        ("Ankara ağa girdi mi?", "city-ankara"),
        ("yozgat joined in 2020 didnt it", "city-yozgat"),
        ("how many conferences so far", "conferences-overview"),
    ],
)
def test_how_people_type_on_their_phones(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Do you happen to know if any Nigerian city is in the network at all?", "members-c-NG"),  # "if": whether
        ("I wonder whether Izmir is a member", "city-izmir"),
        ("which of the conferences was partly online?", "conference-5-yeonsu"),
        ("length of the Cork conference in days", "conference-3-cork"),
    ],
)
def test_indirect_and_unusual_words(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_the_actual_address_after_where_uil_is(assistant: Assistant) -> None:
    chat = ("actual", "address")
    assistant.ask("where's UIL based?", chat=chat)
    reply = assistant.ask("what's the actual address?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "uil-address")
    assert "Feldbrunnenstraße" in reply.text


@pytest.mark.parametrize(
    "question",
    ["Başvuru formunu kim imzalamak zorunda?", "Who signs the application form?", "başvuru formunu kim imzalıyor"],
)
def test_signing_words_are_one(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "how-to-join")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("6. konferansın teması ne idi", "conference-6-jubail"),
        ("ilk konferans nerede idi", "conference-1-beijing"),
        ("konya ne zaman uye olmus idi", "city-konya"),
    ],
)
def test_the_written_apart_copula_says_nothing(assistant: Assistant, question: str, entry: str) -> None:
    """ "ne idi", "nerede idi": the "idi" of "neydi" written apart is no word of a topic."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("komek nedir ne ise yarar", "what-is-komek"),
        ("uil ne işe yarar", "what-is-uil"),
        ("bu bot ne işe yarar", "about-bot"),
        ("üyelik ne işe yarar", "member-benefits"),
    ],
)
def test_what_a_named_thing_is_for_is_that_things_card(assistant: Assistant, question: str, entry: str) -> None:
    """ "ne işe yarar" asks what the thing named is for: not the bot's own card."""
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "what was UIL called before it got its current name",
        "what was UIL called before it got renamed",
        "UIL adı değişmeden önce neydi",
    ],
)
def test_a_renaming_asks_the_old_name(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "what-is-uil")
    assert "Institute for Education" in to_plain(reply.text)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("uye olabilmek icin kosullar neler", "membership-requirements"),  # "olabilmek": "olmak", may
        ("uye olmak icin sartlar neler", "membership-requirements"),
    ],
)
def test_being_able_to_become_is_becoming(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_start_is_the_networks_beginning_not_a_requirement(assistant: Assistant) -> None:
    """ "start" is no typo of "şart" (a requirement): after the network, when it began."""
    chat = ("test", "start")
    assistant.ask("What is the GNLC?", chat=chat)
    for question in ("when did it start?", "when did it begin?"):
        reply = assistant.ask(question, chat=chat)
        assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "gnlc-history"), question
