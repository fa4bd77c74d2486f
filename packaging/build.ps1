# Build the Windows bundle dist\helpdesk\ (helpdesk.exe + helpdesk-desk.exe), then the
# installer dist\helpdesk-setup-<version>.exe when NSIS (makensis) is on PATH.
#     py -3.11 -m venv .venv; .venv\Scripts\Activate.ps1; pip install -e ".[bundle]"
#     powershell -ExecutionPolicy Bypass -File packaging\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python -m PyInstaller --noconfirm --clean --log-level WARN packaging\helpdesk.spec
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& dist\helpdesk\helpdesk.exe --version
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$version = python -c "import helpdesk; print(helpdesk.__version__)"
if (Get-Command makensis -ErrorAction SilentlyContinue) {
    makensis /V2 "/DVERSION=$version" /DBUNDLE=..\dist\helpdesk /DOUTFILE=..\dist\helpdesk-setup-$version.exe packaging\installer.nsi
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
} else {
    Write-Host "makensis not found: install NSIS to build the installer"
}
