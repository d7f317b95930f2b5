"""Rules of meaning that a JSON Schema cannot express.

Each check has one job, states its rule in its docstring and returns the
problems it finds. Entry rules look at one parsed entry; catalogue rules look
across all entries; vocabulary rules look at the vocabulary file.
"""

from __future__ import annotations

import difflib
import ipaddress
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from catalogue.problems import Problem, printable, quote
from catalogue.schema import is_web_url
from catalogue.slug import foreign_letters, skeleton, slugify
from catalogue.sources import Document, FieldPath, format_path

# A tag opening (`<b`, `</p`, `<!--`, `<?php`) or an HTML character reference.
# "< twaalf" is no tag to any browser, so a space after "<" is plain text.
_HTML = re.compile(r"<[/!?]?[a-zA-Z]|<!--|&#?[a-zA-Z0-9]+;")
#: Fields that hold a web address (the schema already demands http(s)://).
URL_FIELDS = frozenset({"url", "website", "bron"})


def walk_strings(value: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string in a parsed document, with its field path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, (*path, index))


# -- entry rules ---------------------------------------------------------------


def check_no_markup(document: Document) -> list[Problem]:
    """Text fields hold plain text: no HTML tags, character references or script URLs."""
    problems = []
    for path, text in walk_strings(document.data):
        match = _HTML.search(text)
        if match:
            problems.append(
                document.problem(
                    path,
                    "markup",
                    "tekst bevat HTML of script",
                    expected="platte tekst",
                    found=quote(match.group(0)),
                    hint="Schrijf gewone tekst; de site maakt de opmaak. "
                    "Gebruik 'kleiner dan' in plaats van '<'.",
                )
            )
    return problems


_SCRIPTS = {"CYRILLIC": "Cyrillisch", "GREEK": "Grieks", "ARABIC": "Arabisch", "HEBREW": "Hebreeuws"}


def check_name_letters(document: Document) -> list[Problem]:
    """Names are written in Latin letters: a Cyrillic о in "Gоuden Mannen" looks
    the same and makes another URL."""
    data = document.data if isinstance(document.data, dict) else {}
    names: list[tuple[FieldPath, Any]] = [(("naam",), data.get("naam"))]
    former = data.get("eerdere_namen")
    if isinstance(former, list):
        names += [(("eerdere_namen", i), n) for i, n in enumerate(former)]
    problems = []
    for path, name in names:
        if not isinstance(name, str):
            continue
        if "\n" in name.strip():
            problems.append(
                document.problem(
                    path,
                    "multi-line-name",
                    "naam staat op meer dan één regel",
                    expected="een naam op één regel",
                    found=quote(name.strip().replace("\n", "\\n")[:80]),
                    hint="Zet de naam zonder | of > op de regel van 'naam:'.",
                )
            )
            continue
        foreign = foreign_letters(name)
        if foreign:
            index, script = foreign[0]
            problems.append(
                document.problem(
                    path,
                    "foreign-letters",
                    "naam bevat letters uit een ander schrift",
                    expected="Latijnse letters (ook met accenten)",
                    found=f"{quote(name[index])} op plaats {index + 1} "
                    f"({_SCRIPTS.get(script, script.lower())})",
                    hint="Typ de naam opnieuw; een letter uit een ander schrift lijkt "
                    "hetzelfde maar maakt een ander adres.",
                )
            )
    return problems


def _url_problem(url: str) -> tuple[str, str] | None:
    """Why a web address may not be cited, with a hint; None when it may."""
    if "\\" in url:
        return "backslash in het adres", "Gebruik alleen / in een webadres."
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port  # raises on a port that is not a number
    except ValueError:
        return "onleesbaar adres", "Kopieer het adres opnieuw uit de adresbalk."
    if parts.scheme not in ("http", "https"):
        return None  # the schema reports a missing http(s)://
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "gebruikersnaam of wachtwoord in het adres", "Haal het deel voor de @ weg."
    if port is not None and port not in (80, 443):
        return "ongebruikelijke poort", "Een openbare website heeft geen poortnummer nodig."
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None:
        if not address.is_global:
            return "adres in een intern of gereserveerd netwerk", "Verwijs naar een openbare website."
        return None
    if "." not in host or host == "localhost" or host.endswith(_INTERNAL_SUFFIXES):
        return "geen openbare hostnaam", "Verwijs naar een openbare website, zoals www.movisie.nl."
    return None


_INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home", ".corp", ".test", ".invalid")


def check_urls(document: Document) -> list[Problem]:
    """Web addresses point to a public website: http(s), a public host name, no
    user info, backslashes or internal networks (a link is followed by visitors
    and by the link checker)."""
    problems = []
    for path, text in walk_strings(document.data):
        if not path or path[-1] not in URL_FIELDS or not is_web_url(text):
            continue  # not a URL field, or the schema already reports it
        reason = _url_problem(text)
        if reason:
            problems.append(
                document.problem(
                    path,
                    "url-not-public",
                    "webadres is niet openbaar of niet veilig",
                    expected="een openbaar https://-adres",
                    found=f"{quote(text[:120])} ({reason[0]})",
                    hint=reason[1],
                )
            )
    return problems


def check_file_name(document: Document) -> list[Problem]:
    """The file is named after the slug of `naam`, so the slug (the URL) is predictable."""
    name = document.data.get("naam") if isinstance(document.data, dict) else None
    if not isinstance(name, str) or foreign_letters(name):
        return []  # check_name_letters says what is wrong with the name itself
    if not slugify(name):
        return [
            document.problem(
                ("naam",),
                "empty-slug",
                "naam geeft geen bruikbaar webadres",
                expected="een naam met minstens één letter of cijfer a-z, 0-9",
                found=quote(name),
                hint="Het adres van een interventie komt uit haar naam.",
            )
        ]
    expected = f"{slugify(name)}.yaml"
    if document.source.name == expected:
        return []
    return [
        document.problem(
            ("naam",),
            "file-name",
            "bestandsnaam past niet bij de naam",
            expected=expected,
            found=printable(document.source.name),
            hint=f"Hernoem het bestand naar {expected} of pas 'naam' aan.",
        )
    ]


def check_age_range(document: Document) -> list[Problem]:
    """`leeftijd_min` is not above `leeftijd_max`."""
    group = document.data.get("doelgroep") if isinstance(document.data, dict) else None
    if not isinstance(group, dict):
        return []
    low, high = group.get("leeftijd_min"), group.get("leeftijd_max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        return [
            document.problem(
                ("doelgroep", "leeftijd_min"),
                "age-range",
                "minimumleeftijd is hoger dan maximum",
                expected=f"hoogstens {high}",
                found=str(low),
                hint="Zijn de twee verwisseld?",
            )
        ]
    return []


def check_dates_not_in_future(document: Document, today: date) -> list[Problem]:
    """A check or recognition date cannot lie after today."""
    data = document.data if isinstance(document.data, dict) else {}
    recognition = data.get("erkenning") if isinstance(data.get("erkenning"), dict) else {}
    candidates = [
        (("laatst_gecontroleerd",), data.get("laatst_gecontroleerd")),
        (("erkenning", "datum"), recognition.get("datum")),
    ]
    problems = []
    for path, value in candidates:
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            continue  # the schema reports malformed dates
        if day and day > today:
            problems.append(
                document.problem(
                    path,
                    "future-date",
                    "datum ligt in de toekomst",
                    expected=f"uiterlijk {today.isoformat()}",
                    found=value,
                    hint="Vul de datum in waarop het gebeurde.",
                )
            )
    return problems


_RATED = {
    "goed-beschreven",
    "goed-onderbouwd",
    "effectief-eerste-aanwijzingen",
    "effectief-goede-aanwijzingen",
    "effectief-sterke-aanwijzingen",
}


def check_recognition(document: Document) -> list[Problem]:
    """A recognition says something and says where it comes from.

    It names a level, a databank or an application; a level (and 'niet
    beoordeeld') names its databank, 'niet in een databank' names none; it
    gives the databank page or the page that states it, and that page is one
    of the entry's sources; a validity end lies after the recognition date.
    """
    data = document.data if isinstance(document.data, dict) else {}
    recognition = data.get("erkenning")
    if not isinstance(recognition, dict):
        return []
    level, bank = recognition.get("niveau"), recognition.get("databank")
    application = recognition.get("aanvraag") if isinstance(recognition.get("aanvraag"), dict) else {}
    problems = []

    def problem(field: str, code: str, message: str, expected: str, found: str, hint: str) -> None:
        path = ("erkenning", field) if field in recognition else ("erkenning",)
        problems.append(document.problem(path, code, message, expected=expected, found=found, hint=hint))

    if not level and not bank and not application:
        problem("niveau", "recognition-empty", "erkenning zegt niets",
                "een 'niveau', een 'databank' of een 'aanvraag'", "geen van drieën",
                "Laat 'erkenning' weg als geen bron er iets over zegt.")
    if (level in _RATED or level == "niet-beoordeeld") and not bank:
        problem("niveau", "recognition-bank", "niveau zonder databank",
                "een 'databank' bij niveau " + quote(level), "geen databank",
                "Vul de databank in die het niveau toekende (movisie, loket-gezond-leven, nji, kcsb).")
    if level == "niet-in-databank" and bank:
        problem("databank", "recognition-bank", "databank bij 'niet-in-databank'",
                "geen 'databank'", quote(str(bank)),
                "Kies een niveau van die databank, of haal de databank weg.")
    if (level or bank) and not (recognition.get("url") or recognition.get("bron")):
        problem("niveau", "recognition-source", "erkenning zonder bron",
                "een 'url' (pagina in de databank) of een 'bron' (pagina die de erkenning noemt)",
                "geen van beide", "Zet het webadres erbij waar je de erkenning las.")
    listed = {b.get("url") for b in data.get("bronnen") or [] if isinstance(b, dict)}
    for path, url in ((("erkenning", "bron"), recognition.get("bron")),
                      (("erkenning", "aanvraag", "bron"), application.get("bron"))):
        if isinstance(url, str) and url not in listed:
            problems.append(document.problem(
                path, "recognition-source", "bron van de erkenning staat niet bij 'bronnen'",
                expected="een webadres dat ook onder 'bronnen' staat", found=quote(url),
                hint="Voeg deze pagina toe aan 'bronnen', met titel en uitgever."))
    start, end = recognition.get("datum"), recognition.get("geldig_tot")
    if isinstance(start, str) and isinstance(end, str) and end <= start:
        problem("geldig_tot", "recognition-dates", "erkenning eindigt voor ze begint",
                f"een datum na {start}", end, "Zijn 'datum' en 'geldig_tot' verwisseld?")
    return problems


# -- catalogue rules -------------------------------------------------------------


def check_unique_names(documents: Sequence[Document]) -> list[Problem]:
    """No two entries share a slug, a name or a former name (ignoring case,
    accents, width and look-alike letters: names are compared by skeleton)."""
    seen: dict[str, tuple[Document, FieldPath]] = {}
    problems = []
    for document in documents:
        data = document.data if isinstance(document.data, dict) else {}
        names: list[tuple[FieldPath, Any]] = [(("naam",), data.get("naam"))]
        former = data.get("eerdere_namen")
        if isinstance(former, list):
            names += [(("eerdere_namen", i), n) for i, n in enumerate(former)]
        own: set[str] = set()
        for path, name in names:
            if not isinstance(name, str) or not skeleton(name):
                continue
            key = skeleton(name)
            if key in seen and key not in own:
                other, other_path = seen[key]
                line = other.where(other_path)[0]
                both_names = path == other_path == ("naam",)
                rule = "duplicate-slug" if both_names else "duplicate-name"
                problems.append(
                    document.problem(
                        path,
                        rule,
                        "naam komt al voor in een ander item",
                        expected="een naam die geen ander item gebruikt",
                        found=f"{quote(name)}, ook in {other.display}:{line} "
                        f"({format_path(other_path)})",
                        hint="Is dit dezelfde interventie? Werk dan dat bestand bij.",
                    )
                )
            else:
                seen.setdefault(key, (document, path))
            own.add(key)
    return problems


def check_unique_municipalities(document: Document) -> list[Problem]:
    """Each municipality appears once (by slug of its name), so its anchor is unique."""
    problems = []
    first: dict[str, int] = {}
    rows = document.data.get("gemeenten")
    for index, row in enumerate(rows if isinstance(rows, list) else []):
        name = row.get("naam") if isinstance(row, dict) else None
        if not isinstance(name, str):
            continue
        if not slugify(name):
            problems.append(
                document.problem(
                    ("gemeenten", index, "naam"),
                    "empty-slug",
                    "naam van de gemeente geeft geen bruikbaar anker",
                    expected="een naam met minstens één letter of cijfer a-z, 0-9",
                    found=quote(name),
                    hint="Elke gemeente krijgt een eigen adres (#anker) uit haar naam.",
                )
            )
            continue
        if slugify(name) in first:
            problems.append(
                document.problem(
                    ("gemeenten", index, "naam"),
                    "duplicate-name",
                    "gemeente staat er al",
                    expected="elke gemeente één keer",
                    found=quote(name),
                    hint=f"Voeg deze rij samen met gemeenten[{first[slugify(name)]}].",
                )
            )
        else:
            first[slugify(name)] = index
    return problems


def check_search_words(document: Document) -> list[Problem]:
    """A word or phrase belongs to one synonym group: in two, the groups are one."""
    problems = []
    first: dict[str, int] = {}
    groups = document.data.get("synoniemen")
    for index, group in enumerate(groups if isinstance(groups, list) else []):
        words = group.get("woorden") if isinstance(group, dict) else None
        for position, word in enumerate(words if isinstance(words, list) else []):
            if not isinstance(word, str):
                continue
            if word in first and first[word] != index:
                problems.append(
                    document.problem(
                        ("synoniemen", index, "woorden", position),
                        "duplicate-synonym",
                        "woord staat al in een andere synoniemengroep",
                        expected="elk woord in één groep",
                        found=quote(word),
                        hint=f"Voeg deze groep samen met synoniemen[{first[word]}].",
                    )
                )
            first.setdefault(word, index)
    return problems


def check_tool_items(document: Document) -> list[Problem]:
    """Tool items are numbered once; a working-element item takes all its text from the
    vocabulary (no own text or tips), every other item has its own text; open questions
    have a word limit."""
    problems = []
    seen: dict[str, FieldPath] = {}
    themes = document.data.get("themas") if isinstance(document.data, dict) else None
    theme_numbers: dict[Any, int] = {}
    for t, theme in enumerate(themes if isinstance(themes, list) else []):
        number = theme.get("nummer") if isinstance(theme, dict) else None
        if isinstance(number, int) and number in theme_numbers:
            problems.append(
                document.problem(
                    ("themas", t, "nummer"),
                    "duplicate-value",
                    "themanummer komt twee keer voor",
                    expected="elk thema een eigen nummer",
                    found=str(number),
                    hint=f"Het staat al bij themas[{theme_numbers[number]}].",
                )
            )
        elif isinstance(number, int):
            theme_numbers[number] = t
        parts = theme.get("onderdelen") if isinstance(theme, dict) else None
        for i, part in enumerate(parts if isinstance(parts, list) else []):
            if not isinstance(part, dict):
                continue
            path: FieldPath = ("themas", t, "onderdelen", i)
            number = part.get("nummer")
            if isinstance(number, str):
                if number in seen:
                    problems.append(
                        document.problem(
                            (*path, "nummer"),
                            "duplicate-value",
                            "nummer komt twee keer voor",
                            expected="elk nummer één keer",
                            found=quote(number),
                            hint=f"Het staat al bij {format_path(seen[number])}.",
                        )
                    )
                else:
                    seen[number] = path
            if part.get("werkzaam_element"):
                for own in ("tekst", "voorbeeld", "tips"):
                    if part.get(own):
                        problems.append(
                            document.problem(
                                (*path, own),
                                "duplicate-text",
                                "tekst staat al bij het werkzame element",
                                expected="geen eigen tekst naast 'werkzaam_element'",
                                found=f"een eigen '{own}'",
                                hint="Pas de tekst aan in catalogue/vocabularies.yaml, "
                                "zodat één term één tekst heeft.",
                            )
                        )
            elif not part.get("tekst"):
                problems.append(
                    document.problem(
                        path,
                        "required",
                        "verplicht veld 'tekst' ontbreekt",
                        expected="een 'tekst' of een 'werkzaam_element'",
                    )
                )
            if part.get("soort") == "open" and not part.get("max_woorden"):
                problems.append(
                    document.problem(
                        path,
                        "required",
                        "open vraag zonder woordlimiet",
                        expected="een 'max_woorden'",
                        hint="De bron geeft 25 woorden.",
                    )
                )
    return problems


# -- vocabulary rules ------------------------------------------------------------


def check_unique_terms(document: Document) -> list[Problem]:
    """Within one vocabulary, every id and every label is used once."""
    problems = []
    data = document.data if isinstance(document.data, dict) else {}
    for name, terms in data.items():
        if not isinstance(terms, list):
            continue
        for field_name in ("id", "label"):
            first: dict[str, int] = {}
            for index, term in enumerate(terms):
                value = term.get(field_name) if isinstance(term, dict) else None
                if not isinstance(value, str):
                    continue
                if value.casefold() in first:
                    problems.append(
                        document.problem(
                            (name, index, field_name),
                            "duplicate-term",
                            f"{field_name} staat twee keer in {name}",
                            expected=f"elke {field_name} één keer",
                            found=quote(value),
                            hint=f"Hetzelfde staat al bij {name}[{first[value.casefold()]}].",
                        )
                    )
                else:
                    first[value.casefold()] = index
    return problems


def check_nearby_terms(document: Document) -> list[Problem]:
    """A risk group's `dichtbij` names terms that exist in the vocabulary it names."""
    data = document.data if isinstance(document.data, dict) else {}
    known = {
        name: {t.get("id") for t in terms if isinstance(t, dict)}
        for name, terms in data.items()
        if isinstance(terms, list)
    }
    problems = []
    for index, group in enumerate(data.get("risicogroepen") or []):
        near = group.get("dichtbij") if isinstance(group, dict) else None
        for position, item in enumerate(near if isinstance(near, list) else []):
            if not isinstance(item, dict):
                continue
            vocabulary, term_id = item.get("woordenlijst"), item.get("id")
            if vocabulary in known and term_id not in known[vocabulary]:
                problems.append(
                    document.problem(
                        ("risicogroepen", index, "dichtbij", position, "id"),
                        "unknown-term",
                        f"onbekende term in {vocabulary}",
                        expected=f"een id uit {vocabulary}",
                        found=quote(str(term_id)),
                        hint=_closest(str(term_id), [i for i in known[vocabulary] if i]),
                    )
                )
    return problems


def _closest(text: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(text, allowed, n=1, cutoff=0.5)
    return f"Bedoelde je {quote(close[0])}?" if close else "Kies een id uit die woordenlijst."
