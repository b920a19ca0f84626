"""The Windows version resource (packaging/version_info.py) is pyproject.toml's version."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from tests.packaging.conftest import load

ROOT = Path(__file__).resolve().parents[2]
version_info = load("version_info")
project_version = version_info.project_version
version_file_text = version_info.version_file_text
version_tuple = version_info.version_tuple


def test_the_version_comes_from_pyproject():
    with (ROOT / "pyproject.toml").open("rb") as f:
        assert project_version(ROOT) == tomllib.load(f)["project"]["version"]


def test_four_numbers_for_windows():
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("2.10") == (2, 10, 0, 0)
    assert version_tuple("1.4.2rc1") == (1, 4, 2, 0)
    assert version_tuple("1.4.2+city.3") == (1, 4, 2, 0)


def test_the_resource_text_names_the_program_and_its_version():
    text = version_file_text("1.4.2", name="counterpos-till", description="CounterPOS till")
    tree = ast.parse(text)  # the form PyInstaller reads back with eval()
    call = tree.body[0].value
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    assert "filevers=(1, 4, 2, 0)" in text and "prodvers=(1, 4, 2, 0)" in text
    assert "StringStruct('OriginalFilename', 'counterpos-till.exe')" in text
    assert "StringStruct('ProductVersion', '1.4.2')" in text
    assert "StringStruct('FileDescription', 'CounterPOS till')" in text
