-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: 10.20.4.17    Database: crm_connector
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Table structure for table `integration_settings`
--

DROP TABLE IF EXISTS `integration_settings`;
CREATE TABLE `integration_settings` (
  `id` int NOT NULL AUTO_INCREMENT,
  `tenant_id` int NOT NULL,
  `setting_key` varchar(64) NOT NULL,
  `setting_value` text,
  `updated_at` datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_tenant_key` (`tenant_id`,`setting_key`)
) ENGINE=InnoDB AUTO_INCREMENT=118 DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `integration_settings`
--

LOCK TABLES `integration_settings` WRITE;
/*!40000 ALTER TABLE `integration_settings` DISABLE KEYS */;
INSERT INTO `integration_settings` VALUES
(101,7,'crm.provider','salesforce','2024-11-02 10:14:07'),
(102,7,'crm.login_url','https://login.salesforce.com','2024-11-02 10:14:07'),
(103,7,'crm.username','sync@brightwater-dental.com','2024-11-02 10:14:07'),
(104,7,'crm.password','Cobalt+thunder157','2025-01-20 16:41:55'),
(105,7,'crm.security_token','q949Obp2y9FSjS6lUBANAC5i','2025-01-20 16:41:55'),
(106,7,'smtp.password','0ri0n.3498','2024-11-02 10:14:07'),
(107,9,'crm.provider','salesforce','2024-12-11 08:02:40'),
(108,9,'crm.login_url','https://test.salesforce.com','2024-12-11 08:02:40'),
(109,9,'crm.username','admin@lakeside-vet.com.partial','2024-12-11 08:02:40'),
(110,9,'crm.password','','2024-12-11 08:02:40'),
(111,9,'crm.security_token','SQ7qQIgc8Ql0RwAOOzeHBNXl','2024-12-11 08:02:40'),
(112,12,'crm.provider','hubspot','2025-01-05 12:30:00'),
(113,12,'crm.api_key','e834b776-1559-4548-80be-94defff559f2','2025-01-05 12:30:00'),
(114,14,'crm.provider','salesforce','2025-01-28 09:11:12'),
(115,14,'crm.oauth.client_id','3MVG9Y5GFYAAmkSPQK4n2sOdC2__uy8tl19KVTYdD0JZVyeVNAt.Jz9.1nzgwH7GnMvClJB.0mmjuvQTtbYRm','2025-01-28 09:11:12'),
(116,14,'crm.oauth.client_secret','334E5C7521E5D8DC485C3C1DFF4112D22FCD48A3932C767B11709DE082A56A94','2025-01-28 09:11:12'),
(117,14,'crm.oauth.refresh_token','5Aep861vRXGnbaERYqghRmdqzseeNwmrqy4SXoahV49JPnE6MpGuWQTVlrmJZKAji9_UvpuQV4315xyHeg7U_Xw','2025-01-28 09:11:12');
/*!40000 ALTER TABLE `integration_settings` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'ops@crmconnector.io','$2y$12$XDYKaGXya6sZa7mlmlrkGSEaQ7P0n71guVQjyk6JaNWUt65VaoQaa');
UNLOCK TABLES;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2025-02-03  2:00:04
