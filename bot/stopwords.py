"""Stop words of Turkish and English (folded), and the question words the matcher
weighs lightly: the word lists behind :mod:`bot.textnorm`."""

from __future__ import annotations

__all__ = ["INTENT_WORDS", "STOPWORDS", "STOPWORDS_EN", "STOPWORDS_TR"]


def _words(text: str) -> list[str]:
    return text.split()


# Folded stop words: words that say nothing about which entry is meant, including the
# small talk around a question ("merhaba, bir sorum olacakti", "hi! I was wondering").
# Question words that carry intent ("kac", "when", "zaman", "nerede", "where", "who")
# are deliberately *not* here: see INTENT_WORDS.
STOPWORDS_TR: frozenset[str] = frozenset(
    [
        *_words(
            """
            mi mu misin misiniz midir mudur miyim miydi muydu musun musunuz miyiz muyuz midir mudur oldugu
            oldugunu olup olmadigini biliyor biliyormusun bilir bilirmisin biliyormusunuz ne nedir neler
            nelerdir neyin nasildir hangi hangisi hangileri acaba ve ile veya ya yada ama fakat ki da de bir bu
            su o bunlar sunlar onlar bi icin gibi kadar daha en cok az biraz lutfen merhaba merhabalar selam
            selamlar slm mrb iyi gunler gunaydin aksamlar tesekkurler tesekkur sagol sagolun hocam abi abla
            arkadaslar bana beni benim bize bizim sen seni senin siz sizin ben biz onu onun bilgi bilgiler
            bilgisi hakkinda ilgili konusunda dair soyler soyle soyleyebilir soyleyebilirmisin anlat anlatir
            anlatabilir anlatirmisin verir verebilir aciklar aciklayabilir aciklarmisin aciklayin bahseder
            bahsedebilir gosterir paylasir ogrenmek ogrenebilir istiyorum istiyordum isterim merak ediyorum
            ederim eder edebilir rica olan olarak olur oldu var yok mevcut olmak olunur olunuyor oluyor olabilir
            olabiliriz olabilirim olabilmek olabilmemiz olabilmesi olabilmeleri olabilmeniz olsun olursa olursak
            olmus olacak olduk olmasi tane hepsi hepsini tamami
            tamamini sey seyi seyler tam tamamen yani peki simdi kisaca detayli ayrintili sorum sorumuz olacakti
            hic dediginiz denen denilen diye evet hayir tabii tabi yardimci herkes herkese yaklasik kabaca
            idi imis idiler
            """
        ),
        # Fillers and self-introductions around a plain question ("hâlâ", "ya unuttum",
        # "belediyede çalışıyorum", "emin misin?").
        *_words(
            """
            hala unuttum unutmusum hatirlamiyorum hatirlatir hatirlatirmisin calisiyorum calisiyoruz ogrenciyim
            ogretmenim gazeteciyim arastiriyorum soruyorum sorayim soracaktim soracagim emin eminmisin degil
            degilmi dogru dogrumu sanirim galiba yanlis hatirladigim kadariyla neydi neymis nelerdi nedi
            biliyorum duydum duymustum okudum okumustum saniyorum sanmistim zannediyorum zannetmistim bence
            diyorlar deniyor soyleniyor soylemisti yasiyorum oturuyorum yaziyorum okuyorum geliyorum sordu
            soruyor hep oyle kolay gelsin karistiriyorum sahip sahiptir zaten coktan halen mesele meselesi
            basitce biri birisi miymis muymus kimse heralde herhalde artik cidden
            """
        ),
        # Chat shorthand and slang that say nothing about the entry ("valla bişey sorcam kanka").
        *_words(
            """
            bisey bisi valla vallahi kanka knk sorcam soracam sorucam kdr simdiye simdiyedek di dimi
            olcak olucak usta ustam reis
            """
        ),
        # Words that point at a place named elsewhere ("Dresden'e taşınıyorum, orası da öğrenen şehir mi?")
        *_words(
            """
            orasi orasinin orasida orada oraya burasi burasinin burada buraya oranin hemen kendisi kendileri
            kez kere defa
            """
        ),
        # Conditionals ("Afyon listede var mı, varsa hangi yıl girmiş?"): no city's name
        *_words(
            """
            varsa eger madem oyleyse degilse
            """
        ),
        # Verbs that report what a text says ("brifte hangi stratejiden bahsediliyor?")
        *_words(
            """
            bahsediyor bahsedilen bahsediliyor bahsedilmis bahsettigi yaziyor yazan yaziliyor yazilan
            """
        ),
    ]
)
STOPWORDS_EN: frozenset[str] = frozenset(
    [
        *_words(
            """
            a an the is are was were be been being am of on at to in into for and or nor but what whats which
            whom whose can could would should will shall i me my mine we our you your yours it its this that
            these those there here please tell about hi hello hey thanks thank know want like some any with by
            from as so just really also very much give explain describe info information ever has have had
            having im ive id ll re ve s t d dont don doesn didn isn aren wasn weren hasn haven hadn
            pls plz kindly exactly exact actually
            basically simply simple terms briefly quick quickly anyway ok okay yes yeah sure something anything
            thing things stuff let lets wondering wonder curious dear morning evening afternoon greetings sir
            madam
            """
        ),
        # Fillers around a plain question ("is Izmir still in?", "I forgot").
        *_words(
            """
            still forgot forget remind correct right again remember think guess thought heard believe per
            believed assume assumed true sorry overall already yet explained back roughly approximately approx
            among amongst under far nah bro actual partly partially
            """
        ),
        # Verbs that only carry a question along ("which conference came before Medellín?")
        *_words(
            """
            came come comes coming go goes going went happen happened happens whether itself themselves too take took
            handed
            """
        ),
        # Verbs that report what a text says ("which strategy does the brief cite?"), and
        # the words of a rule's wording ("what must we commit to", "max nominations")
        *_words(
            """
            mention mentions mentioned cite cited refer refers referred
            must max maximum
            """
        ),
        # Chat shorthand for them ("wat is the gnlc", "pls tell me")
        *_words(
            """
            wat wht wut u ur r thx abt
            """
        ),
    ]
)
STOPWORDS: frozenset[str] = STOPWORDS_TR | STOPWORDS_EN

# Question words (folded and stemmed): they tell *what* is asked about an entry ("when",
# "where", "how many") but never *which* entry, so the matcher caps their weight and
# never answers on them alone: "kpss ne zaman" must not match "ag ne zaman kuruldu".
INTENT_WORDS: frozenset[str] = frozenset(
    [
        *_words(
            """
            zaman zamandan nezaman zmn when nerede nerde nereden nereye neresi neresinde nerelerde where kac
            kacinci many nasil how who kim kime kimi kimler why neden niye year yil yili sene
            """
        ),
    ]
)
