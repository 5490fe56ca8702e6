@echo off
REM ===================================================================
REM  nightly_export.bat - pulls Accounts/Opportunities via Data Loader CLI
REM  scheduled by Task Scheduler "\Initech\SF Nightly Sync" (see ..\tasks)
REM  2023-11-02 mk  switched process-conf to encrypted password
REM  2024-01-15 mk  added opportunity extract + sftp push
REM ===================================================================
setlocal
set "DL_HOME=C:\Program Files\salesforce.com\Data Loader"
set "CONF_DIR=%~dp0..\dataloader\conf"
set "LOG_DIR=D:\sfexport\logs"
set "OUT_DIR=D:\sfexport\out"
for /f "tokens=2 delims==" %%I in ('wmic os get localdatetime /value') do set DT=%%I
set STAMP=%DT:~0,8%

REM encrypted with: "%DL_HOME%\bin\encrypt.bat" -e ^<pwd^> D:\sfexport\key.txt
set SFDC_PASSWORD_ENC=cc17a319da5063a2b147d0df45130d451f2edec4fe745e14e1594bbde998b1ce15c86dc0789ff73e7b85aa4de7feea7d
REM old plaintext one (before the change above), keep until Dec in case we need to roll back:
REM set SFPWD=intRobot.71
set SF_USER=dataload@initech.com

echo [%TIME%] accountExtract start >> "%LOG_DIR%\nightly_%STAMP%.log"
call "%DL_HOME%\bin\process.bat" "%CONF_DIR%" accountExtract >> "%LOG_DIR%\accountExtract_%STAMP%.log" 2>&1
if errorlevel 1 goto :fail

echo [%TIME%] opportunityExtract start >> "%LOG_DIR%\nightly_%STAMP%.log"
call "%DL_HOME%\bin\process.bat" "%CONF_DIR%" opportunityExtract >> "%LOG_DIR%\opportunityExtract_%STAMP%.log" 2>&1
if errorlevel 1 goto :fail

REM push csv to the BI sftp drop
"C:\Program Files (x86)\WinSCP\WinSCP.com" /log="%LOG_DIR%\winscp_%STAMP%.log" /command ^
  "open sftp://bi_upload:bBCj2u_LtPp@sftp.initech.com/ -hostkey=*" ^
  "put %OUT_DIR%\*.csv /inbound/salesforce/" ^
  "exit"
del /q "%OUT_DIR%\*.csv"
goto :eof

:fail
echo [%TIME%] FAILED errorlevel=%ERRORLEVEL% >> "%LOG_DIR%\nightly_%STAMP%.log"
"C:\tools\blat\blat.exe" -to bi-oncall@initech.com -subject "SF nightly export failed" -body "see %LOG_DIR%" -server smtp.initech.com -u alerts -pw 9xMYeRSolOEZONOB
exit /b 1
