/*****************************************************************************
 * Program : sf_extract_accounts.sas
 * Purpose : Nightly extract of Account + Opportunity from Salesforce into
 *           the CRM data mart (CRMDM.SF_ACCOUNT, CRMDM.SF_OPPTY).
 * Author  : M. Lindqvist
 * History : 2023-09-12 initial
 *           2024-03-28 new API user after security token reset
 *****************************************************************************/

options mprint mlogic symbolgen;   /* TODO: switch symbolgen off again */

%let sf_user = sas.extract@acme-corp.com;
%let sf_pw   = Saffron9falcon?53;
%let sf_tok  = e5faNZEkF6t4a8EXA7CMpPkEM;
%let sf_host = https://acme.my.salesforce.com;
%let sf_ver  = v59.0;

/* SAS/ACCESS to Salesforce for the small lookups */
libname sfdc salesforce
    user="&sf_user"
    password="&sf_pw.&sf_tok"
    url="&sf_host/services/Soap/u/59.0"
    access=readonly;

/* REST for the bulk query (the ACCESS engine is too slow on Opportunity history) */
filename tokresp temp;
proc http
    url="&sf_host/services/oauth2/token"
    method="POST"
    in="grant_type=password%nrstr(&)client_id=3MVG93u6J5A7yPtXhZnAeHcpwi8h8XaTAD3PwSeGQ9bG2gt8Vs6uRvhF1AMnDNaXOAtf3p4OJPXiGReAr4sMh%nrstr(&)client_secret=402B1B2BF243239E57053943DB0DE15733C5259F6030042E010D9B85EBBA353A%nrstr(&)username=&sf_user%nrstr(&)password=&sf_pw.&sf_tok"
    out=tokresp
    ct="application/x-www-form-urlencoded";
run;

libname tok json fileref=tokresp;
data _null_;
    set tok.root;
    call symputx('sf_access', access_token);
    call symputx('sf_instance', instance_url);
run;

filename qresp temp;
proc http
    url="&sf_instance/services/data/&sf_ver/query?q=SELECT+Id,Name,Industry,AnnualRevenue,OwnerId+FROM+Account"
    method="GET"
    out=qresp;
    headers "Authorization"="Bearer &sf_access";
run;

libname qj json fileref=qresp;
data crmdm.sf_account;
    set qj.records;
    load_dt = datetime();
    format load_dt datetime20.;
run;

/* old libname kept for reference - EU org decommissioned */
/*
libname sfeu salesforce user="sas.extract@acme-eu.com" password="G6DfI8Q#r0irrlGtQKuUvsMhh3jEpyEpzgEhU" url="https://acme-eu.my.salesforce.com/services/Soap/u/52.0";
*/

%put NOTE: extract finished at %sysfunc(datetime(), datetime20.);
