"""Matching latency and accuracy: the bot's matcher against rapidfuzz ``extractOne``.

For the shipped content (questions: tests/eval/questions.yaml + holdout.yaml) and for
generated content of about 1k, 10k and 100k phrasings (with a generated labelled
question set: held-out question templates, typos, small talk, Turkish letters dropped,
about 20% off-topic questions naming a known entity), in the same run:

* ``matcher``: ``Matcher.match`` (fold, terms, index look-up, ranking, decision). "cold"
  is the first pass over the questions (every word's neighbours looked up), "warm" the
  second with those neighbours cached (the remembered answers are forgotten: every
  question is matched again; a repeated question costs a dictionary look-up);
* ``extractOne``: ``rapidfuzz.process.extractOne(question, all_phrasings,
  scorer=WRatio)`` on the raw phrasings (the obvious alternative), and ``extractOne
  folded`` on phrasings folded once beforehand with the question folded per call.

Accuracy is top-1 on the on-topic questions (the best-ranked entry; extractOne's best
phrasing's entry); for the matcher also the share answered confidently and right, and
the off-topic questions not answered (extractOne always returns something).

Run: ``.venv/bin/python benchmarks/bench_matching.py [--quick]`` (about a minute).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from common import ROOT, latencies, print_header, summary, table
from rapidfuzz import fuzz, process

sys.path.insert(0, str(ROOT))

from bot.content import load_content
from bot.evaluation import load_cases
from bot.matching import Matcher, MatchResult
from bot.searchable import searchable
from bot.textnorm import fold

Entry = tuple[str, list[tuple[str | None, str]], tuple[str, ...]]


@dataclass
class Dataset:
    name: str
    entries: list[Entry]
    questions: list[tuple[str, str | None]]  # (question, expected entry id or None)

    @property
    def phrasings(self) -> int:
        return sum(len(p) + len(k) for _, p, k in self.entries)


# ---------------------------------------------------------------------------- generated content

SYLLABLES = [
    "ka",
    "ko",
    "ma",
    "mi",
    "ra",
    "ro",
    "ta",
    "te",
    "li",
    "lo",
    "na",
    "ne",
    "sa",
    "se",
    "va",
    "ve",
    "da",
    "de",
    "ba",
    "be",
    "ya",
    "ye",
    "za",
    "ze",
    "pa",
    "pe",
    "ga",
    "go",
    "ha",
    "hu",
    "ku",
    "lu",
    "nu",
    "ru",
    "su",
    "tu",
    "zu",
    "ar",
    "er",
    "ir",
    "or",
    "ur",
    "an",
    "en",
    "in",
    "on",
    "un",
    "el",
    "al",
    "il",
]

# Per aspect: the content's phrasings (tr, en) and held-out question templates (tr, en),
# and a keyword; {e} is the entity (a made-up city or institution name).
ASPECTS: dict[str, dict[str, list[str]]] = {
    "member": {
        "tr": ["{e} öğrenen şehir mi?", "{e} ne zaman üye oldu?", "{e} ağa hangi yıl katıldı", "{e} üyelik yılı"],
        "en": ["Is {e} a learning city?", "When did {e} join the network?", "{e} membership year"],
        "qtr": ["{e}'nin üyeliği ne zaman başladı", "{e} GNLC üyesi mi", "{e} kaç yılından beri ağda"],
        "qen": ["Is {e} a member of the GNLC?", "since when is {e} in the network", "{e} joined in which year"],
        "kw": ["{e} üyeliği"],
    },
    "conference": {
        "tr": ["{e} konferansı nerede yapıldı?", "{e} konferansının teması neydi", "{e} konferansı ne zaman yapıldı"],
        "en": ["Where was the {e} conference held?", "{e} conference theme", "When was the {e} conference?"],
        "qtr": ["{e}'deki konferans hangi tarihte", "{e} konferansi tema", "{e} konferansında ne kabul edildi"],
        "qen": ["what was the theme of the {e} conference", "dates of the {e} conference", "{e} conferance"],
        "kw": ["{e} konferansı"],
    },
    "award": {
        "tr": ["{e} ödül aldı mı?", "{e} hangi ödülü kazandı", "{e} öğrenen şehir ödülü"],
        "en": ["Did {e} win the Learning City Award?", "{e} award", "Which award did {e} receive?"],
        "qtr": ["{e} odul kazandi mi", "{e}'ye ödül verildi mi", "{e} ödülü ne zaman aldı"],
        "qen": ["has {e} ever won an award", "{e} learning city award winner?", "award for {e}"],
        "kw": ["{e} ödülü"],
    },
    "contact": {
        "tr": ["{e} iletişim bilgileri", "{e} ile nasıl iletişime geçerim", "{e} e-posta adresi"],
        "en": ["How do I contact {e}?", "{e} email address", "{e} contact details"],
        "qtr": ["{e}'ye nasıl ulaşırım", "{e} mail adresi ne", "{e} irtibat"],
        "qen": ["email of {e}", "how can I reach {e}", "get in touch with {e}"],
        "kw": ["{e} iletişim"],
    },
    "apply": {
        "tr": ["{e} için nasıl başvurulur?", "{e} başvuru formu", "{e} başvuru tarihleri"],
        "en": ["How do I apply to {e}?", "{e} application form", "{e} application deadline"],
        "qtr": ["{e} basvurusu nasil yapilir", "{e}'ye başvuru ne zaman", "{e} başvurusu için şartlar"],
        "qen": ["apply for {e}", "when is the {e} application deadline", "how to aplly to {e}"],
        "kw": ["{e} başvurusu"],
    },
    "history": {
        "tr": ["{e} ne zaman kuruldu?", "{e} tarihçesi", "{e} kuruluş yılı"],
        "en": ["When was {e} founded?", "history of {e}", "{e} founding year"],
        "qtr": ["{e} hangi yıl kurulmuş", "{e}'nin kuruluşu", "{e} kac yilinda kuruldu"],
        "qen": ["{e} history", "what year was {e} established", "when did {e} start"],
        "kw": ["{e} tarihçesi"],
    },
}
OFF_TOPIC = [
    "{e} hava durumu",
    "{e}'da gezilecek yerler",
    "restaurants in {e}",
    "{e} population",
    "{e} nerede yemek yenir",
    "cheap flights to {e}",
    "{e} otobüs saatleri",
    "is {e} safe at night",
]
NOISE = ["", "", "", "merhaba, ", "hi! quick question: ", "iyi günler, bir sorum var: ", "hello, "]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in used and len(name) >= 4:
            used.add(name)
            return name


def _typo(rng: random.Random, text: str, name: str) -> str:
    """Swap two neighbouring letters in the name, one time in three."""
    if rng.random() < 0.33 and len(name) > 4:
        i = rng.randint(1, len(name) - 2)
        text = text.replace(name, name[:i] + name[i + 1] + name[i] + name[i + 2 :])
    return text


def generate(target: int, seed: int = 7, questions: int = 400) -> Dataset:
    """About ``target`` phrasings over made-up entities, each with one to three aspects,
    and a labelled question set (20% off-topic)."""
    rng = random.Random(seed)
    used: set[str] = set()
    entries: list[Entry] = []
    count = 0
    while count < target:
        name = _name(rng, used)
        for aspect in rng.sample(sorted(ASPECTS), rng.randint(1, 3)):
            spec = ASPECTS[aspect]
            phrasings = [(lang, t.format(e=name)) for lang in ("tr", "en") for t in spec[lang]]
            keywords = tuple(k.format(e=name) for k in spec["kw"])
            entries.append((f"{name.lower()}-{aspect}", phrasings, keywords))
            count += len(phrasings) + len(keywords)
    labelled: list[tuple[str, str | None]] = []
    for _ in range(questions):
        if rng.random() < 0.2:
            name = rng.choice(entries)[0].split("-")[0].capitalize()
            labelled.append((rng.choice(OFF_TOPIC).format(e=name), None))
            continue
        entry_id = rng.choice(entries)[0]
        name, aspect = entry_id.split("-")
        name = name.capitalize()
        template = rng.choice(ASPECTS[aspect]["qtr"] + ASPECTS[aspect]["qen"])
        labelled.append((rng.choice(NOISE) + _typo(rng, template.format(e=name), name), entry_id))
    return Dataset(f"generated {count // 1000}k" if count >= 1000 else f"generated {count}", entries, labelled)


def shipped() -> Dataset:
    content = load_content(ROOT / "content")
    entries = searchable(content)
    questions = [
        (c.question, c.expect)
        for path in ("questions.yaml", "holdout.yaml")
        for c in load_cases(ROOT / "tests" / "eval" / path)
    ]
    return Dataset("shipped content", entries, questions)


# ---------------------------------------------------------------------------- measuring


def _alternative(dataset: Dataset, folded: bool) -> tuple[Callable[[str], object], list[str], float]:
    start = time.perf_counter()
    texts, owners = [], []
    for entry_id, phrasings, keywords in dataset.entries:
        for text in [p for _, p in phrasings] + list(keywords):
            texts.append(fold(text) if folded else text)
            owners.append(entry_id)
    built = time.perf_counter() - start
    if folded:

        def run(question: str) -> object:
            return process.extractOne(fold(question), texts, scorer=fuzz.WRatio)
    else:

        def run(question: str) -> object:
            return process.extractOne(question, texts, scorer=fuzz.WRatio)

    return run, owners, built


def _alternative_accuracy(found: list[object], owners: list[str], expected: list[str | None]) -> float:
    on_topic = [(f, e) for f, e in zip(found, expected, strict=True) if e]
    return sum(f is not None and owners[f[2]] == e for f, e in on_topic) / len(on_topic)  # type: ignore[index]


def _matcher_accuracy(results: list[MatchResult], expected: list[str | None]) -> tuple[float, float, float]:
    on = [(r, e) for r, e in zip(results, expected, strict=True) if e]
    off = [r for r, e in zip(results, expected, strict=True) if not e]
    top1 = sum(r.best is not None and r.best.entry_id == e for r, e in on)
    answered = sum(r.decision == "answer" and r.best is not None and r.best.entry_id == e for r, e in on)
    rejected = sum(r.decision != "answer" for r in off)
    return top1 / len(on), answered / len(on), rejected / len(off) if off else 1.0


def measure(dataset: Dataset, alternative_limit: int) -> list[list[object]]:
    start = time.perf_counter()
    matcher = Matcher(dataset.entries)
    built = time.perf_counter() - start
    questions = [q for q, _ in dataset.questions]
    expected = [e for _, e in dataset.questions]
    cold = summary(latencies(matcher.match, questions))
    matcher.clear_caches(words=False)  # every question is new again; its words' neighbours are known
    results: list[MatchResult] = []
    warm = summary(latencies(matcher.match, questions, results))  # type: ignore[arg-type]
    top1, answered, rejected = _matcher_accuracy(results, expected)
    size = f"{dataset.name} ({dataset.phrasings} phrasings, {len(dataset.entries)} entries)"
    rows: list[list[object]] = [
        [
            size,
            "matcher cold",
            len(questions),
            cold[0],
            cold[1],
            f"{built:.2f} s",
            f"{top1:.1%}",
            f"{answered:.1%} / {rejected:.1%}",
        ],
        [size, "matcher warm", len(questions), warm[0], warm[1], "", "", ""],
    ]
    for folded in (False, True):
        run, owners, prepared = _alternative(dataset, folded)
        found: list[object] = []
        stats = summary(latencies(run, questions[:alternative_limit], found))
        accuracy = _alternative_accuracy(found, owners, expected[:alternative_limit])
        rows.append(
            [
                size,
                "extractOne folded" if folded else "extractOne",
                len(found),
                stats[0],
                stats[1],
                f"{prepared:.2f} s",
                f"{accuracy:.1%}",
                "never rejects",
            ]
        )
    return rows


def main() -> None:
    quick = "--quick" in sys.argv
    print_header("Matching latency per question (ms) and accuracy: Matcher vs rapidfuzz extractOne(WRatio)")
    datasets = [(shipped(), 10_000), (generate(1_000), 10_000), (generate(10_000), 400)]
    if not quick:
        datasets.append((generate(100_000, questions=400), 60))
    rows = []
    for dataset, limit in datasets:
        rows.extend(measure(dataset, limit))
        print(f"... {dataset.name} done", file=sys.stderr, flush=True)
    print(
        table(
            [
                "content",
                "method",
                "questions",
                "p50 ms",
                "p99 ms",
                "build",
                "top-1",
                "answered right / off-topic rejected",
            ],
            rows,
        )
    )
    print()
    print(membership())


def membership() -> str:
    """The membership questions' recogniser (bot.members.questions), which every question
    also goes through, and the whole ``Assistant.ask`` (matcher, recogniser, reply), on
    every question of tests/eval (with cities.yaml: cities, countries, regions, years)."""
    from bot.services import load_assistant

    assistant = load_assistant(ROOT / "content")
    members = assistant.members
    assert members is not None
    questions = [
        c.question
        for path in ("questions.yaml", "holdout.yaml", "cities.yaml")
        for c in load_cases(ROOT / "tests" / "eval" / path)
    ]
    found: list[object] = []
    cold = summary(latencies(members.question, questions, found))
    warm = summary(latencies(members.question, questions))
    recognised = sum(q is not None for q in found)
    assistant.matcher.clear_caches()
    ask_cold = summary(latencies(assistant.ask, questions))
    assistant.matcher.clear_caches(words=False)
    ask_warm = summary(latencies(assistant.ask, questions))
    d = members.directory
    size = f"{d.count} members, {len(d.places_index)} names"
    rows = [
        [size, "recogniser cold", len(questions), cold[0], cold[1], f"{recognised} membership questions"],
        [size, "recogniser warm", len(questions), warm[0], warm[1], ""],
        [size, "Assistant.ask cold", len(questions), ask_cold[0], ask_cold[1], "matcher + recogniser + reply"],
        [size, "Assistant.ask warm", len(questions), ask_warm[0], ask_warm[1], ""],
    ]
    return table(["members", "what", "questions", "p50 ms", "p99 ms", "note"], rows)


if __name__ == "__main__":
    main()
