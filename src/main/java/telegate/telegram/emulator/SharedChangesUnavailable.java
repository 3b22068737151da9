package telegate.telegram.emulator;

/**
 * In cluster mode, a change that could not be made because the shared database
 * could not be read or written (or the emulator is stopping): it was applied
 * nowhere, and may be tried again. An {@link IllegalStateException}, so callers
 * that do not tell it apart see a failure of the server, not of their request.
 */
final class SharedChangesUnavailable extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SharedChangesUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
