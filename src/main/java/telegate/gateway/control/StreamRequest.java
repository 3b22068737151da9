package telegate.gateway.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import telegate.harvest.control.ChatRequest.Start;

/**
 * The names of a {@code users} or {@code chats} request with where each starts, read
 * from the shapes of PROTOCOL.md 1.3, 1.4 and 2.4; empty when the shape is wrong.
 */
public record StreamRequest(List<Entry> entries) {

    static final int MAX_NAMES = 100;
    private static final int MAX_NAME_LENGTH = 256;

    /** A name as the client wrote it, and where its stream starts. */
    public record Entry(String name, Start start) {
    }

    /** {@code {"group": ["a","b"] | "a", "status": "" | "latest"}}. */
    public static Optional<StreamRequest> users(JsonObject data) {
        Optional<Start> start = start(data.get("status"), Start.ALL);
        JsonValue group = data.get("group");
        if (start.isEmpty() || group == null) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        if (group instanceof JsonString single) {
            entries.add(new Entry(single.getString(), start.get()));
        } else if (group instanceof JsonArray names) {
            for (JsonValue name : names) {
                if (!(name instanceof JsonString text)) {
                    return Optional.empty();
                }
                entries.add(new Entry(text.getString(), start.get()));
            }
        }
        return checked(entries);
    }

    /** {@code {"group": [{"name":..,"status":..,"after":..} | "name", ...] | "name", "status": default}}. */
    public static Optional<StreamRequest> chats(JsonObject data) {
        Optional<Start> fallback = start(data.get("status"), Start.ALL);
        if (fallback.isPresent() && data.get("group") instanceof JsonString single) {
            return checked(List.of(new Entry(single.getString(), fallback.get())));
        }
        if (fallback.isEmpty() || !(data.get("group") instanceof JsonArray groups)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonValue group : groups) {
            if (group instanceof JsonString name) {
                entries.add(new Entry(name.getString(), fallback.get()));
            } else if (group instanceof JsonObject item && item.get("name") instanceof JsonString name) {
                Optional<Start> start = item.containsKey("after") ? after(item.get("after"))
                        : start(item.get("status"), fallback.get());
                if (start.isEmpty()) {
                    return Optional.empty();
                }
                entries.add(new Entry(name.getString(), start.get()));
            } else {
                return Optional.empty();
            }
        }
        return checked(entries);
    }

    private static Optional<StreamRequest> checked(List<Entry> entries) {
        if (entries.isEmpty() || entries.size() > MAX_NAMES) {
            return Optional.empty();
        }
        for (Entry entry : entries) {
            if (entry.name().isBlank() || entry.name().length() > MAX_NAME_LENGTH) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamRequest(List.copyOf(entries)));
    }

    private static Optional<Start> start(JsonValue status, Start fallback) {
        if (status == null || status == JsonValue.NULL) {
            return Optional.of(fallback);
        }
        if (!(status instanceof JsonString text)) {
            return Optional.empty();
        }
        return switch (text.getString()) {
            case "" -> Optional.of(Start.ALL);
            case Texts.STATUS_LATEST -> Optional.of(Start.LATEST);
            default -> Optional.empty();
        };
    }

    private static Optional<Start> after(JsonValue after) {
        try {
            long number;
            if (after instanceof JsonString text) {
                number = Long.parseLong(text.getString().trim());
            } else if (after instanceof JsonNumber value && value.isIntegral()) {
                number = value.longValueExact();
            } else {
                return Optional.empty();
            }
            return number < 0 ? Optional.empty() : Optional.of(Start.after(number));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
