package telegate.telegram.tdlib;

/** The native library could not be loaded; the message names the path tried. */
public class TdLibUnavailable extends Exception {

    public TdLibUnavailable(String message) {
        super(message, null, false, false);
    }
}
