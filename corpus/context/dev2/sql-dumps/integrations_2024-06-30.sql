-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: portal-db-01    Database: marisol_portal
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

--
-- Table structure for table `integration_credentials`
--

DROP TABLE IF EXISTS `integration_credentials`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
CREATE TABLE `integration_credentials` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `provider` varchar(32) NOT NULL,
  `login` varchar(255) NOT NULL,
  `secret` varchar(512) DEFAULT NULL,
  `token` varchar(512) DEFAULT NULL,
  `endpoint` varchar(255) DEFAULT NULL,
  `updated_at` datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_provider_login` (`provider`,`login`)
) ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `integration_credentials`
--

LOCK TABLES `integration_credentials` WRITE;
/*!40000 ALTER TABLE `integration_credentials` DISABLE KEYS */;
INSERT INTO `integration_credentials` VALUES (1,'salesforce','portal.sync@marisolfoods.com','RiE~?UJ3eqXA','WKLFVIouEwCjOFtiF5isBNtK','https://login.salesforce.com/services/Soap/u/57.0','2024-05-14 08:22:10');
INSERT INTO `integration_credentials` VALUES (2,'salesforce_sandbox','portal.sync@marisolfoods.com.uat','Rabbit1851Vantage~',NULL,'https://test.salesforce.com/services/Soap/u/57.0','2024-02-02 15:40:51');
INSERT INTO `integration_credentials` VALUES (3,'hubspot','marketing@marisolfoods.com',NULL,'pat-na1-87e8a796-9468-4061-9cdb-b93f4fd67a5c','https://api.hubapi.com','2024-03-30 11:02:44');
INSERT INTO `integration_credentials` VALUES (4,'twilio','AC90f654ae7d1834fe825960763103069f','303288ff00175db2164e436bad0f9988',NULL,'https://api.twilio.com','2023-11-19 09:15:00');
INSERT INTO `integration_credentials` VALUES (5,'stripe','acct_1MaRiSoLfOoDs','sk_live_oXIEmk1Oe9f5JYEAkwpA6UmI',NULL,'https://api.stripe.com','2024-06-01 00:00:00');
INSERT INTO `integration_credentials` VALUES (6,'salesforce_oauth','3MVG92cClK_sMvpKsCm8ObpqCtXPb8RfZUohz.GzgaT3qIPhzZK0CuWibVkaN9.ZidyUsBoHRVaJOU0Ri2aim','67BD8E21CB9DE944CC3862090FF3C58B6DA035D47C18A4EA43C4CFFCFEB20F10',NULL,'https://marisolfoods.my.salesforce.com/services/oauth2/token','2024-05-14 08:25:31');
INSERT INTO `integration_credentials` VALUES (7,'sftp_edi','marisol_edi','FnjSG6Ks4.',NULL,'sftp://edi.retailpartner.example:22','2022-08-08 12:00:00');
INSERT INTO `integration_credentials` VALUES (8,'salesforce_legacy','portal.sync@marisolfoods.com','********',NULL,'https://na85.salesforce.com','2021-01-11 10:10:10');
/*!40000 ALTER TABLE `integration_credentials` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `sf_user_map`
--

DROP TABLE IF EXISTS `sf_user_map`;
CREATE TABLE `sf_user_map` (
  `portal_user_id` int unsigned NOT NULL,
  `sf_user_id` char(18) NOT NULL,
  `sf_contact_id` char(18) DEFAULT NULL,
  PRIMARY KEY (`portal_user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `sf_user_map` WRITE;
INSERT INTO `sf_user_map` VALUES (101,'0050m000000yVaPAAC','0038b00000wljgzAAQ'),(102,'0054g000000IJv7AAE','0036m00000kTObnAAB'),(117,'0058i00000QOOJrQAS',NULL);
UNLOCK TABLES;

--
-- Final view structure for view `v_sf_sync_users`
--
/*!50001 CREATE ALGORITHM=UNDEFINED DEFINER=`portal`@`%` SQL SECURITY DEFINER VIEW `v_sf_sync_users` AS select `sf`.`portal_user_id` AS `portal_user_id`,`u`.`email` AS `email`,`u`.`password_hash` AS `password` from (`sf_user_map` `sf` join `users` `u` on((`u`.`id` = `sf`.`portal_user_id`))) */;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-06-30  2:00:04
