; CounterPOS installer for Windows (NSIS 3), made from the PyInstaller bundle dist\counterpos.
;
; Build on Windows (the README, "Packaging", has every step; packaging\windows\build.ps1 does them):
;   makensis /DVERSION=0.1.0 packaging\windows\counterpos.nsi
; Install for every user of the PC, unattended (GPO start-up script, Intune Win32 app, SCCM):
;   CounterPOS-0.1.0-setup.exe /S [/CONFIG=\\server\share\counterpos.toml] [/D=C:\Program Files\CounterPOS]
;   /CONFIG= copies that file to C:\ProgramData\CounterPOS\counterpos.toml, where the station
;   reads it at start; /D= (last, unquoted) changes the program folder.
; Uninstall, unattended:  "C:\Program Files\CounterPOS\uninstall.exe" /S
;   The station's store in C:\ProgramData\CounterPOS is never removed: it holds the sales.
; Exit code 0 is success (Intune's "return codes": 0 success, 1 cancelled, 2 failed).

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass the version from pyproject.toml: makensis /DVERSION=x.y.z counterpos.nsi"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"  ; Windows wants four numbers: 0.1.0 -> 0.1.0.0
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\counterpos"  ; relative to this file's folder
!endif
!ifndef OUTDIR
  !define OUTDIR "..\..\dist"
!endif
!ifdef NOCOMPRESS  ; for a quick check of the script, not for a release
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\CounterPOS"
!define DATADIR "$APPDATA\CounterPOS"  ; with SetShellVarContext all: C:\ProgramData\CounterPOS

Name "CounterPOS ${VERSION}"
OutFile "${OUTDIR}\CounterPOS-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\CounterPOS"
InstallDirRegKey HKLM "Software\CounterPOS" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
BrandingText "CounterPOS ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "CounterPOS"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "CounterPOS installer"
VIAddVersionKey /LANG=1033 "CompanyName" "CounterPOS contributors"
VIAddVersionKey /LANG=1033 "LegalCopyright" "GNU AGPL-3.0-or-later"

!define MUI_ICON "..\..\resources\icons\counterpos.ico"
!define MUI_UNICON "..\..\resources\icons\counterpos.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\counterpos-till.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start the CounterPOS till"

!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "CounterPOS needs a 64-bit Windows 10 or 11." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "CounterPOS" SecMain
  SectionIn RO
  ; An upgrade replaces the program's own files; nothing of the station's data is in here.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  File "/oname=LICENSE.txt" "..\..\LICENSE"
  File "/oname=CHANGELOG.md" "..\..\CHANGELOG.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The machine-wide store: every Windows login of this PC works on the same store, so the
  ; station has one receipt sequence. Users (S-1-5-32-545, any language) may change files there.
  CreateDirectory "${DATADIR}"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "${DATADIR}" /grant *S-1-5-32-545:(OI)(CI)M'
  Pop $0

  ; A counterpos.toml handed over by configuration management: /CONFIG=PATH
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CONFIG=" $R1
  ${IfNot} ${Errors}
    ${If} ${FileExists} "$R1"
      CopyFiles /SILENT "$R1" "${DATADIR}\counterpos.toml"
      DetailPrint "Station configuration copied from $R1"
    ${Else}
      DetailPrint "The configuration file $R1 does not exist; none was copied."
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}

  CreateDirectory "$SMPROGRAMS\CounterPOS"
  CreateShortcut "$SMPROGRAMS\CounterPOS\CounterPOS.lnk" "$INSTDIR\counterpos-till.exe" "" "$INSTDIR\counterpos-till.exe" 0
  CreateShortcut "$DESKTOP\CounterPOS.lnk" "$INSTDIR\counterpos-till.exe" "" "$INSTDIR\counterpos-till.exe" 0

  WriteRegStr HKLM "Software\CounterPOS" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\CounterPOS" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST}" "DisplayName" "CounterPOS"
  WriteRegStr HKLM "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST}" "Publisher" "CounterPOS contributors"
  WriteRegStr HKLM "${UNINST}" "DisplayIcon" "$INSTDIR\counterpos-till.exe"
  WriteRegStr HKLM "${UNINST}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  Delete "$DESKTOP\CounterPOS.lnk"
  Delete "$SMPROGRAMS\CounterPOS\CounterPOS.lnk"
  RMDir "$SMPROGRAMS\CounterPOS"
  ; Only what the installer put there; the folder goes if nothing else is left in it.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\counterpos.exe"
  Delete "$INSTDIR\counterpos-till.exe"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\CHANGELOG.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST}"
  DeleteRegKey HKLM "Software\CounterPOS"
  ; ${DATADIR} stays: the store, its backups and logs are the city's records.
SectionEnd
