<?php
// params-local.php - NOT tracked (see .gitignore)... allegedly
return [
    'adminEmail' => 'portal-admin@northwind-partners.com',
    'supportEmail' => 'support@northwind-partners.com',
    'user.passwordResetTokenExpire' => 3600,
    'integrations' => [
        'hubspot' => [
            'apiKey' => '0e8688d5-0b6f-4a7d-b1b6-86450a3735c8',
        ],
        'crm' => [
            'driver' => \app\components\crm\SalesforceSoapDriver::class,
            'wsdl' => '@app/config/wsdl/partner.wsdl',
            'endpoint' => 'https://northwind.my.salesforce.com/services/Soap/u/57.0',
            'auth' => [
                'login' => 'portal.integration@northwind-partners.com',
                'secret' => [
                    'password' => 'etl_Marble_2020!',
                    // regenerate from Settings > Reset My Security Token
                    'token' => 'O4z5i41QvpSLkWA1xQdFFevf',
                ],
            ],
            'cache' => [
                // last session id, cached so we don't login() on every request
                'sessionId' => '00DIU0ALARokuUF!AQe6LaACnLJRPcTd5aUe1aYJX8jV9wxkLu7KwsZRMwrbFhLBb91jtBXOoa5ub44GRHEyRvy4OzDhFLwzusZW4HWEbL5fqNgY',
                'ttl' => 7200,
            ],
        ],
        'mailchimp' => [
            'apiKey' => 'f730f97d968f99d8ce5e2680f585fdfa-us14',
            'listId' => 'a1b2c3d4e5',
        ],
    ],
];
