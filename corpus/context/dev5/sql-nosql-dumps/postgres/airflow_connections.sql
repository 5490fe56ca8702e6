--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6
-- Dumped by pg_dump version 15.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Data for Name: connection; Type: TABLE DATA; Schema: public; Owner: airflow
--

COPY public.connection (id, conn_id, conn_type, description, host, schema, login, password, port, extra, is_encrypted, is_extra_encrypted) FROM stdin;
1	postgres_dwh	postgres	\N	dwh.internal	analytics	airflow	Hello1091Bramble#	5432	\N	f	f
2	salesforce_default	salesforce	Prod org (integration user)	\N	\N	airflow-int@acme-corp.com	Kestrel.juniper.45*	\N	{"security_token": "CyiqQC675nEXwmcDDPRENfPo", "domain": "login", "version": "59.0"}	f	f
3	salesforce_sandbox	salesforce	UAT	\N	\N	airflow-int@acme-corp.com.uat	gAAAAAB9K4rk6g4pMDCvG0kOfB0-1mSMJJv5IDivuzCOrlNEjogOb4s3K2RROcX8rfQVW7kXxQH66sCPUQi_PqKLOrd--jcgC93tkAlV5G8mtMEtJos4q1uo==	\N	gAAAAABc1limO3yDQz_B2YG45X1zxlYKkTS1GQxy5nSQS8rEBKSInPzRIetwq5P2j3G5a3AKYZCkW8Ue60uJj1FZaLYFxQFTRsxSlV7BDBB2WU0RMsmHj0_Y==	t	t
4	aws_default	aws	\N	\N	\N	AKIAQ7ATIFZ2H2XRZ4KY	Z3+RJkHYETKFVdrD6uzAqXgcDUirQVsUOY9ShEBA	\N	{"region_name": "eu-west-1"}	f	f
5	salesforce_marketing	salesforce	Marketing org, OAuth	\N	\N	\N	\N	\N	{"consumer_key": "3MVG9bnY5a46sgB6YdJ.jrWbVZ9I.1qx5rYeVEGYNXc1hpivglsvPqUX_41mFNWBaVAy9O5FUUP3za3jCjKvn", "consumer_secret": "FCAF1E6DE642E709194462ADB256AF8B2066C8EA870AF9DDA68DB7423EB7E67D", "instance_url": "https://acme-mkt.my.salesforce.com"}	f	f
6	slack_alerts	http	\N	https://hooks.slack.com/services	\N	\N	T024BE7LD/B07QZ9X1K2M/MKxru08dV9b0rRIc7XRWBS7Z	\N	\N	f	f
\.

--
-- Name: connection_id_seq; Type: SEQUENCE SET; Schema: public; Owner: airflow
--

SELECT pg_catalog.setval('public.connection_id_seq', 6, true);
