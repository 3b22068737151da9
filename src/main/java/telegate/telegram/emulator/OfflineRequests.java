package telegate.telegram.emulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests TDLib answers without an account or a network, in any state; some of
 * them also through {@code execute}.
 */
final class OfflineRequests {

    /** The TDLib version whose schema the emulator follows. */
    static final String VERSION = "1.8.66";

    private static final Pattern ENTITIES = Pattern.compile(
            "(?<url>https?://[^\\s]+|t\\.me/[^\\s]+)|(?<![\\w@])(?<mention>@[A-Za-z][A-Za-z0-9_]{3,31})|(?<![\\w#])(?<hashtag>#[\\p{L}\\p{N}_]+)");

    void register(RequestRouter router) {
        router.on("getOption", RequestRouter.Access.ANY_STATE, this::getOption)
                .on("setLogVerbosityLevel", RequestRouter.Access.ANY_STATE, (request, session, out) -> TdObjects.ok())
                .on("getTextEntities", RequestRouter.Access.ANY_STATE, (request, session, out) -> textEntities(request));
    }

    /** Whether {@code execute} may run this request. */
    boolean isSynchronous(String type) {
        return type.equals("getTextEntities") || type.equals("setLogVerbosityLevel") || type.equals("getOption");
    }

    JsonObject execute(JsonObject request) {
        String type = TdObjects.string(request, "@type", "");
        return switch (type) {
            case "getTextEntities" -> textEntities(request);
            case "setLogVerbosityLevel" -> TdObjects.ok();
            case "getOption" -> option(TdObjects.string(request, "name", ""), null);
            default -> throw new IllegalArgumentException(type);
        };
    }

    private JsonObject getOption(JsonObject request, EmulatedSession session, Outbox out) {
        return option(TdObjects.string(request, "name", ""), session);
    }

    private static JsonObject option(String name, EmulatedSession session) {
        if (name.equals("version")) {
            return TdObjects.object("optionValueString").add("value", VERSION).build();
        }
        if (name.equals("my_id") && session != null && session.state() == AuthorizationState.READY) {
            return TdObjects.object("optionValueInteger").add("value", TdObjects.int64(UserDirectory.ACCOUNT_USER_ID)).build();
        }
        return TdObjects.object("optionValueEmpty").build();
    }

    /** Finds URLs, mentions and hashtags (offsets in UTF-16 code units, as Java strings count). */
    static JsonObject textEntities(JsonObject request) {
        String text = TdObjects.string(request, "text", "");
        JsonArrayBuilder entities = TdObjects.array();
        Matcher matcher = ENTITIES.matcher(text);
        while (matcher.find()) {
            String type = matcher.group("url") != null ? "textEntityTypeUrl"
                    : matcher.group("mention") != null ? "textEntityTypeMention" : "textEntityTypeHashtag";
            entities.add(TdObjects.object("textEntity")
                    .add("offset", matcher.start())
                    .add("length", matcher.end() - matcher.start())
                    .add("type", TdObjects.object(type)));
        }
        return TdObjects.object("textEntities").add("entities", entities).build();
    }
}
