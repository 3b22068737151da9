/**
 * The emulated Telegram: a {@link telegate.telegram.control.TdJson} that answers
 * TDLib's JSON requests (login, chats, members, history) from a generated,
 * deterministic data set, so the product can be tried and tested with no
 * network, no API id and no phone.
 *
 * <p>{@link telegate.telegram.emulator.EmulatedTelegram} is the entry point; it
 * handles each request synchronously inside {@code send} (in order per client)
 * and queues the answers and updates for {@code receive}. The data set
 * ({@link telegate.telegram.emulator.DataSet}) is a contract documented in
 * {@code EMULATOR.md}: members and messages are computed from their index on
 * demand, so a chat of a million messages costs no memory; only what changes
 * later through the emulator's own API ({@code addMessage}, {@code addMember},
 * {@code editMessage}, {@code deleteMessage}, ticks) is stored, by
 * {@link telegate.telegram.emulator.ChatActivity}, which sends the clients
 * TDLib's updates for it ({@link telegate.telegram.emulator.ChatUpdates}) and,
 * given a folder, keeps it across restarts
 * ({@link telegate.telegram.emulator.ChangeJournal}); in cluster mode the changes
 * are kept in the database the instances share, each instance applying the
 * others' as they come ({@link telegate.telegram.emulator.SharedChatActivity}),
 * where they are kept being chosen with a
 * {@link telegate.telegram.emulator.ChangeStore}.
 *
 * <p>Media messages have files whose bytes are generated from their message
 * ({@link telegate.telegram.emulator.EmulatedFile}, public for tests through
 * {@link telegate.telegram.emulator.EmulatedFiles}); {@code downloadFile} writes
 * them into the client's files directory as TDLib does, paced on threads of their
 * own ({@link telegate.telegram.emulator.FileRequests},
 * {@link telegate.telegram.emulator.Download},
 * {@link telegate.telegram.emulator.LocalFiles}).
 */
package telegate.telegram.emulator;
