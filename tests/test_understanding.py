"""The assistant with facts, small talk, honest no-answers and follow-ups (issue 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.cli import main
from bot.evaluation import evaluate, load_cases
from bot.replies import ReplyKind
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("Cork'ta hangi belge kabul edildi?", "conference-3-cork", "Cork Eylem Çağrısı"),
        ("UIL'in eski adı ne?", "what-is-uil", "UNESCO Institute for Education"),
        ("2021'de kaç şehir ödül aldı", "learning-city-award", "10"),
        ("KO\u200bMEK kaç yılında kur\u00adul\u00addu", "what-is-komek", "2004"),
    ],
)
def test_attribute_answers_name_the_attribute_and_offer_the_card(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry
    assert says in to_plain(reply.text)
    assert "Kaynak" in reply.text or "Source" in reply.text
    assert any(b.data == f"e:{entry}" for row in reply.buttons for b in row)


@pytest.mark.parametrize(
    ("text", "entry"),
    [("teşekkürler", "smalltalk-thanks"), ("görüşürüz", "smalltalk-bye"), ("nasılsın", "smalltalk-howareyou")],
)
def test_small_talk_gets_its_own_reply(assistant: Assistant, text: str, entry: str) -> None:
    reply = assistant.ask(text)
    assert reply.kind == ReplyKind.SMALLTALK and reply.entry_id == entry and not reply.matched
    assert reply.text != assistant.ask("merhaba").text


@pytest.mark.parametrize(
    "question", ["KOMEK kurs ücretleri ne kadar?", "Konya belediye başkanı kim?", "what is the KOMEK course fee"]
)
def test_uncovered_topics_get_an_honest_reply(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.NO_ANSWER and not reply.matched and reply.entry_id is None
    assert "komek.org.tr" in reply.text or "uil.unesco.org" in reply.text


def test_ask_json_reports_no_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "KOMEK kurs ücretleri ne kadar?"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["matched"] is False and found["kind"] == "no_answer" and found["entry"] is None


def test_follow_ups_per_chat(assistant: Assistant) -> None:
    assistant.ask("ilk konferans nerede yapıldı?", chat="a")
    fourth = assistant.ask("peki dördüncüsü?", chat="a")
    assert fourth.entry_id == "conference-4-medellin" and "Medellín" in fourth.text
    assert assistant.ask("peki dördüncüsü?", chat="b").entry_id != "conference-4-medellin"  # another person
    assistant.ask("When did Izmir join?", chat="c")
    hatay = assistant.ask("and Hatay?", chat="c")
    assert hatay.entry_id == "city-hatay" and "2019" in hatay.text
    assistant.ask("Konya ne zaman üye oldu?", chat="d")
    bolu = assistant.ask("peki Bolu?", chat="d")
    assert bolu.entry_id == "city-bolu" and "2018" in bolu.text
    # A fresh full question wins over the context.
    theme = assistant.ask("Cork konferansının teması ne?", chat="a")
    assert theme.entry_id == "conference-3-cork" and "Küresel hedefler" in theme.text


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("Is Hamburg a member?", "what about Bolu?", "city-bolu", "2018"),
        ("Konya ne zaman üye oldu?", "peki Hamburg?", "member-hamburg", "Hamburg"),
        ("Hamburg öğrenen şehir mi?", "peki Konya?", "city-konya", "2017"),  # not an entry that names Konya
        ("Almanya'dan hangi şehirler üye?", "peki Fransa?", "members-c-FR", "Fransa"),
        ("Which German cities are members?", "and China?", "members-c-CN", "China"),
        ("Konya ne zaman üye oldu?", "peki Gaziantep?", "province-gaziantep", "Gaziantep"),
        ("İzmir ne zaman katıldı?", "peki hangi ay?", "city-izmir", "Eylül 2020"),
        ("When did Izmir join?", "which month?", "city-izmir", "September 2020"),  # an attribute, not a place
        ("Is Hamburg a member?", "and Lyon?", "not-listed", "Lyon"),  # quoted as written
        # A question that names nothing leans on the last thing named.
        ("Hamburg üye mi?", "ne zaman katıldı?", "member-hamburg", "2019"),
        ("Is Hamburg a member?", "when did it join?", "member-hamburg", "2019"),
        ("Konya üye mi?", "ne zaman katıldı", "city-konya", "2017"),
        ("Bolu üye mi?", "hâlâ üye mi?", "city-bolu", "Bolu"),
        # ... but a question that stands on its own keeps its own answer.
        ("Hamburg üye mi?", "KOMEK nedir?", "what-is-komek", "KOMEK"),
        ("Konya üye mi?", "ağda kaç şehir var", "member-count", "425"),
        # After the card of a whole kind (the award), what is asked of the kind itself.
        ("Öğrenen Şehir Ödülü nedir?", "kaç kez verildi?", "learning-city-award", "beş kez"),
        ("What is the Learning City Award?", "how often is it given?", "learning-city-award", "five times"),
        ("Öğrenen Şehir Ödülü nedir?", "kimler başvurabilir?", "learning-city-award", "12 aydan"),
        ("What was the theme of the 5th conference?", "which city hosted it?", "conference-5-yeonsu", "Yeonsu"),
        # "The same year": the last thing's year.
        ("when did Bursa join?", "which cities joined the same year?", "members-turkey", "Yozgat"),
        ("Bursa ne zaman katıldı?", "o yıl başka kimler katıldı?", "members-turkey", "Sakarya"),
        ("Is Hamburg a member?", "who else joined that year?", "members-y-2019", "2019"),
        # ... the whole network's that year when it says "in total", also after a Turkish member
        ("Ankara ne zaman katıldı?", "o yıl toplam kaç yeni şehir girdi", "newest-members", "72"),
        ("İzmir ne zaman katıldı?", "aynı yıl ağa toplam kaç şehir katıldı?", "members-y-2020", "55"),
        ("Ankara ne zaman katıldı?", "o yıl kaç şehir girdi", "members-turkey", "1 şehir"),  # Türkiye's
        # A follow-up read with the last member: its own card; the matcher, which reads the
        # words alone, does not override it ("kaçıncı üye" is a phrase of the first member's entry)
        ("Bursa üye mi?", "ne zaman?", "city-bursa", "2022"),
        ("Ankara ne zaman katıldı?", "kaçıncı üye?", "city-ankara", "11."),
        # "overall" says nothing of its own: the latest of all, not of that year
        (
            "Which Turkish cities joined in 2022?",
            "ok thanks. and the most recent one overall?",
            "newest-members",
            "Ankara",
        ),
        # Opened by an acknowledgement ("tamam", "süper", "ok").
        ("3. konferans nerede yapıldı?", "tamam da teması neydi", "conference-3-cork", "Küresel hedefler"),
        ("Konya ne zaman üye oldu?", "süper, peki Bolu", "city-bolu", "2018"),
        ("Konya ne zaman üye oldu?", "anladım. ya Eskişehir?", "city-eskisehir", "2016"),
        ("Where was the 3rd conference?", "ok and when was that?", "conference-3-cork", "2017"),
        # A name and one word more: the name, asked as before.
        ("Türkiye'den hangi şehirler üye?", "İstanbul yok mu?", "province-istanbul", "üyesi değil"),
    ],
)
def test_follow_ups_about_the_whole_network(assistant: Assistant, first: str, then: str, entry: str, says: str) -> None:
    """A follow-up may name any member, country or province, or a place the list lacks."""
    assistant.ask(first, chat=("net", first, then))
    reply = assistant.ask(then, chat=("net", first, then))
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in reply.text, reply.text


@pytest.mark.parametrize(
    ("questions", "entry", "says"),
    [
        (["Is Hamburg a member?", "when did it join?", "who else joined that year?"], "members-y-2019", "2019"),
        (["Almanya'dan hangi şehirler üye?", "peki Fransa?", "ilki hangisi?"], "members-c-FR", "Fransa"),
        (["2024'te kaç şehir katıldı?", "peki 2022'de?"], "members-y-2022", "77"),  # a year for a year
        (["Is Cork a learning city?", "when did it join?"], "member-cork", "Cork"),  # the city, not the conference
    ],
)
def test_a_follow_up_answered_in_full_can_be_followed_up_again(
    assistant: Assistant, questions: list[str], entry: str, says: str
) -> None:
    chat = ("chain", *questions)
    for question in questions[:-1]:
        assert assistant.ask(question, chat=chat).kind == ReplyKind.ANSWER, question
    reply = assistant.ask(questions[-1], chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in reply.text, reply.text


def test_a_question_that_names_nothing_is_not_forced_onto_the_context(assistant: Assistant) -> None:
    assistant.ask("Konya ne zaman üye oldu?", chat="fees")
    fees = assistant.ask("kurs ücretleri ne kadar?", chat="fees")
    assert fees.kind == ReplyKind.NO_ANSWER and fees.entry_id is None
    assistant.ask("Is Hamburg a learning city?", chat="hotel")
    hotel = assistant.ask("Hamburg'da otel", chat="hotel")  # a name and a word the content does not know
    assert hotel.entry_id != "member-hamburg" and "2019" not in hotel.text
    assistant.ask("Konya ne zaman üye oldu?", chat="weather")
    weather = assistant.ask("hava nasıl bugün?", chat="weather")
    assert weather.kind != ReplyKind.ANSWER


@pytest.mark.parametrize(
    ("first", "then", "entry", "says"),
    [
        ("Türkiye'den kaç şehir üye?", "hangileri?", "members-turkey", "Eskişehir"),
        ("how many Turkish members are there", "which ones?", "members-turkey", "Eskişehir"),
        ("Almanya'dan kaç şehir üye?", "hangileri", "members-c-DE", "Hamburg"),
        ("Cork konferansının teması neydi?", "daha fazla bilgi", "conference-3-cork", "Cork Eylem Çağrısı"),
        ("when was the Cork conference?", "tell me more", "conference-3-cork", "Cork Call to Action"),
        ("Türkiye'den hangi şehirler üye?", "başka var mı?", "members-turkey", "Ankara"),
        ("Which Turkish cities are members?", "is that all?", "members-turkey", "Ankara"),
    ],
)
def test_more_after_an_answer_gives_its_whole_entry(
    assistant: Assistant, first: str, then: str, entry: str, says: str
) -> None:
    chat = ("more", first)
    assistant.ask(first, chat=chat)
    reply = assistant.ask(then, chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in to_plain(reply.text), reply.text


def test_more_without_an_answer_before_asks_what_about(assistant: Assistant) -> None:
    alone = assistant.ask("hangileri?", chat="more-alone")
    assert (alone.kind, alone.entry_id) == (ReplyKind.SMALLTALK, "smalltalk-more")
    assert assistant.ask("tell me more", chat="more-alone-en").lang == "en"


def test_an_order_word_in_a_follow_up_is_not_a_place(assistant: Assistant) -> None:
    """ "ilki", "sonuncusu" say which one; they are not a city missing from the list."""
    assistant.ask("Türkiye'den kaç şehir üye?", chat="order")
    latest = assistant.ask("en sonuncusu hangisi?", chat="order")
    assert latest.entry_id != "not-listed" and "Ankara" in latest.text
    assistant.ask("Almanya'dan kaç şehir üye?", chat="order-de")
    first = assistant.ask("ilki hangisi?", chat="order-de")
    assert first.entry_id != "not-listed" and "ilki" not in first.text


def test_are_you_sure_gives_the_answer_again_with_its_source(assistant: Assistant) -> None:
    assistant.ask("Bolu üye mi?", chat="sure")
    again = assistant.ask("emin misin?", chat="sure")
    assert again.kind == ReplyKind.ANSWER and again.entry_id == "city-bolu"
    assert len(again.messages) >= 2 and "teyit" in again.text  # the card's note: status unconfirmed
    assistant.ask("Where was the 4th conference held?", chat="sure-en")
    sure = assistant.ask("are you sure?", chat="sure-en")
    assert sure.lang == "en" and sure.kind == ReplyKind.ANSWER and "Medellín" in sure.text
    alone = assistant.ask("emin misin?", chat="nobody")
    assert alone.kind == ReplyKind.SMALLTALK and alone.entry_id == "smalltalk-confirm"


def test_the_context_expires_and_is_bounded(assistant: Assistant) -> None:
    conversations = assistant.conversations
    assert conversations.ttl <= 600 and conversations.max_chats <= 100_000


def test_eval_reads_style_contains_and_context(tmp_path: Path, assistant: Assistant) -> None:
    questions = tmp_path / "set.yaml"
    questions.write_text(
        "- {q: 'peki dördüncüsü?', expect: conference-4-medellin, lang: tr, style: follow-up,\n"
        "   context: ['ilk konferans nerede yapıldı?'], contains: ['Medellín']}\n"
        "- {q: 'Cork konferansının teması', expect: conference-3-cork, lang: tr, style: attribute,"
        " contains: ['not in the reply']}\n"
        "- {q: 'teşekkürler', expect: smalltalk-thanks, lang: tr, style: smalltalk}\n"
        "- {q: 'KOMEK kurs ücreti ne kadar', expect: none, lang: tr, style: unanswerable}\n",
        encoding="utf-8",
    )
    report = evaluate(assistant, load_cases(questions))
    assert [o.correct for o in report.outcomes] == [True, False, True, True]
    assert report.outcomes[1].within_one_tap  # the right entry, but not what it must contain
    assert report.confident_wrong_rate == 0.0 and report.rejection == 1.0
    styles = report.breakdown()["style"]
    assert styles["follow-up"]["accuracy"] == 1.0 and styles["attribute"]["accuracy"] == 0.0
    assert assistant.ask("peki dördüncüsü?").entry_id != "conference-4-medellin"  # no context left behind


def test_counting_questions_state_the_number(assistant: Assistant) -> None:
    assert "11" in to_plain(assistant.ask("Türkiye'den kaç şehir üye?").text)
    assert "425" in to_plain(assistant.ask("ağda kaç şehir var").text)
    assert "230" in to_plain(assistant.ask("2020 yılında ağın kaç üyesi vardı").text)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("hangi illerimiz üye?", "members-turkey"),
        ("illerimizden kaç tanesi ağda", "members-turkey"),
        ("şehirlerimizden hangileri bu ağa üye", "members-turkey"),
        ("şehirlerimizden ilk hangisi katıldı", "first-turkish-member"),
    ],
)
def test_our_provinces_are_turkiyes(assistant: Assistant, text: str, entry: str) -> None:
    """ "İllerimiz", "şehirlerimizden": the people asking are in Türkiye."""
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry), text
    assert "11" in reply.text or "Eskişehir" in reply.text


def test_the_one_after_a_thing_is_no_question_about_the_future(assistant: Assistant) -> None:
    """ "Medellín'den sonraki konferans" is the 5th, held: not "later than my sources"."""
    reply = assistant.ask("Medellín'den sonraki konferans nerede yapıldı?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "conference-5-yeonsu") and "Yeonsu" in reply.text
    later = assistant.ask("bir sonraki konferans nerede olacak?")
    assert later.entry_id != "conference-5-yeonsu"


@pytest.mark.parametrize(
    ("text", "entry", "says"),
    [
        ("Selam, tez yazıyorum; Öğrenen Şehirler Küresel Ağı hangi yıl başlatıldı?", "gnlc-history", "2013"),
        ("I'm writing a school report: how many countries are members of the network?", "member-count", "91"),
        ("kusura bakmayın, rahatsız ediyorum: UIL'in adresi nedir?", "uil-address", "Feldbrunnenstraße"),
        ("merhaba ben Elif, Bursa'da yaşıyorum; Bursa bu ağa ne zaman girdi", "city-bursa", "2022"),
    ],
)
def test_the_question_after_chatter(assistant: Assistant, text: str, entry: str, says: str) -> None:
    """Words before the question itself that the content does not know do not sink it."""
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in reply.text, reply.text


def test_a_preamble_that_names_the_subject_is_not_chatter(assistant: Assistant) -> None:
    assert assistant.ask("KOMEK kaç senedir bu ağda").entry_id != "member-count"  # KOMEK is the subject
    claim = assistant.ask("KOMEK says over 1000 cities are learning cities, is that the member count?")
    assert claim.entry_id != "member-count"  # the question is about KOMEK's claim, not the count
    price = assistant.ask("KOMEK kurs ücretleri ne kadar, ağ ne zaman kuruldu?")
    assert price.kind != ReplyKind.ANSWER  # a price before the question: not answered with the history


def test_there_and_then_lean_on_the_last_topic(assistant: Assistant) -> None:
    assistant.ask("Yeonsu konferansı ne zaman yapıldı?", chat="there")
    there = assistant.ask("orada hangi belge kabul edildi?", chat="there")
    assert (there.kind, there.entry_id) == (ReplyKind.ANSWER, "conference-5-yeonsu") and "Yeonsu" in there.text


@pytest.mark.parametrize(
    ("text", "entry", "says"),
    [
        ("İzmir 2019'da katıldı diye biliyorum", "city-izmir", "2020"),  # the fact, not the belief
        ("I thought Bolu joined in 2019", "city-bolu", "2018"),
    ],
)
def test_what_someone_believes_gets_the_fact(assistant: Assistant, text: str, entry: str, says: str) -> None:
    reply = assistant.ask(text)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry) and says in reply.text


def test_kommeks_old_list_is_explained(assistant: Assistant) -> None:
    """The brief lists six cities: the bot says which are missing from it, and since when."""
    reply = assistant.ask("KOMEK'in sayfasında neden yalnızca altı şehir yazıyor?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "brief-members-list")
    assert all(city in reply.text for city in ("Balıkesir", "Bursa", "Sakarya", "Yozgat", "Ankara"))


def test_stem_changes_before_an_ending(assistant: Assistant) -> None:
    """ "kaydı" is "kayıt", "şehri" is "şehir": a phrase's word matches them too."""
    from bot.phrases import word_matches

    assert word_matches("kaydi", "kayit") and word_matches("sehri", "sehir") and word_matches("rengi", "renk")
    assert not word_matches("kaydolmak", "kayit") and not word_matches("kayd", "kayit")
    reply = assistant.ask("KOMEK kurs kaydı ne zaman başlıyor")
    assert reply.kind == ReplyKind.NO_ANSWER  # course registration is not in the content


def test_after_it_and_before_it(assistant: Assistant) -> None:
    """ "Ondan sonra hangisi?" is after the last topic's thing; "bir sonraki konferans" still the upcoming one."""
    assistant.ask("İzmir ne zaman üye oldu?", chat="after")
    after = assistant.ask("ondan sonra hangisi katıldı?", chat="after")
    assert after.kind == ReplyKind.ANSWER and "Bursa" in after.text  # the next to join after 2020
    assistant.ask("3. konferans nerede yapıldı?", chat="next")
    fourth = assistant.ask("ondan sonraki nerede?", chat="next")
    assert fourth.entry_id == "conference-4-medellin"
    assistant.ask("3. konferans nerede yapıldı?", chat="upcoming")
    assert assistant.ask("bir sonraki konferans ne zaman?", chat="upcoming").entry_id == "conference-7"


def test_a_cards_thing_is_followed_up_after_its_role(assistant: Assistant) -> None:
    """ "Who coordinates the network?" is answered by UIL's role: "where is it based?" is UIL's place."""
    chat = ("role", "uil")
    assistant.ask("Who coordinates the network?", chat=chat)
    assert assistant.ask("where is it based?", chat=chat).entry_id == "uil-address"


def test_a_kinds_first_is_followed_up_by_rank(assistant: Assistant) -> None:
    """ "the first one?" after Türkiye's members is the kind's first; "and the third?" its third."""
    chat = ("rank", "tr")
    assistant.ask("Tell me about Türkiye's learning cities.", chat=chat)
    assistant.ask("the first one?", chat=chat)
    assert assistant.ask("and the third?", chat=chat).entry_id == "city-bolu"


@pytest.mark.parametrize(
    ("questions", "entry"),
    [
        # Offered alone as "did you mean" (award-turkey, join-turkey, members-turkey): the one
        # related to the last answer
        (["Which cities won the award in 2024?", "any from Turkey?"], "award-turkey"),
        (["Öğrenen şehir ödülü nedir?", "Türkiye?"], "award-turkey"),
        # none related: one of the same topic (tag) as the last answer
        (["Ağda kaç şehir var?", "Türkiye'den?"], "members-turkey"),
        (["How many members does the network have?", "and in Turkey?"], "members-turkey"),
        # after an answer about no one thing (how cities join), a place asked again
        (["Başvuru nereye gönderiliyor?", "Türkiye'de?"], "join-turkey"),
        (["How do cities join?", "and from Turkey?"], "join-turkey"),
        # the last answer's own entry, offered with others
        (["Öğrenen şehir ödülü nedir?", "en son ne zaman verildi?", "kazananlar?"], "award-winners-2024"),
    ],
)
def test_a_follow_up_offered_several_entries_is_settled_by_the_last_answer(
    assistant: Assistant, questions: list[str], entry: str
) -> None:
    chat = ("related", *questions)
    for question in questions[:-1]:
        assert assistant.ask(question, chat=chat).kind == ReplyKind.ANSWER
    reply = assistant.ask(questions[-1], chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_follow_up_is_not_settled_without_a_related_entry(assistant: Assistant) -> None:
    # alone, without the chat's last answer, the same words stay a "did you mean"
    assert assistant.ask("any from Turkey?").kind == ReplyKind.SUGGEST
    # a kind of information no entry gives stays honestly unanswered
    chat = ("related", "fees")
    assistant.ask("Öğrenen şehir ödülü nedir?", chat=chat)
    assert assistant.ask("ücreti?", chat=chat).kind != ReplyKind.ANSWER


def test_overall_asks_nothing_of_its_own(assistant: Assistant) -> None:
    reply = assistant.ask("What are the overall aims of the network?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "gnlc-aims")
    assert assistant.ask("overall").kind != ReplyKind.ANSWER


def test_a_question_that_names_its_member_is_about_that_member(assistant: Assistant) -> None:
    chat = ("own", "konya")
    assistant.ask("Ankara ne zaman katıldı?", chat=chat)
    reply = assistant.ask("Konya Türkiye'den kaçıncı üye?", chat=chat)  # Konya's place, not Ankara's
    assert reply.entry_id == "city-konya" and "Ankara" not in reply.messages[0]


def test_after_an_answer_about_no_one_thing(assistant: Assistant) -> None:
    """The entry is remembered: "are you sure?" / "tell me more" give it again; a follow-up
    that names no place is not settled by it."""
    for then in ("are you sure?", "tell me more"):
        chat = ("no-one-thing", then)
        assistant.ask("How do cities join?", chat=chat)
        reply = assistant.ask(then, chat=chat)
        assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "how-to-join")
    chat = ("no-one-thing", "who")
    assistant.ask("How do cities join?", chat=chat)
    assert assistant.ask("who decides?", chat=chat).kind != ReplyKind.ANSWER


def test_among_them_only_carries_a_follow_up(assistant: Assistant) -> None:
    chat = ("among", 1)
    assert assistant.ask("Who won in 2024?", chat=chat).entry_id == "award-winners-2024"
    reply = assistant.ask("any from Turkey among them?", chat=chat)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "award-turkey")  # was nothing
