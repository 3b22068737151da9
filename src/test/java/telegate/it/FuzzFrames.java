package telegate.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated client frames for the fuzz test, from a fixed seed: random text,
 * truncated and deeply nested JSON, wrong types in every field of every event,
 * huge numbers and unicode edge cases.
 */
final class FuzzFrames {

    static final List<String> EVENTS = List.of("login", "telegram login", "users", "chats", "cancel", "error",
            "", "LOGIN", "users ", "dance", "\u0000", "日本");
    private static final List<String> FIELDS = List.of("apiKey", "phone", "code", "password", "group", "status",
            "name", "after");
    private static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1e309", "-0.0",
            "123456789012345678901234567890", "9223372036854775808", "\"\"", "\" \"", "\"latest\"",
            "\"testgroup00001\"", "\"UnderWorld4444\"", "\"nosuchgroup\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"",
            "\"\\ud800\"", "\"" + "é".repeat(300) + "\"", "[]", "{}", "[null]", "[1,2,3]", "[\"testgroup00002\"]",
            "[{\"name\":5}]", "[{\"name\":\"testgroup00002\",\"status\":7}]",
            "[{\"name\":\"testgroup00002\",\"after\":\"-3\"}]", "{\"a\":{\"b\":[]}}", "\"+9991234\"", "\"12ab\"");

    private final Random random;

    FuzzFrames(long seed) {
        random = new Random(seed);
    }

    List<String> frames(int count) {
        List<String> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(switch (random.nextInt(7)) {
                case 0 -> randomText();
                case 1 -> truncated();
                case 2 -> nested();
                case 3, 4 -> wrongTypes();
                case 5 -> withoutData();
                default -> unicodeEvent();
            });
        }
        return frames;
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(4) == 0 ? random.nextInt(0xD7FF) : 32 + random.nextInt(95);
            text.append((char) c);
        }
        return text.toString();
    }

    private String truncated() {
        String whole = wrongTypes();
        return whole.substring(0, random.nextInt(whole.length()));
    }

    private String nested() {
        int depth = 1 + random.nextInt(5000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"event\":\"login\",\"data\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String wrongTypes() {
        StringBuilder data = new StringBuilder("{");
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                data.append(',');
            }
            data.append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":")
                    .append(VALUES.get(random.nextInt(VALUES.size())));
        }
        data.append('}');
        String dataValue = random.nextInt(8) == 0 ? VALUES.get(random.nextInt(VALUES.size())) : data.toString();
        return "{\"event\":\"" + escape(EVENTS.get(random.nextInt(EVENTS.size()))) + "\",\"data\":" + dataValue
                + "}";
    }

    private String withoutData() {
        return "{\"event\":" + VALUES.get(random.nextInt(VALUES.size())) + "}";
    }

    private String unicodeEvent() {
        return "{\"event\":\"\\u202e" + "\uD83D\uDE00".repeat(random.nextInt(50)) + "\",\"data\":{}}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000");
    }
}
