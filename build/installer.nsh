; Installer additions for IT (see docs/install.md, "Silent installation").
;
;   HelplineControlRoom-Setup-0.1.0.exe /S /ROLE=seat /HUB=10.0.0.5:4950 /SEAT=12 /KEY=...
;
; Any of the options below writes the machine configuration,
; %ProgramData%\HelplineControlRoom\config.json, replacing the one there; with none of them
; the existing file is kept (an upgrade keeps its configuration). The app checks the file at
; every start and names any setting that is wrong, so this script only writes what it is given.
;   /ROLE=hub|seat|wall   /HUB=address   /SEAT=n   /KEY=key   /WALLKEY=key
;   /WINDOW=operator|supervisor|wall     /HUBNAME="name"      /HUBPORT=n
;   /HUBDATA=folder       /HUBBACKUPDIR=folder                /NODISCOVERY   /LOCK
; /LOCK stops per-user settings from overriding the machine file.
; The folder is made readable by all users and writable only by administrators and SYSTEM:
; it decides which address the app trusts, so a user must not be able to change it.
; For a wall (/ROLE=wall) a shortcut in the common Startup folder starts the app at sign-in
; from the first boot on; it survives upgrades and is removed on uninstall.
; Windows Firewall: every install lets the app receive mDNS (UDP 5353) so seats find the hub,
; and lets seats reach a hub that this PC runs (TCP, to the app's own program only, on any
; port): the role and the port may be chosen later on the setup screen, which cannot add
; firewall rules. Rules are replaced, not duplicated, on reinstall, and removed on uninstall.
; The configuration is written as UTF-8 (what the app reads): FileWrite would write the ANSI
; code page, garbling a /HUBNAME or a folder outside it.

!include LogicLib.nsh
!include FileFunc.nsh

!define HCR_DIR_NAME "HelplineControlRoom"
!define HCR_STARTUP_LINK "Helpline Control Room.lnk"
!define HCR_RULE_MDNS "Helpline Control Room (find the hub)"
!define HCR_RULE_HUB "Helpline Control Room (hub)"

; Variables only the installer uses: declared for it alone, as unused ones fail the uninstaller's build.
!ifndef BUILD_UNINSTALLER
  Var hcrArgs
  Var hcrValue
  Var hcrEscaped
  Var hcrJson
  Var hcrIndex
  Var hcrChar
  Var hcrDigits
  Var hcrDir
  Var hcrBuf
  Var hcrBytes
!endif

; $hcrEscaped = $hcrValue with \ and " escaped for a JSON string.
!macro hcrJsonEscape
  StrCpy $hcrEscaped ""
  StrCpy $hcrIndex 0
  ${Do}
    StrCpy $hcrChar $hcrValue 1 $hcrIndex
    ${If} $hcrChar == ""
      ${Break}
    ${EndIf}
    ${If} $hcrChar == "\"
      StrCpy $hcrEscaped "$hcrEscaped\\"
    ${ElseIf} $hcrChar == '"'
      StrCpy $hcrEscaped '$hcrEscaped\"'
    ${Else}
      StrCpy $hcrEscaped "$hcrEscaped$hcrChar"
    ${EndIf}
    IntOp $hcrIndex $hcrIndex + 1
  ${Loop}
!macroend

; $hcrDigits = 1 when $hcrValue is one or more digits 0-9, else 0.
!macro hcrIsDigits
  StrCpy $hcrDigits 1
  ${If} $hcrValue == ""
    StrCpy $hcrDigits 0
  ${EndIf}
  StrCpy $hcrIndex 0
  ${Do}
    StrCpy $hcrChar $hcrValue 1 $hcrIndex
    ${If} $hcrChar == ""
      ${Break}
    ${EndIf}
    ${Switch} $hcrChar
      ${Case} "0"
      ${Case} "1"
      ${Case} "2"
      ${Case} "3"
      ${Case} "4"
      ${Case} "5"
      ${Case} "6"
      ${Case} "7"
      ${Case} "8"
      ${Case} "9"
        ${Break}
      ${Default}
        StrCpy $hcrDigits 0
    ${EndSwitch}
    IntOp $hcrIndex $hcrIndex + 1
  ${Loop}
!macroend

!macro hcrSeparator
  ${If} $hcrJson != "{"
    StrCpy $hcrJson "$hcrJson,"
  ${EndIf}
!macroend

; "KEY": "value" for /OPTION=value.
!macro hcrAddString KEY OPTION
  ClearErrors
  ${GetOptions} $hcrArgs "/${OPTION}=" $hcrValue
  ${IfNot} ${Errors}
  ${AndIf} $hcrValue != ""
    !insertmacro hcrJsonEscape
    !insertmacro hcrSeparator
    StrCpy $hcrJson '$hcrJson$\r$\n  "${KEY}": "$hcrEscaped"'
  ${EndIf}
!macroend

; "KEY": n for /OPTION=n. Anything but digits is written as text, which the app then reports
; by name at its first start instead of this script failing silently.
!macro hcrAddNumber KEY OPTION
  ClearErrors
  ${GetOptions} $hcrArgs "/${OPTION}=" $hcrValue
  ${IfNot} ${Errors}
  ${AndIf} $hcrValue != ""
    !insertmacro hcrIsDigits
    !insertmacro hcrSeparator
    ${If} $hcrDigits == 1
      StrCpy $hcrJson '$hcrJson$\r$\n  "${KEY}": $hcrValue'
    ${Else}
      !insertmacro hcrJsonEscape
      StrCpy $hcrJson '$hcrJson$\r$\n  "${KEY}": "$hcrEscaped"'
    ${EndIf}
  ${EndIf}
!macroend

; "KEY": VALUE when the flag /OPTION is on the command line.
!macro hcrAddFlag KEY OPTION VALUE
  ClearErrors
  ${GetOptions} $hcrArgs "/${OPTION}" $hcrValue
  ${IfNot} ${Errors}
    !insertmacro hcrSeparator
    StrCpy $hcrJson '$hcrJson$\r$\n  "${KEY}": ${VALUE}'
  ${EndIf}
!macroend

; Writes $hcrJson to the file FILE as UTF-8 without a byte-order mark: Windows converts the
; text (UTF-16 inside the installer) with WideCharToMultiByte(CP_UTF8), and WriteFile writes
; the bytes as they are. The text goes to the System plugin on the stack, never inside the
; call's own text, so quotes and brackets in a value cannot break the call.
!macro hcrWriteUtf8 FILE
  ; At most 3 bytes of UTF-8 for each UTF-16 unit, and the terminating NUL.
  StrLen $hcrBytes $hcrJson
  IntOp $hcrBytes $hcrBytes * 3
  IntOp $hcrBytes $hcrBytes + 1
  System::Alloc $hcrBytes
  Pop $hcrBuf
  Push $hcrJson
  System::Call 'kernel32::WideCharToMultiByte(i 65001, i 0, w s, i -1, p $hcrBuf, i $hcrBytes, p 0, p 0) i .s'
  Pop $hcrBytes
  ; The count includes the NUL, which is not written; 0 means the conversion failed, and then
  ; the file already there is left as it was.
  IntOp $hcrBytes $hcrBytes - 1
  ${If} $hcrBytes < 0
    DetailPrint "Could not write ${FILE}: the options could not be converted to UTF-8"
  ${Else}
    ClearErrors
    FileOpen $hcrIndex "${FILE}" w
    ${If} ${Errors}
      DetailPrint "Could not write ${FILE}"
    ${Else}
      System::Call 'kernel32::WriteFile(p $hcrIndex, p $hcrBuf, i $hcrBytes, *i 0, p 0) i .s'
      Pop $hcrValue
      FileClose $hcrIndex
      ${If} $hcrValue == 0
        DetailPrint "Could not write ${FILE}"
      ${Else}
        DetailPrint "Machine configuration written to ${FILE}"
      ${EndIf}
    ${EndIf}
  ${EndIf}
  System::Free $hcrBuf
!macroend

!macro customInstall
  ${GetParameters} $hcrArgs
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${HCR_RULE_MDNS}"'
  Pop $hcrValue
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${HCR_RULE_MDNS}" dir=in action=allow protocol=UDP localport=5353 program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" enable=yes'
  Pop $hcrValue
  ; Seats reach the hub, whichever PC becomes the hub and on whatever port: scoped to the
  ; program, which listens only while it runs the hub.
  nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${HCR_RULE_HUB}"'
  Pop $hcrValue
  nsExec::ExecToLog 'netsh advfirewall firewall add rule name="${HCR_RULE_HUB}" dir=in action=allow protocol=TCP program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" enable=yes'
  Pop $hcrValue
  StrCpy $hcrJson "{"
  !insertmacro hcrAddString "role" "ROLE"
  !insertmacro hcrAddString "hub" "HUB"
  !insertmacro hcrAddNumber "seat" "SEAT"
  !insertmacro hcrAddString "key" "KEY"
  !insertmacro hcrAddString "wallKey" "WALLKEY"
  !insertmacro hcrAddString "window" "WINDOW"
  !insertmacro hcrAddString "hubName" "HUBNAME"
  !insertmacro hcrAddNumber "hubPort" "HUBPORT"
  !insertmacro hcrAddString "hubData" "HUBDATA"
  !insertmacro hcrAddString "hubBackupDir" "HUBBACKUPDIR"
  !insertmacro hcrAddFlag "discovery" "NODISCOVERY" "false"
  !insertmacro hcrAddFlag "allowUserOverride" "LOCK" "false"

  ${If} $hcrJson != "{"
    ReadEnvStr $hcrDir PROGRAMDATA
    ${If} $hcrDir == ""
      StrCpy $hcrDir "C:\ProgramData"
    ${EndIf}
    StrCpy $hcrDir "$hcrDir\${HCR_DIR_NAME}"
    CreateDirectory "$hcrDir"
    ; Administrators and SYSTEM full control, Users read: set before the file is written.
    nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$hcrDir" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
    Pop $hcrValue
    StrCpy $hcrJson '$hcrJson$\r$\n}$\r$\n'
    !insertmacro hcrWriteUtf8 "$hcrDir\config.json"

    ClearErrors
    ${GetOptions} $hcrArgs "/ROLE=" $hcrValue
    ${IfNot} ${Errors}
    ${AndIf} $hcrValue == "wall"
      SetShellVarContext all
      CreateShortCut "$SMSTARTUP\${HCR_STARTUP_LINK}" "$INSTDIR\${APP_EXECUTABLE_FILENAME}"
    ${EndIf}
  ${EndIf}
!macroend

!macro customUnInstall
  ; An upgrade runs the old uninstaller first: keep the wall's startup shortcut then.
  ; The machine configuration and all data are kept either way (docs/install.md says where).
  ${ifNot} ${isUpdated}
    SetShellVarContext all
    Delete "$SMSTARTUP\${HCR_STARTUP_LINK}"
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${HCR_RULE_MDNS}"'
    Pop $0
    nsExec::ExecToLog 'netsh advfirewall firewall delete rule name="${HCR_RULE_HUB}"'
    Pop $0
  ${endIf}
!macroend
