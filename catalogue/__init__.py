"""The catalogue of Dutch loneliness interventions, free of MkDocs.

Layers: `sources` reads YAML with positions, `schema` checks shape against the
JSON Schema, `rules` checks meaning across entries, `vocabulary` and `model`
hold the clean data, and `loader.load_catalogue` ties them together for both
the command line and the MkDocs hook.
"""

from pathlib import Path

#: The folder holding the data: vocabularies, the schema and the entries.
DATA_DIR = Path(__file__).resolve().parent
