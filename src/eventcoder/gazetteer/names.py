"""Name folding shared by the gazetteer builder and the text matcher.

`fold("Al-Mawsil") == fold("al mawsil")`, `fold("Qa'im") == fold("Qaim")`,
`fold("Culiacán") == "culiacan"`: lower case, no diacritics, no apostrophes,
hyphens and runs of spaces become one space.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# apostrophes, ayn/hamza marks and backticks GeoNames uses in transliterations ("Sa`sa`")
_APOSTROPHES = re.compile(r"['’‘`ʿʾʼʻ´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")
_DISPLAY_DROP = re.compile(r"[`ʿʾ‘ʻʼ]")


# Latin letters that Unicode does not decompose into a base letter and a mark, as English-language
# spellings write them: Turkish dotless i ("Şırnak" -> "Sirnak"), Azerbaijani schwa ("Xankəndi" ->
# "Xankandi"), Polish l, Nordic o
_UNDECOMPOSED = str.maketrans({"ı": "i", "ə": "a", "Ə": "A", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def strip_accents(text: str) -> str:
    """'Pétion-Ville' -> 'Petion-Ville', 'Caldıran' -> 'Caldiran'; Arabic/Cyrillic letters are kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# Arabic spellings that vary between writers: alif maqsura / ya, ta marbuta / ha ("راوة" / "راوه"), tatweel
_ARABIC_VARIANTS = str.maketrans({"ى": "ي", "ة": "ه", "ـ": None})


@functools.lru_cache(maxsize=100_000)
def fold(name: str) -> str:
    """Matching key of a name: lower case, accents and apostrophes dropped, separators -> space;
    Arabic hamza seats, alif maqsura and ta marbuta unified ("إدلب" = "ادلب", "راوة" = "راوه")."""
    key = strip_accents(name).lower().translate(_ARABIC_VARIANTS)
    key = _APOSTROPHES.sub("", key)
    key = _SEPARATORS.sub(" ", key)
    return key.strip()


def display(name: str) -> str:
    """ACLED-style spelling of a GeoNames name: ASCII letters where the name is Latin, no ayn marks."""
    out = _DISPLAY_DROP.sub("", strip_accents(name)).replace("’", "'")
    return re.sub(r"\s+", " ", out).strip()


# Cyrillic -> Latin as GeoNames spells most place names (BGN/PCGN without diacritics); the
# Ukrainian-style table reads г as h and и as y ("Луганськ" -> "Luhansk", "Миколаїв" -> "Mykolaiv")
_CYR = dict(zip("абвдезклмнопрстуфы", "abvdezklmnoprstufy"))
_CYR.update({"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
             "э": "e", "ю": "yu", "я": "ya", "ё": "e", "й": "y", "і": "i", "ї": "yi", "є": "ye",
             "ґ": "g"})
_RU_STYLE = {**_CYR, "г": "g", "и": "i"}
_UK_STYLE = {**_CYR, "г": "h", "и": "y"}


def transliterations(name: str) -> list[str]:
    """Folded Latin spellings of a Cyrillic name, Russian-style then Ukrainian-style:
    "Херсон" -> ["kherson"], "Луганск" -> ["lugansk", "luhansk"]. Empty for other scripts."""
    if not re.search(r"[\u0400-\u04FF]", name):
        return []
    low = unicodedata.normalize("NFC", name.lower())
    out: list[str] = []
    for table in (_RU_STYLE, _UK_STYLE):
        latin = fold("".join(table.get(c, c) for c in low))
        if latin not in out and not re.search(r"[\u0400-\u04FF]", latin):
            out.append(latin)
    return out


# Arabic place names in Latin letters: one skeleton for the common spellings of the same name
# ("Jisr al-Shughur" / "Jisr ash Shughur", "Tell Rifaat" / "Tall Rif`at", "Kisweh" / "Al Kiswah")
ARABIC_SCRIPT_COUNTRIES = frozenset("SY IQ YE SD SS LY LB PS JO SA EG TN DZ MA MR TD KW QA AE OM BH".split())
_ARTICLES = frozenset("al el ar as ash ad an at az adh ath ed es er en et ez esh il ul".split())
_WORDS = {"umm": "um", "om": "um", "tall": "tal", "tell": "tal", "tel": "tal", "ayn": "ain", "ein": "ain",
          "dayr": "deir", "dair": "deir", "jebel": "jabal", "jbel": "jabal", "jabel": "jabal", "kfar": "kafr",
          "bayt": "beit", "bait": "beit", "abou": "abu", "khirbet": "khirbat", "hai": "hay", "hayy": "hay"}


@functools.lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """Spelling-insensitive form of a folded Arabic place name: articles -> "al" (a leading one dropped),
    doubled letters, "iy", "ou" and a final "-ah"/"-eh" simplified. "jisr ash shughur" -> "jisr al shugur"."""
    out = []
    for tok in key.split():
        tok = "al" if tok in _ARTICLES else _WORDS.get(tok, tok)
        if tok not in ("al", "um", "tal", "ain", "deir", "jabal", "kafr", "beit", "abu", "khirbat", "hay"):
            tok = re.sub(r"(.)\1+", r"\1", tok).replace("ou", "u").replace("iy", "i")
            tok = re.sub(r"[ae]h$", "a", tok)
        out.append(tok)
    if len(out) > 1 and out[0] == "al":
        out = out[1:]
    return " ".join(out)
