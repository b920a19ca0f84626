"""The PyInstaller bundle (packaging/counterpos.spec) and the Linux package made from it
(packaging/build_deb.py), built for real and started: `--help`, `--version`, a command on a
store, and the till's login window, offscreen.

Minutes and 200+ MB, so not in the default run:  python -m pytest -m packaging tests/packaging
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import load
from tests.packaging.test_windows_installer import makensis

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
VERSION = load("version_info").project_version(ROOT)


def run(cmd: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}  # no checkout
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=300,
        cwd="/",
        env={**clean, "QT_QPA_PLATFORM": "offscreen", **env},
    )


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "packaging" / "counterpos.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return work / "dist" / "counterpos"


@pytest.fixture(scope="module")
def deb(bundle, tmp_path_factory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("needs dpkg-deb (a Debian or Ubuntu machine)")
    return load("build_deb").build(bundle, tmp_path_factory.mktemp("deb"))


def check_starts(folder: Path, home: Path) -> None:
    """The console program's help, version and a command; the till's login window."""
    cli, till = folder / "counterpos", folder / "counterpos-till"
    helped = run([str(cli), "--help"])
    assert helped.returncode == 0, helped.stderr
    assert "printer" in helped.stdout and "sync" in helped.stdout
    assert run([str(cli), "--version"]).stdout.strip() == f"counterpos {VERSION}"
    profiles = run([str(cli), "--home", str(home), "printer", "profiles"])
    assert profiles.returncode == 0 and "generic-80mm" in profiles.stdout, profiles.stderr
    shown = run([str(till), "--home", str(home)], COUNTERPOS_BENCH_EXIT_ON_SHOWN="1")
    assert shown.returncode == 0, shown.stderr
    assert "COUNTERPOS_SHOWN" in shown.stdout


def test_the_bundle_has_two_programs_one_folder_and_no_screenshots(bundle):
    assert (bundle / "counterpos").is_file() and (bundle / "counterpos-till").is_file()
    internal = bundle / "_internal"
    assert (internal / "LICENSE").is_file()
    assert (internal / f"counterpos-{VERSION}.dist-info").is_dir()  # the version at run time
    assert (internal / "counterpos" / "_data" / "resources" / "icons" / "counterpos.png").is_file()
    assert not (internal / "counterpos" / "_data" / "resources" / "screenshots").exists()


def test_the_bundle_starts(bundle, tmp_path):
    check_starts(bundle, tmp_path / "home")


def test_the_deb_installs_the_bundle_and_starts_from_where_it_unpacks(deb, tmp_path):
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert f"Version: {VERSION}" in info.stdout and "Package: counterpos" in info.stdout
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    for path in (
        "./opt/counterpos/counterpos-till",
        "./usr/bin/counterpos -> /opt/counterpos/counterpos",
        "./usr/share/applications/counterpos.desktop",
        "./usr/share/doc/counterpos/copyright",
    ):
        assert path in listing.stdout
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(root)], check=True)
    check_starts(root / "opt" / "counterpos", tmp_path / "home")


def test_the_windows_installer_script_takes_the_real_bundle(bundle, tmp_path):
    done = makensis(bundle, tmp_path, VERSION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / f"CounterPOS-{VERSION}-setup.exe").stat().st_size > 50_000_000
