<?php
require_once('soapclient/SforcePartnerClient.php');

$sforce = new SforcePartnerClient();
$sforce->createConnection('partner.wsdl.xml');
$sforce->login('php-sync@acme.com', 'Hunter2!LtZZRY15jC3dfORpTsd92NFw');
$sforce->login($username, $password . $securityToken);
