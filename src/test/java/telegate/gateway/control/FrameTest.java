package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import telegate.gateway.boundary.FrameEncoder;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.MessageView.ForwardView;
import telegate.telegram.entity.MessageView.MediaView;
import telegate.telegram.entity.UserView;

/** The JSON text of frames and of the member and message objects (PROTOCOL.md 0, 2.2, 2.3, 2.7). */
class FrameTest {

    private static final List<String> USER_KEYS = List.of("id", "username", "firstName", "lastName", "phone",
            "isBot", "isPremium", "isVerified", "isScam", "isFake", "isDeleted", "lastSeen", "memberStatus",
            "joinedAt", "invitedBy");
    private static final List<String> MESSAGE_KEYS = List.of("id", "date", "editDate", "senderId", "senderType",
            "senderName", "type", "text", "media", "replyToId", "threadId", "forwardedFrom", "views", "forwards",
            "reactions", "albumId", "isPinned", "link");
    private static final List<String> MEDIA_KEYS = List.of("fileName", "mimeType", "size", "duration", "width",
            "height", "download");
    private static final List<String> FORWARD_KEYS = List.of("type", "id", "name", "date");

    private static Jsonb jsonb;

    @BeforeAll
    static void createJsonb() {
        jsonb = JsonbBuilder.create();
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    // ---- the objects of 2.3

    @Test
    void userWithUnknownValuesKeepsEveryKeyInDocumentedOrder() {
        UserView user = new UserView("777000", null, "Telegram", null, null, false, false, true, false, false,
                false, null, "member", null, null);

        String json = jsonb.toJson(user);

        assertThat(keys(json)).containsExactlyElementsOf(USER_KEYS);
        assertThat(json).contains("\"username\":null", "\"lastName\":null", "\"phone\":null", "\"lastSeen\":null",
                "\"joinedAt\":null", "\"invitedBy\":null");
        JsonObject parsed = parse(json);
        assertThat(parsed.getString("id")).isEqualTo("777000");
        assertThat(parsed.getBoolean("isVerified")).isTrue();
    }

    @Test
    void messageWithUnknownValuesKeepsEveryKeyInDocumentedOrder() {
        MessageView message = new MessageView("4211", "2026-11-24T19:57:05Z", null, null, null, null, "service", "",
                null, null, null, null, null, null, Map.of(), null, false, null);

        String json = jsonb.toJson(message);

        assertThat(keys(json)).containsExactlyElementsOf(MESSAGE_KEYS);
        JsonObject parsed = parse(json);
        for (String key : List.of("editDate", "senderId", "senderType", "senderName", "media", "replyToId",
                "threadId", "forwardedFrom", "views", "forwards", "albumId", "link")) {
            assertThat(parsed.get(key)).as(key).isEqualTo(JsonValue.NULL);
        }
        assertThat(parsed.getJsonObject("reactions")).isEmpty();
        assertThat(parsed.getString("text")).isEmpty();
    }

    @Test
    void mediaAndForwardKeepEveryKeyInDocumentedOrder() {
        MessageView message = new MessageView("4211", "2026-11-24T19:57:05Z", null, "136817688", "user", "Alice",
                "document", "", new MediaView("report.pdf", "application/pdf", 123_456L, null, null, null,
                        "/api/files/-1001000000001/4211"), "4200",
                null, new ForwardView("hiddenUser", null, "Anonymous Fox", "2026-11-24T18:57:05Z"), 10, 0,
                reactions(), "13871292794312345", true, "https://t.me/UnderWorld4444/4211");

        String json = jsonb.toJson(message);
        JsonObject parsed = parse(json);

        assertThat(keys(parsed.getJsonObject("media").toString())).containsExactlyElementsOf(MEDIA_KEYS);
        assertThat(keys(parsed.getJsonObject("forwardedFrom").toString())).containsExactlyElementsOf(FORWARD_KEYS);
        assertThat(json).contains("\"media\":{\"fileName\":\"report.pdf\",\"mimeType\":\"application/pdf\","
                + "\"size\":123456,\"duration\":null,\"width\":null,\"height\":null,"
                + "\"download\":\"/api/files/-1001000000001/4211\"}");
        assertThat(json).contains("\"forwardedFrom\":{\"type\":\"hiddenUser\",\"id\":null,\"name\":\"Anonymous Fox\","
                + "\"date\":\"2026-11-24T18:57:05Z\"}");
        assertThat(json).contains("\"reactions\":{\"👍\":12,\"🔥\":3}");
        assertThat(parsed.getInt("views")).isEqualTo(10);
        assertThat(parsed.getBoolean("isPinned")).isTrue();
    }

    // ---- frames

    @Test
    void successFrameIsStatusThenMessage() {
        assertThat(FrameEncoder.toJson(Frame.success("login", "send phone number")))
                .isEqualTo("{\"event\":\"login\",\"data\":{\"status\":\"success\",\"message\":\"send phone number\"}}");
    }

    @Test
    void failedFrameIsStatusThenMessage() {
        assertThat(FrameEncoder.toJson(Frame.failed("users", "testgroup00009 does not exist")))
                .isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"failed\","
                        + "\"message\":\"testgroup00009 does not exist\"}}");
    }

    @Test
    void usersCompletedFrameHasCountAndPartial() {
        assertThat(FrameEncoder.toJson(Frame.completed("users", Map.of("a", 2L), List.of())))
                .isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"success\",\"message\":\"completed\","
                        + "\"count\":{\"a\":2},\"partial\":[]}}");
    }

    @Test
    void completedCountKeepsGroupOrderAndNamesPartialGroups() {
        Map<String, Long> count = new LinkedHashMap<>();
        count.put("testgroup00002", 20L);
        count.put("hiddengroup", 3L);

        assertThat(FrameEncoder.toJson(Frame.completed("users", count, List.of("hiddengroup"))))
                .isEqualTo("{\"event\":\"users\",\"data\":{\"status\":\"success\",\"message\":\"completed\","
                        + "\"count\":{\"testgroup00002\":20,\"hiddengroup\":3},\"partial\":[\"hiddengroup\"]}}");
    }

    @Test
    void chatsCompletedFrameHasNoPartialKey() {
        String json = FrameEncoder.toJson(Frame.completed("chats", Map.of("UnderWorld4444", 120L), null));

        assertThat(json).isEqualTo("{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":\"completed\","
                + "\"count\":{\"UnderWorld4444\":120}}}");
        assertThat(json).doesNotContain("partial");
    }

    @Test
    void waitingFrameCarriesRetryAfter() {
        assertThat(FrameEncoder.toJson(Frame.waiting("chats", 17)))
                .isEqualTo("{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":\"waiting\","
                        + "\"retryAfter\":17}}");
    }

    @Test
    void memberFrameNestsGroupAndUserWithNullsKept() {
        UserView user = new UserView("777000", null, "Telegram", null, null, false, false, true, false, false,
                false, "recently", "member", null, null);

        String json = FrameEncoder.toJson(Frame.member("testgroup00001", user));

        assertThat(json).startsWith("{\"event\":\"users\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"group\":\"testgroup00001\",\"user\":{\"id\":\"777000\",\"username\":null,");
        JsonObject userJson = parse(json).getJsonObject("data").getJsonObject("message").getJsonObject("user");
        assertThat(keys(userJson.toString())).containsExactlyElementsOf(USER_KEYS);
    }

    @Test
    void messageFrameNestsGroupAndChatWithNullsKept() {
        MessageView message = new MessageView("4211", "2026-11-24T19:57:05Z", null, "136817688", "user", null,
                "text", "hello", null, null, null, null, null, null, Map.of(), null, false, null);

        String json = FrameEncoder.toJson(Frame.message("UnderWorld4444", message));

        assertThat(json).startsWith("{\"event\":\"chats\",\"data\":{\"status\":\"success\",\"message\":"
                + "{\"group\":\"UnderWorld4444\",\"chat\":{\"id\":\"4211\",");
        JsonObject chatJson = parse(json).getJsonObject("data").getJsonObject("message").getJsonObject("chat");
        assertThat(keys(chatJson.toString())).containsExactlyElementsOf(MESSAGE_KEYS);
    }

    // ---- helpers

    private static Map<String, Integer> reactions() {
        Map<String, Integer> reactions = new LinkedHashMap<>();
        reactions.put("👍", 12);
        reactions.put("🔥", 3);
        return reactions;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The top-level keys of a JSON object, in the order the text has them. */
    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            int depth = 0;
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1) {
                            keys.add(parser.getString());
                        }
                    }
                    default -> {
                        // values
                    }
                }
            }
        }
        return keys;
    }
}
