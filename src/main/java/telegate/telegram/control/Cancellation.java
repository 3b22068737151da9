package telegate.telegram.control;

/** Lets long Telegram work stop early: a cancelled stream, a closed socket. */
@FunctionalInterface
public interface Cancellation {

    Cancellation NEVER = () -> false;

    boolean isCancelled();
}
