/**
 * The native TDLib library ({@code libtdjson}) behind {@link telegate.telegram.control.TdJson}:
 * loading it (the packaged build, or TELEGATE_TDJSON_PATH), calling its four
 * {@code td_*} functions through JNA, and forwarding its log to the server log.
 */
package telegate.telegram.tdlib;
