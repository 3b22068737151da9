package telegate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** Client frames of the protocol, and readers of server frames, for tests. */
public final class Frames {

    private Frames() {
    }

    public static JsonObject login(String apiKey) {
        return Json.createObjectBuilder().add("apiKey", apiKey).build();
    }

    public static JsonObject phone(String phone) {
        return Json.createObjectBuilder().add("phone", phone).build();
    }

    public static JsonObject code(String code) {
        return Json.createObjectBuilder().add("code", code).build();
    }

    public static JsonObject password(String password) {
        return Json.createObjectBuilder().add("password", password).build();
    }

    public static JsonObject users(String status, String... groups) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String group : groups) {
            names.add(group);
        }
        return Json.createObjectBuilder().add("group", names).add("status", status).build();
    }

    public static JsonObject chats(String status, String... groups) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String group : groups) {
            names.add(Json.createObjectBuilder().add("name", group).add("status", status));
        }
        return Json.createObjectBuilder().add("group", names).add("status", "").build();
    }

    public static JsonObject chatsAfter(String group, String after) {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("name", group).add("status", "latest")
                .add("after", after);
        return Json.createObjectBuilder().add("group", Json.createArrayBuilder().add(entry)).add("status", "")
                .build();
    }

    /** {@code {"status":..,"message":..}} of a frame's data, as text, for exact comparison. */
    public static String statusAndMessage(JsonObject data) {
        return data.getString("status") + ": " + data.get("message");
    }

    /** The message numbers of the {@code chats} item frames, in order. */
    public static List<Long> messageIds(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getJsonObject("data").get("message"))
                .filter(m -> m instanceof JsonObject o && o.containsKey("chat"))
                .map(m -> Long.parseLong(m.asJsonObject().getJsonObject("chat").getString("id"))).toList();
    }

    /** The user objects of the {@code users} item frames, in order. */
    public static List<JsonObject> users(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getJsonObject("data").get("message"))
                .filter(m -> m instanceof JsonObject o && o.containsKey("user"))
                .map(m -> m.asJsonObject().getJsonObject("user")).toList();
    }

    public static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }
}
