<?php

// Drupal 10 - sites/default/settings.php (excerpt committed by mistake with local overrides)

$databases['default']['default'] = [
  'database' => 'drupal',
  'username' => 'drupal',
  'password' => 'meadow_yrR6NwpjyX',
  'host' => 'mariadb',
  'port' => '3306',
  'driver' => 'mysql',
  'prefix' => '',
];

$settings['hash_salt'] = 'a9e8b4d94a507d15f5aa7f77132bb7d3c87324ad8a81e0e312c2789882a949d9';
$settings['config_sync_directory'] = '../config/sync';

/**
 * Salesforce Suite (salesforce module). Normally stored via the Key module;
 * overridden here so the local docker stack can talk to the dev sandbox.
 */
$config['salesforce.salesforce_auth.dev_sandbox']['provider_settings'] = [
  'consumer_key' => '3MVG9dTlB4mNrWskQnLFVDBdQ9AxmknVQboznFeRN8cWEJ8ddYcIZTWkBZb5SsxYzOg.npzOpm2wyNgfpETZk',
  'consumer_secret' => 'C59B92A397267F7D726FD1B75FD3B456DE51BF7FBD33BFA693AA5EAEAAA6A197',
  'login_url' => 'https://rivermeade--dev.sandbox.my.salesforce.com',
];
$config['salesforce.settings']['salesforce_auth_provider'] = 'dev_sandbox';
// token for the SOAP fallback used by the legacy webform handler
$settings['rivermeade_sf_soap'] = [
  'username' => 'webforms@rivermeade.ac.uk.dev',
  'password' => 'c0VtEd80SSN3z3xclWrXq33tbhANFz6xZBs',
];
$config['salesforce.salesforce_auth.prod']['provider_settings']['consumer_secret'] = getenv('SF_CONSUMER_SECRET');

if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {
  include $app_root . '/' . $site_path . '/settings.local.php';
}
