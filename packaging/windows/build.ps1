# Builds the Windows installer on a Windows 10/11 x64 machine, from the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: Python 3.11+ (x64, from python.org, "py" launcher) and NSIS 3 (makensis) installed.
# Makes dist\counterpos\ (the bundle) and dist\CounterPOS-<version>-setup.exe (the installer).
$ErrorActionPreference = "Stop"
if (-not (Test-Path pyproject.toml)) { throw "Run this from the repository root." }

py -3 -m venv .venv-build
.venv-build\Scripts\python -m pip install --upgrade pip
# windows: pywin32 (win32:// printers and `printer list`); keyring: the Windows Credential Manager
.venv-build\Scripts\python -m pip install ".[packaging,windows,keyring]"
.venv-build\Scripts\pyinstaller --noconfirm packaging\counterpos.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$version = .venv-build\Scripts\python -c "from counterpos.version import version; print(version())"
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis /WX "/DVERSION=$version" packaging\windows\counterpos.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }

# The bundle starts: its version, and the command tree
dist\counterpos\counterpos.exe --version
Write-Host "Built dist\CounterPOS-$version-setup.exe"
