"""The words of membership questions (:mod:`bot.members.questions`): the vocabulary a
question must keep to, and the small word sets its shapes are told apart by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.textnorm import synonyms_version, term

__all__ = [
    "COUNT_WORDS",
    "ENGLISH_WORDS",
    "LEAD_WORDS",
    "LIST_WORDS",
    "STILL_WORDS",
    "WHO_WORDS",
    "YEAR",
    "Vocabulary",
    "vocabulary",
]


def _terms(text: str) -> frozenset[str]:
    return frozenset(t for word in text.split() if (t := term(word)) is not None)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The membership vocabulary as matcher terms (made with the synonyms in use)."""

    membership: frozenset[str]  # words that ask about membership
    strong: frozenset[str]  # "üye", "katıldı", "ağ", "kabul edildi": enough alone
    status: frozenset[str]  # "durumu", "devam ediyor", "kesin mi", "confirmed": enough with a member named
    learning_city: frozenset[str]  # "öğrenen" + "şehir": enough together
    listing: frozenset[str]  # words that make a list question about a country, region or year
    allowed: frozenset[str]  # every word a membership question may have
    lead: frozenset[str]  # English words before the name: "Is X ...", "When did X ..."
    new: str | None  # "New York", "Yeni Delhi": a name may start with it
    join: str | None  # "katıldı", "joined"
    admitted: frozenset[str]  # "katıldı", "kabul edildi", "admitted", "accepted"
    how_many: frozenset[str]  # "kaç", "how many"
    asks_list: frozenset[str]  # "liste", "kaç", "kim"
    country: frozenset[str]  # "ülke", "country"
    plain: frozenset[str]  # words that ask nothing of their own: "acaba", "güncel", "nedir"
    unesco: str | None  # "UNESCO"
    why: str | None  # "neden", "why"
    network_words: frozenset[str]  # "şehir", "ağ", "öğrenen", "GNLC": the network's, not UNESCO's
    network_only: frozenset[str]  # "ağ", "network", "GNLC"
    how_many_terms: frozenset[str]  # "sayı", "number": "üye sayısı düştü"
    on_list: frozenset[str]  # "liste", "listed": "Bolu listede var mı", "is Bolu on the list"
    on_list_rest: frozenset[str]  # what else such a question may say: "var", "yok", "değil"
    others: frozenset[str] = frozenset()  # "başka", "other": other cities than the one named


_VOCABULARIES: dict[object, Vocabulary] = {}


def vocabulary() -> Vocabulary:
    """The vocabulary for the synonyms in use (the content loader sets them)."""
    version = synonyms_version()
    found = _VOCABULARIES.get(version)
    if found is None:
        membership = _terms("ogrenen uye katil ag agdan learning member join network gnlc dahil " + _ADMITTED_WORDS)
        listing = membership | _terms("sehir liste list")
        lead = _terms("is was are has have does did do when since")
        allowed = listing | lead | _terms(_ALLOWED_WORDS + _OTHER_WORDS) | _terms(_STATUS_WORDS) | _terms(_MONTH_WORDS)
        found = Vocabulary(
            membership=membership,
            strong=_terms("uye katil ag agdan gnlc dahil " + _ADMITTED_WORDS),  # "Sakarya ne zaman dahil oldu?"
            status=_terms(_STATUS_WORDS),
            learning_city=_terms("ogrenen sehir"),
            listing=listing,
            allowed=allowed,
            lead=lead,
            new=term("new"),
            join=term("katildi"),
            admitted=_terms("katildi " + _ADMITTED_WORDS) - {term("katilim")},
            how_many=_terms("kac"),
            asks_list=_terms("liste kac kim"),
            country=_terms("ulke country"),
            plain=_terms("acaba guncel current currently bilgi information nedir nezaman oldu olmus var mi"),
            unesco=term("unesco"),
            why=term("neden"),
            network_words=_terms("sehir ag agdan ogrenen gnlc"),
            network_only=_terms("ag agdan network gnlc"),
            how_many_terms=_terms("sayi number"),
            on_list=_terms("liste listed list"),
            on_list_rest=_terms("liste listed list var yok degil mi")
            | lead
            | _terms("acaba bilgi information")
            | _terms("unesco gnlc sehir ogrenen ag network city learning official resmi"),
            others=_terms(_OTHER_WORDS),
        )
        _VOCABULARIES.clear()
        _VOCABULARIES[version] = found
    return found


_ALLOWED_WORDS = (
    "unesco kuresel global nezaman when since yil year sene kac kim goster show still hala halen part tane adet "
    "ulke country yeni new beri itibaren kabul admitted accepted dahil included aktif active already zaten bilgi "
    "information hakkinda oldu olmus olmustu olmustur olan olmak become became becoming var varmis yok midir tell name "
    "oldugu oldugunu olmadigi olmadigini olmayan "
    "soyluyor soyledi diyor dedi diyorlar duydum okudum "  # a claim checked: "X üye değil diyor"
    "names sayar say sayi number not degil bolge bolgesi bolgesinde bolgesinden region "
    "belediye buyuksehir municipality metropolitan guncel current currently status durum durumu acaba "
    "official officially resmi resmen kayitli registered hepsi tum butun all every nedir sehirleri yoksa veya or "
    "didnt didn size large big buyukluk toplam toplamda total overall altogether baskent baskentler capital capitals "
    "national ulusal gec late erken early veren sayiliyor sayilir sayilmakta dunya world worldwide if whether "
)
_OTHER_WORDS = "baska diger other others another"  # "Which other German cities are members?"
_ADMITTED_WORDS = (
    "kabul admitted accepted approved onaylandi katilim alindi alinan added enlisted entered entrant entrants "
    "girdi girmis girmistir girmisti "
    "intake round batch cohort welcomed newcomer newcomers"
)
# Whether a named member still is one, and how sure that is: "Bolu'nun durumu ne?",
# "Konya'nın üyeliği sürüyor mu?", "Is Bolu's membership confirmed?".
_STATUS_WORDS = (
    "durum durumu status devam ediyor suruyor surmekte kesin kesinlesti gercekten teyit teyitli dogrulandi "
    "confirmed confirm certain definite verified valid gecerli"
)
# When in the year it joined: the city's card says the month where the sources give it.
_MONTH_WORDS = (
    "ay ayi ayinda month edildi ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik "
    "january february march april may june july august september october november december yili"
)
# Words (folded, before stemming) that ask for a list or a number: "hangi", "kaç", "which".
LIST_WORDS = frozenset(
    [
        "hangi",
        "hangileri",
        "hangisi",
        "which",
        "what",
        "kac",
        "how",
        "kim",
        "kimler",
        "who",
        "liste",
        "listesi",
        "list",
        "sehirler",
        "cities",
        "members",
        "uyeler",
        "uyeleri",
        "nereler",
    ]
)
STILL_WORDS = frozenset(["still", "hala", "halen", "hela", "artik"])  # stop words that ask whether it still is
YEAR = re.compile(r"(20\d\d)(?:[a-z]{0,5})$")  # "2019", "2019da", "2018deki"
WHO_WORDS = frozenset(["hangi", "hangileri", "which", "kim", "kimler", "who", "liste", "listesi", "list"])
COUNT_WORDS = frozenset(["kac", "many", "number", "sayisi", "size", "large", "big"])  # "the size of the 2022 intake"
# English words before the name in "Is X a learning city?", "When did X join?".
LEAD_WORDS = frozenset(["is", "was", "are", "has", "have", "does", "did", "do", "when", "since", "if", "whether"])
ENGLISH_WORDS = frozenset(["learning", "city", "member", "members", "join", "joined", "network", "part", "membership"])
