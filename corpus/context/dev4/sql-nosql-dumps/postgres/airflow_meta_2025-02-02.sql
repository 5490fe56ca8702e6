--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6 (Debian 15.6-1.pgdg120+2)
-- Dumped by pg_dump version 15.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

--
-- Name: connections; Type: TABLE; Schema: etl; Owner: airflow
--

CREATE TABLE etl.connections (
    conn_id character varying(250) NOT NULL,
    conn_type character varying(500),
    host character varying(500),
    login text,
    password text,
    extra text
);

ALTER TABLE etl.connections OWNER TO airflow;

--
-- Data for Name: connections; Type: TABLE DATA; Schema: etl; Owner: airflow
--

COPY etl.connections (conn_id, conn_type, host, login, password, extra) FROM stdin;
postgres_dwh	postgres	dwh.internal	etl_user	Horizon2021!N	{"sslmode": "require"}
salesforce_prod	salesforce	\N	airflow.etl@quantum-freight.com	OP4Esp4A1pq=80	{"security_token": "kkXsqo9YOmaCLSJZ7ttiGVQv", "domain": "login"}
salesforce_uat	salesforce	\N	airflow.etl@quantum-freight.com.uat	gAAAAABOttSBYmuhA+Fb2f0AXuxqGEUNb+bqZyR/I20CXqmTVoPehBvNj2I7yRuEbNZNjyg	{"security_token": "gAAAAABGmafTUfvgwWACXe/fQt+/Mo98wXtt0BTie/fCffJPvQX+bunRwx2vTFYnzzFAL9y", "domain": "test"}
salesforce_jwt	salesforce	\N	airflow.jwt@quantum-freight.com	\N	{"consumer_key": "3MVG9ROARxn1p3cqDeWsH2Qv7r0LiYWrCdyiOYtf_ZtkFe9.xYa943DNRPToiA5Txn0pxyPTfoqorqekeBhok", "consumer_secret": "DB1DBF1C7356F18C0CC23BBBA4C3AFD9CB0E7476C36CDF475B9D788969657618", "instance_url": "https://quantum-freight.my.salesforce.com"}
aws_default	aws	\N	AKIAAOIDGXJVRFL273U4	cUVDKzVW15NBEXx3B5I1efbddNk7+N5wK271KHbE	{"region_name": "us-east-2"}
slack_alerts	http	https://hooks.internal/notify	\N	\N	{}
\.


--
-- Name: variable; Type: TABLE; Schema: etl; Owner: airflow
--

COPY etl.variable (id, key, val, is_encrypted) FROM stdin;
1	sf_bulk_batch_size	10000	f
2	sf_last_sync	2025-02-01T00:00:00Z	f
3	sf_session_id	00D4Y0IgK9V4VQz!AROC8eDZLq4d767gxj9BbA_XcWXhGWpCXS.NqxM18K8ZPBp3rnEVC_WHgUHEd4VpnWbcq3LzjySoGQtBckTFZkt06.3xEOWs	f
4	sf_api_password	********	f
\.


--
-- PostgreSQL database dump complete
--
