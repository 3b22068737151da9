package telegate.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private static JsonObject parse(String line) {
        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        return Json.createReader(new StringReader(line)).readObject();
    }

    @Test
    void aRecordIsOneJsonObjectOnOneLineWithItsParametersFilledIn() {
        LogRecord record = new LogRecord(Level.INFO, "Login: client {0} from {1}");
        record.setParameters(new Object[] {3, "10.0.0.5"});
        record.setLoggerName("telegate.gateway.boundary.Logins");
        record.setMillis(1_796_000_000_123L);

        JsonObject json = parse(new JsonLogFormatter().format(record));

        assertThat(json.getString("time")).isEqualTo("2026-11-30T00:53:20.123Z");
        assertThat(json.getString("level")).isEqualTo("INFO");
        assertThat(json.getString("logger")).isEqualTo("telegate.gateway.boundary.Logins");
        assertThat(json.getString("message")).isEqualTo("Login: client 3 from 10.0.0.5");
        assertThat(json.containsKey("thrown")).isFalse();
    }

    @Test
    void lineBreaksQuotesAndAStackTraceStayInsideTheOneLine() {
        LogRecord record = new LogRecord(Level.WARNING, "two\nlines with \"quotes\" and a tab\t");
        record.setThrown(new IllegalStateException("boom"));

        JsonObject json = parse(new JsonLogFormatter().format(record));

        assertThat(json.getString("message")).isEqualTo("two\nlines with \"quotes\" and a tab\t");
        assertThat(json.getString("logger")).isEmpty();
        assertThat(json.getString("thrown")).startsWith("java.lang.IllegalStateException: boom")
                .contains("JsonLogFormatterTest");
    }
}
