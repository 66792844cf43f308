"""Bad input at the command line: one line naming the file and the problem, exit 1.

Also the encodings real Chinese government text arrives in (GB18030, UTF-8 with BOM,
CRLF line ends) are read exactly as the UTF-8 original is.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.extractors.layout import load_issue
from govkg.extractors.reading import InputError, decode
from tests.helpers import seed_file


def run(*args):
    result = CliRunner().invoke(main, list(map(str, args)))
    return result.exit_code, result.output, result.stderr if hasattr(result, "stderr") else ""


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "file is empty"),
        (b"   \n\n  ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\xff\xfe\x00\x00garbage\x81\x30", "binary"),
        (b"This is an English text file, not a gazette.\n" * 20, "no Chinese text"),
        ("Notice\n通知\n".encode(), "too short"),
    ],
)
def test_bad_file_is_refused_with_its_name(tmp_path, content, problem):
    path = tmp_path / "bad input.txt"
    path.write_bytes(content)
    code, out, err = run("extract", path)
    assert code == 1
    line = (err or out).strip()
    assert len(line.splitlines()) == 1, line
    assert str(path) in line and problem in line


def test_one_short_sentence_is_read(tmp_path):
    # 国务院任免 as a one-line notice: 15 characters state a whole act
    path = tmp_path / "one.txt"
    path.write_text("国务院任命崔天凯为外交部副部长。\n", "utf-8")
    code, out, _ = run("extract", path)
    assert code == 0 and '"person": "崔天凯"' in out


def test_missing_file_is_refused(tmp_path):
    path = tmp_path / "nope.txt"
    code, out, err = run("extract", path)
    assert code == 1
    assert f"{path}: no such file" in (err or out)


def test_undecodable_bytes_are_refused_not_guessed():
    with pytest.raises(InputError, match="not UTF-8 or GB18030"):
        decode("温州市人民政府".encode() + b"\x80\x80\xff", "x.txt")


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("gb18030"),
    lambda s: s.encode("gbk", errors="strict"),
    lambda s: "\ufeff".encode("utf-8") + s.encode("utf-8"),
    lambda s: s.replace("\n", "\r\n").encode("utf-8"),
], ids=["gb18030", "gbk", "utf8-bom", "crlf"])
def test_other_encodings_read_as_the_utf8_original(tmp_path, encode):
    original = seed_file("004")
    text = original.read_text("utf-8")
    try:
        data = encode(text)
    except UnicodeEncodeError:
        pytest.fail("seed 004 should be encodable in GBK")
    path = tmp_path / "issue.txt"
    path.write_bytes(data)
    a, b = load_issue(original), load_issue(path)
    assert b.text == a.text
    assert list(b.line_of) == list(a.line_of)
    assert b.gazette == a.gazette


def test_extract_writes_the_schema_shape():
    code, out, _ = run("extract", seed_file("003"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["gazette"] == {"name": "温州市人民政府公报", "year": 2020, "issue": 6, "total_issue": 214}
    for section in ("documents", "catalog", "appointments", "responsibilities", "person_posts", "pairings"):
        assert isinstance(data[section], list)


def test_every_command_of_the_cli_resolves_to_its_module():
    # cli.COMMAND_MODULES is the one list of commands: each name must import to a command.
    import click

    from govkg.cli import COMMAND_MODULES, main

    ctx = click.Context(main)
    for name in COMMAND_MODULES:
        assert isinstance(main.get_command(ctx, name), click.Command), name


def test_help_lists_each_command_with_its_own_line_without_importing_it():
    # The group's --help reads each command's one-line help from its module's source; it must
    # be the line click itself would print once the command is imported.
    import subprocess
    import sys

    import click

    from govkg.cli import COMMAND_MODULES, GovkgGroup, main

    fresh = GovkgGroup(lazy=COMMAND_MODULES)
    for name in COMMAND_MODULES:
        for limit in (45, 60):
            assert fresh.command_line_help(name, limit) == main.get_command(click.Context(main), name).get_short_help_str(limit), name
    code = "import sys, govkg.cli as c; sys.argv = ['govkg', '--help']\ntry: c.main()\nexcept SystemExit: pass\nprint(sorted(m for m in sys.modules if m.startswith(('govkg.commands.', 'spacy', 'pyoxigraph'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['govkg.commands.lazy']"
