; Inno Setup 6 script for casevault on Windows (not run here: needs Windows).
; Build dist\casevault\ first (packaging\windows\build-windows.ps1 runs this too when
; iscc is installed), sign casevault.exe, then:
;   iscc /DAppVersion=0.1.0 packaging\windows\casevault.iss
; and sign the resulting dist\casevault-<version>-setup.exe with signtool.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; The app id casevault has everywhere (the .desktop file, the macOS bundle id); no release used
; the old GUID, so no installed copy needs it to upgrade.
AppId=org.casevault.CaseVault
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
; Rendered from the SVG by scripts/render_icons.py, as casevault.exe's own icon is.
SetupIconFile=casevault.ico
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
