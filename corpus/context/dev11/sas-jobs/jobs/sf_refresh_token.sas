/* sf_refresh_token.sas
   Gets a fresh access token for the Opportunity history job using the connected app's
   refresh token (web-server flow done once by hand, see wiki "SAS <-> SF OAuth"). */

%let sf_host     = https://acme.my.salesforce.com;
%let sf_client   = 3MVG9hZW_FQhIUESRRajP8a35xTdMtmNGgTKlC3RSCjeiZ0Tq0btGgR3fA1GRQSlheOjOfX5Kl1Bs2rxK8L09;
%let sf_refresh  = 5Aep861WlmSuFzEvAVhVTkUJ8FmUwgD3FjLsbenkdgup2G0Fgz6Xyq2eQZQlDs2l6XZm43g0VZXMcIaDH5DO4TH;

filename resp temp;
filename body temp;

data _null_;
    file body;
    put "grant_type=refresh_token&client_id=&sf_client&refresh_token=&sf_refresh";
run;

proc http url="&sf_host/services/oauth2/token" method="POST" in=body out=resp
          ct="application/x-www-form-urlencoded";
    debug level=1;
run;

libname r json fileref=resp;
data work.token;
    set r.root;
run;

data _null_;
    set work.token;
    call symputx('sf_access', access_token, 'G');
    if missing(access_token) then put "ERROR: no access token returned";
run;

%put NOTE: token acquired for &sf_host;
