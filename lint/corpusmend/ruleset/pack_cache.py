"""The built-in packs as parsed, kept between runs: parsing them is most of loading the rules.

libyaml cannot read the encoding pack (its test cases hold lone surrogates), so PyYAML's pure
Python parser does, which takes longer than everything else `corpusmend check` does on a small
file. The parsed packs (mappings with their line numbers) are pickled in the user's cache
directory, under a key made of each pack file's name, size and modification time, so an edited
or upgraded pack is parsed again. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpusmend.builtin_rules import builtin_rules_dir

_memory: dict[Path, Any] = {}


def _cache_file() -> Path | None:
    """Where this set of built-in packs is cached (None: caching is off or impossible)."""
    if os.environ.get("CORPUSMEND_NO_PACK_CACHE"):
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "corpusmend"
    try:
        stamp = sorted(
            (p.name, p.stat().st_size, p.stat().st_mtime_ns)
            for p in builtin_rules_dir().glob("*.yaml")
        )
    except OSError:
        return None
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]
    return root / f"builtin-packs-{digest}.pickle"


def _load_all() -> dict[Path, Any]:
    if _memory:
        return _memory
    path = _cache_file()
    if path is not None:
        try:
            with path.open("rb") as f:
                _memory.update(pickle.load(f))
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            _memory.clear()
    return _memory


def builtin_pack(path: Path, parse: Callable[[Path], Any]) -> Any:
    """The parsed built-in pack at `path`: from the cache, else parsed (and cached)."""
    packs = _load_all()
    key = path.resolve()
    if key not in packs:
        packs[key] = parse(path)
        _save(packs)
    return packs[key]


def _save(packs: dict[Path, Any]) -> None:
    path = _cache_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".packs-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(packs, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent run reads the old file or the new one
    except OSError:
        pass
