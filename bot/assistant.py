"""The assistant: turns questions, commands and button presses into replies.

Everything a user can get from the bot is decided here, independent of Telegram, so
that the console chat, ``ask`` and the Telegram handlers give the same answers. A
:class:`Reply` carries HTML messages (each within Telegram's limit) and buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace

from bot import callbacks, tghtml
from bot.asides import after_statement, the_asking_part
from bot.askdepth import bounded
from bot.buttons import button_reply, payload_button
from bot.chatty import chatty
from bot.commands import COMMANDS
from bot.commonwords import common_words
from bot.content import City, Content, Problem
from bot.conversation import Conversations, Topic
from bot.factfinder import FactAnswer
from bot.guard import content_guard
from bot.honestreplies import guarded, honest_html, kind_fallback, matcher_knows_better, names_the_city
from bot.inline import inline_articles
from bot.lang import Lang, choose_lang
from bot.leaning import leaning
from bot.listings import Listings
from bot.matching import Decision, MatchResult, Thresholds
from bot.memberroute import TURKIYE_MEMBERS_ENTRY, members_first, turkiye_list
from bot.members.answers import MemberAnswers
from bot.prepared import Prepared
from bot.relatedfollow import entry_topic, more_of
from bot.render import Renderer
from bot.replies import Button, InlineArticle, Reply, ReplyKind, reply_of
from bot.selfcheck import self_check
from bot.tghtml import Html, escape_attr
from bot.yesno import year_checked

__all__ = ["Assistant"]

MAX_SUGGESTIONS = 3
CONFIRM_ENTRY = "smalltalk-confirm"  # "emin misin?", "are you sure?" (content/smalltalk.yaml)
MORE_ENTRY = "smalltalk-more"  # "daha fazla bilgi", "hangileri?", "tell me more" (content/smalltalk.yaml)
_CommandHandler = Callable[[list[str], Lang, str], Reply]


class Assistant:
    """Answers from one loaded :class:`Content`; build a new one to reload."""

    def __init__(
        self, content: Content, thresholds: Thresholds | None = None, *, prepared: Prepared | None = None
    ) -> None:
        """``prepared``: the parts already built from this content (from the content cache;
        their matcher has its thresholds); otherwise they are built here."""
        self.content = content
        self.prepared = prepared if prepared is not None else Prepared.build(content, thresholds)
        self.matcher = self.prepared.matcher
        self.render = Renderer(content)
        directory = self.prepared.directory
        self.understanding = self.prepared.understanding
        self.guard = content_guard(content, self.matcher, self.understanding.no_answer, ("KOMEK", "UIL", "ASEM"))
        self.conversations = Conversations()
        self.listings = Listings(self)
        self._commands: dict[str, _CommandHandler] = {
            "start": self._cmd_start,
            "help": self.listings.help,
            "cities": self.listings.cities,
            "city": self.listings.city,
            "about": self.listings.about,
            "conferences": self.listings.conferences,
            "links": self.listings.links,
            "faq": self.faq_reply,
            "lang": self.listings.lang,
        }
        if set(self._commands) != set(COMMANDS):  # the registry and this table must agree
            raise RuntimeError(f"assistant commands {sorted(self._commands)} differ from the registry")
        self.members: MemberAnswers | None = None  # the whole network (members.yaml)
        if directory is not None:
            self.members = MemberAnswers(
                content,
                directory,
                self.render.msg,
                # "toplantıya", "torunum" name no city
                known=self.matcher.vocabulary | self.understanding.fact_terms() | self.understanding.people_terms(),
                finish=self._finish,
                city_reply=lambda city, lang: self.city_reply(city, lang),
                cities=lambda lang: self.render.cities(lang, content.cities),
                menu=self.menu_button,
            )
            self.understanding.know_places(self.members.directory)  # for the speller

    def has_entry(self, entry_id: str) -> bool:
        """Whether the content has this FAQ entry or city (an answer the bot can give)."""
        return entry_id in self.content.faq or entry_id in self.content.city_by_entry

    def title(self, entry_id: str, lang: Lang) -> str:
        """The short label of an entry, for buttons."""
        if entry_id in self.content.faq:
            return self.content.faq[entry_id].title[lang]
        if entry_id not in self.content.city_by_entry and self.members is not None:
            title = self.members.title(entry_id)
            if title is not None:
                return title
        return self.content.city_by_entry[entry_id].name

    def _msg(self, key: str, lang: Lang, /, **values: object) -> Html:
        return self.render.msg(key, lang, **values)

    # ------------------------------------------------------------------ replies
    _finish = staticmethod(reply_of)

    def menu_button(self, lang: Lang) -> Button:
        """The button back to the topics."""
        return Button(self._msg("button_topics", lang), data=callbacks.MENU)

    def _topic_buttons(self, lang: Lang) -> tuple[tuple[Button, ...], ...]:
        buttons = [Button(t.title[lang], data=callbacks.topic(t.id)) for t in self.content.topics]
        return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))

    def entry_reply(
        self, entry_id: str, lang: Lang, *, score: float = 100.0, kind: ReplyKind = ReplyKind.ANSWER
    ) -> Reply:
        """The answer of one entry (a FAQ entry or a city)."""
        if entry_id in self.content.city_by_entry:
            return self.city_reply(self.content.city_by_entry[entry_id], lang, score=score, kind=kind)
        if entry_id not in self.content.faq and self.members is not None:
            member = self.members.entry_reply(entry_id, lang)
            if member is not None:
                return member
        entry = self.content.faq[entry_id]
        related = [r for r in entry.related if r in self.content.faq or r in self.content.city_by_entry]
        buttons = [(Button(self.title(r, lang), data=callbacks.entry(r)),) for r in related[:MAX_SUGGESTIONS]]
        buttons.append((self.menu_button(lang),))
        return self._finish(
            self.render.answer(entry, lang), lang, kind=kind, buttons=tuple(buttons), entry_id=entry.id, score=score
        )

    def city_reply(self, city: City, lang: Lang, *, score: float = 100.0, kind: ReplyKind = ReplyKind.ANSWER) -> Reply:
        text = self._msg(
            "city_answer",
            lang,
            name=city.name,
            country=city.country[lang],
            joined=city.joined,
            url=escape_attr(city.url),
        )
        if city.note:
            text += "\n\n" + Html(city.note[lang])  # checked content HTML
        buttons = (*self._members_button(lang), (self.menu_button(lang),))
        return self._finish(text, lang, kind=kind, buttons=buttons, entry_id=city.entry_id, score=score)

    def _members_button(self, lang: Lang) -> tuple[tuple[Button, ...], ...]:
        if TURKIYE_MEMBERS_ENTRY not in self.content.faq:
            return ()
        return ((Button(self.title(TURKIYE_MEMBERS_ENTRY, lang), data=callbacks.entry(TURKIYE_MEMBERS_ENTRY)),),)

    def suggest_reply(self, result: MatchResult, lang: Lang, text: str | None = None) -> Reply:
        """ "Did you mean" with the closest entries; with ``text``, a question asking for
        what the closest entry does not give (a price, a date after the content's) gets
        an honest "I don't have that" with the same buttons."""
        picks = [m for m in result.ranked if m.score >= self.matcher.thresholds.suggest][:MAX_SUGGESTIONS]
        buttons = tuple((Button(self.title(m.entry_id, lang), data=callbacks.entry(m.entry_id)),) for m in picks)
        best = result.best
        verdict = self.guard.check(text, best.entry_id) if text and best else None
        if verdict is not None and verdict.kind is not None:
            body = honest_html(self, verdict.kind, text or "", lang)
            return self._finish(body, lang, kind=ReplyKind.NO_ANSWER, buttons=(*buttons, (self.menu_button(lang),)))
        return self._finish(
            self._msg("did_you_mean", lang),
            lang,
            kind=ReplyKind.SUGGEST,
            buttons=(*buttons, (self.menu_button(lang),)),
            score=best.score if best else 0.0,
            suggestions=tuple(m.entry_id for m in picks),
        )

    # ------------------------------------------------------------------ entry points
    @bounded  # the readings of one message ask again about its parts, never without end
    def ask(
        self,
        text: str,
        *,
        pref: str | None = None,
        user_lang: str | None = None,
        force_lang: Lang | None = None,
        chat: Hashable | None = None,
    ) -> Reply:
        """Answer a free-text question, in its own language unless ``force_lang`` is given.

        ``chat`` keys the conversation (one per person or group chat): a short follow-up
        ("peki Bolu?") is read against the chat's last topic for a few minutes. Without
        it every question stands alone."""
        context = self.conversations.get(chat)
        text, written_lang = self.understanding.spelled(text)  # typos corrected, for every reading
        lang = force_lang or written_lang
        reply, topic = self._without_chatter(text, pref, user_lang, lang, None)
        if reply.kind in (ReplyKind.NO_ANSWER, ReplyKind.FALLBACK):  # "... çalışıyorum, ağın kaç üyesi var"
            # the question alone, read as a question of its own (no context: it is this message's)
            reply, topic = after_statement(
                self,
                text,
                reply,
                topic,
                lang,
                read=lambda t, lg, c: (self.ask(t, pref=pref, user_lang=user_lang, force_lang=lg), None),
            )
        if context is not None and reply.kind != ReplyKind.SMALLTALK:  # small talk reads the context itself
            said, text = text, self.understanding.follow.after_acknowledgement(text)  # "tamam da teması neydi"
            reply, topic = leaning(
                self,
                text,
                reply,
                topic,
                context,
                lang or self.understanding.written_lang(said),  # "peki Eskişehir": Turkish, "peki" left out
                ask=lambda t, lg, c: self._ask(t, pref, user_lang, lg, c),
                read=lambda t, lg, c: self._without_chatter(t, pref, user_lang, lg, c),
            )
        if reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK):
            # The question itself, after "Selam, ödev hazırlıyorum", if the whole still asks nothing else
            tail = self.understanding.after_chatter(text, strict=False)
            if tail is not None and not self.understanding.only_chatter(tail):  # not "..., could you help?"
                retry, retry_topic = self._ask(tail, pref, user_lang, force_lang or reply.lang, context)
                if retry.kind == ReplyKind.ANSWER and self._still_answers(text, retry):
                    reply, topic = retry, retry_topic
        if reply.kind in (ReplyKind.SUGGEST, ReplyKind.FALLBACK):  # "Hello! I'm from Cork. Which conference was that?"
            reply = the_asking_part(self, text, reply, lang)
        reply = year_checked(self, text, chatty(self, text, reply, lang))  # "I work for Yozgat ...", "2024'te mi?"
        if reply.kind == ReplyKind.SMALLTALK:
            if context is not None and context.entry and reply.entry_id == CONFIRM_ENTRY:
                return self._confirm(context.entry, reply)  # "emin misin?": the answer again, with its source
            if context is not None and context.entry and reply.entry_id == MORE_ENTRY:
                return more_of(self, text, context, reply.lang)  # "hangileri?": the whole card; "başka?": that year's
            return reply  # "teşekkürler" keeps the topic
        if topic is None and reply.kind == ReplyKind.ANSWER and reply.entry_id:
            # Any answer about one thing can be followed up ("peki Bolu?"), whoever gave it.
            topic = self.understanding.follow.topic_of_answer(reply.entry_id, text, reply.lang)
            topic = topic or entry_topic(self, reply.entry_id, reply.lang)  # "Which UK cities?" >> "and 2025?"
        if topic is not None and reply.entry_id and self.has_answer(reply.entry_id):
            topic = replace(topic, entry=reply.entry_id)
        if topic is not None:
            self.conversations.remember(chat, topic)
        else:
            self.conversations.forget(chat)
        return reply

    def _ask(
        self, text: str, pref: str | None, user_lang: str | None, force_lang: Lang | None, context: Topic | None
    ) -> tuple[Reply, Topic | None]:
        """The reply to one question and the topic to remember for follow-ups."""
        result = self.matcher.match(text)
        best = result.best
        lang = force_lang or result.lang or choose_lang(pref, user_lang, best.lang if best else None)
        talk = self.understanding.small_talk(text)
        if talk is not None:
            return self._finish(talk.reply[lang], lang, kind=ReplyKind.SMALLTALK, entry_id=talk.entry_id), None
        uncovered = self.understanding.uncovered(text)
        if uncovered is not None:
            body = self.understanding.no_answer_html(uncovered, lang)
            return self._finish(body, lang, kind=ReplyKind.NO_ANSWER, buttons=((self.menu_button(lang),),)), None
        early = self.members.question(text) if self.members is not None else None
        first = members_first(self, text, early, lang, context)  # "Almanya'dan kaç şehir üye?", "Ankara mı önce ..."
        if first is not None:
            return first, None
        fact = self.understanding.fact(text, lang, context)
        tail = self.understanding.after_chatter(text)  # "Selam, ödev hazırlıyorum; ağ ne zaman kuruldu?"
        if fact is None and tail is not None:
            fact = self.understanding.fact(tail, lang, context)
        if fact is not None and fact.missing:
            body = self.understanding.missing_html(fact, lang, self.title(fact.card, lang))
            buttons = (
                (Button(self.title(fact.card, lang), data=callbacks.entry(fact.card)),),
                (self.menu_button(lang),),
            )
            return self._finish(body, lang, kind=ReplyKind.NO_ANSWER, buttons=buttons), fact.topic
        if fact is not None and matcher_knows_better(self, text, fact, result, context):
            fact = None
        if fact is not None:
            reply = self._fact_reply(fact, lang)
            checked = reply if fact.relative else guarded(self, text, reply, result, lang)
            return checked, fact.topic if checked is reply else None
        if self.members is not None:  # "Hamburg öğrenen şehir mi?", "Almanya'dan hangi şehirler?"
            member = self.members.ask(text, lang)
            if member is None and tail is not None:
                member = self.members.ask(tail, lang)
            if member is not None:
                return guarded(self, text, member, result, lang), None
        listed = turkiye_list(self, text, early, result, lang)  # "How many Turkish cities are members now"
        if listed is not None:
            return guarded(self, text, listed, result, lang), None
        if not result.query.terms:
            body = self._msg("empty_question", lang)
            return self._finish(body, lang, kind=ReplyKind.FALLBACK, buttons=((self.menu_button(lang),),)), None
        if result.decision == Decision.ANSWER and best is not None:
            if not names_the_city(self, text, best.entry_id):
                return self.suggest_reply(result, lang, text), None  # "2018'de kaç şehir katıldı?" is not Bolu's card
            reply = self.entry_reply(best.entry_id, lang, score=best.score)
            return guarded(self, text, reply, result, lang, names=True), None
        if result.decision == Decision.SUGGEST:
            return self.suggest_reply(result, lang, text), None
        honest = kind_fallback(self, text, lang)  # "KOMEK cumartesi açık mı": not here, but there
        if honest is not None:
            return honest, None
        menu, score = ((self.menu_button(lang),),), best.score if best else 0.0
        return self._finish(self._msg("fallback", lang), lang, kind=ReplyKind.FALLBACK, buttons=menu, score=score), None

    def _without_chatter(
        self, text: str, pref: str | None, user_lang: str | None, force_lang: Lang | None, context: Topic | None
    ) -> tuple[Reply, Topic | None]:
        """The reply to the question without the chatter around it ("hocam kusura
        bakmayın bir şey soracağım komek ne zaman kuruldu") when that is an answer that
        answers the whole question too; else the reply to the question as written."""
        core = self.understanding.without_chatter(text)
        if core is not None and self.understanding.uncovered(text) is None:
            reply, topic = self._ask(core, pref, user_lang, force_lang, context)
            if reply.kind == ReplyKind.ANSWER and self._still_answers(text, reply):
                return reply, topic
        return self._ask(text, pref, user_lang, force_lang, context)

    def _still_answers(self, text: str, reply: Reply) -> bool:
        """Whether the answer to a question's last clause answers the whole question too."""
        entry, story = reply.entry_id, self.understanding.story_only
        return entry is not None and self.guard.check(text, entry, shown=reply.text) is None and not story(text, entry)

    def has_answer(self, entry_id: str) -> bool:
        """Whether ``entry_id`` is an entry the bot can give again (a FAQ entry, a city, a member)."""
        return self.has_entry(entry_id) or (self.members is not None and self.members.has_entry(entry_id))

    def _confirm(self, entry_id: str, talk: Reply) -> Reply:
        """ "Emin misin?" after an answer: what the sources say, with the source, once more."""
        again = self.entry_reply(entry_id, talk.lang)
        return replace(again, messages=(*talk.messages, *again.messages), kind=ReplyKind.ANSWER)

    def _fact_reply(self, fact: FactAnswer, lang: Lang) -> Reply:
        """One attribute in a sentence or two, its source, and the whole entry a tap away."""
        body = self.understanding.fact_html(fact, lang, self._msg("source_label", lang))
        buttons = ((Button(self.title(fact.card, lang), data=callbacks.entry(fact.card)),), (self.menu_button(lang),))
        return self._finish(body, lang, kind=ReplyKind.ANSWER, buttons=buttons, entry_id=fact.card, score=100.0)

    def error_reply(self, *, pref: str | None = None, user_lang: str | None = None) -> Reply:
        """An apology for an unexpected failure while handling a message."""
        lang = choose_lang(pref, user_lang)
        return self._finish(self._msg("error", lang), lang, kind=ReplyKind.FALLBACK)

    def resolve_payload(self, payload: str) -> str | None:
        """The callback data a ``/start PAYLOAD`` deep link stands for (an entry, topic or city), or None."""
        return payload_button(self, payload)

    def command(
        self,
        name: str,
        args: Sequence[str] = (),
        *,
        pref: str | None = None,
        user_lang: str | None = None,
        first_name: str = "",
    ) -> Reply:
        """Reply to ``/name args``; unknown commands get a pointer to /help."""
        lang = choose_lang(pref, user_lang)
        handler = self._commands.get(name)
        if handler is None:
            return self._finish(self._msg("unknown_command", lang), lang, kind=ReplyKind.USAGE)
        return handler(list(args), lang, first_name)

    def _cmd_start(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        if args:
            target = self.resolve_payload(args[0])
            if target is not None:
                return self.button(target, pref=lang) or self.faq_reply([], lang, first_name)
        return self._finish(
            self._msg("welcome", lang, name=tghtml.isolate(first_name) if first_name else "👋"),
            lang,
            buttons=self._topic_buttons(lang),
        )

    def faq_reply(self, args: list[str], lang: Lang, first_name: str) -> Reply:
        return self._finish(self._msg("menu_prompt", lang), lang, buttons=self._topic_buttons(lang))

    def button(self, data: str, *, pref: str | None = None, user_lang: str | None = None) -> Reply | None:
        """The reply to an inline button's callback data; None for stale, forged or unknown data."""
        return button_reply(self, data, choose_lang(pref, user_lang))

    def inline(
        self, query: str, *, pref: str | None = None, user_lang: str | None = None, limit: int = 5
    ) -> list[InlineArticle]:
        """Up to ``limit`` answers for an inline query."""
        return inline_articles(self, query, pref=pref, user_lang=user_lang, limit=limit)

    # ------------------------------------------------------------------ checks
    def warm(self) -> None:
        """Build now what the first questions would build (the speller and its common words,
        every entry's evidence for the guard: about 0.1 s), for a bot about to take questions."""
        self.understanding.speller.warm()
        self.guard.warm()
        common_words(langs=("en",))  # the lexicon's, read at the first word that needs them

    def self_check(self) -> list[Problem]:
        """Render every reply once and report any that Telegram would refuse."""
        return self_check(self)
