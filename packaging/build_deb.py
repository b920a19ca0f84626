"""A Debian package (.deb) of the PyInstaller bundle, built with dpkg-deb.

    pyinstaller --noconfirm packaging/counterpos.spec      # makes dist/counterpos/
    python packaging/build_deb.py [--bundle dist/counterpos] [--out dist]

The package puts the bundle in /opt/counterpos, `counterpos` and `counterpos-till` in /usr/bin,
a menu entry and its icon, the licence and changelog in /usr/share/doc/counterpos; its postinst
makes the machine-wide store folder /var/lib/counterpos, writable by the counterpos group.
Uninstalling leaves that folder (the station's sales) where it is.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version_info import ROOT, project_version  # noqa: E402

# What Qt's xcb and offscreen platforms load from the system (the rest is in the bundle).
DEPENDS = (
    "libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, "
    "libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, "
    "libxcb-randr0, libxcb-render-util0, libxcb-xinerama0, libxcb-image0"
)
RECOMMENDS = "cups-client"


def control(version: str, arch: str, size_kb: int) -> str:
    return (
        "Package: counterpos\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Depends: {DEPENDS}\n"
        f"Recommends: {RECOMMENDS}\n"
        f"Installed-Size: {size_kb}\n"
        "Maintainer: CounterPOS contributors <counterpos@localhost>\n"
        "Description: cashiering client for a city hall's customer-service counter\n"
        " The till (counterpos-till) and its command line (counterpos): utility payments,\n"
        " licences, permits and fees in cash, check, money order or card, receipts on\n"
        " ESC/POS printers, and sync to the city's central PostgreSQL database.\n"
    )


def build(bundle: Path, out: Path) -> Path:
    for exe in ("counterpos", "counterpos-till"):
        if not (bundle / exe).is_file():
            raise SystemExit(
                f"{bundle / exe} is missing: build the bundle first (README, Packaging)"
            )
    version = project_version()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="counterpos-deb-") as tmp:
        stage = Path(tmp) / "counterpos"
        shutil.copytree(bundle, stage / "opt" / "counterpos", symlinks=True)
        usr_bin = stage / "usr" / "bin"
        usr_bin.mkdir(parents=True)
        for exe in ("counterpos", "counterpos-till"):
            (usr_bin / exe).symlink_to(f"/opt/counterpos/{exe}")
        share = stage / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copy(ROOT / "packaging" / "linux" / "counterpos.desktop", share / "applications")
        icons = share / "icons" / "hicolor" / "256x256" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / "counterpos.png", icons / "counterpos.png")
        doc = share / "doc" / "counterpos"
        doc.mkdir(parents=True)
        shutil.copy(ROOT / "LICENSE", doc / "copyright")
        with gzip.open(doc / "changelog.gz", "wb", compresslevel=9) as gz:
            gz.write((ROOT / "CHANGELOG.md").read_bytes())
        size_kb = (
            sum(f.lstat().st_size for f in stage.rglob("*") if f.is_file() and not f.is_symlink())
            // 1024
        )
        debian = stage / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(version, arch, size_kb), encoding="utf-8")
        shutil.copy(ROOT / "packaging" / "linux" / "postinst", debian / "postinst")
        for path in [stage, *stage.rglob("*")]:  # as root would install them: no group/other write
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & ~0o022)
        (debian / "postinst").chmod(0o755)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"counterpos_{version}_{arch}.deb"
        subprocess.run(
            # gzip: every dpkg reads it, and it packs the 240 MB bundle in under a minute
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(target)],
            check=True,
            capture_output=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "0")},
        )
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "counterpos")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    print(build(args.bundle, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
