-- Live (PROTOCOL.md 2.9, 2.10): the chats each client watches, and its journal of
-- what happened in them. Times are epoch milliseconds (BIGINT): portable, and
-- unlike release 0.1's serialized instants readable in any SQL client.

CREATE TABLE TG_WATCH (
    ID BIGINT NOT NULL,
    CLIENTID BIGINT NOT NULL,
    CHATID BIGINT NOT NULL,
    -- the name as the client wrote it in watch, echoed in every frame
    GROUPNAME VARCHAR(256) NOT NULL,
    CHATKIND VARCHAR(16) NOT NULL,
    CHATGROUPID BIGINT NOT NULL,
    CHATTITLE VARCHAR(256),
    CHATUSERNAME VARCHAR(64),
    SINCEMILLIS BIGINT NOT NULL,
    -- the newest message number recorded: history after it is read to fill gaps
    LASTRECORDED BIGINT NOT NULL,
    -- set when retention dropped undelivered events; announced by the next live
    DROPPEDBEFOREMILLIS BIGINT,
    PRIMARY KEY (ID),
    CONSTRAINT UNQ_TG_WATCH_CLIENT_CHAT UNIQUE (CLIENTID, CHATID)
);
INSERT INTO TG_ID (SEQ_NAME, SEQ_COUNT) VALUES ('watch', 0);

CREATE TABLE TG_JOURNAL (
    CLIENTID BIGINT NOT NULL,
    -- the event's position in its client's journal: only grows
    SEQ BIGINT NOT NULL,
    CHATID BIGINT NOT NULL,
    KIND VARCHAR(8) NOT NULL,
    -- the message number of a new message or an edit (0 for a deletion)
    MESSAGENUMBER BIGINT NOT NULL,
    -- the frame's message object as JSON text, written once when recorded
    PAYLOAD VARCHAR NOT NULL,
    RECORDEDMILLIS BIGINT NOT NULL,
    PRIMARY KEY (CLIENTID, SEQ)
);
CREATE INDEX TG_JOURNAL_CHAT ON TG_JOURNAL (CLIENTID, CHATID, SEQ);
CREATE INDEX TG_JOURNAL_RECORDED ON TG_JOURNAL (RECORDEDMILLIS);
