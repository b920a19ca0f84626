"""The real `counterpos` process prints a test page to the preview printer and to a loopback one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counterpos.hardware.escpos_decode import decode
from tests.printing_support import LoopbackPrinter

pytestmark = pytest.mark.e2e
SRC = str(Path(__file__).resolve().parents[2] / "src")


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC, "COUNTERPOS_PIN": "246810"}
    return subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_printer_test_page_from_the_command_line(tmp_path):
    home = tmp_path / "home"
    assert run(home, "init", "--admin-name", "it").returncode == 0
    done = run(home, "printer", "test", "--user", "it")
    assert done.returncode == 0, done.stderr
    text = (home / "preview" / "test-page.txt").read_text(encoding="utf-8")
    assert "Español: áéíóúñüÁÉÍÓÚÑÜ¿¡" in text and "- cut -" in text
    printer = LoopbackPrinter()
    try:
        assert (
            run(home, "config", "set", "printer.url", printer.url, "--user", "it").returncode == 0
        )
        done = run(home, "printer", "test", "--user", "it")
        data = printer.wait_job()
    finally:
        printer.close()
    assert done.returncode == 0, done.stderr
    assert decode(data).cuts == 1
