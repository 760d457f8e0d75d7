"""Word lists the built-in demos use; every word here ships in the default data."""

from __future__ import annotations

ROYALTY_GENDER = [
    "king", "queen", "man", "woman", "prince", "princess", "boy", "girl", "father",
    "mother", "son", "daughter", "brother", "sister", "uncle", "aunt", "husband", "wife",
    "he", "she", "his", "her", "emperor", "empress", "duke", "duchess", "monarch", "throne",
    "actor", "actress", "waiter", "waitress", "nephew", "niece", "grandfather", "grandmother",
]  # fmt: skip

COUNTRIES_CAPITALS = [
    ("france", "paris"), ("italy", "rome"), ("germany", "berlin"), ("spain", "madrid"),
    ("japan", "tokyo"), ("china", "beijing"), ("russia", "moscow"), ("england", "london"),
    ("greece", "athens"), ("egypt", "cairo"), ("canada", "ottawa"), ("portugal", "lisbon"),
    ("poland", "warsaw"), ("austria", "vienna"), ("sweden", "stockholm"), ("norway", "oslo"),
]  # fmt: skip

# The lesson's history analogy: italy - germany + hitler ≈ mussolini.
HISTORY = ["hitler", "mussolini", "stalin", "churchill", "roosevelt", "nazi", "fascist"]

FOOD = ["sushi", "pizza", "pasta", "bratwurst", "sauerkraut", "rice", "bread", "cheese",
        "wine", "beer", "tea", "coffee"]  # fmt: skip

# Singular/plural pairs for the plurality direction (cats - cat).
PLURAL_PAIRS = [
    ("cat", "cats"), ("dog", "dogs"), ("puppy", "puppies"), ("octopus", "octopuses"),
    ("student", "students"), ("mouse", "mice"), ("child", "children"), ("woman", "women"),
    ("man", "men"), ("city", "cities"), ("tree", "trees"), ("book", "books"),
    ("car", "cars"), ("house", "houses"), ("apple", "apples"), ("bird", "birds"),
    ("horse", "horses"), ("box", "boxes"), ("knife", "knives"), ("foot", "feet"),
    ("tooth", "teeth"), ("goose", "geese"), ("person", "people"), ("baby", "babies"),
]  # fmt: skip

NUMBERS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

TOWER = ["tower", "towers", "building", "skyscraper", "spire", "bridge", "castle", "eiffel"]

VERBS_TENSE = [
    ("walk", "walked"), ("go", "went"), ("see", "saw"), ("run", "ran"), ("eat", "ate"),
    ("swim", "swam"), ("write", "wrote"), ("take", "took"),
]  # fmt: skip

COMPARATIVES = [("good", "better"), ("big", "bigger"), ("small", "smaller"), ("fast", "faster"),
                ("bad", "worse"), ("high", "higher")]  # fmt: skip

ANIMALS = ["lion", "tiger", "elephant", "whale", "dolphin", "shark", "snake", "eagle",
           "wolf", "bear", "fox", "rabbit", "monkey", "cow", "pig", "sheep", "chicken"]  # fmt: skip

COLOURS = ["red", "green", "blue", "yellow", "black", "white", "orange", "purple"]

SCIENCE = ["physics", "chemistry", "biology", "mathematics", "atom", "molecule", "energy",
           "computer", "software", "algorithm", "data", "network", "science", "research"]  # fmt: skip

EMOTIONS = ["happy", "sad", "angry", "love", "hate", "fear", "joy", "anger"]

SPORTS = ["football", "soccer", "tennis", "basketball", "baseball", "golf", "hockey", "cricket"]


def _flatten(*groups) -> list[str]:
    seen: dict[str, None] = {}
    for group in groups:
        for item in group:
            for w in item if isinstance(item, tuple) else (item,):
                seen.setdefault(w, None)
    return list(seen)


TEACHING_WORDS: list[str] = _flatten(
    ROYALTY_GENDER, COUNTRIES_CAPITALS, HISTORY, FOOD, PLURAL_PAIRS, NUMBERS, TOWER,
    VERBS_TENSE, COMPARATIVES, ANIMALS, COLOURS, SCIENCE, EMOTIONS, SPORTS,
)  # fmt: skip
"""The classic teaching words, in a stable order, without repeats."""

__all__ = [
    "ANIMALS", "COLOURS", "COMPARATIVES", "COUNTRIES_CAPITALS", "EMOTIONS", "FOOD", "HISTORY",
    "NUMBERS", "PLURAL_PAIRS", "ROYALTY_GENDER", "SCIENCE", "SPORTS", "TEACHING_WORDS",
    "TOWER", "VERBS_TENSE",
]  # fmt: skip
