"""The reviewed word lists of the class activities as data (cms/content/word_lists.toml),
loaded before the lessons that choose their words, and the lessons' way of naming a word
in a file: "<list slug>/<word>" ("gevoelens/blij")."""

import tomllib

from django.core.exceptions import ValidationError

from cms.demo.site import CONTENT
from lessons.word_lists import Word, WordList

WORD_LISTS = CONTENT / "word_lists.toml"
LIST_FIELDS = ("name", "description")
WORD_FIELDS = ("text", "icon", "description")


def read_word_lists(path=WORD_LISTS):
    """The lists as dicts, each field held to its model; raises ValueError naming the list
    and field of every problem."""
    with open(path, "rb") as file:
        lists = tomllib.load(file).get("lists", [])
    problems = []
    for spec in lists:
        where = f"{path}: lists ({spec.get('slug', '?')})"
        fields = {name: spec.get(name, "") for name in LIST_FIELDS}
        problems += _problems(WordList(slug=spec.get("slug", ""), **fields), where)
        words = spec.get("words", [])
        if len(words) < 2:
            problems.append(f"{where}.words: give at least two words")
        for i, word in enumerate(words, start=1):
            fields = {name: word.get(name, "") for name in WORD_FIELDS}
            problems += _problems(Word(**fields), f"{where}.words[{i}]", {"word_list"})
    if problems:
        raise ValueError("The word lists are not loaded:\n" + "\n".join(problems))
    return lists


def _problems(instance, where, exclude=()):
    try:
        instance.clean_fields(exclude=exclude)
    except ValidationError as error:
        return [
            f"{where}.{name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        ]
    return []


def load_word_lists(path=WORD_LISTS):
    """Create or update the lists and publish them: they are our reviewed wording.
    Idempotent; a word keeps its primary key (the activities' stable value) while its
    text stays the same."""
    for spec in read_word_lists(path):
        word_list = WordList.objects.filter(slug=spec["slug"]).first() or WordList(
            slug=spec["slug"]
        )
        fields = {name: spec.get(name, "") for name in LIST_FIELDS}
        existing = {word.text: word for word in word_list.words.all()}
        words = []
        for order, entry in enumerate(spec["words"]):
            word = existing.get(entry["text"]) or Word(text=entry["text"])
            word.icon = entry["icon"]
            word.description = entry.get("description", "")
            word.sort_order = order
            words.append(word)
        changed = (
            word_list.pk is None
            or not word_list.live
            or any(getattr(word_list, name) != value for name, value in fields.items())
            or [_state(word) for word in word_list.words.all()]
            != [_state(word) for word in words]
        )
        if not changed:
            continue
        for name, value in fields.items():
            setattr(word_list, name, value)
        word_list.words = words
        word_list.save()
        word_list.save_revision().publish()


def _state(word):
    return (word.pk, word.text, word.icon, word.description, word.sort_order)


def word_keys(data, where, report):
    """A lesson file's words ("gevoelens/blij") as the stored keys of the reviewed words;
    None (and a problem told) when one is not in a reviewed list."""
    if not isinstance(data, list) or not all(isinstance(key, str) for key in data):
        report.add(where, 'give a list of words as "list/word", e.g. "gevoelens/blij"')
        return None
    known = {
        f"{slug}/{text}": str(pk)
        for pk, slug, text in Word.objects.filter(word_list__live=True).values_list(
            "pk", "word_list__slug", "text"
        )
    }
    unknown = [key for key in data if key not in known]
    for key in unknown:
        report.add(where, f"no word {key!r} in a reviewed word list")
    return None if unknown else [known[key] for key in data]
