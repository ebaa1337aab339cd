"""Where `--fix` puts fixed documents: back over text files, or into a fixed copy of the inputs.

Both writers take results in input order (`write`) and report what they could not write: per
document as the result's problem, per file (record copies, finished at `close`) as messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from corpusmend.errors import CorpusmendError
from corpusmend.readers.base import is_record_path, record_source
from corpusmend.readers.text import encode
from corpusmend.runner import DocumentResult, unwritten
from corpusmend.writers.atomic import AtomicFile
from corpusmend.writers.record_copy import RecordCopy, open_record_copy
from corpusmend.writers.text_files import write_fixed_text_file

IN_PLACE_REFUSED = (
    "--fix does not rewrite record files (JSONL, CSV, Parquet) in place; "
    "add --output-dir DIR to write a fixed copy"
)


def copy_errors() -> tuple[type[BaseException], ...]:
    """What reading a source or writing a copy may raise (pyarrow's errors when it is there)."""
    try:
        import pyarrow as pa
    except ImportError:
        return (OSError, CorpusmendError, EOFError, ValueError)
    return (OSError, CorpusmendError, EOFError, ValueError, pa.ArrowException)


class InPlaceWriter:
    """Writes fixed text files over themselves (atomically, never over a changed file)."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def write(self, result: DocumentResult) -> DocumentResult:
        if result.fixed_text is None or result.doc.path is None:
            return result
        if record_source(result.doc) is not None:
            return unwritten(result, IN_PLACE_REFUSED)
        try:
            write_fixed_text_file(result)
        except (OSError, CorpusmendError) as exc:
            return unwritten(result, str(exc))
        return result

    def close(self) -> list[str]:
        return self.errors

    def abort(self) -> None:
        """Nothing to drop: each file was written whole."""


class FixedCopyWriter:
    """Writes a fixed copy of every input file under `out_dir`, in the file's own format.

    A file under a directory given on the command line keeps its path relative to that
    directory; a file given directly keeps its name. Record files are copied record by record
    (see record_copy.py); text files are written whole. Unreadable inputs are left out (the
    reader has reported them).
    """

    def __init__(self, out_dir: Path, roots: Sequence[str]) -> None:
        self.out_dir = out_dir
        self.roots = [Path(r) for r in roots if r != "-" and Path(r).is_dir()]
        self.errors: list[str] = []
        self._copy: RecordCopy | None = None
        self._copy_path: str | None = None
        self._done: set[str] = set()  # sources whose copy is finished, failed or skipped
        self._targets: dict[Path, str] = {}

    def target_for(self, path: str) -> Path:
        source = Path(path)
        for root in self.roots:
            if source.is_relative_to(root):
                return self.out_dir / source.relative_to(root)
        return self.out_dir / source.name

    def _claim_target(self, path: str) -> Path:
        target = self.target_for(path)
        other = self._targets.setdefault(target, path)
        if other != path:
            raise CorpusmendError(f"{path}: its copy {target} would overwrite the copy of {other}")
        return target

    def write(self, result: DocumentResult) -> DocumentResult:
        doc = result.doc
        if doc.path is None:
            if result.fixed_text is not None:
                return unwritten(result, "--output-dir does not write stdin")
            return result
        path = doc.path
        source = record_source(doc)
        if source is None and not is_record_path(path):
            self._finish_copy()
            return self._write_text(result)
        if path != self._copy_path:
            self._finish_copy()
            self._start_copy(path, quiet=source is None)
        if source is not None and self._copy is not None:
            try:
                self._copy.put(doc, source, result.fixed_text, result.moved)
            except copy_errors() as exc:
                self._fail(exc)
        return result

    def _write_text(self, result: DocumentResult) -> DocumentResult:
        doc = result.doc
        assert doc.path is not None
        if doc.path in self._done:
            return result
        self._done.add(doc.path)
        source = Path(doc.path)
        try:
            if result.problem:  # unread or unchecked: copy its bytes as they are, if it can
                data = source.read_bytes()
            else:
                text = doc.text if result.fixed_text is None else result.fixed_text
                data = encode(text, doc.bom)
            with AtomicFile(self._claim_target(doc.path), source.stat().st_mode & 0o7777) as f:
                f.file.write(data)
        except OSError as exc:
            if not result.problem:
                return unwritten(result, f"{exc.strerror or exc}")
        except CorpusmendError as exc:
            return unwritten(result, str(exc))
        return result

    def _start_copy(self, path: str, quiet: bool) -> None:
        self._copy_path = path
        if path in self._done:
            return
        try:
            self._copy = open_record_copy(Path(path), self._claim_target(path))
        except copy_errors() as exc:
            self._done.add(path)
            if not quiet or isinstance(exc, CorpusmendError):
                self.errors.append(f"{path}: copy not written: {exc}")

    def _finish_copy(self) -> None:
        if self._copy is not None:
            copy, self._copy = self._copy, None
            try:
                copy.commit()
            except copy_errors() as exc:
                self.errors.append(f"{self._copy_path}: copy not written: {exc}")
        if self._copy_path is not None:
            self._done.add(self._copy_path)
        self._copy_path = None

    def _fail(self, exc: BaseException) -> None:
        assert self._copy is not None
        self._copy.abort()
        self._copy = None
        self.errors.append(f"{self._copy_path}: copy not written: {exc}")

    def close(self) -> list[str]:
        self._finish_copy()
        return self.errors

    def abort(self) -> None:
        """Drop the copy in progress (an interrupted run); finished copies stay."""
        if self._copy is not None:
            self._copy.abort()
            self._copy = None
