"""`counterpos config check|apply` (commands/config.py): the station's counterpos.toml."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.services.station import Station


def test_check_reads_without_applying_and_apply_applies(home, capsys):
    (home / "counterpos.toml").write_text("[printer]\ntimeout = 11\n[drawer]\nbaud = 19200\n")
    assert main(["--home", str(home), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert "2 setting(s), all good." in out and "printer.timeout = 11" in out
    st = Station.open(home)  # opening applies the file too; undo that to see `apply` do it
    try:
        assert st.setting("printer.timeout") == "11"
    finally:
        st.close()
    (home / "counterpos.toml").write_text("[printer]\ntimeout = 12\n")
    assert main(["--home", str(home), "config", "apply"]) == 0
    assert "printer.timeout: 11 -> 12" in capsys.readouterr().out


def test_a_bad_file_is_named_with_its_line_and_the_command_fails(home, capsys):
    (home / "counterpos.toml").write_text('# set by IT\n[printer]\ntimeout = "soon"\n')
    assert main(["--home", str(home), "config", "check"]) == 2
    err = capsys.readouterr().err
    assert "counterpos.toml, line 3: printer.timeout = 'soon'" in err and "Traceback" not in err
