package telegate.telegram.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server-wide counts behind the Telegram metrics: shared by every client, only growing. */
class TelegramTotalsTest {

    @Test
    void historyAndMemberRequestsOfEveryClientCountOnce() throws InterruptedException {
        TelegramTotals totals = new TelegramTotals();
        ScriptedTdJson td = new ScriptedTdJson();
        try {
            TdClient first = new TdClient(td, td.createClientId(), Duration.ofSeconds(1), totals);
            TdClient second = new TdClient(td, td.createClientId(), Duration.ofSeconds(1), totals);
            for (String type : new String[] {"getChatHistory", "getSupergroupMembers", "getBasicGroupFullInfo",
                    "getChat"}) {
                first.send(Json.createObjectBuilder().add("@type", type).build());
            }
            second.send(Json.createObjectBuilder().add("@type", "getChatHistory").build());
            first.floodWaited(3);
            second.floodWaited(1);

            assertThat(totals.historyRequests()).isEqualTo(2);
            assertThat(totals.requests("getChat")).isEqualTo(1);
            assertThat(totals.requestsByType()).containsEntry("getChatHistory", 2L).hasSize(4);
            assertThat(totals.memberRequests()).isEqualTo(2);
            assertThat(totals.floodWaits()).isEqualTo(2);
            assertThat(totals.floodWaitSeconds()).isEqualTo(4);
        } finally {
            td.close();
        }
    }
}
