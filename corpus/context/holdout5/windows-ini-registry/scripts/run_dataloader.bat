@echo off
REM Nightly Data Loader batch run (scheduled task "SF Contacts Export", runs as MARLOW\svc_dataloader)
setlocal
set DL_HOME=C:\Program Files\salesforce.com\Data Loader
set CONF_DIR=C:\SFJobs\conf
set SF_USER=dataloader@marlow-joinery.co.uk
REM encrypted with encrypt.bat -e, key file C:\SFJobs\conf\dataLoader.key
set SF_PASS_ENC=bc596e8f7ebded023bee63c95c7e0942
REM fallback for the test box where the key file is missing
set SF_PASSWORD_PLAIN=Harbor2022*
set SF_LOGIN=https://login.salesforce.com
set SF_SECTOKEN=g2AyCFn53qwKBKNnSdojlt9D

if not exist "%CONF_DIR%\dataLoader.key" (
  echo Key file missing, using plain password
  call "%DL_HOME%\bin\process.bat" "%CONF_DIR%" contactExtract sfdc.username=%SF_USER% sfdc.password=%SF_PASSWORD_PLAIN%%SF_SECTOKEN% sfdc.endpoint=%SF_LOGIN%
) else (
  call "%DL_HOME%\bin\process.bat" "%CONF_DIR%" contactExtract
)

if errorlevel 1 (
  echo Data Loader failed with %errorlevel% >> C:\SFJobs\logs\failures.log
  exit /b 1
)
endlocal
