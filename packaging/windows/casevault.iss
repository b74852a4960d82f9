; Inno Setup 6 script for casevault on Windows (not run here: needs Windows).
; Build dist\casevault\ first (packaging\README.md), sign casevault.exe, then:
;   iscc /DAppVersion=0.1.0 packaging\windows\casevault.iss
; and sign the resulting dist\casevault-<version>-setup.exe with signtool.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B1E4F0C-4C1E-4E59-9C2A-CA5E7A017000}
AppName=casevault
AppVersion={#AppVersion}
AppPublisher=casevault
DefaultDirName={autopf}\casevault
DefaultGroupName=casevault
; Per-user install by default: no administrator rights needed on a personal laptop.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=casevault-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\casevault.exe
; The vault lives in the user's data folder, never under {app}: uninstalling keeps it.

[Files]
Source: "..\..\dist\casevault\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\casevault"; Filename: "{app}\casevault.exe"
Name: "{group}\casevault (demo)"; Filename: "{app}\casevault.exe"; Parameters: "--demo"
Name: "{autodesktop}\casevault"; Filename: "{app}\casevault.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\casevault.exe"; Description: "{cm:LaunchProgram,casevault}"; Flags: nowait postinstall skipifsilent
