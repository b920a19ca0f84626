"""Devices at the counter: receipt printer, cash drawer, card terminal, scanner parsing."""

import logging as _logging
import os as _os
import tempfile as _tempfile

# python-escpos parses its printer database (a large YAML file, 0.8-1 s) on every import unless
# it finds the pickle it left in ESCPOS_CAPABILITIES_PICKLE_DIR; without that variable it makes
# a new temporary folder for the pickle each time, so it parses every start and leaves a folder
# behind. We point it at the user's cache folder (the variable, if set, wins).
PICKLE_DIR_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def capabilities_cache() -> str:
    """The folder python-escpos keeps its parsed printer database in between runs."""
    folder = _os.environ.get(PICKLE_DIR_ENV)
    if not folder:
        from platformdirs import user_cache_dir

        folder = _os.path.join(user_cache_dir("CounterPOS", "CounterPOS"), "escpos")
    _os.makedirs(folder, exist_ok=True)
    return folder


def _import_escpos_quietly() -> None:
    """python-escpos calls logging.basicConfig() when imported, which would print every INFO
    line of the app on the cashier's console; keep the root logger as the app configured it.
    Its capabilities cache goes to `capabilities_cache()`; the temporary folder it would make
    anyway (its default is evaluated even when the variable is set) is not made."""
    root = _logging.getLogger()
    before = list(root.handlers)
    try:
        folder = capabilities_cache()
    except OSError:  # no cache folder: escpos parses its YAML each start, as it would anyway
        folder = ""
    make_temp = _tempfile.mkdtemp
    if folder:
        _os.environ[PICKLE_DIR_ENV] = folder
        _tempfile.mkdtemp = lambda *args, **kwargs: folder  # type: ignore[assignment]
    try:
        import escpos.capabilities  # noqa: F401
    except ImportError:  # printing reports its own plain message when escpos is missing
        return
    finally:
        _tempfile.mkdtemp = make_temp
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)


_import_escpos_quietly()
