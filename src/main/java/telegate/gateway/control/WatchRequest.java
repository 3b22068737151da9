package telegate.gateway.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The shapes of {@code watch}, {@code unwatch} (PROTOCOL.md 2.9) and {@code live} (2.10); empty when wrong. */
public final class WatchRequest {

    private static final int MAX_NAME_LENGTH = 256;

    private WatchRequest() {
    }

    /**
     * {@code {"group": ["a","b"] | "a"}}: the names, each once, in order. How many
     * is the caller's to judge (the per-client limit), not the shape's.
     */
    public static Optional<List<String>> names(JsonObject data) {
        JsonValue group = data.get("group");
        List<String> names = new ArrayList<>();
        if (group instanceof JsonString single) {
            names.add(single.getString());
        } else if (group instanceof JsonArray array) {
            for (JsonValue name : array) {
                if (!(name instanceof JsonString text)) {
                    return Optional.empty();
                }
                names.add(text.getString());
            }
        } else {
            return Optional.empty();
        }
        if (names.isEmpty() || names.stream().anyMatch(n -> n.isBlank() || n.length() > MAX_NAME_LENGTH)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(new LinkedHashSet<>(names)));
    }

    /**
     * {@code {}} or {@code {"after": "101"}} (a number is accepted too): empty
     * when {@code after} is not a whole number of zero or more.
     */
    public static Optional<OptionalLong> after(JsonObject data) {
        JsonValue after = data.get("after");
        if (after == null || after == JsonValue.NULL) {
            return Optional.of(OptionalLong.empty());
        }
        try {
            long seq;
            if (after instanceof JsonString text) {
                seq = Long.parseLong(text.getString().trim());
            } else if (after instanceof JsonNumber number && number.isIntegral()) {
                seq = number.longValueExact();
            } else {
                return Optional.empty();
            }
            return seq < 0 ? Optional.empty() : Optional.of(OptionalLong.of(seq));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
