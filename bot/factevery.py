"""One attribute of every thing of a kind: "konferansların temaları neler?", "which
documents were adopted at the conferences?", "konferanslar kaç gün sürdü?".

The finder reads a question about one thing (or the kind's latest); a question that names
the kind in the plural ("konferansların", "conferences") or with "all/tüm", and one
attribute of a thing's own (a theme, a document, a length), names no thing and no
position, asks it of each: the answer gives the kind's template for that attribute for every thing held
that knows it, in the kind's order, with the kind's ``all`` card to tap. A kind without an
``all`` card is not read so.
"""

from __future__ import annotations

from bot.conversation import Topic
from bot.factanswer import FactAnswer
from bot.factorder import ordered
from bot.factpositions import ORDINAL_WORDS, RELATIONS
from bot.facts import FactBase
from bot.phrases import PhraseIndex
from bot.textnorm import fold_question
from bot.tghtml import Html

__all__ = ["Every"]

_ALL = frozenset(["tum", "butun", "hepsi", "hepsinin", "all", "every", "each", "her"])
_YEAR_OR_NUMBER = frozenset("0123456789")
# What is asked of each ("temaları", "belgeler"); not who or which ("ödülleri kimler kazandı": a year's winners)
_EACH = frozenset(["theme", "outcome", "duration", "format", "participants"])


class Every:
    """Reads questions that ask one attribute of every thing of a kind."""

    def __init__(self, facts: FactBase, kind_words: PhraseIndex[str]) -> None:
        self.facts = facts
        self._kind_words = kind_words
        self._attributes = PhraseIndex((p, a) for a in facts.attributes for p in a.phrases)
        self._names = PhraseIndex((name, e.id) for e in facts.entities for name in e.names)

    def _plural(self, token: str) -> bool:
        """Whether a kind's word is in the plural ("konferanslar", "konferansların", "conferences")."""
        if "lar" in token[-7:] or "ler" in token[-7:]:
            return True
        return token.endswith("s") and self._kind_words.has([token[:-1]])  # not "konferans"

    def answer(self, text: str, lang: str) -> FactAnswer | None:
        """Each thing's attribute, or None when ``text`` is no such question."""
        tokens = fold_question(text).split()
        if self._names.has(tokens) or RELATIONS.has(tokens) or any(t in ORDINAL_WORDS for t in tokens):
            return None  # a thing, a place in the order: the finder's
        if any(t[:1] in _YEAR_OR_NUMBER or t in ("ilk", "son", "first", "last", "latest", "next") for t in tokens):
            return None  # "2015'teki", "ilk konferans", "son konferans": one of them
        found = self._kind_words.find(tokens)
        plural = [k for s, e, k in found if any(map(self._plural, tokens[s:e])) or (s > 0 and tokens[s - 1] in _ALL)]
        kinds = [self.facts.kinds[k] for k in dict.fromkeys(plural) if "all" in self.facts.kinds[k].cards]
        # the owners (conferences), not their documents, nor kinds whose words are everyday ("cities")
        kinds = [k for k in kinds if k.order and not (k.link or k.weak or k.relations_only or k.requires)]
        asked = {a.id for _, _, a in self._attributes.find(tokens) if a.id in _EACH}
        if len(kinds) != 1 or len(asked) != 1:
            return None
        kind, attribute = kinds[0], asked.pop()
        things = [e for e in ordered(self.facts, kind) if e.knows(kind, attribute)]
        if len(things) < 2:
            return None
        lines = [e.render(template, lang) for e in things if (template := e.template(kind, attribute)) is not None]
        card = kind.cards["all"]
        return FactAnswer(things[-1], attribute, Html("\n".join(lines)), card, Topic(kind.id, "", attribute, lang))
