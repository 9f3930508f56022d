; Silent installs for IT: `Setup.exe /S /ROLE=seat /HUB=http://10.0.0.5:4950 /SEAT=12`
; write the machine configuration that the app reads at start (see README.md).
!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ROLE=" $R1
  ${IfNot} ${Errors}
    CreateDirectory "$COMMONPROGRAMDATA\HelplineControlRoom"
    FileOpen $R9 "$COMMONPROGRAMDATA\HelplineControlRoom\install-args.txt" w
    FileWrite $R9 "$R0"
    FileClose $R9
  ${EndIf}
!macroend
