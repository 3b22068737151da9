package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    @Test
    void aFloodOfRefusalsLogsOneLinePerReasonEveryTenSecondsWithTheCountOfTheRest() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        List<String> lines = new ArrayList<>();
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        AtomicLong now = new AtomicLong(0);
        RefusalLog refusals = new RefusalLog(logger, now::get);

        for (int i = 0; i < 1000; i++) {
            refusals.refused("203.0.113.7", "server busy (10 connections)");
        }
        refusals.refused("203.0.113.8", "origin not allowed");
        now.set(RefusalLog.WINDOW_NANOS);
        refusals.refused("203.0.113.9", "server busy (10 connections)");

        assertThat(lines).containsExactly(
                "Refused a connection from 203.0.113.7: server busy (10 connections)",
                "Refused a connection from 203.0.113.8: origin not allowed",
                "Refused a connection from 203.0.113.9: server busy (10 connections)"
                        + " (and 999 more for that reason in the last seconds)");
    }
}
