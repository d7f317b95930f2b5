"""The one slug function: file names, URLs and `catalogus new` all use it."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """`"Het Betekenisvol Gesprek"` -> `"het-betekenisvol-gesprek"`; accents are dropped."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


#: Letters that look like Latin ones (after case folding), after Unicode TR39's
#: confusables for the scripts a Dutch name could be forged with: Cyrillic
#: and Greek. Enough to catch a look-alike of an existing name.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j",
        "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
        "х": "x", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ɡ": "g",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    }
)


def skeleton(name: str) -> str:
    """What a name looks like: NFKC, case folded, look-alike letters folded to
    Latin, then slugged. Two names with one skeleton read as the same name."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_CONFUSABLES)
    return slugify(folded)


def foreign_letters(name: str) -> list[tuple[int, str]]:
    """Positions and script of letters that are not Latin (a forged look-alike
    mixes them in; no Dutch name needs them)."""
    found = []
    for index, char in enumerate(name):
        if char.isalpha():
            script = unicodedata.name(char, "ONBEKEND").split(" ")[0]
            if script != "LATIN":
                found.append((index, script))
    return found
