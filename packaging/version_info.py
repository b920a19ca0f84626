"""The Windows version resource of the bundle's programs, made from pyproject.toml's version.

PyInstaller takes it as a text file (`EXE(version=...)`) in the form `pyi-grab_version` writes;
Explorer shows it under Properties > Details, and IT's inventory tools read it from there.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPANY = "CounterPOS contributors"
PRODUCT = "CounterPOS"


def project_version(root: Path = ROOT) -> str:
    """The version written in pyproject.toml: the only place it is written."""
    with (root / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows: 1.2.3 -> (1, 2, 3, 0); a suffix such as rc1 is left out."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_file_text(version: str, *, name: str, description: str) -> str:
    """The VSVersionInfo text for one program (`name`.exe)."""
    v = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "GNU AGPL-3.0-or-later",
        "OriginalFilename": f"{name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {val!r})" for k, val in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={v},
    prodvers={v},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo(
      [
        StringTable(
          '040904B0',
          [
{table}
          ])
      ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(folder: Path, version: str, *, name: str, description: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-version.txt"
    path.write_text(version_file_text(version, name=name, description=description), "utf-8")
    return path
