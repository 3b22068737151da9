package telegate.gateway.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import telegate.platform.control.JsonStrings;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.ForwardView;
import telegate.telegram.entity.MessageView.MediaView;
import telegate.telegram.entity.UserView;

/**
 * The item frames of a stream, written directly: JSON-B's reflection per frame
 * was a large share of a stream's cost. The text is exactly what
 * {@link telegate.gateway.boundary.FrameEncoder} writes for the same frame
 * (FrameWriterTest compares the two), so clients see no difference.
 */
public final class FrameWriter {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private FrameWriter() {
    }

    /** Any frame, with JSON-B (the few control frames of a connection: answers, acks, closing frames). */
    public static String control(Frame frame) {
        return JSONB.toJson(frame);
    }

    /** An item frame as text, and its size in bytes of UTF-8 (counted while writing it). */
    public record ItemFrame(String text, int bytes) {
    }

    public static ItemFrame member(String group, UserView user) {
        Text out = start(Texts.USERS, group, 400);
        out.append(",\"user\":{\"id\":");
        string(out, user.id());
        out.append(",\"username\":");
        string(out, user.username());
        out.append(",\"firstName\":");
        string(out, user.firstName());
        out.append(",\"lastName\":");
        string(out, user.lastName());
        out.append(",\"phone\":");
        string(out, user.phone());
        out.append(",\"isBot\":").append(user.isBot());
        out.append(",\"isPremium\":").append(user.isPremium());
        out.append(",\"isVerified\":").append(user.isVerified());
        out.append(",\"isScam\":").append(user.isScam());
        out.append(",\"isFake\":").append(user.isFake());
        out.append(",\"isDeleted\":").append(user.isDeleted());
        out.append(",\"lastSeen\":");
        string(out, user.lastSeen());
        out.append(",\"memberStatus\":");
        string(out, user.memberStatus());
        out.append(",\"joinedAt\":");
        string(out, user.joinedAt());
        out.append(",\"invitedBy\":");
        string(out, user.invitedBy());
        return out.append("}}}}").done();
    }

    public static ItemFrame message(String group, MessageView message) {
        Text out = start(Texts.CHATS, group, 600);
        out.append(",\"chat\":{\"id\":");
        string(out, message.id());
        out.append(",\"date\":");
        string(out, message.date());
        out.append(",\"editDate\":");
        string(out, message.editDate());
        out.append(",\"senderId\":");
        string(out, message.senderId());
        out.append(",\"senderType\":");
        string(out, message.senderType());
        out.append(",\"senderName\":");
        string(out, message.senderName());
        out.append(",\"type\":");
        string(out, message.type());
        out.append(",\"text\":");
        string(out, message.text());
        out.append(",\"media\":");
        media(out, message.media());
        out.append(",\"replyToId\":");
        string(out, message.replyToId());
        out.append(",\"threadId\":");
        string(out, message.threadId());
        out.append(",\"forwardedFrom\":");
        forward(out, message.forwardedFrom());
        out.append(",\"views\":");
        number(out, message.views());
        out.append(",\"forwards\":");
        number(out, message.forwards());
        out.append(",\"reactions\":");
        reactions(out, message.reactions());
        out.append(",\"albumId\":");
        string(out, message.albumId());
        out.append(",\"isPinned\":").append(message.isPinned());
        out.append(",\"link\":");
        string(out, message.link());
        return out.append("}}}}").done();
    }

    private static Text start(String event, String group, int capacity) {
        Text out = new Text(capacity);
        out.append("{\"event\":\"").append(event).append("\",\"data\":{\"status\":\"success\",\"message\":{\"group\":");
        string(out, group);
        return out;
    }

    private static void media(Text out, MediaView media) {
        if (media == null) {
            out.append("null");
            return;
        }
        out.append("{\"fileName\":");
        string(out, media.fileName());
        out.append(",\"mimeType\":");
        string(out, media.mimeType());
        out.append(",\"size\":");
        number(out, media.size());
        out.append(",\"duration\":");
        number(out, media.duration());
        out.append(",\"width\":");
        number(out, media.width());
        out.append(",\"height\":");
        number(out, media.height());
        out.append(",\"download\":");
        string(out, media.download());
        out.append('}');
    }

    private static void forward(Text out, ForwardView forward) {
        if (forward == null) {
            out.append("null");
            return;
        }
        out.append("{\"type\":");
        string(out, forward.type());
        out.append(",\"id\":");
        string(out, forward.id());
        out.append(",\"name\":");
        string(out, forward.name());
        out.append(",\"date\":");
        string(out, forward.date());
        out.append('}');
    }

    private static void reactions(Text out, Map<String, Integer> reactions) {
        if (reactions == null) {
            out.append("null");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Integer> reaction : reactions.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, reaction.getKey());
            out.append(':');
            number(out, reaction.getValue());
        }
        out.append('}');
    }

    private static void number(Text out, Number value) {
        if (value == null) {
            out.append("null");
        } else {
            out.append(value);
        }
    }

    /** A JSON string as JSON-P writes it, or null. */
    static void string(Text out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            out.extraBytes += JsonStrings.appendQuoted(out.chars, value);
        }
    }

    /** A frame being written, and how many more UTF-8 bytes than characters it has so far. */
    private static final class Text {
        private final StringBuilder chars;
        private int extraBytes;

        Text(int capacity) {
            chars = new StringBuilder(capacity);
        }

        /** ASCII only: keys, punctuation, numbers, booleans. */
        Text append(Object ascii) {
            chars.append(ascii);
            return this;
        }

        Text append(String ascii) {
            chars.append(ascii);
            return this;
        }

        Text append(char ascii) {
            chars.append(ascii);
            return this;
        }

        Text append(boolean value) {
            chars.append(value);
            return this;
        }

        ItemFrame done() {
            return new ItemFrame(chars.toString(), chars.length() + extraBytes);
        }
    }
}
