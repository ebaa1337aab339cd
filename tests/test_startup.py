"""Start-up stays light: `--version` and `import corpusmend` load no rules, kinds or commands."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import contextlib, io, sys
{body}
heavy = sorted(m for m in sys.modules if m.startswith(("corpusmend.linter", "corpusmend.kinds",
               "corpusmend.commands.", "ftfy", "jsonschema", "regex", "numpy")))
print(",".join(heavy))
"""


def _heavy_modules(body: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(body=body)], capture_output=True, text=True, check=True
    ).stdout.strip()
    return out.split(",") if out else []


def test_version_imports_no_command_and_no_rule_machinery() -> None:
    body = (
        "from corpusmend.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    code = main(['--version'])\n"
        "assert code == 0 and out.getvalue().startswith('corpusmend '), out.getvalue()"
    )
    assert _heavy_modules(body) == []


def test_importing_the_package_is_light_and_the_api_still_resolves() -> None:
    assert _heavy_modules("import corpusmend") == []
    body = "import corpusmend\nassert corpusmend.Linter().check(' date 2020-01-01 Hi.')"
    assert "corpusmend.linter" in _heavy_modules(body)


def test_one_command_imports_only_its_own_module() -> None:
    body = (
        "from corpusmend.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['schema']) == 0"
    )
    commands = [m for m in _heavy_modules(body) if m.startswith("corpusmend.commands.")]
    assert commands == ["corpusmend.commands.schema"]
