"""Invented news-like documents, generated from templates with a fixed seed.

Every name, place and sentence here is made up for corpusmend; no third-party text is used. The
documents look like scraped local news: an optional title and dateline, paragraphs of one to four
sentences, quotations with attributions (curly quotes), outlet attributions, abbreviations,
numbers, accented names, and now and then a short list. They are clean: no artifact that any
corpusmend rule is meant to find, so they serve as the untouched side of the evaluation and as the
benchmark corpus.

    python -m bench.corpus OUT_DIR [--docs N] [--seed S]   # write N .txt files into OUT_DIR
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

FIRST_NAMES = (
    "Mira", "Tobias", "Anouk", "Rafael", "Ingrid", "Kwame", "Léa", "Sören", "Zoë", "Joaquín",
    "Halima", "Bertrand", "Noor", "Emeka", "Renée", "Oskar", "Priya", "Matías", "Greta", "Idris",
    "Céline", "Dmitri", "Aiko", "Faustine", "Olumide", "Björn", "Yasmin", "Anselm", "Inés",
    "Teodor",
)  # fmt: skip
SURNAMES = (
    "Vantreck", "Oyelaran", "Castellví", "Mørkholt", "Quillane", "Abernethy-Sloe", "Dufrêne",
    "Kasprzyk", "Lindqvist", "Ferreira-Naude", "Ockenden", "Balogun", "Marchetti", "Hadžić",
    "Strømme", "Varga", "Tellier", "Nakashima", "Ruiz-Obando", "Pemberton", "Achterberg", "Szabó",
)  # fmt: skip
TITLES = (
    "Dr.", "Mr.", "Ms.", "Prof.", "Sen.", "Gov.", "Capt.", "Rev.",
)  # fmt: skip
ROLES = (
    "the port director", "a spokeswoman for the council", "the mayor", "a local farmer",
    "the head of the water board", "a teacher at the harbour school", "the fire chief",
    "an economist at the regional bank", "the festival’s organiser", "a nurse at the clinic",
    "the union representative", "the chair of the residents’ association",
)  # fmt: skip
PLACES = (
    "Harwick", "Lostmere", "Vell Harbour", "Saint-Élodie", "Oakenfurt", "Brannoch", "Kessaly",
    "Port Aubrine", "Mirrowdale", "Tôrvik", "Sallowmead", "Calder Reach", "Ferrand-sur-Lisle",
)  # fmt: skip
BODIES = (
    "the port authority", "the regional water board", "the town council", "the rail operator",
    "the school board", "the health trust", "the fisheries agency", "the housing co-operative",
    "the coastal guard", "the chamber of commerce",
)  # fmt: skip
SUBJECTS = (
    "the new ferry terminal", "the flood barrier", "the orchard co-operative", "the night bus",
    "the old swing bridge", "the harbour café", "the library extension", "the wind farm",
    "the fish market", "the tram line", "the cliff path", "the summer festival",
)  # fmt: skip
OUTLETS = (
    "Press TV", "Al Jazeera", "Associated Press", "BBC News", "Sky News", "Deutsche Welle",
    "Agence France-Presse",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
VERBS_PAST = (
    "approved", "delayed", "reviewed", "questioned", "welcomed", "rejected", "postponed",
    "funded", "inspected", "criticised",
)  # fmt: skip
ADJECTIVES = (
    "long-awaited", "disputed", "costly", "modest", "ambitious", "overdue", "popular",
    "temporary", "revised", "controversial",
)  # fmt: skip
NOUNS = (
    "residents", "commuters", "fishermen", "pupils", "volunteers", "tenants", "growers",
    "nurses", "drivers", "visitors", "households", "traders",
)  # fmt: skip
EVENTS = (
    "the work began", "the spring floods", "the last election", "the budget was cut",
    "the depot closed", "the inquiry opened",
)  # fmt: skip
CONCERNS = (
    "rising costs", "the noise at night", "safety on the quay", "the loss of parking",
    "the water quality", "the late timetable", "the price of tickets", "the state of the roads",
)  # fmt: skip


class Writer:
    """Fills sentence templates from the invented vocabulary with one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.body = rng.choice(BODIES)
        self.subject = rng.choice(SUBJECTS)
        self.people = [self._person() for _ in range(rng.randint(2, 4))]
        self.used: set[str] = set()

    def _person(self) -> tuple[str, str]:
        r = self.rng
        name = f"{r.choice(FIRST_NAMES)} {r.choice(SURNAMES)}"
        if r.random() < 0.3:
            name = f"{r.choice(TITLES)} {name}"
        return name, r.choice(ROLES)

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def when(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"on {r.choice(WEEKDAYS)}"
        return f"on {r.choice(MONTHS)} {r.randint(1, 28)}"

    def sentence(self) -> str:
        """A sentence not used before in this document."""
        for _ in range(20):
            text = self._sentence()
            if text not in self.used:
                break
        self.used.add(text)
        return text

    def _sentence(self) -> str:
        r = self.rng
        name, role = r.choice(self.people)
        surname = name.split()[-1]
        subject, concern, body = r.choice(SUBJECTS), r.choice(CONCERNS), r.choice(BODIES)
        verb, adjective, place = r.choice(VERBS_PAST), r.choice(ADJECTIVES), r.choice(PLACES)
        noun, count = r.choice(NOUNS), r.randint(3, 480)
        templates = (
            lambda: f"{body.capitalize()} {verb} the {adjective} plan for {subject} {self.when()}.",
            lambda: (
                f"The {adjective} scheme is expected to cost {self.money()}, according to "
                f"figures published by {body}."
            ),
            lambda: (
                f"Residents of {place} have raised concerns about {concern} since "
                f"{r.choice(EVENTS)}."
            ),
            lambda: f"{name}, {role}, said the decision would affect {count} {noun}.",
            lambda: (
                f"In {place}’s older streets, shopkeepers said trade had fallen by "
                f"{self.percent()} {self.when()}."
            ),
            lambda: (
                f"The meeting at {r.randint(5, 9)} p.m. drew {count} people, and some "
                f"{r.choice(('listened from the street', 'waited outside', 'left early'))}."
            ),
            lambda: (
                f"{surname} told reporters that {body} would publish a revised "
                f"{r.choice(('timetable', 'budget', 'survey', 'map'))} {self.when()}."
            ),
            lambda: (
                f"A report by the audit office (No. {r.randint(3, 90)}) found that "
                f"{subject} had run {self.percent()} over budget."
            ),
            lambda: (
                f"Critics, e.g. {r.choice(ROLES)}, argue that {concern} was "
                f"{r.choice(('ignored', 'played down', 'left to the next council'))}."
            ),
            lambda: (
                f"The café on St. {r.choice(SURNAMES)} Street stayed open until "
                f"{r.randint(9, 11)} p.m. so that {noun} could warm up."
            ),
            lambda: (
                f"Work on {subject} is due to resume {self.when()}, "
                f"{r.choice(('weather permitting', 'if funds arrive', 'unless a court objects'))}."
            ),
            lambda: (
                f"{name} has led the campaign against {concern} for {r.randint(2, 15)} "
                f"years and says it is “far from over.”"
            ),
            lambda: (
                f"Officials in {place} said the figures for {subject} were provisional, "
                f"{r.choice(OUTLETS)} reported."
            ),
            lambda: (
                f"The measure on {concern} passed by {r.randint(5, 12)} votes to "
                f"{r.randint(1, 4)}, according to {r.choice(OUTLETS)}."
            ),
            lambda: (
                f"Nobody was injured near {subject}, and the road reopened shortly after "
                f"{r.randint(1, 11)} a.m."
            ),
            lambda: (
                f"Between {r.randint(2001, 2012)} and {r.randint(2013, 2022)}, the number "
                f"of {noun} in {place} rose to {r.randint(1, 9)},{r.randint(100, 999)}."
            ),
            lambda: (
                f"{body.capitalize()} has asked {r.choice(BODIES)} for {self.money()} "
                f"to cover {concern}."
            ),
            lambda: (
                f"At the hearing {self.when()}, {name} asked why {subject} had been "
                f"{verb} without a vote."
            ),
            lambda: (
                f"Asked about {concern}, {surname} said the answer would come from "
                f"{body}, not from the mayor’s office."
            ),
            lambda: (
                f"The {adjective} proposal would move {count} {noun} from {place} to "
                f"{r.choice(PLACES)} by {r.choice(MONTHS)} {r.randint(2024, 2029)}."
            ),
            lambda: f"Some {noun} in {place} say they were never consulted about {subject}.",
            lambda: (
                f"{name}’s group has collected {r.randint(2, 9)},{r.randint(100, 999)} "
                f"signatures and plans to deliver them {self.when()}."
            ),
            lambda: (
                f"Fares on {subject} rose to €{r.randint(2, 9)}.{r.randint(10, 95)}, "
                f"the first increase since {r.randint(2009, 2021)}."
            ),
            lambda: (
                f"Mr. and Mrs. {r.choice(SURNAMES)}, who run a bakery in {place}, said "
                f"{concern} had cost them {self.money()}."
            ),
            lambda: (
                f"The {r.randint(2009, 2021)}–{r.randint(22, 26)} budget set aside "
                f"{self.money()} for {subject}, a sum {body} called {adjective}."
            ),
        )
        return r.choice(templates)()

    def money(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"${r.randint(2, 90)}.{r.randint(1, 9)} million"
        return f"€{r.randint(12, 950)},000"

    def percent(self) -> str:
        r = self.rng
        return f"{r.randint(2, 60)}.{r.randint(1, 9)} percent"

    def quotation(self) -> str:
        r = self.rng
        name, role = r.choice(self.people)
        subject, concern, body = r.choice(SUBJECTS), r.choice(CONCERNS), r.choice(BODIES)
        quotes = (
            f"We have waited long enough for {subject}",
            f"Nobody in {r.choice(PLACES)} wants to see {concern} get worse",
            f"This is not the end of the matter, and we will keep asking {body} questions",
            f"The numbers simply do not add up for {body}",
            f"I’ve lived in {r.choice(PLACES)} all my life and I’ve never seen {concern} like this",
            f"It’s a ‘temporary’ fix for {concern} that has lasted {r.randint(3, 12)} years",
            f"If {subject} closes, {r.randint(20, 400)} {r.choice(NOUNS)} lose their best option",
            f"We asked {body} {r.randint(3, 30)} times and got {r.randint(0, 2)} answers",
        )
        quote = r.choice(quotes)
        shape = r.randrange(3)
        if shape == 0:
            return f"“{quote},” said {name}, {role}."
        if shape == 1:
            return f"“{quote},” {name} said. “We expect an answer {self.when()}.”"
        return f"{name}, {role}, put it plainly: “{quote}.”"

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))

    def bullet_list(self) -> str:
        items = [f"- {self.money()} for {self.pick(SUBJECTS)};" for _ in range(3)]
        items[-1] = items[-1][:-1] + "."
        return "The plan has three parts:\n" + "\n".join(items)

    def lead(self) -> str:
        r = self.rng
        first = (
            f"{self.body.capitalize()} {r.choice(VERBS_PAST)} the {r.choice(ADJECTIVES)} plan "
            f"for {self.subject} {self.when()}, ending months of debate in {self.place}."
        )
        if r.random() < 0.4:
            first = f"{self.place.upper()}, {r.choice(MONTHS)} {r.randint(1, 28)} — {first}"
        return first + " " + self.sentence()

    def title(self) -> str:
        r = self.rng
        return f"{self.place}: {r.choice(ADJECTIVES).capitalize()} plan for {self.subject}"


def document(rng: random.Random, min_chars: int = 1500, max_chars: int = 7000) -> str:
    """One invented article of roughly min_chars to max_chars, ending with a newline."""
    w = Writer(rng)
    target = rng.randint(min_chars, max_chars)
    parts = [w.lead()]
    if rng.random() < 0.25:
        parts.insert(0, w.title())
    size = len(parts[0])
    listed = False
    while size < target:
        roll = rng.random()
        if roll < 0.3:
            part = w.quotation()
        elif roll < 0.35 and not listed:
            part, listed = w.bullet_list(), True
        else:
            part = w.paragraph()
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts) + "\n"


def documents(count: int, seed: int = 0, min_chars: int = 1500, max_chars: int = 7000) -> list[str]:
    rng = random.Random(seed)
    return [document(rng, min_chars, max_chars) for _ in range(count)]


def iter_documents(seed: int = 0) -> Iterator[str]:
    rng = random.Random(seed)
    while True:
        yield document(rng)


def write_corpus(out: Path, count: int, seed: int = 0) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(documents(count, seed)):
        path = out / f"doc{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out", type=Path, help="directory to write the .txt documents into")
    parser.add_argument("--docs", type=int, default=200, help="number of documents (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.out, args.docs, args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
