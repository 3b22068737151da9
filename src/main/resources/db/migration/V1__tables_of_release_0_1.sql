-- The tables as Telegate 0.1 had EclipseLink make them, on H2 and PostgreSQL alike:
-- a database made by that release is baselined at this version (SchemaMigrations)
-- and keeps its data; a new one gets exactly these tables.
-- ${binary} is the type EclipseLink gave java.time.Instant (serialized bytes), ${text} the
-- one it gave a String of no set length (unbounded on H2, 255 characters on PostgreSQL).

CREATE TABLE TG_ID (
    SEQ_NAME VARCHAR(50) NOT NULL,
    SEQ_COUNT NUMERIC(38),
    PRIMARY KEY (SEQ_NAME)
);
-- EclipseLink's table sequences (@TableGenerator) need their rows to exist
INSERT INTO TG_ID (SEQ_NAME, SEQ_COUNT) VALUES ('client', 0);
INSERT INTO TG_ID (SEQ_NAME, SEQ_COUNT) VALUES ('api_key', 0);
INSERT INTO TG_ID (SEQ_NAME, SEQ_COUNT) VALUES ('cursor', 0);

CREATE TABLE TG_CLIENT (
    ID BIGINT NOT NULL,
    CREATED ${binary},
    NAME ${text},
    PRIMARY KEY (ID)
);

CREATE TABLE TG_API_KEY (
    ID BIGINT NOT NULL,
    CREATED ${binary},
    HASH VARCHAR(64) NOT NULL,
    LABEL ${text},
    LASTUSED ${binary},
    PREFIX VARCHAR(16) NOT NULL,
    REVOKED ${binary},
    CLIENT_ID BIGINT,
    PRIMARY KEY (ID),
    UNIQUE (HASH)
);
ALTER TABLE TG_API_KEY ADD CONSTRAINT FK_TG_API_KEY_CLIENT_ID FOREIGN KEY (CLIENT_ID) REFERENCES TG_CLIENT (ID);

CREATE TABLE TG_CURSOR (
    ID BIGINT NOT NULL,
    CHATID BIGINT NOT NULL,
    CLIENTID BIGINT NOT NULL,
    KIND VARCHAR(10) NOT NULL,
    LASTMESSAGE BIGINT,
    UPDATED ${binary},
    PRIMARY KEY (ID)
);
ALTER TABLE TG_CURSOR ADD CONSTRAINT UNQ_TG_CURSOR_0 UNIQUE (CLIENTID, CHATID, KIND);

CREATE TABLE TG_DELIVERED_MEMBER (
    CURSORID BIGINT NOT NULL,
    MEMBERID BIGINT NOT NULL,
    PRIMARY KEY (CURSORID, MEMBERID)
);

CREATE TABLE TG_TELEGRAM_ACCOUNT (
    CLIENTID BIGINT NOT NULL,
    MASKEDPHONE VARCHAR(32),
    STATE VARCHAR(20) NOT NULL,
    STATESINCE ${binary},
    PRIMARY KEY (CLIENTID)
);
