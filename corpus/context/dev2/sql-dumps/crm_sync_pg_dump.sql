--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6 (Debian 15.6-1.pgdg120+2)
-- Dumped by pg_dump version 15.6 (Debian 15.6-1.pgdg120+2)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';
SET default_table_access_method = heap;

--
-- Name: connector_config; Type: TABLE; Schema: public; Owner: crmsync
--

CREATE TABLE public.connector_config (
    id integer NOT NULL,
    connector text NOT NULL,
    key text NOT NULL,
    value text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE public.connector_config OWNER TO crmsync;

--
-- Name: oauth_session; Type: TABLE; Schema: public; Owner: crmsync
--

CREATE TABLE public.oauth_session (
    id bigint NOT NULL,
    provider text NOT NULL,
    user_ref text NOT NULL,
    access_token text,
    refresh_token text,
    instance_url text,
    issued_at timestamp with time zone
);

ALTER TABLE public.oauth_session OWNER TO crmsync;

--
-- Data for Name: connector_config; Type: TABLE DATA; Schema: public; Owner: crmsync
--

COPY public.connector_config (id, connector, key, value, updated_at) FROM stdin;
1	salesforce	login_url	https://login.salesforce.com	2024-04-02 09:14:55.120551+00
2	salesforce	username	crm.sync@vantagebiolabs.com	2024-04-02 09:14:55.120551+00
3	salesforce	password	Tulip1075Jungle!	2024-04-02 09:14:55.120551+00
4	salesforce	security_token	MZhw7wKcwIp6uDqdJ9w36i91	2024-04-02 09:14:55.120551+00
5	salesforce	client_id	3MVG9jpxq1sdvxOtpoMingfk4MlaEDIOd6rYu4rAbL6R8P1LFWzrIIfzr_XOsUycXBxsX9vQha7zi4LA6r8x0	2024-04-02 09:15:03.88213+00
6	salesforce	client_secret	2A8161F2CBC60660DB0553B2977C25791E07BE50F291DEBBD1F49F72A2AF9F3D	2024-04-02 09:15:03.88213+00
7	stripe	secret_key	sk_live_45uQp8hbtJdFYgVTLewCybp3	2024-01-19 17:40:22.004+00
8	stripe	webhook_secret	whsec_q4wNSUkY0P3t15NEpmDktgJwZuFbSQbH	2024-01-19 17:40:22.004+00
9	github	token	ghp_o6vlI2RthF0VsPJsgh5092LBTVxlM9ql1439	2023-12-01 08:00:00+00
10	salesforce	api_version	60.0	2024-04-02 09:14:55.120551+00
11	smtp	password	xaWpb42AInd	2023-10-10 10:10:10+00
12	salesforce_sandbox	password	\N	2024-04-02 09:14:55.120551+00
\.


--
-- Data for Name: oauth_session; Type: TABLE DATA; Schema: public; Owner: crmsync
--

COPY public.oauth_session (id, provider, user_ref, access_token, refresh_token, instance_url, issued_at) FROM stdin;
4411	salesforce	0053y000000mbTw	00D8h0000072CZn!AR5AQTZ7z1aUxrG8V_TQEWObUcNh7_QyD.nyhQe.xb2h08JKaCRvHbQTn5IpZNEPlIU9C0Tob_pOMP59UySb.gjfDeL_mq3w	5Aep861oOCadBxJcJJeBOg9g1x6eho1en5XThj0VpneV33TfF8dCOuWu.E3flwL8x40mEtnASjJyeHkPKS4oZvx	https://vantagebiolabs.my.salesforce.com	2024-06-12 13:02:44+00
4412	salesforce	0052j000000FwJm	\N	5Aep861lRCwVcq_Bbsdv9ChbtUeA7k8yk650jwco3DhCX_H_KzX5wDxkugzDw23uKsHadhobnYRqXfXZ9GtIFSn	https://vantagebiolabs.my.salesforce.com	2024-06-12 13:05:10+00
4413	hubspot	portal-2291	pat-na1-a7fffb3d-fd94-49ab-856a-c069dabd132b	\N	https://api.hubapi.com	2024-06-12 13:06:00+00
4414	salesforce	0053c00000o6Ooa	00DcA00000a2KoP!AQ7AQDYC.wBWvXbP.J_ek0_hoOmoT47YUrMejrp.ZrGpeJ62nxqtSnofi14SpM_AxKAmBK25OvlmLSnLJRPXkqoC0Jpwe	\N	https://vantagebiolabs.my.salesforce.com	2024-06-12 13:07:31+00
\.


--
-- Name: connector_config connector_config_pkey; Type: CONSTRAINT; Schema: public; Owner: crmsync
--

ALTER TABLE ONLY public.connector_config
    ADD CONSTRAINT connector_config_pkey PRIMARY KEY (id);

--
-- PostgreSQL database dump complete
--
