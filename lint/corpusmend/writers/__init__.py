"""Writers put fixed documents back: text files in place, record formats as fixed copies.

Engines only compute results; the main process hands each result, in input order, to a writer.
"""

from __future__ import annotations

from corpusmend.writers.text_files import write_fixed_text_file

__all__ = ["write_fixed_text_file"]
