package telegate.platform.control;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log line, for log shippers (TELEGATE_LOG_FORMAT=json):
 * {@code {"time":"...","level":"INFO","logger":"...","message":"...","thrown":"..."}}.
 * The message is formatted (parameters filled in); {@code thrown} only when there is one.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"time\":");
        JsonStrings.appendQuoted(line, Instant.ofEpochMilli(record.getMillis()).toString());
        line.append(",\"level\":");
        JsonStrings.appendQuoted(line, record.getLevel().getName());
        line.append(",\"logger\":");
        JsonStrings.appendQuoted(line, record.getLoggerName() == null ? "" : record.getLoggerName());
        line.append(",\"message\":");
        JsonStrings.appendQuoted(line, formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(",\"thrown\":");
            JsonStrings.appendQuoted(line, trace.toString());
        }
        return line.append("}\n").toString();
    }
}
