-- mysqldump 10.13  Distrib 8.0.36 -- excerpt of wp_options for the hb-sf-sync plugin
-- Host: localhost    Database: hollybrook_wp
LOCK TABLES `wp_options` WRITE;
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1841,'hb_sf_sync_version','2.3.1','yes');
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1842,'hb_sf_sync_settings','a:5:{s:9:\"login_url\";s:28:\"https://login.salesforce.com\";s:8:\"username\";s:38:\"woo.sync.staging@hollybrook-garden.com\";s:8:\"password\";s:8:\"0racl3+4\";s:14:\"security_token\";s:24:\"JOeR2Vl3h5YF37sj5YgYT7FJ\";s:10:\"batch_size\";i:50;}','yes');
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1843,'hb_sf_sync_access_token','00D6c0000B0Nghg!AQlAQk1AyvYmpuhQA33tAPxKogNyZY2X8og7Dh1UOUpwHMBasoGSXNl1jqP8wHhJ0KHPYwXxOpzKGxWkiaRqsXOw6vhRN.b0','no');
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1844,'hb_sf_sync_refresh_token','5Aep861X4IFmdKmiL2Y71mf65t6zejW2r6BPK6DvkrI3Nfb2dt2_wjAdXmWY10h7UT4vEtVydhaQ0d9DHIrzTUr','no');
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1845,'hb_sf_sync_last_error','INVALID_SESSION_ID: Session expired or invalid','no');
INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES (1846,'mailchimp_api_key','bf095e1305a04ed730e8af961d2e92ab-us21','yes');
UNLOCK TABLES;
