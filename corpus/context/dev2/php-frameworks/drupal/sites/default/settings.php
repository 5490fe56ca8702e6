<?php

// phpcs:ignoreFile

/**
 * @file
 * Drupal site-specific configuration file -- Saltmarsh Credit Union public site.
 * Generated settings live in settings.platformsh.php; local overrides below.
 */

$databases['default']['default'] = [
  'database' => 'main',
  'username' => 'main',
  'password' => 'FSPX.h-5-*_-.',
  'prefix' => '',
  'host' => 'database.internal',
  'port' => '3306',
  'namespace' => 'Drupal\\mysql\\Driver\\Database\\mysql',
  'driver' => 'mysql',
];

$settings['hash_salt'] = 'dhC0aJMaE_psLhfSTO9os2rtefHEHExGMnj3qfHyqPCnx3I-lwVQwD6cqfpxJRKeO1bmt_siuj';
$settings['config_sync_directory'] = '../config/sync';
$settings['file_private_path'] = '/app/private';
$settings['trusted_host_patterns'] = ['^www\.saltmarshcu\.org$', '^saltmarshcu\.org$'];

/**
 * Salesforce Suite (salesforce module, 5.x) -- OAuth provider "sfcu_prod".
 * Config overrides so the secret is never exported by drush cex.
 */
$config['salesforce.salesforce_auth.sfcu_prod']['provider_settings']['consumer_key'] = '3MVG9KGpaMW.K4IAwwbyDSGHF19vSxJhdgT8jwK2lyj1IoEs4BtkqN7QmCEhffB6vBvwKTJ3fM9YiWOHiiqb0';
$config['salesforce.salesforce_auth.sfcu_prod']['provider_settings']['consumer_secret'] = '11852492D362BC9343BB16C33A04ABD57443DC1E7E555C7A3B8470226422DBD2';
$config['salesforce.salesforce_auth.sfcu_prod']['provider_settings']['login_url'] = 'https://login.salesforce.com';

// Staging uses the JWT provider; key is a Drupal Key entity, not a literal.
$config['salesforce.salesforce_auth.sfcu_stg']['provider_settings']['encrypt_key'] = 'salesforce_jwt_key';

// Mailchimp (newsletters)
$config['mailchimp.settings']['api_key'] = 'd1278379eebea198aa3f66e0d28b4f9e-us14';

if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {
  include $app_root . '/' . $site_path . '/settings.local.php';
}
