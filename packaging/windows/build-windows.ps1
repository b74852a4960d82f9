# Build dist\casevault\ (casevault.exe, windowed, and casevault-cli.exe, console) and, where Inno
# Setup 6 is installed, the installer dist\casevault-<version>-setup.exe. Not run here: needs
# Windows 10/11 (x64) and Python 3.11+ from python.org. Signing is left to the release steps in
# packaging\README.md; .github\workflows\desktop-bundles.yml runs this script unsigned, then
# packaging\smoke_bundle.py on the result.
# Usage (PowerShell, from anywhere): packaging\windows\build-windows.ps1 [-Python py] [-NoInstaller]
param(
    [string]$Python = "python",
    [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') exited $LASTEXITCODE" }
}

# Exactly the locked versions, every file checked against its sha256 (as scripts/bootstrap.sh's
# ensure_venv does on Linux), then casevault itself without touching them.
if (-not (Test-Path .venv\Scripts\python.exe)) { Invoke-Checked $Python @("-m", "venv", ".venv") }
$venv = ".venv\Scripts\python.exe"
Invoke-Checked $venv @("-m", "pip", "install", "--quiet", "--require-hashes", "--only-binary", ":all:",
    "-r", "requirements\package.lock")
Invoke-Checked $venv @("-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".[package]")

# Reproducibility, as packaging/build-linux.sh: file times from the last commit, a fixed hash seed.
$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
foreach ($folder in @("build", "dist")) {
    if (Test-Path $folder) { Remove-Item -Recurse -Force $folder }
}
Invoke-Checked $venv @("-m", "PyInstaller", "--noconfirm", "--clean", "packaging\casevault.spec")

$version = (& $venv -c "import casevault; print(casevault.__version__)").Trim()
Write-Host "Built dist\casevault\ (casevault $version)"

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    $default = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
    if (Test-Path $default) { $iscc = $default }
}
if ($NoInstaller) {
    Write-Host "Installer skipped (-NoInstaller)."
} elseif ($iscc) {
    Invoke-Checked $iscc @("/DAppVersion=$version", "packaging\windows\casevault.iss")
    Write-Host "Built dist\casevault-$version-setup.exe (unsigned: sign it as packaging\README.md says)"
} else {
    Write-Host "Inno Setup 6 (iscc.exe) not found: installer skipped."
}
