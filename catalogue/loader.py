"""Load, validate and model the whole catalogue: the one entry point.

`load_catalogue` is what the command line, the MkDocs hook and the tests
call, so validation and the build cannot drift apart. It reads everything
afresh on each call (no caches): `mkdocs serve` calls it on every rebuild.

Every entry file ends up either in the catalogue or in the problems, never
silently nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue import DATA_DIR
from catalogue.keuzehulp import check_guide
from catalogue.model import (
    Catalogue,
    Intervention,
    SearchWords,
    Vocabularies,
    build_improvement_tool,
    build_intervention,
    build_municipalities,
    build_search_words,
    build_vocabularies,
)
from catalogue.problems import Problem, display_path, errors
from catalogue.rules import (
    check_age_range,
    check_dates_not_in_future,
    check_file_name,
    check_name_letters,
    check_nearby_terms,
    check_no_markup,
    check_recognition,
    check_search_words,
    check_tool_items,
    check_unique_municipalities,
    check_unique_names,
    check_unique_terms,
    check_urls,
)
from catalogue.schema import check_document
from catalogue.schema_sync import dump_schema, read_schema, synced_schema
from catalogue.sources import Document, FileLimits, read_document

VOCABULARY_FILE = "vocabularies.yaml"
VOCABULARY_SCHEMA_FILE = "vocabularies.schema.json"
ENTRY_SCHEMA_FILE = "interventie.schema.json"
MUNICIPALITIES_FILE = "gemeenten.yaml"
MUNICIPALITIES_SCHEMA_FILE = "gemeenten.schema.json"
#: Schemas whose term lists are written from vocabularies.yaml.
IMPROVEMENT_TOOL_FILE = "verbetertool.yaml"
IMPROVEMENT_TOOL_SCHEMA_FILE = "verbetertool.schema.json"
GUIDE_FILE = "keuzehulp.yaml"
GUIDE_SCHEMA_FILE = "keuzehulp.schema.json"
SEARCH_WORDS_FILE = "zoekwoorden.yaml"
SEARCH_WORDS_SCHEMA_FILE = "zoekwoorden.schema.json"
#: Size limits of the single data files, above what their schemas allow
#: (gemeenten.schema.json: 500 municipalities of up to 40 activities).
DATA_FILE_LIMITS = {
    VOCABULARY_FILE: FileLimits("de woordenlijsten", 1_000_000, 50_000),
    MUNICIPALITIES_FILE: FileLimits("gemeenten.yaml", 12_000_000, 200_000),
    IMPROVEMENT_TOOL_FILE: FileLimits("verbetertool.yaml", 1_000_000, 20_000),
    GUIDE_FILE: FileLimits("keuzehulp.yaml", 1_000_000, 20_000),
    SEARCH_WORDS_FILE: FileLimits("zoekwoorden.yaml", 1_000_000, 20_000),
}
SYNCED_SCHEMAS = (
    ENTRY_SCHEMA_FILE,
    MUNICIPALITIES_SCHEMA_FILE,
    IMPROVEMENT_TOOL_SCHEMA_FILE,
    GUIDE_SCHEMA_FILE,
)
ENTRY_DIR = "interventies"
ENTRY_SUFFIX = ".yaml"


@dataclass(frozen=True)
class CataloguePaths:
    """Where the data of one catalogue lives (the real one, or a copy in a test)."""

    root: Path

    @property
    def vocabularies(self) -> Path:
        return self.root / VOCABULARY_FILE

    @property
    def vocabulary_schema(self) -> Path:
        return self.root / VOCABULARY_SCHEMA_FILE

    @property
    def entry_schema(self) -> Path:
        return self.root / ENTRY_SCHEMA_FILE

    @property
    def entries(self) -> Path:
        return self.root / ENTRY_DIR

    @property
    def municipalities(self) -> Path:
        return self.root / MUNICIPALITIES_FILE

    def synced_schemas(self) -> list[Path]:
        return [self.root / name for name in SYNCED_SCHEMAS if (self.root / name).exists()]


def load_catalogue(
    root: Path = DATA_DIR,
    *,
    entry_files: Sequence[Path] | None = None,
    today: date | None = None,
    display_root: Path | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """Read vocabularies and entries under `root`; return the model and every problem.

    `entry_files` replaces the entries found under `root/interventies` (the
    command line uses it to check files elsewhere). Entries with problems are
    left out of the returned catalogue; callers must not render when
    `errors(problems)` is non-empty.
    """
    paths = CataloguePaths(root)
    shown = display_root if display_root is not None else root.parent
    problems: list[Problem] = []

    vocabularies, vocabulary_problems = load_vocabularies(paths, shown)
    problems += vocabulary_problems
    if vocabularies is None:
        return Catalogue(build_vocabularies({}), ()), problems

    schemas = {}
    for path in paths.synced_schemas():
        on_disk = read_schema(path)
        schemas[path.name] = synced_schema(on_disk, vocabularies.as_data())
        if schemas[path.name] != on_disk:
            problems.append(schema_drift_problem(path, shown))
    schema = schemas[ENTRY_SCHEMA_FILE]

    files = sorted(entry_files) if entry_files is not None else entry_paths(paths)
    documents: list[Document] = []
    for path in files:
        display = display_path(path, shown)
        if path.suffix != ENTRY_SUFFIX:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    "file-type",
                    "dit bestand hoort niet in de map interventies",
                    expected=f"een interventie als *{ENTRY_SUFFIX}",
                    found=path.name,
                    hint=f"Geef het bestand de extensie {ENTRY_SUFFIX} of zet het elders.",
                )
            )
            continue
        if path.is_symlink():
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    "symlink",
                    "een snelkoppeling (symlink) wordt niet gevolgd",
                    expected="een gewoon bestand",
                    found="een symlink",
                    hint="Zet de inhoud zelf in de map interventies.",
                )
            )
            continue
        document, read_problems = read_document(path, display)
        problems += read_problems
        if document is not None:
            documents.append(document)

    valid: list[Document] = []
    for document in documents:
        problems += check_entry(document, schema, vocabularies, today or date.today())
        if not any(p.file == document.display for p in errors(problems)):
            valid.append(document)
    cross = check_unique_names(documents)
    problems += cross
    rejected = {p.file for p in errors(cross)}

    interventions = tuple(
        sorted(
            (to_intervention(d, vocabularies) for d in valid if d.display not in rejected),
            key=lambda i: i.naam.casefold(),
        )
    )
    municipalities, more = load_data_file(
        paths.municipalities,
        schemas.get(MUNICIPALITIES_SCHEMA_FILE),
        vocabularies,
        shown,
        check=check_unique_municipalities,
        build=build_municipalities,
    )
    problems += more
    tool, more = load_data_file(
        paths.root / IMPROVEMENT_TOOL_FILE,
        schemas.get(IMPROVEMENT_TOOL_SCHEMA_FILE),
        vocabularies,
        shown,
        check=check_tool_items,
        build=build_improvement_tool,
    )
    problems += more
    guide, more = load_data_file(
        paths.root / GUIDE_FILE,
        schemas.get(GUIDE_SCHEMA_FILE),
        vocabularies,
        shown,
        check=lambda document: check_guide(document, vocabularies),
        build=lambda data, _: data,
    )
    problems += more
    search_schema = paths.root / SEARCH_WORDS_SCHEMA_FILE
    search_words, more = load_data_file(
        paths.root / SEARCH_WORDS_FILE,
        read_schema(search_schema) if search_schema.exists() else None,
        vocabularies,
        shown,
        check=check_search_words,
        build=build_search_words,
    )
    problems += more
    return (
        Catalogue(
            vocabularies,
            interventions,
            municipalities,
            tool,
            guide,
            search_words if search_words is not None else SearchWords(),
        ),
        problems,
    )


def load_data_file(
    path: Path, schema: dict | None, vocabularies: Vocabularies, shown: Path, *, check, build
):
    """A single-file data set (municipalities, improvement tool) checked like an entry:
    positions, the schema, plain text only, then its own rules. None when absent or
    invalid (the problems say why)."""
    if not path.exists():
        return None, []
    display = display_path(path, shown)
    if schema is None:
        return None, [
            Problem(
                display,
                1,
                1,
                "",
                "schema-missing",
                "schema ontbreekt",
                expected=path.name.replace(".yaml", ".schema.json"),
                found="geen bestand",
            )
        ]
    document, problems = read_document(path, display, DATA_FILE_LIMITS[path.name])
    if document is None:
        return None, problems
    problems += check_document(document, schema, vocabularies.labels())
    problems += check_no_markup(document)
    problems += check_urls(document)
    if isinstance(document.data, dict):
        problems += check(document)
    if errors(problems):
        return None, problems
    return build(document.data, vocabularies), problems


def entry_paths(paths: CataloguePaths) -> list[Path]:
    """Every file in the entries folder; non-entries are reported, not skipped."""
    if not paths.entries.is_dir():
        return []
    return sorted(p for p in paths.entries.iterdir() if p.is_file() and p.name != ".gitkeep")


def load_vocabularies(
    paths: CataloguePaths, shown: Path
) -> tuple[Vocabularies | None, list[Problem]]:
    """Read and check the vocabulary file; None when it cannot be used."""
    document, problems = read_document(
        paths.vocabularies,
        display_path(paths.vocabularies, shown),
        DATA_FILE_LIMITS[paths.vocabularies.name],
    )
    if document is None:
        return None, problems
    if not isinstance(document.data, dict):
        problems += check_document(document, read_schema(paths.vocabulary_schema), {})
        return None, problems
    problems += check_document(document, read_schema(paths.vocabulary_schema), {})
    problems += check_no_markup(document)
    problems += check_urls(document)
    problems += check_unique_terms(document)
    problems += check_nearby_terms(document)
    if errors(problems):
        return None, problems
    return build_vocabularies(document.data), problems


def check_entry(
    document: Document, schema: dict, vocabularies: Vocabularies, today: date
) -> list[Problem]:
    """Shape first; the rules of meaning only run on data of the right shape."""
    problems = check_document(document, schema, vocabularies.labels())
    problems += check_no_markup(document)
    problems += check_urls(document)
    if isinstance(document.data, dict):
        problems += check_file_name(document)
        problems += check_name_letters(document)
        problems += check_age_range(document)
        problems += check_dates_not_in_future(document, today)
        problems += check_recognition(document)
    return problems


def to_intervention(document: Document, vocabularies: Vocabularies) -> Intervention:
    return build_intervention(
        document.data,
        slug=document.source.stem,
        source_file=document.display,  # display_path(document.source, shown), as read
        vocabularies=vocabularies,
    )


def schema_drift_problem(schema_path: Path, shown: Path) -> Problem:
    return Problem(
        display_path(schema_path, shown),
        1,
        1,
        "$defs",
        "schema-drift",
        "de termen in het schema lopen niet gelijk met vocabularies.yaml",
        expected="dezelfde termen als in vocabularies.yaml",
        found="een verouderde lijst",
        hint="Draai `catalogus schema --write` en commit het schema mee.",
    )


def write_synced_schema(root: Path = DATA_DIR) -> bool:
    """Rewrite the schemas' term lists; return whether anything changed."""
    paths = CataloguePaths(root)
    vocabularies, problems = load_vocabularies(paths, root.parent)
    if vocabularies is None:
        raise ValueError("vocabularies.yaml has errors; fix them first")
    changed = False
    for path in paths.synced_schemas():
        before = path.read_text(encoding="utf-8")
        after = dump_schema(synced_schema(read_schema(path), vocabularies.as_data()))
        if before != after:
            path.write_text(after, encoding="utf-8")
            changed = True
    return changed
