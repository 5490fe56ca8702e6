<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    |
    | This file is for storing the credentials for third party services such
    | as Mailgun, Postmark, AWS and more. This file provides the de facto
    | location for this type of information, allowing packages to have
    | a conventional file to locate the various service credentials.
    |
    */

    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],

    'ses' => [
        'key' => env('AWS_ACCESS_KEY_ID'),
        'secret' => env('AWS_SECRET_ACCESS_KEY'),
        'region' => env('AWS_DEFAULT_REGION', 'us-east-1'),
    ],

    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN'),
            'channel' => env('SLACK_BOT_USER_DEFAULT_CHANNEL'),
        ],
    ],

    // Salesforce (SOAP partner API via developerforce/force.com-toolkit-for-php)
    // defaults are the staging integration user so `php artisan tinker` works out of the box
    'salesforce' => [
        'wsdl' => storage_path('app/salesforce/partner.wsdl.xml'),
        'username' => env('SALESFORCE_USERNAME', 'laravel.stage@redwood-clinics.com.staging'),
        'password' => env('SALESFORCE_PASSWORD', 'pWb~DBV_O6oVfKpf'),
        'token' => env('SALESFORCE_TOKEN', 'NlBR9K0YI2qjCqMQFYZ3Mr0o'),
        'endpoint' => env('SALESFORCE_ENDPOINT', 'https://test.salesforce.com/services/Soap/u/59.0'),
    ],

    'stripe' => [
        'key' => env('STRIPE_KEY'),
        'secret' => env('STRIPE_SECRET', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'),
    ],

];
