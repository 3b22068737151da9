package telegate.telegram.emulator;

import telegate.platform.control.JsonStrings;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Writes TDLib objects straight to JSON text, for the answers the emulator sends
 * in bulk (history pages): building {@code JsonObject}s and writing them with
 * JSON-P cost several times more than the text itself.
 *
 * <p>The text is exactly what JSON-P (Parsson) writes for the same object built
 * with the same keys in the same order: no whitespace, strings escaped as
 * Parsson escapes them ({@link #appendString}), numbers as Parsson prints them.
 * Callers write keys in the order the object has them; the writer adds the
 * commas and colons. Keys and class names are the constant ASCII names of
 * TDLib's API and are not escaped.
 */
final class JsonText {

    private final StringBuilder out;
    /** Whether a value was just written at this level, so the next member or element needs a comma. */
    private boolean afterValue;

    JsonText(StringBuilder out) {
        this.out = out;
    }

    /** Opens a TDLib object and writes its {@code @type} (a class name: not escaped, see {@link #key}). */
    JsonText object(String type) {
        separate();
        out.append("{\"@type\":\"").append(type).append('"');
        afterValue = true;
        return this;
    }

    /**
     * Starts the member {@code name}: the next object or array written is its value.
     * Names (and class names) are TDLib's, plain ASCII letters, digits and
     * {@code _@}: written as they are, since scanning them for characters to
     * escape took a fifth of the time of a page.
     */
    JsonText key(String name) {
        separate();
        out.append('"').append(name).append("\":");
        afterValue = false;
        return this;
    }

    JsonText end() {
        out.append('}');
        afterValue = true;
        return this;
    }

    JsonText field(String name, String value) {
        key(name);
        appendString(out, value);
        afterValue = true;
        return this;
    }

    JsonText field(String name, long value) {
        key(name);
        out.append(value);
        afterValue = true;
        return this;
    }

    JsonText field(String name, boolean value) {
        key(name);
        out.append(value);
        afterValue = true;
        return this;
    }

    /**
     * Like JSON-P, which keeps a double as {@code BigDecimal.valueOf}: 1.0E-4 is
     * written 0.00010, and both zeros 0.0 (every message has two zero doubles,
     * so they skip the BigDecimal).
     */
    JsonText field(String name, double value) {
        key(name);
        out.append(value == 0.0 ? "0.0" : BigDecimal.valueOf(value).toString());
        afterValue = true;
        return this;
    }

    /** An int64 field, written as a string like {@link TdObjects#int64}. */
    JsonText int64(String name, long value) {
        key(name);
        out.append('"').append(value).append('"');
        afterValue = true;
        return this;
    }

    JsonText emptyArray(String name) {
        key(name);
        out.append("[]");
        afterValue = true;
        return this;
    }

    /** Opens the array member {@code name}; its elements follow, then {@link #endArray}. */
    JsonText array(String name) {
        key(name);
        out.append('[');
        afterValue = false;
        return this;
    }

    JsonText element(long value) {
        separate();
        out.append(value);
        afterValue = true;
        return this;
    }

    JsonText element(String value) {
        separate();
        appendString(out, value);
        afterValue = true;
        return this;
    }

    JsonText endArray() {
        out.append(']');
        afterValue = true;
        return this;
    }

    /**
     * The text of members that are the same in every object of a kind, such as
     * the {@code local} part of a file nobody downloaded: prepared once, then
     * written with {@link #members}, which costs a fraction of writing them one
     * by one (a page has thousands of them).
     */
    static String fixedMembers(Consumer<JsonText> writer) {
        StringBuilder text = new StringBuilder();
        writer.accept(new JsonText(text));
        return text.toString();
    }

    /** Writes members prepared by {@link #fixedMembers} as the next members of the open object. */
    JsonText members(String fixed) {
        separate();
        out.append(fixed);
        afterValue = true;
        return this;
    }

    /** A {@code formattedText} without entities, as {@link TdObjects#formattedText} builds it. */
    JsonText formattedText(String name, String text) {
        return key(name).object("formattedText").field("text", text).emptyArray("entities").end();
    }

    private void separate() {
        if (afterValue) {
            out.append(',');
        }
    }

    /** Appends {@code value} as a JSON string escaped like Parsson's generator (see {@link JsonStrings}). */
    static void appendString(StringBuilder out, String value) {
        JsonStrings.appendQuoted(out, value);
    }
}
