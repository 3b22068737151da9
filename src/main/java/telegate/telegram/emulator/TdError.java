package telegate.telegram.emulator;

/**
 * A request that TDLib answers with an {@code error} object. Thrown by the
 * request handlers and turned into the answer by {@link RequestRouter}.
 */
final class TdError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    TdError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static TdError badRequest(String message) {
        return new TdError(400, message);
    }

    int code() {
        return code;
    }
}
