-- Cluster mode (TELEGATE_CLUSTER=true: several instances on one PostgreSQL database).
-- Portable SQL: H2 makes these tables too, and a single instance leaves them empty.

-- Who runs what: 'account-{clientId}' (a client's TDLib client and watchers) and
-- 'task-{name}' (the jobs that run once in the cluster). A holder keeps its lease by
-- renewing it before EXPIRESMILLIS (the database's clock, so instances' clocks may
-- differ); TOKEN grows with every new holder and fences the writes of an old one.
CREATE TABLE TG_LEASE (
    NAME VARCHAR(64) NOT NULL,
    -- the holding instance's name, '' once released
    HOLDER VARCHAR(128) NOT NULL,
    -- the holder's base URL, where the other instances relay its clients' connections
    ADDRESS VARCHAR(256) NOT NULL,
    TOKEN BIGINT NOT NULL,
    EXPIRESMILLIS BIGINT NOT NULL,
    PRIMARY KEY (NAME)
);

-- A client's TDLib session (its database folder, zipped; TDLib encrypts it with the session
-- key), saved by its owner so another instance can take the account over without a new login.
CREATE TABLE TG_SESSION (
    CLIENTID BIGINT NOT NULL,
    DATA ${binary} NOT NULL,
    SAVEDMILLIS BIGINT NOT NULL,
    PRIMARY KEY (CLIENTID)
);

-- The lease token of the instance that recorded an event (null on a single instance):
-- along a client's journal it never goes down, which is what fencing guarantees.
ALTER TABLE TG_JOURNAL ADD COLUMN LEASETOKEN BIGINT;

-- The emulated Telegram's changes in cluster mode, one line each (the format of its
-- changes.journal), numbered in the order every instance applies them.
CREATE TABLE TG_EMULATOR_CHANGE (
    SEQ BIGINT NOT NULL,
    LINE VARCHAR(256) NOT NULL,
    PRIMARY KEY (SEQ)
);
-- Rows locked FOR UPDATE to serialize a cluster-wide step ('emulator': one change at a time).
CREATE TABLE TG_LOCK (
    NAME VARCHAR(64) NOT NULL,
    PRIMARY KEY (NAME)
);
INSERT INTO TG_LOCK (NAME) VALUES ('emulator');
