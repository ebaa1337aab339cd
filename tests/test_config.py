"""Project config: found upward from the checked paths, validated, merged under the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from conftest import CLICK_HERE_PACK, run_cli
from corpusmend.commands.common import run_config
from corpusmend.config import PathGlobs, discover_config, find_config, load_config
from corpusmend.errors import ConfigError

GLUED = " date 2019-05-02 The harbour council met on Tuesday about the ferry timetable.\n\nIt was long.\n"  # noqa: E501
CLEAN = "The harbour council met on Tuesday about the ferry timetable.\n\nIt was long.\n"
QUIET = "Rain kept most stalls closed at the Saturday market.\n\nTraders hope for sun.\n"
DRAFT = " date 2021-03-09 Volunteers repainted the lighthouse railings over a windy weekend.\n"
OLD = " date 2017-11-30 The village bakery won a regional prize for its rye loaf.\n"
PROMPT = "The orchard opened early this year.\nClick here to read more\nPickers came from far.\n"

PACK = CLICK_HERE_PACK


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def check_json(*args: str, cwd: Path) -> tuple[int, dict, str]:
    result = run_cli("check", "--format", "json", "--no-cache", *args, cwd=cwd)
    data = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, data, result.stderr


def codes_by_path(data: dict) -> dict[str, list[str]]:
    return {
        Path(d["path"]).as_posix(): [f["code"] for f in d["findings"]] for d in data["documents"]
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "corpus" / "news" / "ferry.txt", GLUED)
    write(tmp_path / "corpus" / "news" / "clean.txt", QUIET)
    write(tmp_path / "corpus" / "drafts" / "ferry-draft.txt", DRAFT)
    write(tmp_path / "corpus" / "archive" / "2019" / "ferry-old.txt", OLD)
    return tmp_path


def test_pyproject_found_upward_excludes_and_ignores_per_file(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "my-corpus"\n\n[tool.corpusmend]\nexclude = ["drafts"]\n\n'
        '[tool.corpusmend.per-file-ignores]\n"corpus/archive/**" = ["HDR001"]\n',
    )
    rc, data, err = check_json("news", "archive", "drafts", cwd=project / "corpus")
    assert rc == 1, err
    assert codes_by_path(data) == {
        "news/clean.txt": [],
        "news/ferry.txt": ["HDR001"],
        "archive/2019/ferry-old.txt": [],
    }


def test_excluded_file_stays_excluded_when_named(project: Path) -> None:
    """pre-commit passes every changed file by name: config excludes must still apply."""
    write(project / ".corpusmend.yaml", "exclude: [corpus/drafts/*.txt]\n")
    draft = "corpus/drafts/ferry-draft.txt"
    rc, data, _ = check_json(draft, "corpus/news/clean.txt", cwd=project)
    assert rc == 0
    assert codes_by_path(data) == {"corpus/news/clean.txt": []}
    rc, data, _ = check_json("--no-force-exclude", draft, cwd=project)
    assert rc == 1 and codes_by_path(data) == {draft: ["HDR001"]}
    write(project / ".corpusmend.yaml", "exclude: [corpus/drafts/*.txt]\nforce-exclude: false\n")
    rc, data, _ = check_json(draft, cwd=project)
    assert codes_by_path(data) == {draft: ["HDR001"]}


def test_include_replaces_the_suffix_choice_under_directories(project: Path) -> None:
    write(project / "corpus" / "news" / "ferry.story", DRAFT)
    write(project / ".corpusmend.yaml", "include: ['*.story']\n")
    _, data, _ = check_json("corpus", cwd=project)
    assert codes_by_path(data) == {"corpus/news/ferry.story": ["HDR001"]}
    # a file named explicitly is read whatever include says
    _, data, _ = check_json("corpus/news/ferry.txt", cwd=project)
    assert codes_by_path(data) == {"corpus/news/ferry.txt": ["HDR001"]}


def test_select_from_config_and_the_command_line_wins(project: Path) -> None:
    write(project / "corpus" / "news" / "prompt.txt", PROMPT)
    write(project / "packs" / "furniture.yaml", PACK)
    write(project / ".corpusmend.yaml", "rules: [packs/furniture.yaml]\nselect: [BPL9]\n")
    news = "corpus/news"
    _, data, err = check_json(news, cwd=project)
    assert codes_by_path(data)["corpus/news/prompt.txt"] == ["BPL901"], err
    assert codes_by_path(data)["corpus/news/ferry.txt"] == []
    _, data, _ = check_json("--select", "HDR001", news, cwd=project)
    assert codes_by_path(data)["corpus/news/prompt.txt"] == []
    assert codes_by_path(data)["corpus/news/ferry.txt"] == ["HDR001"]
    _, data, _ = check_json("--extend-select", "HDR001", news, cwd=project)
    assert codes_by_path(data)["corpus/news/ferry.txt"] == ["HDR001"]
    # a config ignore is undone by --extend-select of the same code
    write(project / ".corpusmend.yaml", "rules: [packs/furniture.yaml]\nignore: [HDR001]\n")
    _, data, _ = check_json(news, cwd=project)
    assert codes_by_path(data)["corpus/news/ferry.txt"] == []
    _, data, _ = check_json("--extend-select", "HDR001", news, cwd=project)
    assert codes_by_path(data)["corpus/news/ferry.txt"] == ["HDR001"]


def test_severity_and_applicability_overrides(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[tool.corpusmend.overrides]\nHDR001 = { severity = "info", applicability = "unsafe" }\n',
    )
    ferry = project / "corpus" / "news" / "ferry.txt"
    _, data, _ = check_json(str(ferry), cwd=project)
    (finding,) = data["documents"][0]["findings"]
    assert finding["severity"] == "info"
    assert finding["fix"]["applicability"] == "unsafe"
    result = run_cli("check", "--fix", "--fail-on", "info", str(ferry), cwd=project)
    assert result.returncode == 1 and ferry.read_text(encoding="utf-8") == GLUED
    result = run_cli("check", "--fix", "--unsafe-fixes", str(ferry), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ferry.read_text(encoding="utf-8") == CLEAN


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pyproject.toml", "[tool.corpusmend]\nselct = ['HDR']\n", "tool.corpusmend.selct: unknown key"),  # noqa: E501
        ("pyproject.toml", "[tool.corpusmend]\nselect = 'HDR'\n", "tool.corpusmend.select: 'HDR' is not a list"),  # noqa: E501
        ("pyproject.toml", "[tool.corpusmend\n", "TOML syntax error"),
        (".corpusmend.yaml", "exclude: [a]\noverrides:\n  HDR001: {severity: loud}\n", ":3: overrides.HDR001.severity: 'loud' is not one of"),  # noqa: E501
        (".corpusmend.yaml", "exclude: [a\n", "YAML syntax error"),
        (".corpusmend.yaml", "- just\n- a list\n", "must be a mapping"),
        (".corpusmend.yaml", "select: [HDR999]\n", "select: 'HDR999' matches no rule"),
        (".corpusmend.yaml", "overrides:\n  XYZ001: {severity: info}\n", "overrides: 'XYZ001' matches no rule"),  # noqa: E501
        (".corpusmend.yaml", "per-file-ignores:\n  'a/**': [HDR998]\n", "per-file-ignores.'a/**': 'HDR998' matches no rule"),  # noqa: E501
        (".corpusmend.yaml", "rules: [missing-pack.yaml]\n", "rules: 'missing-pack.yaml': no such rule pack"),  # noqa: E501
    ],
)  # fmt: skip
def test_bad_config_is_an_error_naming_file_and_key(
    project: Path, name: str, text: str, expected: str
) -> None:
    config = write(project / name, text)
    result = run_cli("check", "corpus", cwd=project)
    assert result.returncode == 2
    assert str(config.name) in result.stderr
    assert expected in result.stderr
    assert result.stdout == ""


def test_bad_command_line_selector_is_still_named_as_a_flag(project: Path) -> None:
    write(project / ".corpusmend.yaml", "select: [HDR]\n")
    result = run_cli("check", "--ignore", "HDR997", "corpus", cwd=project)
    assert result.returncode == 2
    assert "--ignore: 'HDR997' matches no rule" in result.stderr


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.corpusmend]\nselect = ['HDR']\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "deeper" / "a.txt", CLEAN)
    found = find_config([str(tmp_path / "sub" / "deeper" / "a.txt")])
    assert found == tmp_path / "pyproject.toml"
    write(tmp_path / "sub" / ".corpusmend.yaml", "select: [ENC]\n")
    assert find_config([str(tmp_path / "sub" / "deeper")]) == tmp_path / "sub" / ".corpusmend.yaml"


def test_explicit_config_and_isolated(project: Path) -> None:
    write(project / ".corpusmend.yaml", "ignore: [HDR001]\n")
    other = write(project / "elsewhere" / "strict.yaml", "select: [HDR001]\n")
    ferry = "corpus/news/ferry.txt"
    assert codes_by_path(check_json(ferry, cwd=project)[1]) == {ferry: []}
    assert codes_by_path(check_json("--config", str(other), ferry, cwd=project)[1]) == {
        ferry: ["HDR001"]
    }
    assert codes_by_path(check_json("--isolated", ferry, cwd=project)[1]) == {ferry: ["HDR001"]}
    result = run_cli("check", "--config", "nope.yaml", ferry, cwd=project)
    assert result.returncode == 2 and "--config nope.yaml: no such file" in result.stderr


def test_paths_in_config_are_relative_to_its_directory(tmp_path: Path) -> None:
    config_path = write(
        tmp_path / "repo" / ".corpusmend.yaml",
        "rules: [packs]\nindex: .corpusmend/siblings.idx\ncache-dir: .cache/cm\n",
    )
    root = tmp_path / "repo"
    (root / "packs").mkdir()
    config = load_config(config_path)
    assert config.rules == (root / "packs",)
    assert config.index == root / ".corpusmend" / "siblings.idx"
    assert config.cache_dir == root / ".cache" / "cm"
    args = argparse.Namespace(paths=[str(root)], config=None, isolated=False, index=None)
    assert run_config(args).index == config.index
    assert args.index == str(config.index)  # used when --index was not given
    args = argparse.Namespace(paths=[str(root)], config=None, isolated=False, index="cli.idx")
    run_config(args)
    assert args.index == "cli.idx"


def test_sibling_thresholds_are_checked(tmp_path: Path) -> None:
    pytest.importorskip("corpusmend.siblings.options")
    good = write(tmp_path / "a" / ".corpusmend.yaml", "siblings:\n  min-jaccard: 0.7\n")
    assert load_config(good).siblings == {"min_jaccard": 0.7}
    bad = write(tmp_path / "b" / ".corpusmend.yaml", "siblings:\n  min-jacard: 0.7\n")
    with pytest.raises(ConfigError, match=r"\.corpusmend\.yaml: siblings: .*min_jacard"):
        load_config(bad)
    bad = write(tmp_path / "c" / ".corpusmend.yaml", "siblings:\n  min-jaccard: 7\n")
    with pytest.raises(ConfigError, match=r"\.corpusmend\.yaml: siblings: .*min jaccard"):
        load_config(bad)


def test_no_config_means_defaults(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", CLEAN)
    config = discover_config([str(tmp_path / "a.txt")])
    if config.path is not None:  # a config above the temporary directory: not ours to judge
        pytest.skip(f"found {config.path} above {tmp_path}")
    assert config.select is None and config.exclude == () and config.version == ""


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts", "corpus/drafts/a.txt", True),
        ("drafts", "corpus/drafts-old/a.txt", False),
        ("*.md", "corpus/notes/readme.md", True),
        ("corpus/*.txt", "corpus/a.txt", True),
        ("corpus/*.txt", "corpus/sub/a.txt", False),
        ("corpus/**/*.txt", "corpus/sub/deep/a.txt", True),
        ("**/old/*.txt", "old/a.txt", True),
        ("**/old/*.txt", "x/y/old/a.txt", True),
        ("corpus/archive", "corpus/archive/2019/a.txt", True),
        ("./corpus/archive/", "corpus/archive/a.txt", True),
        ("corpus/[ab].txt", "corpus/b.txt", True),
        ("corpus/[!ab].txt", "corpus/b.txt", False),
    ],
)
def test_globs(tmp_path: Path, pattern: str, path: str, expected: bool) -> None:
    assert PathGlobs(tmp_path, (pattern,)).match(tmp_path / path) is expected
    assert PathGlobs(tmp_path, (pattern,)).match(tmp_path.parent / "elsewhere.txt") is False


@pytest.mark.parametrize("config", ["exclude: [corpus/drafts/*.txt]\n", "include: ['*.txt']\n", ""])
def test_a_configured_reader_lists_the_files_it_reads(project: Path, config: str) -> None:
    """Engines that read files in tasks (Ray signing the sibling index) read what `check`
    reads: each file `files` lists, read alone by the inner reader."""
    from corpusmend.config_reader import ConfiguredReader
    from corpusmend.readers import read_documents

    write(project / ".corpusmend.yaml", config or "{}\n")
    write(project / "corpus" / "news" / "notes.md", "A note.\n")
    reader = ConfiguredReader(load_config(project / ".corpusmend.yaml"))
    paths = [str(project / "corpus"), str(project / "corpus" / "drafts" / "ferry-draft.txt")]
    whole = [d.path for d in reader(paths)]
    files = list(reader.files(paths))
    assert [d.path for f in files for d in read_documents([str(f)])] == whole
    assert len(whole) >= 3
    assert ("ferry-draft.txt" in " ".join(whole)) == ("drafts" not in config)
