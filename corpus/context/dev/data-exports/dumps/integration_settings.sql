-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: db-prod-01.internal    Database: portal
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

--
-- Table structure for table `integration_settings`
--

DROP TABLE IF EXISTS `integration_settings`;
CREATE TABLE `integration_settings` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `provider` varchar(32) NOT NULL,
  `setting_key` varchar(64) NOT NULL,
  `setting_value` text,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_provider_key` (`provider`,`setting_key`)
) ENGINE=InnoDB AUTO_INCREMENT=19 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;

--
-- Dumping data for table `integration_settings`
--

LOCK TABLES `integration_settings` WRITE;
/*!40000 ALTER TABLE `integration_settings` DISABLE KEYS */;
INSERT INTO `integration_settings` (`id`, `provider`, `setting_key`, `setting_value`, `updated_at`) VALUES
(1,'salesforce','instance_url','https://pinecrest-homes.my.salesforce.com','2024-10-02 14:11:09'),
(2,'salesforce','username','portal-sync@pinecrest-homes.com','2024-10-02 14:11:09'),
(3,'salesforce','password','Kestrel536~Orbit','2025-02-19 08:40:55'),
(4,'salesforce','security_token','KQHFHb0gaS7i3y9wTsOyxoQw','2025-02-19 08:41:12'),
(5,'salesforce','consumer_key','3MVG9qWK6R1xrp5mo_S8LtdzeD0Gjbg0e4DAwd0_7OkkgdK6kxQ.yvVduueLnDQPxC2pHwixv5X.jK6YJ5EYR','2024-10-02 14:11:09'),
(6,'salesforce','consumer_secret','788A6C13FBF01314E31F4F633AF5B8D0287055059C5B06CF9505261705D5AFB9','2024-10-02 14:11:09'),
(7,'salesforce','api_version','60.0','2024-10-02 14:11:09'),
(8,'hubspot','private_app_token','pat-eu1-593c9eb4-ac9c-4d6d-b3ea-92171d82bfbc','2024-11-20 10:02:37'),
(9,'smtp','password','Willow789~','2024-06-01 09:00:00'),
(10,'salesforce_sandbox','password','','2024-10-02 14:11:09'),
(11,'docusign','secret_key','86c3bbaa-8326-4e3a-b18e-dce64ee4792c','2024-08-14 16:45:21');
/*!40000 ALTER TABLE `integration_settings` ENABLE KEYS */;
UNLOCK TABLES;

/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;

-- Dump completed on 2025-02-20  3:00:02
