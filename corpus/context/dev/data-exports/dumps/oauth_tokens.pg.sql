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
-- Name: oauth_tokens; Type: TABLE; Schema: public; Owner: connector
--

CREATE TABLE public.oauth_tokens (
    id bigint NOT NULL,
    tenant_id integer NOT NULL,
    provider character varying(32) NOT NULL,
    token_type character varying(16) NOT NULL,
    token_value text NOT NULL,
    instance_url text,
    expires_at timestamp with time zone
);

ALTER TABLE public.oauth_tokens OWNER TO connector;

--
-- Data for Name: oauth_tokens; Type: TABLE DATA; Schema: public; Owner: connector
--

COPY public.oauth_tokens (id, tenant_id, provider, token_type, token_value, instance_url, expires_at) FROM stdin;
1041	17	salesforce	access	00D9m0000086IY1!ARMAQVZci.bSTNxqUJ5DhYy07f8vZk98DK4RNYT.zFtTeP.MnB4M9fKP2bRHW6Ybw.B._lJjTiv30RsFI255LaQ2de7AxKM8	https://meridian-dental.my.salesforce.com	2025-02-27 11:42:03+00
1042	17	salesforce	refresh	5Aep861VpFWkC_DS_8AhPC2eZC5wZuW8QqLYHEeQ8SqMYgaGW7BriVkQe8F1XE0OBX4vm2XKaQMVdnbg4EMZ_VW	https://meridian-dental.my.salesforce.com	\N
1043	18	google	refresh	1//0gxUdUFODnaCrOCse4nMmwcfZQ6OY0GHG2OolzqQGt	\N	\N
1044	21	salesforce	access	00D1H0000019ECZ!AQEAQtp0sYhu7bbB7Xy0GwlcEaC9njnweT6md6z1aTpejVj4wpeH3QU3UZ7DDNZWA.i5F.C_zONIu5mAJz2zRKEFoY8lqJGs	https://crescent-vet--full.sandbox.my.salesforce.com	2025-02-27 11:15:44+00
1045	21	salesforce	refresh	5Aep861DNrdZdJ4PatYXvVzl2xaCp5eZSC3_fiF2TBNP4r7PeQ5lV_.0HBXbwqFMSeoDD3vsBhZi1SnJv32phkQ	https://crescent-vet--full.sandbox.my.salesforce.com	\N
1046	22	hubspot	refresh	0d6dee3c-8e04-41e2-ba95-e6715fb7e96f	\N	\N
1047	23	salesforce	refresh	[REVOKED]	https://tidewater-clinic.my.salesforce.com	\N
1048	24	salesforce	refresh	5Aep861eHyVS.QI6QjJb7PnU4MVzv7jwpLrZWBsD7rlZ0hEv7KsWhAKCFoUO9YDR60dPLMjxmFKb89B6Qk.1	https://lowland-optics.my.salesforce.com	\N
\.

--
-- Name: oauth_tokens oauth_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: connector
--

ALTER TABLE ONLY public.oauth_tokens
    ADD CONSTRAINT oauth_tokens_pkey PRIMARY KEY (id);

--
-- PostgreSQL database dump complete
--
