/**
 * Telegram access: TDLib's JSON interface ({@code TdJson}), the one client that
 * speaks it ({@code TdClient}), login, name resolution, member listing and history
 * paging, the mapping of TDLib objects to Telegate's user and message objects,
 * the proxy each client's TDLib reaches Telegram through (the server's or the
 * client's own), and the emulated Telegram that stands in for the native library.
 */
package telegate.telegram;
