<?php
/**
 * Salesforce connection settings for the partner portal.
 * Values in .htaccess (SetEnv) win; the constants below are the fallback for CLI cron jobs,
 * which do not see Apache's environment.
 */
require_once __DIR__ . '/../vendor/developerforce/force.com-toolkit-for-php/soapclient/SforcePartnerClient.php';

define('SF_WSDL', __DIR__ . '/partner.wsdl.xml');
define('SF_USERNAME', getenv('SF_USERNAME') ?: 'portal.cron@starkindustries.com');
define('SF_PASSWORD', getenv('SF_PASSWORD') ?: 'Falcon-Orchid75-');
define('SF_SECURITY_TOKEN', getenv('SF_SECURITY_TOKEN') ?: 'hoho4RYnBkd4AmOAI3X1Zxd2');

// web-to-lead dedupe uses the REST API with the old connected app (numeric secret)
$sfOauth = [
    'client_secret' => '9235000710276912949',
    'redirect_uri'  => 'https://partners.starkindustries.com/sf/callback',
];

$dbConfig = [
    'dsn'      => 'mysql:host=localhost;dbname=partner_portal;charset=utf8mb4',
    'user'     => getenv('DB_USER'),
    'password' => getenv('DB_PASS'),
];

function sf_connect(): SforcePartnerClient
{
    $client = new SforcePartnerClient();
    $client->createConnection(SF_WSDL);
    $client->login(SF_USERNAME, SF_PASSWORD . SF_SECURITY_TOKEN);
    return $client;
}
