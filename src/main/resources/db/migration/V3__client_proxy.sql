-- A client's own proxy for Telegram (PUT /api/clients/{id}/proxy), over TELEGATE_TELEGRAM_PROXY.
-- A client without a row uses the server's proxy. URL holds the password or MTProto secret as
-- given: this table is as secret as the setting (answers mask it, logs never show it).
-- Portable SQL: H2 and PostgreSQL alike.

CREATE TABLE TG_CLIENT_PROXY (
    CLIENTID BIGINT NOT NULL,
    URL VARCHAR(2048) NOT NULL,
    PRIMARY KEY (CLIENTID),
    CONSTRAINT FK_TG_CLIENT_PROXY_CLIENT FOREIGN KEY (CLIENTID) REFERENCES TG_CLIENT (ID)
);
