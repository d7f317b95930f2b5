"""`catalogus`: check, scaffold and search the catalogue; keep the schema in step.

Exit codes: 0 success; 1 the catalogue (or the given files) has errors, `new`
would overwrite, or `search` found nothing; 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from catalogue import DATA_DIR
from catalogue.contributing import REPOSITORY_FILE, render_guide
from catalogue.loader import load_catalogue, write_synced_schema
from catalogue.problems import display_path, errors
from catalogue.scaffold import EntryExists, write_entry
from catalogue.search import (
    MissingPart,
    build_index,
    dump_index,
    load_index,
    query_words,
    read_parts,
    search,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

#: argparse's own words, in Dutch: the tool speaks one language. argparse
#: looks each one up through its module-level `_` (gettext) when it prints.
_ARGPARSE_DUTCH = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "expected one argument": "verwacht één argument",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "niet samen met argument %s",
    "unrecognized arguments: %s\n": "onbekende argumenten: %s\n",
}
argparse._ = lambda text: _ARGPARSE_DUTCH.get(text, text)  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except OSError as error:  # unreadable folder, full disk, a name the file system refuses
        where = display_path(Path(error.filename)) if error.filename else "catalogus"
        print(f"{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_PROBLEMS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalogus",
        description="Beheer de catalogus van interventies tegen eenzaamheid.",
        epilog="Exitcodes: 0 in orde, 1 fouten gevonden, 2 verkeerd gebruik.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=DATA_DIR,
        help="map met vocabularies.yaml en interventies/ (standaard: %(default)s)",
    )
    commands = parser.add_subparsers(title="opdrachten", required=True, metavar="OPDRACHT")

    validate = commands.add_parser(
        "validate",
        help="controleer de catalogus of losse bestanden",
        description="Controleer de hele catalogus, of alleen de gegeven bestanden (tegen de "
        "woordenlijsten en de andere items). Elke fout staat op een eigen regel "
        "als pad:regel:kolom: melding.",
    )
    validate.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="BESTAND",
        help="YAML-bestanden om te controleren (standaard: alle items)",
    )
    validate.set_defaults(handler=run_validate)

    new = commands.add_parser(
        "new",
        help="maak een nieuw item uit het sjabloon",
        description="Schrijf interventies/<slug>.yaml met elk veld uitgelegd. "
        "Een bestaand bestand wordt nooit overschreven.",
    )
    new.add_argument("naam", help='naam van de interventie, bijvoorbeeld "Gouden Mannen"')
    new.set_defaults(handler=run_new)

    find = commands.add_parser(
        "search",
        help="zoek in de catalogus, zoals het zoekvak op de site",
        description="Zoek met dezelfde zoekindex en regels als de site: eerst wat alle "
        "woorden bevat, daarna wat de meeste bevat; verbuigingen, synoniemen en delen "
        "van samengestelde woorden tellen mee, het laatste woord mag een begin zijn "
        "en een kleine tikfout mag. Exitcode 1 als er niets is gevonden.",
    )
    find.add_argument("vraag", help='zoekwoorden, bijvoorbeeld "mantelzorg"')
    find.add_argument(
        "--index",
        type=Path,
        metavar="BESTAND",
        help="een gebouwde catalogus-zoekindex.json (standaard: nu opbouwen)",
    )
    find.add_argument(
        "--site-url",
        default="/",
        metavar="URL",
        help="begin van de getoonde adressen (standaard: %(default)s)",
    )
    find.set_defaults(handler=run_search)

    guide = commands.add_parser(
        "contributing",
        help="houd CONTRIBUTING.md gelijk met de bijdragenpagina",
        description="Zonder optie: controleer of CONTRIBUTING.md bij is (exitcode 1 als niet).",
    )
    guide.add_argument("--write", action="store_true", help="schrijf CONTRIBUTING.md opnieuw")
    guide.set_defaults(handler=run_contributing)

    links = commands.add_parser(
        "check-links",
        help="controleer of de webadressen in de catalogus nog werken",
        description="Controleer elk webadres in de items, de woordenlijsten, gemeenten.yaml "
        "en verbetertool.yaml (of alleen in de gegeven bestanden). Eén regel per probleem als "
        "pad:regel:kolom: adres: wat er gebeurde; een doorverwijzing is een waarschuwing. "
        "Exitcode 1 als een adres dood is.",
    )
    links.add_argument("files", nargs="*", type=Path, metavar="BESTAND")
    links.add_argument("--json", action="store_true", help="uitvoer als JSON, voor scripts")
    links.add_argument(
        "--timeout", type=float, default=10.0, help="seconden per verzoek (standaard 10)"
    )
    links.add_argument(
        "--gelijktijdig", type=int, default=8, help="verzoeken tegelijk (standaard 8)"
    )
    links.set_defaults(handler=run_check_links)

    schema = commands.add_parser(
        "schema",
        help="houd de termen in het JSON-schema gelijk met vocabularies.yaml",
        description="Zonder optie: controleer of het schema bij is (exitcode 1 als niet).",
    )
    schema.add_argument("--write", action="store_true", help="schrijf het bijgewerkte schema")
    schema.set_defaults(handler=run_schema)
    return parser


def run_validate(args: argparse.Namespace) -> int:
    root: Path = args.root
    given = [f.resolve() for f in args.files]
    missing = [f for f in given if not f.is_file()]
    if missing:
        for path in missing:
            print(f"{display_path(path)}: bestand bestaat niet", file=sys.stderr)
        return EXIT_USAGE
    entry_files = None
    if given:
        # Check the given files together with the rest, so duplicates are caught.
        existing = {p.resolve() for p in (root / "interventies").glob("*.yaml")}
        entry_files = sorted(existing | set(given))
    catalogue, problems = load_catalogue(root, entry_files=entry_files, display_root=Path.cwd())
    if given:
        shown = {display_path(p) for p in given}
        problems = [
            p for p in problems if p.file in shown or not p.file.startswith(_entry_prefix(root))
        ]
    for problem in sorted(problems):
        print(problem)
    found = errors(problems)
    if found:
        noun = "fout" if len(found) == 1 else "fouten"
        print(f"{len(found)} {noun} gevonden.", file=sys.stderr)
        return EXIT_PROBLEMS
    checked = len(given) if given else len(catalogue.interventions)
    print(f"In orde: {checked} interventie(s) gecontroleerd.", file=sys.stderr)
    return EXIT_OK


def _entry_prefix(root: Path) -> str:
    return display_path(root / "interventies") + "/"


def run_new(args: argparse.Namespace) -> int:
    try:
        path = write_entry(args.root, args.naam, date.today())
    except EntryExists as exists:
        print(
            f"{display_path(Path(exists.args[0]))}: bestaat al; kies een andere naam of "
            "bewerk dat bestand.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    except ValueError as error:
        print(f"catalogus new: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(display_path(path))
    print(
        f"Vul het bestand in en controleer het met: catalogus validate {display_path(path)}",
        file=sys.stderr,
    )
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    if args.index is not None:
        if not args.index.is_file():
            print(f"{display_path(args.index)}: bestand bestaat niet", file=sys.stderr)
            return EXIT_USAGE
        asset, problem = read_search_index(args.index)
        if problem:
            print(f"{display_path(args.index)}: {problem}", file=sys.stderr)
            return EXIT_USAGE
    else:
        catalogue, problems = load_catalogue(args.root)
        if errors(problems):
            print("De catalogus bevat fouten; draai eerst `catalogus validate`.", file=sys.stderr)
            return EXIT_PROBLEMS
        # The same bytes the site serves as catalogus-zoekindex.json.
        asset = json.loads(dump_index(build_index(catalogue)))
    hits = search(load_index(asset), args.vraag)
    if not hits:
        print(f"Niets gevonden voor \u201c{args.vraag}\u201d.", file=sys.stderr)
        return EXIT_PROBLEMS
    base = args.site_url if args.site_url.endswith("/") else args.site_url + "/"
    count = len(query_words(args.vraag))
    for rank, hit in enumerate(hits, start=1):
        if count > 1 and hit.words < count and (rank == 1 or hits[rank - 2].words == count):
            print(f"Met een deel van de woorden (niet alle {count}):")
        document = asset["documenten"][hit.ref]
        where = ", ".join(dict.fromkeys(asset["velden"][field] for field in hit.fields))
        print(
            f"{rank}. {document['naam']}  {base}{document['url']}  "
            f"(score {hit.score:.2f}; gevonden in: {where})"
        )
    return EXIT_OK


def read_search_index(path: Path) -> tuple[dict, str]:
    """The asset in a `catalogus-zoekindex.json`, or why the file is not one."""
    try:
        asset = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return {}, "is geen tekst in UTF-8"
    except json.JSONDecodeError as error:
        return {}, f"is geen geldige JSON (regel {error.lineno}, kolom {error.colno}: {error.msg})"
    shape_ok = (
        isinstance(asset, dict)
        and isinstance(asset.get("termen"), dict)
        and isinstance(asset["termen"].get("delen"), list)
        and isinstance(asset["termen"].get("pad"), str)
        and isinstance(asset.get("documenten"), dict)
        and isinstance(asset.get("velden"), dict)
    )
    if not shape_ok:
        return {}, "is geen zoekindex van de catalogus (termen, documenten en velden ontbreken)"
    try:
        read_parts(asset, path.parent)
    except MissingPart as error:
        return {}, f"mist deel {error.number} van de zoekindex ({display_path(error.path)})"
    try:
        load_index(asset)
    except Exception as error:  # lunr.py raises bare KeyErrors and TypeErrors on foreign data
        return {}, f"is geen bruikbare lunr-index ({type(error).__name__})"
    return asset, ""


def run_check_links(args: argparse.Namespace) -> int:
    from catalogue.links import check_all, citations, report_lines

    missing = [f for f in args.files if not f.is_file()]
    for path in missing:
        print(f"{display_path(path)}: bestand bestaat niet", file=sys.stderr)
    if missing:
        return EXIT_USAGE
    cited = citations(args.root, args.files or None, Path.cwd())
    on_terminal = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} adressen gecontroleerd", end="", file=sys.stderr, flush=True)

    results = check_all(
        cited,
        timeout=args.timeout,
        concurrency=args.gelijktijdig,
        progress=progress if on_terminal else None,
    )
    if on_terminal:
        print(file=sys.stderr)
    dead = sum(1 for c in cited if results[c.url].dead)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "bestand": c.file,
                        "regel": c.line,
                        "kolom": c.column,
                        "url": c.url,
                        "status": results[c.url].status,
                        "dood": results[c.url].dead,
                        "wat": results[c.url].what,
                        "nieuw_adres": results[c.url].location,
                    }
                    for c in cited
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for line in report_lines(cited, results):
            print(line)
    print(
        f"{len(results)} adressen gecontroleerd ({len(cited)} vermeldingen); "
        f"{dead} {'vermelding' if dead == 1 else 'vermeldingen'} met een dode link.",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if dead else EXIT_OK


def run_contributing(args: argparse.Namespace) -> int:
    target = args.root.resolve().parent / REPOSITORY_FILE
    text = render_guide(for_site=False, root=args.root)
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if args.write:
        if current != text:
            target.write_text(text, encoding="utf-8")
        print(
            "CONTRIBUTING.md bijgewerkt." if current != text else "CONTRIBUTING.md was al bij.",
            file=sys.stderr,
        )
        return EXIT_OK
    if current != text:
        print(
            f"{display_path(target)}:1:1: loopt achter op de bijdragenpagina; "
            "draai `catalogus contributing --write`"
        )
        return EXIT_PROBLEMS
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    _, problems = load_catalogue(args.root, entry_files=[])
    broken = [p for p in errors(problems) if p.rule != "schema-drift"]
    if broken:
        for problem in broken:
            print(problem)
        print("Eerst de woordenlijsten herstellen; het schema is niet veranderd.", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.write:
        changed = write_synced_schema(args.root)
        print("Schema bijgewerkt." if changed else "Schema was al bij.", file=sys.stderr)
        return EXIT_OK
    drift = [p for p in problems if p.rule == "schema-drift"]
    for problem in drift:
        print(problem)
    return EXIT_PROBLEMS if drift else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
