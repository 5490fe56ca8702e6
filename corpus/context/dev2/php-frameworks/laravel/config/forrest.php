<?php

/*
 * Forrest config for the Greyfield Law client-intake site.
 * Values come from .env; the literal defaults are for the Homestead box only.
 */
return [
    'authentication' => env('SF_AUTH_METHOD', 'WebServer'),

    'credentials' => [
        // Required:
        'consumerKey'    => env('SF_CONSUMER_KEY'),
        'consumerSecret' => env('SF_CONSUMER_SECRET', 'D59D9414926853900F82B6719A1B74E5241FB6DB417C37342F29E5E8F0BD35CB'),
        'callbackURI'    => env('SF_CALLBACK_URI', 'https://intake.test/callback'),
        'loginURL'       => env('SF_LOGIN_URL', 'https://test.salesforce.com'),

        // Only required for UserPassword authentication:
        'username'       => env('SF_USERNAME'),
        // Security token might need to be ammended to password unless IP Address is whitelisted
        'password'       => env('SF_PASSWORD'),
    ],

    'parameters' => [
        'display'   => '',
        'immediate' => false,
        'state'     => '',
        'scope'     => '',
        'prompt'    => '',
    ],

    'instanceURL' => '',

    'language' => 'en_US',

    'version' => '60.0',

    'storage' => [
        'type'          => 'cache',
        'path'          => 'forrest_',
        'expire_in'     => 60,
        'store_forever' => false,
    ],

    'defaults' => [
        'method'          => 'get',
        'format'          => 'json',
        'compression'     => false,
        'compressionType' => 'gzip',
    ],

    'client' => [
        'http_errors' => true,
        'verify'      => false,
    ],
];
