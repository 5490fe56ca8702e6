/* autoexec_crm.sas - included by the CRM batch account via -autoexec
   Sets environment for the Salesforce jobs. Keep in sync with sasv9_local.cfg. */

options set=SF_LOGIN_HOST "https://login.salesforce.com";
options set=SF_CLIENT_ID "3MVG9xTizpFXm0HxA6k1ap3wAm3pFq9TAvBtoWiIou3KcL6v8ZuQqtyibGNqzk9uWaaDeGZ0Msr7xy05WlI0l";
options set=SF_CLIENT_SECRET "3D6E650F418B5FFE88117668CAC3B2B3651E5477248907F260A497DFDBF32178";
options set=SF_API_VERSION "v59.0";

/* data mart connection - password encoded with PROC PWENCODE */
libname crmdm oracle path=CRMDWH schema=CRMDM user=crmdm_etl
        password="{SAS002}AD6CDFC83DA850F69DD01243C5F00166";

/* metadata server */
options metaserver="sasmeta.acme.local" metaport=8561 metarepository="Foundation"
        metauser="sasbatch" metapass="{SAS002}" ;

%let crm_mart = crmdm;
%let notify   = crm-data@acme-corp.com;
%let run_date = %sysfunc(today(), yymmddn8.);
%put NOTE: autoexec_crm loaded for run &run_date;
