package telegate.telegram.control;

/** Work stopped because its {@link Cancellation} said so. */
public class Cancelled extends Exception {

    public Cancelled() {
        super("cancelled", null, false, false);
    }
}
