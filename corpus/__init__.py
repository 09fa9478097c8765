"""Project-authored corpus data: the source manifest and the building-block registry."""
from pathlib import Path

CORPUS_DATA_DIR = Path(__file__).resolve().parent
SOURCES_FILE = CORPUS_DATA_DIR / "sources.yaml"
BUILDING_BLOCKS_FILE = CORPUS_DATA_DIR / "building_blocks.yaml"
