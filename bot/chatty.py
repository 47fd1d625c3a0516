"""The readings of a whole chatty message after the others: two questions in one
(:mod:`bot.twoquestions`), the place the question names, not the story's
(:mod:`bot.placeasked`), without where the asker is from (:mod:`bot.askersplace`), a
word that points at the one place named (:mod:`bot.thereplace`), then the asker's own
city (:mod:`bot.ourcity`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.afterasker import the_leading_question, the_sure_question_sentence
from bot.askersplace import the_askers_place, the_askers_thing, the_askers_work
from bot.countryasked import the_country_asked
from bot.lang import Lang
from bot.ourcity import our_city
from bot.placeasked import the_place_asked
from bot.quoted import the_quoted_term
from bot.replies import Reply, ReplyKind
from bot.thereplace import the_place_pointed_at
from bot.twoquestions import both_asked

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["chatty"]


def chatty(a: Assistant, text: str, reply: Reply, lang: Lang | None) -> Reply:
    """``reply`` read again as a chatty message: what a quoted term is, the answer that holds both of two
    questions, the place "there" points at, then "our city" with its name."""
    found = the_quoted_term(a, text, reply, lang)  # 'Torunum "UNESCO öğrenen şehir" dedi, bu ne oluyor?'
    if found is not reply:
        return found
    found = both_asked(a, text, reply, lang)
    if found.kind == ReplyKind.ANSWER:  # "... Ireland has a few learning cities. Which ones?": not its conference
        found = the_country_asked(a, text, found, lang)
    found = the_place_asked(a, text, found, lang)  # "Ben Konyalıyım ama İstanbul'da yaşıyorum, İstanbul üye mi?"
    found = the_askers_place(a, text, found, lang)  # "Eskişehirliyim, Türkiye'den kaç şehir üye?"
    found = the_askers_thing(a, text, found, lang)  # "Konya'da KOMEK'e gidiyorum. Konya ne zaman üye oldu?"
    found = the_askers_work(a, text, found, lang)  # "Belediyede çalışıyorum, Türkiye'deki öğrenen şehirler hangileri?"
    found = the_sure_question_sentence(a, text, found, lang)  # "KOMEK'i çok seviyorum. Ağda kaç ülke var?"
    found = the_leading_question(a, text, found, lang)  # "Ödüle hangi şehirler başvurabiliyor? Bizim belediye ..."
    found = the_place_pointed_at(a, text, found, lang)  # "Kardeşim Almanya'da yaşıyor, orada ... var mı?"
    return our_city(a, text, found, lang)
