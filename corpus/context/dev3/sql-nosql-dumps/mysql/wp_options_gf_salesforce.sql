-- phpMyAdmin SQL Dump
-- version 5.2.1
-- Host: localhost:3306
-- Generation Time: Feb 18, 2025 at 11:47 PM
-- Database: `wp_acmeblog`

SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
SET time_zone = "+00:00";

--
-- Dumping data for table `wp_options` (filtered: option_name LIKE '%salesforce%' OR core)
--

INSERT INTO `wp_options` (`option_id`, `option_name`, `option_value`, `autoload`) VALUES
(1, 'siteurl', 'https://blog.acme-corp.com', 'yes'),
(2, 'home', 'https://blog.acme-corp.com', 'yes'),
(37, 'mailserver_pass', 'kjbwXS@p6gE6GMGd', 'yes'),
(912, 'gravityformsaddon_gravityformssalesforce_settings', 'a:5:{s:8:\"username\";s:22:\"webforms@acme-corp.com\";s:8:\"password\";s:0:\"\";s:14:\"security_token\";s:0:\"\";s:9:\"login_url\";s:28:\"https://login.salesforce.com\";s:7:\"sandbox\";s:1:\"0\";}', 'yes'),
(913, 'gf_salesforce_legacy_login', 'a:3:{s:8:\"username\";s:21:\"webform@acme-corp.com\";s:8:\"password\";s:18:\"thistleFalcon61034\";s:14:\"security_token\";s:24:\"0r3nGcVHnjrwhkQu0t9a6eLr\";}', 'no'),
(914, 'gf_salesforce_access_token', '00D6f0hVMMWZRvm!AQ4AQQGhzSxbSmRKEFy750DkAVvxiccI18oskZs0Eotn7hOU4uHZMu4h6LaeiUGp68t2.jLymLeKq4Ubn8tgUnL4.q4NJNB5', 'no'),
(915, 'gf_salesforce_refresh_token', '5Aep861uq6vXFPJ4pJjsUzlwy7stsI_NYQLC1XsENrpUZvoH_C8ECTXyocUgxNJ3Vsib3.Rf6FpNaU4FyYpbjWE', 'no'),
(916, 'gf_salesforce_instance_url', 'https://acme-corp.my.salesforce.com', 'no'),
(917, 'gf_salesforce_org_id', '00D6f0hVMMWZRvm', 'no'),
(1204, 'auth_key', '1e50aab81dbaec14e8ef0d8df20f76b2ee9249f63311accf20c5323cbfbcc994', 'no'),
(1311, '_transient_timeout_gf_salesforce_describe', '1739921234', 'no');
COMMIT;
