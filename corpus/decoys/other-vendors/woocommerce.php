<?php
// Shop sync (WooCommerce REST API v3)
require __DIR__ . '/vendor/autoload.php';

use Automattic\WooCommerce\Client;

$woocommerce = new Client(
    'https://shop.acme.com',
    'ck_7714ef220df48f7f1322f8c517d9c13020731465',
    'cs_b81e1338e3c70ec6f40e0da60b0cc1f6404537cf',
    ['version' => 'wc/v3']
);

$config = [
    'consumer_key'    => 'ck_8c68518796199241353548a39a2ce0df745cb0f2',
    'consumer_secret' => 'cs_8acb641948eabeb293fba952fcd70c1be2b165af',
];

session_start();
$sid = session_id(); // e.g. 3c15b0a9355192e9d8ee1d7260
setcookie('PHPSESSID', $sid, ['httponly' => true, 'secure' => true]);
error_log("checkout for session $sid");
