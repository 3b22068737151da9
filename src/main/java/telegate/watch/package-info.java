/**
 * Live (PROTOCOL.md 2.9, 2.10): the chats each client watches, kept open and
 * followed while the server runs, whether the client is connected or not; every
 * new message, edit and deletion recorded in the client's journal (gaps filled
 * from the history, nothing recorded twice); and the {@code live} stream that
 * reads the journal from the client's position, then pushes what is recorded.
 */
package telegate.watch;
