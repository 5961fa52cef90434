"""Morphology for languages coded without a parse: Russian lemmas from pymorphy3 (OpenCorpora).

Russian names and words are inflected by case ("в Кривом Роге", "Марганца", "погибли"): the matchers
that look words up in the gazetteer or a lexicon need their dictionary forms. `ru_lemma("погибли")`
-> "погибнуть"; `ru_place_forms(["Кривом", "Роге"])` -> ["кривой рог"] (adjectives agree with the
noun: "Белой Церкви" -> "белая церковь"); `ru_function_word("Она")` is True (a pronoun, never a place).
Without pymorphy3 installed every function degrades to "no lemma" (the callers keep their suffix rules).
"""
from __future__ import annotations

import functools
import logging
from typing import Optional

LOGGER = logging.getLogger(__name__)

#: parts of speech that are never a place name (pymorphy3's OpenCorpora tags)
_FUNCTION = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ", "ADVB", "PRED", "COMP", "INFN", "VERB", "GRND"})
_MAX_PARSES = 4


@functools.lru_cache(maxsize=1)
def _analyzer():
    try:
        import pymorphy3
    except ImportError:
        LOGGER.warning("pymorphy3 is not installed: Russian words are matched by suffix rules only")
        return None
    return pymorphy3.MorphAnalyzer()


def available() -> bool:
    return _analyzer() is not None


@functools.lru_cache(maxsize=65536)
def _parses(word: str) -> tuple:
    morph = _analyzer()
    if morph is None or not word:
        return ()
    return tuple(morph.parse(word.lower().replace("ё", "е"))[:_MAX_PARSES])


def ru_lemma(word: str) -> str:
    """The dictionary form of the most likely reading ("погибли" -> "погибнуть"); the word itself
    (lowercased) when there is no analyser."""
    parses = _parses(word)
    return parses[0].normal_form if parses else word.lower()


def ru_function_word(word: str) -> bool:
    """Is every reading of the word a pronoun, preposition, conjunction, particle, adverb or verb?"""
    parses = [p for p in _parses(word) if p.score >= 0.01]  # "При": not the archaic noun "пря"
    return bool(parses) and all(p.tag.POS in _FUNCTION for p in parses)


def _noun_reading(word: str):
    """The word's reading as a noun, a place name first ("Роге" -> рог, "Марганце" -> марганец)."""
    parses = [p for p in _parses(word) if p.tag.POS == "NOUN"]
    geo = [p for p in parses if "Geox" in p.tag]
    return (geo or parses or [None])[0]


def _agree(adj: str, noun) -> Optional[str]:
    """An adjective before a name in the noun's nominative ("Кривом" + рог -> "кривой")."""
    for p in _parses(adj):
        if p.tag.POS != "ADJF":
            continue
        grams = {"nomn", "plur"} if noun.tag.number == "plur" and "Pltm" in noun.tag else {"nomn", "sing"}
        if "plur" not in grams and noun.tag.gender:
            grams.add(noun.tag.gender)
        form = p.inflect(grams)
        if form is not None:
            return form.word
    return None


def ru_place_forms(words: list[str]) -> list[str]:
    """Nominative forms of a (possibly inflected) Russian place name, lowercased, most likely first."""
    if not words or not available():
        return []
    if len(words) == 1:
        out = []
        parses = sorted(_parses(words[0]), key=lambda p: ("Geox" not in p.tag, p.tag.POS != "NOUN"))
        for p in parses:  # nouns only: "Нагорном" (of "Нагорном Карабахе") is no town "Нагорный"
            if p.tag.POS == "NOUN" and p.normal_form not in out:
                out.append(p.normal_form)
        return out + [f for f in region_forms(words[0]) if f not in out]
    head = words[-1].split("-")
    noun = _noun_reading(head[-1])
    if noun is None:
        return []
    last = "-".join(head[:-1] + [noun.normal_form if noun.tag.number != "plur" or "Pltm" not in noun.tag
                                 else noun.inflect({"nomn", "plur"}).word])
    out = []
    for w in words[:-1]:
        agreed = _agree(w, noun)
        out.append(agreed if agreed else w.lower())
    return [" ".join(out + [last])]


#: region nouns a capitalised adjective stands before, lowercase in Russian ("в Белгородской
#: области", "над Краснодарским краем"): the scan of capitalised words sees the adjective alone
_REGION_NOUNS = (("femn", "область"), ("masc", "край"), ("femn", "республика"))


def region_forms(word: str) -> list[str]:
    """The region names a capitalised adjective may head, nominative, in the adjective's own gender
    ("Белгородской" -> "белгородская область", "белгородская республика"; "Краснодарском" ->
    "краснодарский край"); the gazetteer knows those of each country's first-level units. A
    masculine adjective heads no "область": "Киевский режим" is no Kyiv Oblast. [] for a word that
    is no singular adjective."""
    out = []
    for p in _parses(word):
        if p.tag.POS != "ADJF" or p.score < 0.05 or p.tag.number != "sing":
            continue
        for gender, noun in _REGION_NOUNS:
            if p.tag.gender != gender:
                continue
            form = p.inflect({"nomn", "sing", gender})
            name = f"{form.word} {noun}" if form is not None else None
            if name and name not in out:
                out.append(name)
        # "Араратской" -> "арарат", "Тавушской" -> "тавуш": the unit's own name, for regions the
        # gazetteer knows only as a town of that name ("Араратская область" is no key of it)
        fem = p.inflect({"nomn", "sing", "femn"}) if p.tag.gender == "femn" else None
        if fem is not None and fem.word.endswith("ская") and len(fem.word) > 7 and fem.word[:-4] not in out:
            out.append(fem.word[:-4])
    return out



def lemma(lang: str, word: str) -> str:
    """The dictionary form of a lowercased word for a lexicon matched with `match: morph`
    (Russian: pymorphy3's most likely reading, "ударом" -> "удар"); the word itself otherwise."""
    if lang == "ru" and available() and any("\u0400" <= ch <= "\u04FF" for ch in word):
        return ru_lemma(word).replace("ё", "е")
    return word


#: pymorphy3's grammemes of a person's first name, surname and patronymic
_PERSON = ("Name", "Surn", "Patr")


def _person_reading(word: str) -> bool:
    """Has the capitalised word a reading as a first name, surname or patronymic?"""
    return any(any(g in p.tag for g in _PERSON) for p in _parses(word) if p.score >= 0.01)


def ru_person_name(words: list[str]) -> bool:
    """Do two or more capitalised Cyrillic words in a row read as a person's names ("Ахмед Хасан",
    "Ивана Петрова")? Each has a first-name, surname or patronymic reading: such a
    pair is a person, not a place, even where one word is also a town's name."""
    if len(words) < 2 or not available():
        return False
    if not all(w[:1].isupper() and any("\u0400" <= ch <= "\u04FF" for ch in w) for w in words):
        return False
    return all(_person_reading(w) for w in words)


def ru_person_tokens(text: str, tokens) -> set[int]:
    """Indices of the tokens (regex matches over `text`) that stand in a run of two capitalised
    Cyrillic words read as a person's names ("выступил Ахмед Хасан"): never a place."""
    out: set[int] = set()
    if not available():
        return out
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if text[a.end():b.start()] == " " and ru_person_name([a.group(), b.group()]):
            out.update((i, i + 1))
    return out


#: Cyrillic -> Latin for a place name the gazetteer lacks, as ACLED and GeoNames spell Russian places
#: (BGN/PCGN without diacritics or soft-sign apostrophes): "Малая Берёзовка" -> "Malaya Berezovka"
_LATIN = dict(zip("абвгдзиклмнопрстуфыэ", "abvgdziklmnoprstufye"))
_LATIN.update({"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
               "ю": "yu", "я": "ya", "й": "y", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w",
               "ә": "a", "ө": "o", "ү": "u", "ң": "ng", "қ": "q", "ғ": "gh", "ҳ": "h", "ӣ": "i", "ӯ": "u",
               "ҷ": "j"})
#: е and ё are "ye" at a word's start and after a vowel, й, ъ or ь ("Ерасх" -> "Yeraskh"), else "e"
_YE_AFTER = frozenset("аеёиоуыэюяйъь")


def ru_latin(name: str) -> str:
    """A Cyrillic place name in Latin letters, each word's capital kept ("Кок-Таш" -> "Kok-Tash",
    "Красный Яр" -> "Krasnyy Yar"); a name in another script unchanged."""
    out = []
    prev = ""
    for ch in name:
        low = ch.lower()
        if low in ("е", "ё"):
            latin = "ye" if not prev.isalpha() or prev in _YE_AFTER else "e"
        else:
            latin = _LATIN.get(low, ch)
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = low
    return "".join(out)
