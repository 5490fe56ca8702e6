--
-- PostgreSQL database dump
--

-- Dumped from database version 13.13
-- Dumped by pg_dump version 13.13

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_min_messages = warning;

--
-- Data for Name: data_sources; Type: TABLE DATA; Schema: public; Owner: tooljet
--

COPY public.data_sources (id, name, kind, app_version_id, created_at, updated_at, type, scope) FROM stdin;
492c26e1-e4bd-4f8d-8ae7-447c73ba4240	salesforce-legacy	salesforce	103e7be8-4d3c-4fb3-898e-a37f0066bf7d	2023-08-14 10:01:22.1+00	2024-01-09 15:40:51.2+00	default	global
f8c3fe7c-a987-4d3b-b1b6-afbc76a678f7	salesforce-oauth	salesforce	477ed598-5a1a-4cb1-aa34-3625a97c5442	2023-11-02 09:11:02.8+00	2023-11-02 09:11:02.8+00	default	global
3a2c8f58-1d27-46ec-9a5f-c8c4712cc01d	pg-warehouse	postgresql	1179da29-33ac-429c-aa34-d059dbf03431	2023-08-14 10:05:40.4+00	2023-08-14 10:05:40.4+00	default	global
03ae47e1-4030-48d4-96c5-e480b264dfbc	sf-rest-fallback	restapi	722739aa-bb69-4c46-8e3d-bcd513c795ce	2024-02-27 13:30:19.9+00	2024-02-27 13:30:19.9+00	default	global
\.


--
-- Data for Name: data_source_options; Type: TABLE DATA; Schema: public; Owner: tooljet
--

INSERT INTO public.data_source_options (id, data_source_id, environment_id, options, created_at, updated_at) VALUES ('06ef7f97-6d8b-4f34-b218-9312c03f0f9a', '0f569248-ea6d-4bbe-aaa0-b9988d03a46a', '82ba5aa5-675f-4a12-9895-498c83c2dd61', '{"username": {"value": "tooljet.sync@hooli.com", "encrypted": false}, "password": {"value": "Autumn2023_", "encrypted": false}, "security_token": {"value": "59lnTKnbKyoTa0bDGQWuB53W", "encrypted": false}, "instance": {"value": "https://hooli.my.salesforce.com"}}', '2023-08-14 10:01:22.1+00', '2024-01-09 15:40:51.2+00');
INSERT INTO public.data_source_options (id, data_source_id, environment_id, options, created_at, updated_at) VALUES ('e3413769-1645-4b0f-ab34-ed585674c4a7', '19721bd4-7a9a-48ce-9d83-3555132836d6', 'f22c32e8-a769-43fb-939d-3e38104d75a2', '{"client_id": {"value": "82a67653-574b-4c8f-ba1e-f014112b8aed", "encrypted": false}, "client_secret": {"credential_id": "21cf1a64-1a13-46fb-8e5f-9bc2557f2c69", "encrypted": true}, "redirect_url": {"value": "https://tooljet.hooli.com/oauth2/authorize"}}', '2023-11-02 09:11:02.8+00', '2023-11-02 09:11:02.8+00');
INSERT INTO public.data_source_options (id, data_source_id, environment_id, options, created_at, updated_at) VALUES ('582356c2-bbd7-41f2-8f41-b6fdb66c6ebd', 'ffd47355-c8b5-424d-b047-4cf7bed19521', '0502944d-d7e8-4d55-9e9c-773201c61447', '{"host": {"value": "pg.internal"}, "password": {"credential_id": "cd71f77d-b49d-42a0-84cf-fb128b9d2b76", "encrypted": true}}', '2023-08-14 10:05:40.4+00', '2023-08-14 10:05:40.4+00');
INSERT INTO public.data_source_options (id, data_source_id, environment_id, options, created_at, updated_at) VALUES ('09e460b3-5968-4a58-8284-4873b8437741', '2ac0499c-94ad-4658-a62e-7bc3d837df90', '5ce9a61c-1b94-48dd-bdc6-ea1f066953e5', '{"access_token": {"value": "", "encrypted": false}, "refresh_token": {"value": "5Aep861TQt0varV402LefCTI5dod6AS0k.bIdPQ.fIfPJzb5iYly3tAeSpgYjomQ.YbI8cxiRsHjyFRo1ii_rxb", "encrypted": false}, "instance_url": {"value": "https://hooli.my.salesforce.com"}}', '2024-02-27 13:30:19.9+00', '2024-02-27 13:30:19.9+00');

--
-- Data for Name: credentials; Type: TABLE DATA; Schema: public; Owner: tooljet
--

COPY public.credentials (id, value_ciphertext, created_at, updated_at) FROM stdin;
21cf1a64-1a13-46fb-8e5f-9bc2557f2c69	OGZiODE5YmViZmI0OTkwODgwMTQzY2I1NGVjOGJiODQ4NjNlNTFhNTZmZmNjNTI1OGFkMDE5NDg2Y2Y4ZTljNjkzMmUyNmI5ODg3MTQ3MTE=	2023-11-02 09:11:02.8+00	2023-11-02 09:11:02.8+00
cd71f77d-b49d-42a0-84cf-fb128b9d2b76	NDU0YzVlNmM1ODVjOTk5ZWJmOTY2NzgwM2Q4MDBjMzBmNTZiZWRhNTdkNGM2MTRhZGJiZjAxN2RkZTEwMDc5YTllZGIxNzZlODk0YTM1NTc=	2023-08-14 10:05:40.4+00	2023-08-14 10:05:40.4+00
\.

--
-- PostgreSQL database dump complete
--
