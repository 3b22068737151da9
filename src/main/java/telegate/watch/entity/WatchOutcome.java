package telegate.watch.entity;

/** How a {@code watch} request ended (PROTOCOL.md 2.9); {@code name} is the one that did not resolve. */
public record WatchOutcome(Result result, String name) {

    public enum Result {
        WATCHING, DOES_NOT_EXIST, TOO_MANY, UNREACHABLE, CANCELLED
    }

    public static WatchOutcome of(Result result) {
        return new WatchOutcome(result, null);
    }
}
