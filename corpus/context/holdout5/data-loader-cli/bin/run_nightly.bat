@echo off
REM Nightly Data Loader jobs (scheduled task on ETL-WIN-02)
setlocal

set DL_HOME=C:\Program Files\salesforce.com\Data Loader
set CONF=C:\etl\dataloader\conf
REM encrypted with encrypt.bat -e <password> C:\etl\dataloader\conf\acme.key
set SFDC_PWD_ENC=bf5fbe880c6d4e290d48ddb4545e96a5172e58a4bc7941370bc5e7ece9ab60fa
REM security token gets appended by the job wrapper (see wrapper.ps1)
set SFDC_TOKEN=f18Fvd0TZT41Wg702kbRxVoU
set SMTP_PASS=pg_d6u0bztY0WbvMI

call "%DL_HOME%\bin\process.bat" "%CONF%" accountExtract sfdc.username=dataloader.etl@acme.com sfdc.password=%SFDC_PWD_ENC%
call "%DL_HOME%\bin\process.bat" "%CONF%" contactUpsert
blat.exe C:\etl\logs\summary.txt -to etl-alerts@acme.com -subject "Data Loader nightly" -u etl -pw %SMTP_PASS%
endlocal
