"""The command tree: every command listed by name, only the one being run loaded."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from counterpos import cli

ROOT = Path(__file__).resolve().parents[1]


def _choices(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _help_lines(parser: argparse.ArgumentParser) -> dict[str, str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {action.dest: action.help for action in sub._choices_actions}


def test_each_command_is_listed_with_the_help_line_its_module_registers():
    real = _help_lines(cli.build_parser(full=True))
    listed = {name: help_line for name, (_, help_line) in cli.COMMANDS.items()}
    assert listed == real


def test_every_command_module_is_named():
    modules = {p.stem for p in (ROOT / "src" / "counterpos" / "commands").glob("*.py")}
    assert set(cli.COMMAND_MODULES) == modules - {"__init__", "common", "gui"}


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_the_command_being_run_gets_its_real_parser(command):
    parser = cli.build_parser(command)
    real = _choices(cli.build_parser(full=True))[command]
    assert _choices(parser)[command].format_help() == real.format_help()


def test_global_options_are_skipped_when_finding_the_command():
    assert cli._command_of(["--home", "/tmp/x", "user", "list"]) == "user"
    assert cli._command_of(["--home=/tmp/x", "--demo", "sync", "--once"]) == "sync"
    assert cli._command_of(["--help"]) is None
    assert cli._command_of(["--home", "printer"]) is None  # the folder is named printer


def test_top_level_help_loads_no_database_or_device_layer():
    code = (
        "import sys, contextlib, io\n"
        "from counterpos import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        cli.main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "assert 'sync' in out.getvalue()\n"
        "loaded = [m for m in ('sqlalchemy', 'alembic', 'escpos', 'serial', 'reportlab', 'psycopg',"
        " 'PySide6', 'counterpos.services') if m in sys.modules]\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_folder_name_longer_than_a_file_system_takes_is_a_plain_refusal(tmp_path, capsys):
    """Found by the reliability fuzzing: a 256-character folder name reached the store's
    opening and failed there as an OSError ("File name too long")."""
    long_name = str(tmp_path / ("0" * 256))
    assert cli.main(["--home", long_name, "config", "get", "station.code"]) == 2
    assert "folder names are at most 255 characters" in capsys.readouterr().err
    assert not (tmp_path / ("0" * 255)).exists()
    args = cli.build_parser("config").parse_args(
        ["--home", str(tmp_path / ("0" * 255)), "config", "get", "station.code"]
    )
    assert args.home.name == "0" * 255
