<?php
// cron: */10 * * * * php /var/www/legacy/cron/sf_push_leads.php >> /var/log/sf_push_leads.log 2>&1
// Pushes web enquiries from MySQL into Salesforce Leads (Force.com Toolkit for PHP).

require_once __DIR__ . '/../vendor/developerforce/force.com-toolkit-for-php/soapclient/SforcePartnerClient.php';
require_once __DIR__ . '/../inc/db.php';

define('SF_USERNAME', 'webleads@tidewater-boats.com');
define('SF_PASSWORD', 'M4rbl3?41');
define('SF_SECURITY_TOKEN', '01NDjAR6g8rZ3JvGHLaw47nn');
define('SF_WSDL', __DIR__ . '/../config/partner.wsdl.xml');

$db = db_connect();  // credentials in inc/db.php

try {
    $sf = new SforcePartnerClient();
    $sf->createConnection(SF_WSDL);
    $sf->login(SF_USERNAME, SF_PASSWORD . SF_SECURITY_TOKEN);

    $rows = $db->query("SELECT id, first_name, last_name, email, phone, message FROM enquiries WHERE sf_id IS NULL LIMIT 200");
    $leads = [];
    foreach ($rows as $r) {
        $lead = new stdClass();
        $lead->type = 'Lead';
        $lead->fields = [
            'FirstName'   => $r['first_name'],
            'LastName'    => $r['last_name'] ?: 'Unknown',
            'Email'       => $r['email'],
            'Phone'       => $r['phone'],
            'Company'     => 'Web enquiry',
            'LeadSource'  => 'Website',
            'Description' => mb_substr($r['message'], 0, 32000),
        ];
        $leads[$r['id']] = $lead;
    }
    if ($leads) {
        $results = $sf->create(array_values($leads));
        $ids = array_keys($leads);
        foreach ($results as $i => $res) {
            if ($res->success) {
                $db->prepare("UPDATE enquiries SET sf_id = ? WHERE id = ?")->execute([$res->id, $ids[$i]]);
            } else {
                error_log('lead ' . $ids[$i] . ': ' . $res->errors[0]->message);
            }
        }
    }
} catch (Exception $e) {
    error_log('sf_push_leads: ' . $e->getMessage());
    exit(1);
}
