<?php

/**
 * Local overrides for the marketing site (salesforce + webform_salesforce modules).
 * Do not commit. (yes, I know.)
 */

$databases['default']['default'] = [
  'database' => 'marketing',
  'username' => 'drupal',
  'password' => 'Hello633Quartz!',
  'host' => 'mariadb',
  'port' => '3306',
  'driver' => 'mysql',
  'prefix' => '',
  'collation' => 'utf8mb4_general_ci',
];

$settings['hash_salt'] = '9cf2608bdec670159c50972ab43c8903c6e39840bb77ce92a9b049703db5f724';
$settings['trusted_host_patterns'] = ['^www\.acme-corp\.com$', '^acme\.ddev\.site$'];

// Salesforce auth provider "acme_prod" (OAuth). Values override config/sync.
$config['salesforce.salesforce_auth.oauth_default']['provider_settings']['consumer_key'] = '3MVG9ukFICQVS5TsQh5QxCTNSNbHfyo5YgqLX8UG8Ja9hUoTkqi8PtbI4bg7GenmfdXNL6S0YxvH3ufteeFsq';
$config['salesforce.salesforce_auth.oauth_default']['provider_settings']['consumer_secret'] = '804E7CF522B520748C544B86BB49A085541CE88429E7AFC036713A260D945105';
$config['salesforce.salesforce_auth.oauth_default']['provider_settings']['login_url'] = 'https://login.salesforce.com';
$config['salesforce.settings']['rest_api_version']['version'] = '58.0';
$config['salesforce.settings']['use_latest'] = FALSE;

// JWT provider for the cron pull (key lives in the key module, not here)
$config['salesforce.salesforce_auth.jwt_pull']['provider_settings']['encrypt_key'] = 'salesforce_jwt_key';
$config['salesforce.salesforce_auth.jwt_pull']['provider_settings']['login_user'] = 'drupal-pull@acme-corp.com';

$config['system.logging']['error_level'] = 'verbose';
$settings['file_private_path'] = '../private';
