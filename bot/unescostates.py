"""A country's membership of UNESCO itself: "When did Türkiye join UNESCO?", "UNESCO'ya
Türkiye ne zaman üye oldu", "Is Germany a UNESCO member?".

UNESCO's member states are not the network's member cities, and the content says nothing
of them: such a question gets the honest reply of the topic for UNESCO's other programmes
(content/no_answer.yaml, ``other-unesco``), with the country's member cities in the
network a tap away. A question that says it is about the network or its cities ("Türkiye
UNESCO öğrenen şehirler ağına ne zaman katıldı", "Which German cities are UNESCO learning
cities?"), or names a city ("Konya UNESCO'ya ne zaman katıldı": Konya's membership of the
network), is not one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import callbacks
from bot.lang import Lang
from bot.members.countries import country_name, flag
from bot.members.directory import TURKIYE, PlaceKind, words
from bot.members.model import TURKIYE_MEMBERS_ENTRY
from bot.members.replies import ListFilter
from bot.replies import Button, Reply, ReplyKind, reply_of

if TYPE_CHECKING:
    from bot.assistant import Assistant

__all__ = ["unesco_state"]

_TOPIC = "other-unesco"  # content/no_answer.yaml: UNESCO's programmes beyond the network
# Folded prefixes of words that ask about membership or joining
_JOINING = ("uye", "member", "join", "katil", "gird", "girm", "kabul", "admit")
# Folded prefixes of words that say the question is about the network or its cities
_NETWORK = (
    "ag",
    "ogrenen",
    "sehir",
    "sehr",
    "kent",
    "network",
    "learning",
    "city",
    "cities",
    "gnlc",
    "list",
    "belediye",
)


def unesco_state(a: Assistant, text: str, lang: Lang) -> Reply | None:
    """The honest reply to a question about a country's membership of UNESCO itself; None
    when ``text`` asks no such thing."""
    if a.members is None:
        return None
    tokens = words(text)
    folded = [t.text for t in tokens]
    if "unesco" not in folded or not any(t.startswith(_JOINING) for t in folded):
        return None
    if any(t.startswith(_NETWORK) for t in folded):
        return None
    places = [p for _, _, found in a.members.directory.scan(tokens) for p in found]
    if not places or any(p.kind is not PlaceKind.COUNTRY for p in places) or len({p.key for p in places}) != 1:
        return None
    topic = next((t for t in a.understanding.no_answer.topics if t.id == _TOPIC), None)
    if topic is None:
        return None
    code = places[0].key
    body = a.understanding.no_answer_html(topic, lang)
    if code == TURKIYE and a.has_entry(TURKIYE_MEMBERS_ENTRY):
        button = Button(a.title(TURKIYE_MEMBERS_ENTRY, lang), data=callbacks.entry(TURKIYE_MEMBERS_ENTRY))
    else:
        label = a.render.msg("button_members_country", lang, flag=flag(code), country=country_name(code, lang))
        button = Button(label, data=callbacks.members(ListFilter(country=code).key, 0))
    buttons = ((button,), (a.menu_button(lang),))
    return reply_of(body, lang, kind=ReplyKind.NO_ANSWER, buttons=buttons)
