-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: db-prod-2    Database: crm_portal
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
  `provider` varchar(32) NOT NULL,
  `setting_key` varchar(64) NOT NULL,
  `setting_value` text,
  `updated_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_provider_key` (`provider`,`setting_key`)
) ENGINE=InnoDB AUTO_INCREMENT=23 DEFAULT CHARSET=utf8mb4;

LOCK TABLES `integration_settings` WRITE;
/*!40000 ALTER TABLE `integration_settings` DISABLE KEYS */;
INSERT INTO `integration_settings` VALUES
(1,'salesforce','instance_url','https://acme-corp.my.salesforce.com','2025-01-12 10:02:11'),
(2,'salesforce','username','portal-int@acme-corp.com','2025-01-12 10:02:11'),
(3,'salesforce','password','Spring151Nimbus!','2025-01-12 10:02:11'),
(4,'salesforce','security_token','k3n7arUlDrLSmJ9WAzYFIEKw','2025-01-12 10:02:11'),
(5,'salesforce','consumer_key','3MVG9ymBMf3IdwdhNfIeNpAYY2iROMWIbJP31ApHAHOCER0O98NEGljElJ6dYjAmuOXrWD7yP2JfnOZORvTkV','2025-01-12 10:02:11'),
(6,'salesforce','consumer_secret','C8A45A40364251733A0D3591156B6C3A13A02FA71DB8666459513E9E6067FE33','2025-01-12 10:02:11'),
(7,'salesforce','api_version','59.0','2025-01-12 10:02:11'),
(8,'mailchimp','api_key','2ebde3e690ef490a39cbb18d3e7316b4-us7','2024-11-03 16:40:00'),
(9,'mailchimp','list_id','a1b2c3d4e5','2024-11-03 16:40:00'),
(10,'smtp','password','Summ3rv0r73x*64','2024-06-30 08:00:00'),
(11,'salesforce','webhook_secret','fbf4ef05a60cbcc658e98245f348f2aa6f417db98f1c075fc4abae6413f55ae7','2025-01-12 10:02:11');
/*!40000 ALTER TABLE `integration_settings` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(190) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `sf_contact_id` char(18) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES (1,'admin@acme-corp.com','$2y$10$d56cA8rhhT3VkiuBCjV9jSR34LK4jV.GbHEtwYd.gkVWJvF0yfcay','0035e00000AbCdEAAV'),(2,'ops@acme-corp.com','$2y$10$TYlIGT6qIPhWaLvjBEvqTnFhGSoR0/w7J2F29qgnVDmaclA9C7oOk',NULL);
UNLOCK TABLES;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2025-02-01  3:00:02
