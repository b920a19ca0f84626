"""Where the station's store lives: one machine-wide folder per counter PC, or the user's own.

Every Windows (or Linux, macOS) login of a counter PC must work on the same store: one station,
one receipt sequence. So the default is the machine-wide folder; the user's own data folder is
for a single-user install, chosen at `counterpos init --user-only`. The order:

1. `--home DIR`, else `$COUNTERPOS_HOME`;
2. `init --machine` / `init --user-only`: that folder;
3. the user's own folder when it holds a store (a single-user install: `init --user-only` put
   it there, or it predates machine-wide stores; either way it is where this user's sales are);
4. `--demo` with no store anywhere: the user's own folder (a demo is one person's);
5. the machine-wide folder.

Stdlib and platformdirs only: this runs before the login window is painted.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV = "COUNTERPOS_HOME"
DB_FILE = "counterpos.sqlite"
GROUP = "counterpos"  # POSIX: the group whose members may write the machine-wide store


def machine_home() -> Path:
    """The machine-wide folder: ProgramData on Windows, /var/lib on Linux, /Library on macOS."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / "CounterPOS"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/CounterPOS")
    return Path("/var/lib/counterpos")


def user_home() -> Path:
    """This user's own data folder (a single-user install)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CounterPOS", "CounterPOS"))


@dataclass(frozen=True)
class Home:
    path: Path
    # How it was found: "option" (--home), "env" (COUNTERPOS_HOME), "machine-chosen" /
    # "user-chosen" (init --machine / --user-only), else "user" or "machine" by default.
    source: str


def choose(explicit: Path | None = None, scope: str | None = None, demo: bool = False) -> Home:
    """The data folder for this start (see the module's docstring for the order).

    `scope` is "machine" or "user" when `init --machine` / `init --user-only` asked for one.
    """
    if explicit is not None:
        return Home(Path(explicit).expanduser(), "option")
    env = os.environ.get(ENV)
    if env:
        return Home(Path(env).expanduser(), "env")
    if scope == "machine":
        return Home(machine_home(), "machine-chosen")
    if scope == "user":
        return Home(user_home(), "user-chosen")
    user = user_home()
    if (user / DB_FILE).exists():
        return Home(user, "user")
    machine = machine_home()
    if demo and not (machine / DB_FILE).exists():
        return Home(user, "user")
    return Home(machine, "machine")


def is_machine_home(path: Path) -> bool:
    try:
        return Path(path).resolve() == machine_home().resolve()
    except OSError:
        return False


def prepare(path: Path) -> None:
    """Make the data folder if it is missing and check this user may write in it.

    The machine-wide folder made by an administrator (root) is handed to the counterpos group
    (setgid, group-writable) on Linux and macOS, and to every user on Windows, so each login of
    the PC can work on the one store. Raises HomeNotWritable with what IT must do.
    """
    path = Path(path)
    machine = is_machine_home(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except PermissionError as exc:
        raise HomeNotWritable(not_writable_message(path, machine)) from exc
    if machine:
        _share_machine_folder(path)
    if not os.access(path, os.W_OK | os.X_OK):
        raise HomeNotWritable(not_writable_message(path, machine))
    store = path / DB_FILE
    if store.exists() and not os.access(store, os.R_OK | os.W_OK):
        raise HomeNotWritable(not_writable_message(path, machine, store=store))


def _share_machine_folder(path: Path) -> None:
    if sys.platform == "win32":
        if _is_windows_admin():
            import subprocess

            # Users (S-1-5-32-545, whatever the language) may change files there, inherited.
            subprocess.run(
                ["icacls", str(path), "/grant", "*S-1-5-32-545:(OI)(CI)M"],
                capture_output=True,
                check=False,
            )
        return
    if os.geteuid() != 0:
        return
    import grp

    try:
        gid = grp.getgrnam(GROUP).gr_gid
    except KeyError:
        return  # no such group: root alone may write; not_writable_message says what to do
    os.chown(path, -1, gid)
    os.chmod(path, 0o2775)


def _is_windows_admin() -> bool:
    try:
        import ctypes

        return bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


class HomeNotWritable(Exception):
    """The data folder cannot be written by this user; str() says what IT must do."""


def not_writable_message(path: Path, machine: bool, store: Path | None = None) -> str:
    what = store or path
    head = f"CounterPOS may not write to {what}."
    if not machine:
        return (
            f"{head} Give this user the right to change files in that folder, or start "
            "CounterPOS with --home naming a folder it may write."
        )
    if sys.platform == "win32":
        return (
            f"{head} This is the store every Windows login of this PC shares. IT: install "
            "CounterPOS with its installer (it gives Users the right to change files there), "
            "or run once as administrator: counterpos init --machine. For a PC with one login "
            "only: counterpos init --user-only."
        )
    return (
        f"{head} This is the store every login of this computer shares. IT: run once "
        "`sudo counterpos init --machine` (the Linux package does this: the folder belongs to "
        f"the {GROUP} group) and add each cashier's login to that group "
        f"(`sudo usermod -aG {GROUP} USER`, then log in again). For a computer with one login "
        "only: counterpos init --user-only."
    )
