<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    */

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
        'scheme' => 'https',
    ],

    'stripe' => [
        'key' => env('STRIPE_KEY'),
        'secret' => env('STRIPE_SECRET', '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'),
    ],

    // omniphx/forrest + our own SOAP fallback
    'salesforce' => [
        'login_url' => env('SF_LOGIN_URL', 'https://login.salesforce.com'),
        'username' => env('SF_USERNAME', 'webforms@acme-corp.com'),
        'password' => env('SF_PASSWORD', 'Walru57h1stle*79'),
        'security_token' => env('SF_TOKEN', 'RcbP1AD3flG16JMrBblhylDT'),
        'consumer_key' => env('SF_CONSUMER_KEY', '3MVG9jOlBFfNtalZY0FrsTG1ShBnoijcbPKp722LJzbvpz2VCUV5I38yPSAM8wOSP8PNTYDD2gWjBw32L1Kn0'),
        'consumer_secret' => env('SF_CONSUMER_SECRET', '7029705146953298853'),
        'callback_uri' => env('APP_URL').'/salesforce/callback',
        'api_version' => '57.0',
    ],

    'slack' => [
        'notifications' => [
            'bot_user_oauth_token' => env('SLACK_BOT_USER_OAUTH_TOKEN'),
            'channel' => env('SLACK_BOT_USER_DEFAULT_CHANNEL'),
        ],
    ],

];
