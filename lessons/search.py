"""Search that understands Dutch (issue 15, point 7): the words a teacher types, turned
into a query for Wagtail's database search backend.

Each typed word becomes a choice (OR) of alternatives: the word itself, the other forms
of its stem, and the words the lessons use for it (cms/content/synonyms.toml). A lesson
must match every typed word (AND). Only `\\w+` words reach the engine: quotes, brackets
and stars are its syntax (SQLite's full-text search failed on a lone quote), and the
alternatives are made of word characters too.

Stemming depends on the engine:

- PostgreSQL stems by itself. `SEARCH_CONFIG = "dutch"` (cms/settings/base.py) is the
  text search configuration Wagtail uses both to index (`to_tsvector('dutch', ...)`) and
  to query (`to_tsquery('dutch', ...)`), so "dankbare", "dankbaar" and "dankbaarheid" are
  all the lexeme `dankbar` on both sides. The word alone is enough there.
- SQLite's FTS5 table (made by Wagtail's migration, default `unicode61` tokenizer)
  stores the words as written, and Wagtail's search gives no prefix match on the body
  (only `autocomplete()` on the title does). So the query is stemmed instead: `stem()`
  strips a few Dutch endings (plural, diminutive, -e, -en, -ig, -heid), undoing the
  spelling changes they bring (double consonants, long vowels, z/s and v/f), and
  `forms()` grows the stem back into the forms a lesson may contain. A form that is in
  no lesson matches nothing and costs nothing. This is plain Wagtail (an Or of
  PlainText), with no backend or SQL of our own, and more precise than a prefix would
  be: "bang" finds "bange", not "bank", and "rust" not "rustoefening".
"""

import re
import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

SYNONYMS = Path(settings.BASE_DIR) / "cms" / "content" / "synonyms.toml"
WORD = re.compile(r"\w+")
VOWELS = "aeiouy"
MIN_STEM = 3  # shorter is no Dutch stem: the word is kept as it is
DIPHTHONGS = ("ie", "oe", "ei", "ij", "ui", "eu", "ou", "au")


def words(query):
    """The words of a query, lower case, each once, in the order typed."""
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query)))


def engine_stems():
    """True when the search engine stems Dutch itself (PostgreSQL with SEARCH_CONFIG)."""
    return bool(getattr(get_search_backend(), "config", None))


def stem(word):
    """A small Dutch stemmer, in three steps, each stripping at most one ending:
    a diminutive or plural s ("kaartjes" -> kaart, "slingers" -> slinger), then -en or
    -e ("schildpadden" -> schildpad, "dankbare" -> dankbaar, "boze" -> boos), then
    -heid or -ig ("dankbaarheid" -> dankbaar, "verdrietig" -> verdriet). It is meant for
    the few words of a search, not for linguistics: "kinderen" stays "kinder"."""
    word = _strip(word, ("jes", "je")) or _strip_s(word) or word
    without = _strip(word, ("en",)) or _strip_e(word)
    if without:
        word = _closed(without)
    without = _strip(word, ("heid",))
    if without is None and (without := _strip(word, ("ig",))):
        without = _undouble(without)
    return without or word


def forms(stem):
    """The forms a lesson may use for a stem, the stem included: "schildpad" ->
    schildpadden, "dankbaar" -> dankbare, dankbaarheid, "verdriet" -> verdrietig,
    "boos" -> boze, "kaart" -> kaartjes, "geluk" -> gelukkig, "slinger" -> slingertje."""
    opened = _opened(stem)
    if stem[-1] in VOWELS or stem[-1] in "lnrw":
        diminutive = "tje"
    elif stem[-1] == "m":
        diminutive = "pje"
    else:
        diminutive = "je"
    return {
        stem,
        stem if stem.endswith("s") else stem + "s",
        stem + "heid",
        stem + diminutive,
        stem + diminutive + "s",
        *(opened + ending for ending in ("e", "en", "ens", "ig", "ige")),
    }


def _strip(word, endings):
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return None


def _strip_s(word):
    """A plural s, not the s of "boos" or "huis": after a consonant other than s or j,
    or after the e of "emoties"."""
    if len(word) > MIN_STEM and word[-1] == "s" and word[-2] not in "sjaiouy":
        return word[:-1]
    return None


def _strip_e(word):
    """An ending e after a consonant ("bange"), not the e of "emotie" or "zee"."""
    if len(word) > MIN_STEM and word[-1] == "e" and word[-2] not in VOWELS:
        return word[:-1]
    return None


def _closed(stem):
    """A stem seen before a vowel ending, as it is written on its own: "schildpadd" ->
    schildpad, "dankbar" -> dankbaar, "boz" -> boos, "briev" -> brief, "slinger" stays
    (its e is unstressed)."""
    if _undouble(stem) != stem:
        return _undouble(stem)
    vowel = stem[-2]
    if _short_syllable(stem) and (vowel in "aou" or _one_syllable(stem)):
        return _unvoiced(stem[:-1] + vowel + stem[-1])
    if stem[-3:-1] in DIPHTHONGS:
        return _unvoiced(stem)
    return stem


def _opened(stem):
    """A stem as written before a vowel ending: "baar" -> bar, "boos" -> boz, "pad" ->
    padd, "les" -> less, "brief" -> briev; "slinger" and "bang" stay."""
    if len(stem) < MIN_STEM or stem[-1] in VOWELS:
        return stem
    if stem[-2] == stem[-3] and stem[-2] in "aeou":
        return _voiced(stem[:-2] + stem[-1])  # a long vowel: written once when open
    if stem[-3:-1] in DIPHTHONGS:
        return _voiced(stem)
    if _short_syllable(stem) and (stem[-2] != "e" or _one_syllable(stem)):
        return stem + stem[-1]  # a short vowel: a double consonant keeps it short
    return stem


def _undouble(stem):
    if len(stem) > MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        return stem[:-1]
    return stem


def _short_syllable(stem):
    """Ends in one vowel and one consonant, after a consonant: "pad", "dankbar"."""
    return (
        len(stem) >= MIN_STEM
        and stem[-1] not in VOWELS
        and stem[-2] in VOWELS
        and stem[-3] not in VOWELS
    )


def _one_syllable(stem):
    return len(re.findall(f"[{VOWELS}]+", stem)) == 1


def _voiced(stem):
    return stem[:-1] + {"s": "z", "f": "v"}.get(stem[-1], stem[-1])


def _unvoiced(stem):
    return stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1], stem[-1])


@cache
def synonyms(path=SYNONYMS):
    """The synonyms file as {word or stem: words}: a head word and its stem both point to
    its words, so "verdrietige" (stem "verdriet") finds the words of "verdriet". Refuses
    a word that is not one `\\w+` word in lower case: they go to the search engine."""
    with open(path, "rb") as file:
        data = tomllib.load(file)
    table = {}
    for head, listed in data.items():
        if not isinstance(listed, list):
            raise ValueError(f"{path.name}: {head} is not a list of words")
        for word in [head, *listed]:
            if not isinstance(word, str) or WORD.fullmatch(word) is None:
                raise ValueError(f"{path.name}: {word!r} is not one word")
            if word != word.lower():
                raise ValueError(f"{path.name}: {word!r} is not in lower case")
        for key in {head, stem(head)}:
            table.setdefault(key, set()).update(listed)
    return table


def alternatives(word, *, stemming=None):
    """The words that count as `word`: its own forms (the word, and the forms of its stem
    unless the engine stems), and its synonyms that are not among them. Sorted, the
    typed word first."""
    if stemming is None:
        stemming = not engine_stems()
    root = stem(word)
    own = forms(root) | {word} if stemming else {word}
    table = synonyms()
    others = (table.get(word, set()) | table.get(root, set())) - own
    return [word, *sorted(own - {word})], sorted(others)


def lesson_query(query):
    """The search for a teacher's query, and the search to rank its lessons by first:
    AND between her words, OR within each word's own forms and synonyms; and an OR of
    the words' own forms, so that lessons with her words come before lessons found by a
    synonym only. (None, None) when the query has no words."""
    typed = words(query)
    if not typed:
        return None, None
    stemming = not engine_stems()
    choices = [alternatives(word, stemming=stemming) for word in typed]
    match = And(
        [Or([PlainText(each) for each in own + others]) for own, others in choices]
    )
    own_words = [each for own, _others in choices for each in own]
    return match, PlainText(" ".join(own_words), operator="or")
