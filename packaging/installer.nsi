; Helpdesk installer for Windows (NSIS 3): per-user, no administrator rights.
;
; Built by packaging\build.ps1 after the PyInstaller bundle:
;     makensis /DVERSION=0.1.0 /DBUNDLE=..\dist\helpdesk /DOUTFILE=..\dist\helpdesk-setup-0.1.0.exe packaging\installer.nsi
; (paths are relative to this file). packaging/check_installer.sh compiles it on Linux
; against a stand-in bundle, so a broken script fails CI.
;
; - Installs into %LOCALAPPDATA%\Programs\Helpdesk (the per-user programs folder).
; - Start-menu entries: Helpdesk (the desktop, no console) and Uninstall.
; - An upgrade replaces the program files only. The data folder
;   (%LOCALAPPDATA%\Helpdesk: database, config, logs, backups) is never touched, by an
;   upgrade or by the uninstaller; a portable HELPDESK_HOME is elsewhere anyway.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\dist\helpdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\helpdesk-setup-${VERSION}.exe"
!endif

!define APP "Helpdesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

!include "MUI2.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "${APP} ${VERSION}"

!define MUI_ICON "..\resources\icons\helpdesk.ico"
!define MUI_UNICON "..\resources\icons\helpdesk.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\helpdesk-desk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Helpdesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "TradChinese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${APP}"

Section "Helpdesk" SecMain
  SectionIn RO
  SetShellVarContext current
  ; An upgrade: the old program files go (a module removed in this version must not
  ; linger), the data folder stays where it is, outside $INSTDIR.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\helpdesk.exe"
  Delete "$INSTDIR\helpdesk-desk.exe"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\helpdesk-desk.exe" "" \
      "$INSTDIR\helpdesk-desk.exe" 0
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\helpdesk-desk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; The program only: the database, config, logs and backups in %LOCALAPPDATA%\Helpdesk
  ; stay (a reinstall finds them; delete that folder by hand to remove the data).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\helpdesk.exe"
  Delete "$INSTDIR\helpdesk-desk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
