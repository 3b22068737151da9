package telegate.telegram.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link JsonText} writes what JSON-P writes for the same object. */
class JsonTextTest {

    @Test
    void everyCharacterIsEscapedAsJsonPEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c); // lone surrogates included: JSON-P writes them as they are too
        }
        all.append("😀 𝄞 \"quoted\" back\\slash");
        String value = all.toString();

        String expected = TdObjects.write(TdObjects.object("t").add("k", value).build());
        StringBuilder text = new StringBuilder();
        new JsonText(text).object("t").field("k", value).end();

        assertThat(text.toString()).isEqualTo(expected);
    }

    @Test
    void numbersAreWrittenAsJsonPWritesThem() {
        double[] doubles = {0.0, -0.0, 1.0, 0.1, 1.0E-4, -9.999999999994458E-4, 35.123, 1.0E7, 1.23456789E10,
            Double.MAX_VALUE, Double.MIN_VALUE, -10 + 9_999 / 1000.0, -10 + 10_001 / 1000.0};
        long[] longs = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        var builder = TdObjects.object("numbers");
        StringBuilder out = new StringBuilder();
        JsonText text = new JsonText(out).object("numbers");
        for (int i = 0; i < doubles.length; i++) {
            builder.add("d" + i, doubles[i]);
            text.field("d" + i, doubles[i]);
        }
        for (int i = 0; i < longs.length; i++) {
            builder.add("l" + i, longs[i]).add("s" + i, TdObjects.int64(longs[i]));
            text.field("l" + i, longs[i]).int64("s" + i, longs[i]);
        }
        builder.add("i", 42).add("t", true).add("f", false);
        text.field("i", 42).field("t", true).field("f", false).end();

        assertThat(out.toString()).isEqualTo(TdObjects.write(builder.build()));
    }

    @Test
    void nestingAndArraysAreWrittenAsJsonPWritesThem() {
        var expected = TdObjects.object("outer")
                .add("empty", TdObjects.emptyArray())
                .add("inner", TdObjects.object("inner").add("list", TdObjects.array().add(1L).add(2L)))
                .add("objects", TdObjects.array()
                        .add(TdObjects.object("a"))
                        .add(TdObjects.object("b").add("x", TdObjects.formattedText("hi"))))
                .add("words", TdObjects.array().add("one").add("two"))
                .add("last", 0)
                .build();
        StringBuilder out = new StringBuilder();
        new JsonText(out).object("outer")
                .emptyArray("empty")
                .key("inner").object("inner").array("list").element(1).element(2).endArray().end()
                .array("objects")
                        .object("a").end()
                        .object("b").formattedText("x", "hi").end()
                .endArray()
                .array("words").element("one").element("two").endArray()
                .field("last", 0)
                .end();

        assertThat(out.toString()).isEqualTo(TdObjects.write(expected));
    }
}
