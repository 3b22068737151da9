package telegate.harvest.control;

import java.util.List;

/**
 * The names of a stream request resolved to chats, in order, each name once; or
 * why the request stops at {@code name}, the first that could not be streamed.
 */
public record Resolution(List<ChatRequest> chats, Refusal refusal, String name) {

    /** Why a request is not streamed. */
    public enum Refusal {
        /** The name resolves to no chat (or none of this stream's kind). */
        NOT_FOUND,
        /** {@code users} of a channel, whose members cannot be listed. */
        A_CHANNEL,
        /** Telegram did not answer in time. */
        UNREACHABLE,
        /** The request was cancelled while its names were resolved (during a flood wait). */
        CANCELLED
    }

    public static Resolution of(List<ChatRequest> chats) {
        return new Resolution(List.copyOf(chats), null, null);
    }

    public static Resolution refused(Refusal refusal, String name) {
        return new Resolution(List.of(), refusal, name);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
