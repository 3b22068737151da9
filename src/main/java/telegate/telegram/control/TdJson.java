package telegate.telegram.control;

/**
 * TDLib's JSON interface, the four C functions of {@code td_json_client.h}.
 * The native library and the emulated Telegram both implement it, so every
 * line above it is the code that runs against real Telegram.
 */
public interface TdJson {

    /** A new TDLib client instance; nothing happens until its first request. */
    int createClientId();

    /** Queues a request (a JSON object with {@code @type}) for one client; any thread. */
    void send(int clientId, String request);

    /**
     * The next answer or update of any client (each carries {@code @client_id}),
     * or {@code null} when none arrived within the timeout. Never called from two
     * threads at once.
     */
    String receive(double timeoutSeconds);

    /** Runs a request that TDLib can answer synchronously, with no client. */
    String execute(String request);
}
