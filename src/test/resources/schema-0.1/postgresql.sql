-- The tables Telegate 0.1 had EclipseLink make on PostgreSQL (pg_dump -s of a database that
-- release made; the TG_ID rows are the ones its DDL generation inserted).
CREATE TABLE public.tg_api_key (
    id bigint NOT NULL,
    created bytea,
    hash character varying(64) NOT NULL,
    label character varying(255),
    lastused bytea,
    prefix character varying(16) NOT NULL,
    revoked bytea,
    client_id bigint
);
CREATE TABLE public.tg_client (
    id bigint NOT NULL,
    created bytea,
    name character varying(255)
);
CREATE TABLE public.tg_cursor (
    id bigint NOT NULL,
    chatid bigint NOT NULL,
    clientid bigint NOT NULL,
    kind character varying(10) NOT NULL,
    lastmessage bigint,
    updated bytea
);
CREATE TABLE public.tg_delivered_member (
    cursorid bigint NOT NULL,
    memberid bigint NOT NULL
);
CREATE TABLE public.tg_id (
    seq_name character varying(50) NOT NULL,
    seq_count numeric(38,0)
);
CREATE TABLE public.tg_telegram_account (
    clientid bigint NOT NULL,
    maskedphone character varying(32),
    state character varying(20) NOT NULL,
    statesince bytea
);
ALTER TABLE ONLY public.tg_api_key
    ADD CONSTRAINT tg_api_key_hash_key UNIQUE (hash);
ALTER TABLE ONLY public.tg_api_key
    ADD CONSTRAINT tg_api_key_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.tg_client
    ADD CONSTRAINT tg_client_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.tg_cursor
    ADD CONSTRAINT tg_cursor_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.tg_delivered_member
    ADD CONSTRAINT tg_delivered_member_pkey PRIMARY KEY (cursorid, memberid);
ALTER TABLE ONLY public.tg_id
    ADD CONSTRAINT tg_id_pkey PRIMARY KEY (seq_name);
ALTER TABLE ONLY public.tg_telegram_account
    ADD CONSTRAINT tg_telegram_account_pkey PRIMARY KEY (clientid);
ALTER TABLE ONLY public.tg_cursor
    ADD CONSTRAINT unq_tg_cursor_0 UNIQUE (clientid, chatid, kind);
ALTER TABLE ONLY public.tg_api_key
    ADD CONSTRAINT fk_tg_api_key_client_id FOREIGN KEY (client_id) REFERENCES public.tg_client(id);
INSERT INTO public.tg_id VALUES ('client', 0), ('api_key', 0), ('cursor', 0);
