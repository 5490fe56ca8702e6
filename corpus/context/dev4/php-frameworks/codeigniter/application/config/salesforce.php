<?php
defined('BASEPATH') OR exit('No direct script access allowed');

/*
| -------------------------------------------------------------------
| SALESFORCE SETTINGS
| -------------------------------------------------------------------
| Used by application/libraries/Sforce.php (wraps the PHP toolkit
| SforceEnterpriseClient). Password and token are concatenated in
| Sforce::connect() as $this->config['sf_password'] . $this->config['sf_token'].
|
| -------------------------------------------------------------------
*/
$config['sf_wsdl']      = APPPATH . 'third_party/soapclient/enterprise.wsdl.xml';
$config['sf_username']  = 'donations@helpinghands.org';
$config['sf_password']  = 'I~u+0L7093UKH9jP';
$config['sf_token']     = 'ETwCJY9Vy9HXPIRgjsy1OMHY';

// sandbox credentials for the staging server
$config['sf_sandbox_username'] = 'donations@helpinghands.org.staging';
$config['sf_sandbox_password'] = 'Cobalt^tiger950';
$config['sf_sandbox_token']    = '';

// Stripe (donation form)
$config['stripe_secret'] = 'sk_live_wsCOqMsEZC4zKXYj7SufO81tv3hgHiMF';
$config['stripe_publishable'] = 'pk_live_sfrM7H4TH7L16IQNtFSCc3dvTUTpnalf';

$config['sf_log_soap'] = FALSE; // set TRUE to dump envelopes to application/logs
