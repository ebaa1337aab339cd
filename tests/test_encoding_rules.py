"""The ENC rules end to end: the mojibake prefilter, spans and messages, invalid bytes in real
files, clean text in several languages, and ENC001/ENC004 not fighting over a character."""

from __future__ import annotations

import json

import ftfy.badness
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from corpusmend import Linter
from corpusmend.mojibake_detector import find_mojibake, is_bad, may_change

# Every non-ASCII character ftfy's badness regex mentions, plus ASCII letters and spaces, so
# generated text hits its alternatives often, on both sides of the prefilter's windows.
_ALPHABET = sorted(
    {c for c in ftfy.badness.BADNESS_RE.pattern if ord(c) > 127}
    | set(ftfy.badness.MOJIBAKE_CATEGORIES["common"])
    | set("abcXYZ .,?!\n\t\u00a0")
)


@pytest.fixture(scope="module")
def enc() -> Linter:
    return Linter(select=["ENC"])


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_prefilter_agrees_with_ftfy_is_bad(text: str) -> None:
    assert is_bad(text) == bool(ftfy.badness.is_bad(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=30))
def test_prefilter_never_skips_a_line_ftfy_would_change(text: str) -> None:
    line = text.replace("\n", " ")
    fixed = ftfy.fix_text(
        line,
        ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=False,
            remove_control_chars=False,
            normalization=None,
        ),
    )
    if fixed != line:
        assert may_change(line)


def test_runs_cover_only_the_garbled_text_and_rebuild_ftfy_output() -> None:
    text = "Line one is fine.\nThe mayorâ€™s cafÃ© reopened.\nLast line."
    runs = find_mojibake(text)
    assert [(text[r.start : r.end], r.fixed) for r in runs] == [("â€™", "’"), ("Ã©", "é")]


def test_message_shows_the_repair(enc: Linter) -> None:
    (finding,) = enc.check("It wasnâ€™t the tide.")
    assert finding.code == "ENC001"
    assert finding.severity == "error"
    assert "'â€™' -> '’'" in finding.message
    assert (finding.line, finding.column) == (1, 8)


CLEAN_TEXTS = [
    "“It’s not over,” said Zoë Brontë-Müller, 54, the café’s owner — “not yet.”",
    "Prices rose 3½% to €1.20 and £0.95; it was −4°C at 06:00 in Kraków and Łódź.",
    "Le conseil a voté « oui » à l’unanimité ; la séance a été levée à 18 h.",
    "Die Brücke über die Spree wird im Frühjahr für 2,3 Mio. € saniert.",
    "Мэр сказал: «Мост откроют в пятницу». Η γέφυρα θα ανοίξει την Παρασκευή.",
    "市长说，大桥将于周五开放。 市長は金曜日に橋が開通すると述べた。",
    "قال رئيس البلدية إن الجسر سيفتح يوم الجمعة. הגשר ייפתח ביום שישי.",
    "ÉLECTIONS: LE MAIRE SORTANT RÉÉLU À 52 % — « UNE VICTOIRE »",
    "The ×2 speed-up, ±0.5 mm tolerance and the ™ and ® marks are in the spec sheet.",
    "He typed 5 < 7 and 9 > 2, then wrote AT&T and R&D & Co. in the notes.",
]


@pytest.mark.parametrize("text", CLEAN_TEXTS)
def test_clean_text_has_no_enc_finding(enc: Linter, text: str) -> None:
    assert enc.check(text) == []


def test_soft_hyphen_inside_mojibake_is_enc001_only(enc: Linter) -> None:
    text = "Os nÃ\u00adveis de anticorpos caÃ\u00adram."
    assert {f.code for f in enc.check(text)} == {"ENC001"}
    assert enc.fix(text).text == "Os níveis de anticorpos caíram."


def test_c1_control_inside_mojibake_is_enc001_only(enc: Linter) -> None:
    text = "He said â\x80\x9cyesâ\x80\x9d."
    assert {f.code for f in enc.check(text)} == {"ENC001"}
    assert enc.fix(text).text == "He said “yes”."


def test_soft_hyphen_outside_mojibake_is_enc004(enc: Linter) -> None:
    (finding,) = enc.check("The engi\u00adneers left.")
    assert finding.code == "ENC004"
    assert enc.fix("The engi\u00adneers left.").text == "The engineers left."


def test_entity_hiding_mojibake_is_repaired_whole(enc: Linter) -> None:
    assert enc.fix("The caf&Atilde;&copy; is open.").text == "The café is open."


def test_invalid_bytes_in_a_file_are_reported_and_fixed_as_utf8(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"The mill\x92s wheel turned.\nIt was \x93new\x94 \x96 again.\n")
    out = run_cli("check", "--select", "ENC", "--format", "json", str(path))
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)["documents"][0]["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [
        ("ENC002", 1, 9),
        ("ENC002", 2, 8),
        ("ENC002", 2, 12),
        ("ENC002", 2, 14),
    ]
    fixed = run_cli("check", "--select", "ENC", "--fix", str(path))
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert path.read_bytes() == "The mill’s wheel turned.\nIt was “new” – again.\n".encode()


def test_unfixable_bytes_survive_byte_for_byte(tmp_path) -> None:
    data = b"Total 12\x81 units; cut \xe2\x80\nnext line \x92ok\n"
    path = tmp_path / "ledger.txt"
    path.write_bytes(data)
    out = run_cli("check", "--select", "ENC", "--fix", str(path))
    assert out.returncode == 1
    assert out.stdout.count("ENC002") == 2, out.stdout
    assert path.read_bytes() == data.replace(b"\x92", "’".encode())


def test_latin1_word_in_cyrillic_context_gets_no_fix(enc: Linter) -> None:
    text = "Город \udce9 мост"
    (finding,) = enc.check(text)
    assert finding.code == "ENC002" and finding.fix is None
