"""Small talk (content/smalltalk.yaml) and honest "I don't have that" (no_answer.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.assistant import Assistant
from bot.config import default_content_dir
from bot.honesty import load_no_answer
from bot.replies import ReplyKind
from bot.smalltalk import load_smalltalk
from bot.textnorm import sentences
from bot.tghtml import to_plain


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("teşekkürler", "smalltalk-thanks"),
        ("Çok teşekkür ederim!", "smalltalk-thanks"),
        ("thank you 🙏", "smalltalk-thanks"),
        ("Teşekkürler, görüşürüz!", "smalltalk-bye"),
        ("bye", "smalltalk-bye"),
        ("nasılsın?", "smalltalk-howareyou"),
        ("how are you", "smalltalk-howareyou"),
        ("merhaba 👋", "smalltalk-hello"),
        ("Selam", "smalltalk-hello"),
    ],
)
def test_small_talk_kinds(text: str, entry: str) -> None:
    smalltalk, problems = load_smalltalk(default_content_dir())
    assert problems == []
    found = smalltalk.kind(text)
    assert found is not None and found.entry_id == entry


@pytest.mark.parametrize("text", ["merhaba, Bolu ne zaman katıldı?", "thanks, and when did Konya join?", "", "konya"])
def test_questions_are_not_small_talk(text: str) -> None:
    smalltalk, _ = load_smalltalk(default_content_dir())
    assert smalltalk.kind(text) is None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("KOMEK kurs ücretleri ne kadar", "komek-courses"),
        ("KOMEK kurslarına nasıl kayıt olunur", "komek-courses"),
        ("how do I register for a KOMEK course", "komek-courses"),
        ("Konya belediye başkanı kim", "people"),
        ("Who is the mayor of Konya?", "people"),
        ("Konya'nın koordinatörü kim", "people"),
        ("üyelik ücretli mi", "money-jobs"),
    ],
)
def test_topics_the_content_does_not_cover(text: str, topic: str) -> None:
    no_answer, problems = load_no_answer(default_content_dir())
    assert problems == []
    found = no_answer.topic(text)
    assert found is not None and found.id == topic
    assert "komek.org.tr" in no_answer.render(found, "tr") or "uil" in no_answer.render(found, "en").lower()


@pytest.mark.parametrize(
    "text",
    ["başvuru formunu belediye başkanı mı imzalar", "ağın koordinatörü kim", "KOMEK nedir", "how to join the network"],
)
def test_covered_questions_are_not_refused(text: str) -> None:
    no_answer, _ = load_no_answer(default_content_dir())
    assert no_answer.topic(text) is None


def test_broken_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text("- id: x\n  words: {tr: [a]}\n", encoding="utf-8")
    (tmp_path / "no_answer.yaml").write_text(
        "message: {tr: a, en: b}\nlook_here: {tr: a, en: b}\ntopics:\n  - {id: t, any: [[x]], where: [nowhere]}\n",
        encoding="utf-8",
    )
    assert load_smalltalk(tmp_path)[1]
    assert "unknown place 'nowhere'" in "\n".join(load_no_answer(tmp_path)[1])


# --------------------------------------------------------------------------- chatter around a question


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("hocam kusura bakmayın bir şey soracağım komek ne zaman kuruldu", "hocam komek ne zaman kuruldu"),
        ("my boss asked me to find out when the next conference is", "when the next conference is"),
        ("selamlar sunum hazırlıyorum ağın amaçları nelerdir", "selamlar ağın amaçları nelerdir"),
        # a clause of chatter ends in a first-person or reporting verb; the content's words in it stay
        ("okulda sunum yapacağım öğrenen şehir ne demek", "öğrenen şehir ne demek"),
        ("kardeşim soruyor izmir bu ağda var mı", "soruyor izmir bu ağda var mı"),
        ("ben konyadan yazıyorum merak ettim bu ağa ne zaman girdik", "ben konyadan yazıyorum bu ağa ne zaman girdik"),
        ("kusura bakmayın, rahatsız ediyorum: UIL'in adresi nedir?", "UIL'in adresi nedir?"),
        ("ya ben anlamadım şimdi bu GNLC ne oluyor", "ya ben şimdi bu GNLC ne oluyor"),
    ],
)
def test_chatter_is_left_out_by_its_shape(assistant: Assistant, text: str, core: str) -> None:
    assert assistant.understanding.without_chatter(text) == core


@pytest.mark.parametrize(
    "text",
    [
        "Göbeklitepe öğrenen şehir mi",  # an unknown word that is no chatter may be the thing asked about
        "Konyalıyım, ne zaman katıldık",  # a place name with an ending is never chatter
        "Hatay'da deprem sonrası yardım başvurusu nasıl yapılır?",  # "yardım" is no first-person verb
        "üyelik kaç yıl geçerli, yenilemek gerekiyor mu",  # "gerekiyor mu" is the question itself
        "kusura bakmayın",  # nothing the content knows would be left
    ],
)
def test_what_is_not_chatter_stays(assistant: Assistant, text: str) -> None:
    assert assistant.understanding.without_chatter(text) is None


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        ("hocam kusura bakmayın bir şey soracağım komek ne zaman kuruldu", "what-is-komek", "2004"),
        ("selam ya şu unesco olayı tam olarak ne", "what-is-gnlc", "GNLC"),
        ("pardon rahatsız ediyorum ödül için kimler başvurabilir", "learning-city-award", "12"),
        ("gazetede haber yazacağım Türkiye'den hangi şehirler üye", "members-turkey", "Eskişehir"),
        ("annem merak etti ankara da girmiş mi", "city-ankara", "2025"),
        ("bot kardeş son konferans nerede oldu", "conference-6-jubail", "Jubail"),
        ("my boss asked me to find out when the next conference is", "conference-7", "2027"),
        ("sorry to bother you but how many cities are in the network now", "member-count", "425"),
        ("hey bot, who coordinates the network?", "who-runs", "UIL"),
        ("my students keep asking me what a learning city is", "what-is-learning-city", "lifelong"),
    ],
)
def test_questions_inside_chatter_are_answered(assistant: Assistant, question: str, entry: str, says: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    [
        "KOMEK'te öğretmenim, kurs ücretleri ne kadar",  # the question itself is not covered
        "hocam kusura bakmayın Konya belediye başkanı kim",
        "my boss asked me to find out the KOMEK course fees",
        "üyelik kaç yıl geçerli, yenilemek gerekiyor mu",
        # a profession the content has a no-answer for is no self-introduction here
        "KOMEK'te öğretmen olmak istiyorum nasıl başvururum",
        "KOMEK öğretmen alımı yapıyor mu",
    ],
)
def test_chatter_does_not_make_an_uncovered_question_answered(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind != ReplyKind.ANSWER


def test_broken_chatter_is_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text("- chatter: {phrases: [a], words: b}\n", encoding="utf-8")
    assert "chatter needs lists" in "\n".join(load_smalltalk(tmp_path)[1])
    chatter = "- chatter: {phrases: [a], words: [b], endings: [c], ends: [d], titled: {after: [two words]}}\n"
    (tmp_path / "smalltalk.yaml").write_text(chatter, encoding="utf-8")
    assert "chatter's titled needs lists of single words" in "\n".join(load_smalltalk(tmp_path)[1])


@pytest.mark.parametrize(
    ("question", "entry", "says"),
    [
        # "halkla ilişkiler", "müdürlük" are topics the content lacks; here only where the asker works
        (
            "iyi günler, belediyede halkla ilişkilerde çalışıyorum, ağın kaç üyesi var güncel olarak",
            "member-count",
            "425",
        ),
        ("il müdürlüğünde çalışıyorum üyelik için ne gerekli", "membership-requirements", "iyi uygulamalardan"),
        ("İzmir'de basın müdürlüğünde çalışıyorum, şehrimiz ne zaman üye oldu", "city-izmir", "2020"),
        ("I work in public relations. When was the network launched?", "gnlc-history", "2013"),
        (  # a greeting, then what the asker does up to ";", then the question: the reading alone found nothing
            "Good evening, I'm a PhD student comparing lifelong learning policy; I need the name of the declaration "
            "adopted in 2013, thanks in advance",
            "beijing-declaration",
            "Beijing Declaration",
        ),
        # hedges and tags after the question ask nothing
        ("selam hatay ne zaman katıldı tam emin değilim", "city-hatay", "2019"),
        ("Konya ne zaman katıldı ya unuttum", "city-konya", "2017"),
        ("bolunun uyelik yili 2017 mi 2018 mi kafam karisti", "city-bolu", "2018"),
        ("Hatay kendisi de öğrenen şehir mi", "city-hatay", "2019"),  # "kendisi": the city itself
        ("Sorry if this is a silly question but what does GNLC stand for?", "what-is-gnlc", "Global Network"),
        ("valla bilmiyorum ama Sakarya da üyeymiş öyle mi", "city-sakarya", "2022"),
    ],
)
def test_what_the_asker_says_about_themselves_is_no_question(
    assistant: Assistant, question: str, entry: str, says: str
) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
    assert says in to_plain(reply.text)


@pytest.mark.parametrize(
    "question",
    [
        "KOMEK'te çalışıyorum, kurs ücretleri ne kadar",  # the question after it is not covered either
        "Konya'da yaşıyorum belediye başkanı kim",
        "I live in Konya. Who is the mayor?",
    ],
)
def test_a_statement_before_an_uncovered_question_keeps_it_refused(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_statements_are_split_after_the_verb_about_the_asker(assistant: Assistant) -> None:
    understanding = assistant.understanding
    assert understanding.about_asker("belediyede halkla ilişkilerde çalışıyorum, ağın kaç üyesi var") == (
        "belediyede halkla ilişkilerde çalışıyorum,",
        "ağın kaç üyesi var",
    )
    assert understanding.about_asker("Hello! I work for Izmir municipality. How many members?") == (
        "Hello! I work for Izmir municipality.",
        "How many members?",
    )
    assert understanding.about_asker("Konya ne zaman üye oldu?") is None
    assert understanding.about_asker("Hello! Konya joined in 2017. Bolu?") is None  # not in the first person
    assert understanding.about_asker("KOMEK'te çalışıyorum") is None  # nothing asked after it


def test_broken_about_me_is_reported(tmp_path: Path) -> None:
    (tmp_path / "smalltalk.yaml").write_text(
        "- chatter: {phrases: [a], words: [b], endings: [c], ends: [d], about_me: [two words]}\n", encoding="utf-8"
    )
    assert "about_me needs a list of single words" in "\n".join(load_smalltalk(tmp_path)[1])


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "Sorry to bother you, I work for Yozgat municipality, my English is not good: what year our city accepted?",
            "city-yozgat",
        ),
        (
            "hey there, coordinator from Bristol here :) quick one – since when has our city been in the network?",
            "member-bristol",
        ),
        ("Hocam selamlar, Hatay'da yaşıyorum, depremden sonra şehrimiz hâlâ öğrenen şehir mi?", "city-hatay"),
        ("Bursalıyım şehrimiz ne zaman üye oldu", "city-bursa"),
        ("Good morning. I work for the city of Izmir's international office: what year did we join?", "city-izmir"),
        ("Bursa'dan yazıyorum, biz ne zaman katıldık?", "city-bursa"),  # "katıldık": we, the city named
    ],
)
def test_our_city_is_the_city_the_message_names(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    "question",
    [
        "Konyalıyım, şehrimizin belediye başkanı kim, ne zamandan beri görevde",  # not covered: stays refused
        "Konya'da yaşıyorum, şehrimizde KOMEK ne zaman kuruldu",  # another question: KOMEK's
    ],
)
def test_our_city_does_not_take_another_question(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).entry_id != "city-konya"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "Hi! I've just accepted a job in Finland and I'm curious whether any Finnish towns are in the network?",
            "members-c-FI",
        ),  # "a job" is where the asker goes, not a question about jobs
        ("Balıkesir de üye miydi yoksa karıştırıyor muyum?", "city-balikesir"),
        ("Balıkesir de listede var mıydı yoksa ben mi yanlış hatırlıyorum?", "city-balikesir"),
        (
            "Kusura bakmayın belki saçma bir soru ama geçen gün haberlerde Ankara da katıldı dediler, doğru mu bu?",
            "city-ankara",
        ),
        (
            "Eşim KOMEK'te kurs veriyor, o yüzden merak ettim: KOMEK bu UNESCO işine ne zamandan beri dahil?",
            "komek-member-since",
        ),
        (
            "UNESCO Öğrenen Şehir Ödülü'nü alabilmek için bir şehrin ne şartı sağlaması gerekiyor?",
            "learning-city-award",
        ),
        ("sakaraya ne zaman üye oldu", "city-sakarya"),  # a city's name with one letter extra still names it
        # "orası" points at the place named before it; it is no unknown city's name
        (
            "Selam :) Almanya'da yaşayan bir Türk'üm, Dresden'e taşınıyorum, orası da öğrenen şehir mi?",
            "member-dresden",
        ),
    ],
)
def test_more_ways_around_a_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("ok that's all, bye for now", "smalltalk-bye"),  # a goodbye, not "is that all?"
        ("is that all?", "smalltalk-more"),
        ("bu kadar mı", "smalltalk-more"),
        ("başka sorum yok teşekkürler", "smalltalk-bye"),
    ],
)
def test_goodbyes_and_is_that_all(text: str, entry: str) -> None:
    smalltalk, _ = load_smalltalk(default_content_dir())
    found = smalltalk.kind(text)
    assert found is not None and found.entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        (
            "Kızım Almanya'da okuyor, Hamburg'da yaşıyor. Oranın da öğrenen şehir olduğunu duydum, doğru mu?",
            "member-hamburg",
        ),
        (
            "Merhaba hocam, ben Konya'da KOMEK'te ebru kursuna gidiyorum, arkadaşlarla konuşurken çıktı, Konya UNESCO "
            "öğrenen şehri mi gerçekten?",
            "city-konya",
        ),  # the course is where the asker goes, not the question
        (
            "slm ben lise öğrencisiyim proje ödevi var 😅 öğrenen şehir ödülünü 2024'te kim aldı yaa",
            "award-winners-2024",
        ),
        ("Hatay'dan hemen sonra kimler katıldı?", "members-turkey"),
        ("2017'deki ödülü kaç şehir paylaştı?", "learning-city-award"),
        ("Eskişehir 2017'de girmişti, yanlış hatırlamıyorsam", "city-eskisehir"),
        ("Gerçekten merak ettiğim bir konu: Azerbaycan'da, kardeş ülkede, öğrenen şehir var mı?", "members-c-AZ"),
    ],
)
def test_long_chatty_questions(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)


def test_a_closing_request_for_help_is_not_the_question(assistant: Assistant) -> None:
    """ "..., could you help?" is chatter after the question; alone it asks what the bot does."""
    text = "I'm preparing slides for a council in Portugal and need the latest Portuguese entrant, could you help?"
    assert assistant.ask(text).entry_id != "about-bot"
    assert assistant.ask("can you help me?").entry_id == "about-bot"
    assert assistant.understanding.only_chatter("could you help?")
    assert not assistant.understanding.only_chatter("Bolu ne zaman katıldı?")


def test_how_long_until_an_application_is_decided_is_not_known(assistant: Assistant) -> None:
    assert assistant.ask("Başvuru sonucu ne kadar sürede açıklanıyor?").kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize("question", ["Who founded KOMEK?", "KOMEK'i kim kurdu", "When does the KOMEK term start?"])
def test_who_founded_and_course_terms_are_not_known(assistant: Assistant, question: str) -> None:
    """ "founded" and "start" ask when KOMEK began; who founded it, or when a term starts, they do not."""
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER
    assert assistant.ask("When was KOMEK founded?").entry_id == "what-is-komek"


def test_the_last_clause_asks_when_a_reported_one_holds_the_uncovered_word(assistant: Assistant) -> None:
    """ "müdür bir dosya verdi" says who gave the file; "bu ağ neyin nesi" is the question."""
    text = (
        "abi kusura bakma rahatsız ediyorum, belediyede yeni başladım, müdür öğrenen şehirler diye bir dosya verdi,"
        " bu ağ neyin nesi kısaca anlatır mısın"
    )
    assert assistant.ask(text).entry_id == "what-is-gnlc"
    assert assistant.ask("KOMEK'te çalışıyorum, kurs ücretleri ne kadar").kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("question", "kind", "entry"),
    [
        ("Who won the Nobel Peace Prize in 2024?", ReplyKind.NO_ANSWER, None),  # another prize
        ("Hangisi daha iyi öğrenen şehir, Eskişehir mi Konya mı?", ReplyKind.NO_ANSWER, None),  # no ranking
        ("hey there", ReplyKind.SMALLTALK, "smalltalk-hello"),
        (
            "Good morning! I work for a small municipality and our mayor wants to apply. Sorry if this is obvious,"
            " but who do we actually send the application to?",
            ReplyKind.ANSWER,
            "how-to-join",
        ),
    ],
)
def test_more_of_what_people_write(assistant: Assistant, question: str, kind: ReplyKind, entry: str | None) -> None:
    reply = assistant.ask(question)
    assert reply.kind == kind
    if entry is not None:
        assert reply.entry_id == entry


def test_the_one_sentence_that_asks(assistant: Assistant) -> None:
    """Several sentences, one question: it is read alone, with the names the others give."""
    text = (
        "Hello, I'm an exchange student in Konya and my host family keeps talking about KOMEK. I'm curious,"
        " what is it exactly? Thanks a lot!"
    )
    assert assistant.ask(text).entry_id == "what-is-komek"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Hello, I live in Hamburg. Is Hamburg itself a member of the learning cities network?", "member-hamburg"),
        (
            "Hey, quick one from a curious traveller: I'm visiting Turkey next month and wondered how many Turkish"
            " cities are learning cities? Cheers",
            "members-turkey",
        ),
        (
            "Good evening. I'm compiling a timeline for a course I teach; I need the date and place of the second"
            " learning cities conference, and I've seen two different dates. Can you clarify?",
            "conference-2-date",
        ),
    ],
)
def test_fillers_of_english_messages(assistant: Assistant, question: str, entry: str) -> None:
    assert assistant.ask(question).entry_id == entry


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("müdürüm Bursa'nın hangi yıl kabul edildiğini sordu", "city-bursa"),  # "my manager" asks; no director asked
        ("hocam Konya'nın hangi yılda üye olduğunu sordu", "city-konya"),
        # a title made a person by the word beside it (chatter.titled): who asks, no director asked
        ("müdür bey soruyor, ağda kaç ülke var toplam?", "member-count"),
        ("müdür hanım sordu, Konya ne zaman üye oldu?", "city-konya"),
        ("my director asked me when Konya joined", "city-konya"),
    ],
)
def test_the_askers_own_people_are_not_what_is_asked(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert reply.kind == ReplyKind.ANSWER and reply.entry_id == entry
    assert assistant.ask("KOMEK'in müdürü kim").kind == ReplyKind.NO_ANSWER  # asked about, it stays not known
    assert assistant.ask("müdürüm sordu: KOMEK'in müdürü kim").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("müdür bey kim?").kind == ReplyKind.NO_ANSWER  # no clause of chatter: asked about
    assert assistant.ask("müdür bey soruyor, KOMEK müdürü kim?").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("my boss asked me who the director of UIL is").kind == ReplyKind.NO_ANSWER


def test_what_the_content_lacks_is_asked_within_one_sentence(assistant: Assistant) -> None:
    # "mayor" and "who" in two sentences ask no one's name; in one they do
    reply = assistant.ask("Hi, our mayor wants to apply. Who do we send the form to? We're in Türkiye.")
    assert reply.kind != ReplyKind.NO_ANSWER
    assert assistant.ask("Our mayor is new. Who is the mayor of Konya?").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("KOMEK kurs ücreti ne kadar. Bilen var mı?").kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Tamam anladım, sağ olun 🙏 peki ödüle başvurmak için şart ne?", "peki ödüle başvurmak için şart ne?"),
        ("Thanks so much for the help earlier! One more: where is UIL?", "One more: where is UIL?"),
        ("Merhaba! Nasılsınız? Konya ne zaman katıldı?", "Konya ne zaman katıldı?"),
        ("Thanks!", None),  # nothing else: the thanks itself
        ("Merhaba! Nasılsın?", None),
        ("Good morning from Seoul ☀️ Where was the 5th conference?", None),  # not a greeting alone
        ("Görüşürüz! Konya ne zaman katıldı?", None),  # only thanks and greetings go
    ],
)
def test_a_thanks_or_greeting_before_the_question_is_left_out(text: str, rest: str | None) -> None:
    smalltalk, _ = load_smalltalk(default_content_dir())
    assert smalltalk.after_greeting(text) == rest


def test_the_question_after_thanks_is_answered(assistant: Assistant) -> None:
    reply = assistant.ask("Thanks so much for the help earlier! One more: where exactly is UIL's office?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "uil-address")  # was the bot's own card, for "help"
    assert reply.lang == "en"
    assert assistant.ask("Thanks so much for the help earlier!").entry_id == "smalltalk-thanks"


def test_an_emoji_ends_a_sentence(assistant: Assistant) -> None:
    assert sentences("Hello! Moving to Konya next month 😀 Is Konya a learning city?") == [
        "Hello!",
        "Moving to Konya next month 😀",
        "Is Konya a learning city?",
    ]
    assert sentences("Konya 2017'de mi katıldı? 🤔") == ["Konya 2017'de mi katıldı?", "🤔"]
    # the one sentence that asks, after a story that ends with an emoji
    reply = assistant.ask("Hello! Moving to Konya next month for work 😀 Is Konya a UNESCO learning city?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-konya")


def test_how_many_attend_komek_is_its_trainees_and_a_yearly_figure_is_not_known(assistant: Assistant) -> None:
    yearly = assistant.ask("How many people attend KOMEK courses each year?")
    assert yearly.kind == ReplyKind.NO_ANSWER  # was KOMEK's role at the 2nd conference ("attend")
    assert assistant.ask("KOMEK'e yılda kaç kişi gidiyor?").kind == ReplyKind.NO_ANSWER
    assert assistant.ask("KOMEK hangi yıldan beri faaliyette").entry_id == "what-is-komek"  # "yıldan" is no "yılda"
    trainees = assistant.ask("How many people attend KOMEK courses?")
    assert (trainees.kind, trainees.entry_id) == (ReplyKind.ANSWER, "what-is-komek")
    assert "no exact figure" in to_plain(trainees.text)
    assert assistant.ask("Which conference did KOMEK attend?").entry_id == "komek-conference-role"


@pytest.mark.parametrize(
    "question",
    [
        "başvuruyu kim imzalıyor, belediye başkanı mı?",
        "unesco ogrenen sehir basvurusunu kim imzaliyo belediye baskani mi",
        "Who signs the application, the mayor?",
    ],
)
def test_who_signs_the_application_is_answered(assistant: Assistant, question: str) -> None:
    reply = assistant.ask(question)  # the form is signed by the mayor: no question of a person's name
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "how-to-join")


@pytest.mark.parametrize("question", ["Konya belediye başkanı kim?", "Who is the mayor of Konya?"])
def test_the_mayors_name_stays_unknown(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


@pytest.mark.parametrize(
    "question",
    ["Öğrenen şehirler arasında Konya kaçıncı sırada? Bir sıralama var mı?", "Is there a ranking of learning cities?"],
)
def test_a_rank_among_all_the_cities_is_not_known(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).kind == ReplyKind.NO_ANSWER


def test_a_turkish_members_place_in_the_order_is_known(assistant: Assistant) -> None:
    reply = assistant.ask("Konya Türkiye'de kaçıncı sırada?")
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, "city-konya")


def test_the_names_of_the_question_are_checked_before_a_remark_after_it(assistant: Assistant) -> None:
    # the network's coordinator (UIL) is no answer about Eskişehir's; "I'd like to contact them" names no one
    reply = assistant.ask("Who's the coordinator of the learning city programme in Eskişehir? I'd like to contact them")
    assert reply.kind != ReplyKind.ANSWER
    assert assistant.ask("Who coordinates the network?").entry_id == "who-runs"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Okay thanks. And one more thing – who actually runs the network day to day?", "who-runs"),  # "day to day"
        (
            "Hello from Manchester 👋 We're thinking of applying. What do we actually need to get started?",
            "how-to-join",
        ),
    ],
)
def test_more_words_around_a_plain_question(assistant: Assistant, question: str, entry: str) -> None:
    reply = assistant.ask(question)
    assert (reply.kind, reply.entry_id) == (ReplyKind.ANSWER, entry)
