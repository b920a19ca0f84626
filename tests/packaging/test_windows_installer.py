"""The Windows installer script (packaging/windows/counterpos.nsi) compiles with makensis.

makensis runs on Linux too, so the script is checked here on every run: syntax, every file it
takes, every constant it names (warnings are errors), a real installer .exe out. What it does on
Windows (silent install, ProgramData's rights, the uninstall entry) is checked on Windows by the
README's steps; the bundle it packs here is a stand-in, or the real one under `-m packaging`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "counterpos.nsi"


def makensis(bundle: Path, out: Path, version: str = "0.1.0") -> subprocess.CompletedProcess:
    exe = shutil.which("makensis")
    if exe is None:
        pytest.skip("needs makensis (Debian's nsis package; .ci/run installs it)")
    return subprocess.run(
        [
            exe,
            "-V2",
            "-WX",  # an unknown constant or a missing file is an error, not a warning
            f"-DVERSION={version}",
            "-DNOCOMPRESS",
            f"-DBUNDLE={bundle}",
            f"-DOUTDIR={out}",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )


def small_bundle(folder: Path) -> Path:
    """The layout PyInstaller gives on Windows: two programs and their _internal folder."""
    (folder / "_internal").mkdir(parents=True)
    for name in ("counterpos.exe", "counterpos-till.exe"):
        (folder / name).write_bytes(b"MZ stand-in for " + name.encode())
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK")
    return folder


def test_the_installer_script_compiles_into_an_installer(tmp_path):
    done = makensis(small_bundle(tmp_path / "bundle"), tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    installer = tmp_path / "CounterPOS-0.1.0-setup.exe"
    data = installer.read_bytes()
    assert data[:2] == b"MZ"  # a Windows program
    assert b"Nullsoft" in data or b"NSIS" in data


def test_the_version_is_required(tmp_path):
    exe = shutil.which("makensis")
    if exe is None:
        pytest.skip("needs makensis (Debian's nsis package; .ci/run installs it)")
    done = subprocess.run(
        [
            exe,
            "-V2",
            f"-DBUNDLE={small_bundle(tmp_path / 'b')}",
            f"-DOUTDIR={tmp_path}",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "Pass the version" in done.stdout + done.stderr


def test_the_script_says_how_to_install_silently_and_keeps_the_store():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "/S [/CONFIG=" in text  # the documented silent command line
    assert "QuietUninstallString" in text
    assert "SetShellVarContext all" in text  # ProgramData and the shortcuts for every user
    uninstall = text[text.index('Section "Uninstall"') :]
    assert "DATADIR}" not in uninstall.split("; ${DATADIR} stays")[0]  # never removes the store
