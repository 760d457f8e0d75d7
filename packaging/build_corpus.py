"""Generate the shipped teaching corpus, resources/corpus/teaching.txt.

The corpus is made of templated sentences about four topics, chosen so that a
word2vec model trained on it for well under a minute on two cores shows the
structure the lesson talks about:

* royalty, family and gender: every person word is used with one status frame
  (royal / common / family) and one gender frame (he, his / she, her), so
  king − man + woman lands near queen;
* animals and their plurals: the same animal facts in singular ("a cat purrs",
  "one cat") and plural ("many cats purr", "three cats"), so cats − cat points
  the same way as dogs − dog;
* numbers: counting sequences and sums, so one..ten line up;
* countries and capitals: each capital shares a language and a region with
  its country, but capitals live in "city" frames and countries in "nation"
  frames, so paris − france ≈ rome − italy.

Reproducible: a seeded ``random.Random`` drives every choice, and the output
is byte-for-byte the same on every run and platform:

    python packaging/build_corpus.py            # writes resources/corpus/
    python packaging/build_corpus.py --check    # verifies the shipped files
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "corpus"
SEED = 20261122
SENTENCES = 60_000

# (male, female) pairs, their status (royal, common or family) and a topic
# word only that pair shares, which keeps the pairs apart from each other.
PEOPLE = [
    ("king", "queen", "royal", "kingdom"), ("prince", "princess", "royal", "heir"),
    ("emperor", "empress", "royal", "empire"), ("duke", "duchess", "royal", "duchy"),
    ("lord", "lady", "royal", "manor"),
    ("man", "woman", "common", "job"), ("boy", "girl", "common", "school"),
    ("actor", "actress", "common", "stage"), ("waiter", "waitress", "common", "restaurant"),
    ("father", "mother", "family", "children"), ("son", "daughter", "family", "parents"),
    ("brother", "sister", "family", "siblings"), ("husband", "wife", "family", "marriage"),
    ("uncle", "aunt", "family", "cousins"), ("nephew", "niece", "family", "inheritance"),
    ("grandfather", "grandmother", "family", "grandchildren"),
]  # fmt: skip

TOPIC_FRAMES = [
    "the {w} thought about the {t}", "the {w} spoke of the {t}",
    "everyone in the {t} knew the {w}", "the {t} mattered to the {w}",
]  # fmt: skip

STATUS_FRAMES = {
    "royal": [
        "the {w} sat on the throne", "the {w} wore the golden crown",
        "the {w} rules the kingdom", "the {w} lives in the royal palace",
        "the royal {w} spoke to the court", "the {w} of the realm held a royal feast",
    ],
    "common": [
        "the {w} walked to the market", "the {w} works in the town",
        "the {w} lives in a small house", "the {w} bought bread in the village",
        "a young {w} met a friend in the street", "the {w} took the train to work",
    ],
    "family": [
        "the {w} cooked dinner for the family", "the {w} came home to the family",
        "the {w} visited the family at the weekend", "the {w} is part of our family",
        "my {w} called the family on sunday", "the {w} stayed with relatives",
    ],
}  # fmt: skip

GENDER_FRAMES = {
    "m": ["he smiled", "he was tired", "his voice was calm", "he said hello",
          "his coat was red", "people liked him", "he waved at them"],
    "f": ["she smiled", "she was tired", "her voice was calm", "she said hello",
          "her coat was red", "people liked her", "she waved at them"],
}  # fmt: skip

# singular, plural, sound (3rd person singular, plural), habitat, food
ANIMALS = [
    ("cat", "cats", "purrs", "purr", "home", "fish"),
    ("dog", "dogs", "barks", "bark", "home", "bones"),
    ("rabbit", "rabbits", "hops", "hop", "home", "carrots"),
    ("horse", "horses", "neighs", "neigh", "farm", "hay"),
    ("cow", "cows", "moos", "moo", "farm", "grass"),
    ("pig", "pigs", "grunts", "grunt", "farm", "apples"),
    ("goat", "goats", "bleats", "bleat", "farm", "weeds"),
    ("duck", "ducks", "quacks", "quack", "farm", "corn"),
    ("wolf", "wolves", "howls", "howl", "wild", "deer"),
    ("fox", "foxes", "yelps", "yelp", "wild", "chickens"),
    ("lion", "lions", "roars", "roar", "wild", "zebras"),
    ("tiger", "tigers", "growls", "growl", "wild", "buffalo"),
    ("bear", "bears", "sleeps", "sleep", "wild", "honey"),
    ("mouse", "mice", "squeaks", "squeak", "home", "cheese"),
    ("bird", "birds", "sings", "sing", "wild", "seeds"),
    ("frog", "frogs", "croaks", "croak", "wild", "flies"),
]  # fmt: skip

HABITAT = {
    "home": ["in the house", "on the sofa", "near the fire"],
    "farm": ["on the farm", "in the barn", "in the field"],
    "wild": ["in the forest", "in the wild", "near the river"],
}
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

# country, capital, language, region
COUNTRIES = [
    ("france", "paris", "french", "europe"), ("germany", "berlin", "german", "europe"),
    ("italy", "rome", "italian", "europe"), ("spain", "madrid", "spanish", "europe"),
    ("portugal", "lisbon", "portuguese", "europe"), ("greece", "athens", "greek", "europe"),
    ("poland", "warsaw", "polish", "europe"), ("sweden", "stockholm", "swedish", "europe"),
    ("russia", "moscow", "russian", "europe"), ("england", "london", "english", "europe"),
    ("japan", "tokyo", "japanese", "asia"), ("china", "beijing", "chinese", "asia"),
    ("egypt", "cairo", "arabic", "africa"), ("kenya", "nairobi", "swahili", "africa"),
    ("peru", "lima", "spanish", "america"), ("canada", "ottawa", "english", "america"),
]  # fmt: skip


def _people(r: random.Random) -> str:
    male, female, status, topic = r.choice(PEOPLE)
    gender = r.choice("mf")
    word = male if gender == "m" else female
    if r.random() < 0.5:
        first = r.choice(STATUS_FRAMES[status]).format(w=word)
    else:
        first = r.choice(TOPIC_FRAMES).format(w=word, t=topic)
    return f"{first} and {r.choice(GENDER_FRAMES[gender])}"


def _animal(r: random.Random) -> str:
    sing, plur, says, say, habitat, food = r.choice(ANIMALS)
    where = r.choice(HABITAT[habitat])
    if r.random() < 0.5:
        return r.choice([
            f"a {sing} {says} {where}", f"one {sing} {says} {where}",
            f"this {sing} is asleep {where}", f"the {sing} {says} and it eats {food}",
            f"i saw one {sing} {where}", f"the {sing} is {where}", f"a {sing} likes {food}",
        ])  # fmt: skip
    n = r.choice(NUMBERS[1:])
    return r.choice([
        f"many {plur} {say} {where}", f"{n} {plur} {say} {where}",
        f"these {plur} are asleep {where}", f"the {plur} {say} and they eat {food}",
        f"i saw {n} {plur} {where}", f"the {plur} are {where}", f"{n} {plur} like {food}",
    ])  # fmt: skip


def _number(r: random.Random) -> str:
    i = r.randrange(len(NUMBERS) - 2)
    a, b, c = NUMBERS[i : i + 3]
    return r.choice([
        f"count {a} {b} {c}", f"after {a} comes {b} and then {c}",
        f"{a} plus one is {b}", f"{c} minus one is {b}", f"between {a} and {c} is {b}",
    ])  # fmt: skip


def _country(r: random.Random) -> str:
    country, capital, lang, region = r.choice(COUNTRIES)
    if r.random() < 0.35:
        return r.choice([
            f"{capital} is the capital of {country}", f"the capital of {country} is {capital}",
            f"{capital} is the capital city of {country}",
        ])  # fmt: skip
    if r.random() < 0.5:
        return r.choice([
            f"the city of {capital} has busy streets", f"we flew to the city of {capital}",
            f"in {capital} people speak {lang}", f"the mayor of {capital} opened a museum",
            f"{capital} is a large city in {region}", f"the airport of {capital} was busy",
        ])  # fmt: skip
    return r.choice([
        f"the country of {country} has a long border", f"in {country} people speak {lang}",
        f"{country} is a nation in {region}", f"the government of {country} met today",
        f"the people of {country} voted", f"{country} is a country in {region}",
    ])  # fmt: skip


TOPICS = [(_people, 0.36), (_animal, 0.3), (_number, 0.1), (_country, 0.24)]


def sentences(seed: int = SEED, count: int = SENTENCES) -> list[str]:
    """Return the corpus lines, one sentence per line."""
    r = random.Random(seed)
    makers = [m for m, _ in TOPICS]
    weights = [w for _, w in TOPICS]
    return [r.choices(makers, weights)[0](r) for _ in range(count)]


def watched_words() -> list[tuple[str, str]]:
    """The words the Train panel follows on the shipped corpus, each with its group."""
    out: list[tuple[str, str]] = []
    for male, female, *_ in PEOPLE:
        out += [(male, "male"), (female, "female")]
    out += [("he", "male"), ("his", "male"), ("she", "female"), ("her", "female")]
    out += [(w, "royal") for w in ("throne", "crown", "palace")] + [("family", "family")]
    for sing, plur, *_ in ANIMALS:
        out += [(sing, "animal"), (plur, "animals")]
    out += [(n, "number") for n in NUMBERS]
    for country, capital, *_ in COUNTRIES:
        out += [(country, "country"), (capital, "capital")]
    return out


def build() -> dict[str, bytes]:
    """Return the shipped files' names and contents."""
    text = "\n".join(sentences()) + "\n"
    return {
        "teaching.txt": text.encode("utf-8"),
        "watch.txt": "".join(f"{w}\t{g}\n" for w, g in watched_words()).encode("utf-8"),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--check", action="store_true", help="verify the files instead of writing")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    files = build()
    bad = 0
    for name, data in files.items():
        path = args.out / name
        digest = hashlib.sha256(data).hexdigest()
        if args.check:
            ok = path.exists() and path.read_bytes() == data
            bad += not ok
            print(f"{'ok ' if ok else 'DIFFERS'} {name} sha256={digest}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path} ({len(data):,} bytes, sha256={digest})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
