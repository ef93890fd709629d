"""Spreadsheet import and export: a canon as a workbook (or a folder of CSV files) and back.

The workbook layout (`layout.py`) is the public contract: `read_tables` reads a workbook or
CSV folder into it, `canon_files` turns it into the canon's Turtle files, `import_canon`
writes them to a canon folder only when they pass the canon's check, and `canon_tables` with
`write_tables` export any canon in the same layout. `onet.py` reads an O*NET release into it.
"""

from .canon_files import canon_files
from .exporting import canon_tables
from .importing import OutputRefused, import_canon
from .layout import CANON_KEYS, SHEETS, SHEETS_BY_NAME, TEXT_COLUMNS, Row, Sheet, Table, Tables
from .onet import OnetError, onet_tables
from .problems import WorkbookError
from .reading import read_tables
from .writing import write_tables

__all__ = [
    "CANON_KEYS",
    "SHEETS",
    "SHEETS_BY_NAME",
    "TEXT_COLUMNS",
    "OnetError",
    "OutputRefused",
    "Row",
    "Sheet",
    "Table",
    "Tables",
    "WorkbookError",
    "canon_files",
    "canon_tables",
    "import_canon",
    "onet_tables",
    "read_tables",
    "write_tables",
]
