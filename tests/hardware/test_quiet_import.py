"""Importing the printer code leaves the console quiet: no handler is added to the root logger."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_hardware_adds_no_console_handler():
    code = (
        "import logging; import counterpos.hardware.escpos_render, counterpos.hardware.printer_backends;"
        "print(len(logging.getLogger().handlers))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0"


def test_cli_prints_no_log_lines(tmp_path):
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COUNTERPOS_PIN": "864213"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "counterpos",
            "--home",
            str(tmp_path),
            "init",
            "--admin-name",
            "boss",
            "--full-name",
            "Boss Person",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[0] == "Created administrator boss."
    assert "INFO" not in out.stderr
