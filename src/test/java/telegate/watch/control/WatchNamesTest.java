package telegate.watch.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import telegate.telegram.entity.ChatKind;
import telegate.telegram.entity.TelegramChat;

/** The names {@code unwatch} recognises without asking Telegram. */
class WatchNamesTest {

    private static final TelegramChat CHANNEL = new TelegramChat(-1_000_000_002_001L, ChatKind.CHANNEL, 2001,
            "Under World 4444", "UnderWorld4444");

    @Test
    void theNameWrittenInWatchTheIdTheTitleAndEveryFormOfTheUsernameMatch() {
        for (String name : new String[] {"uw", "-1000000002001", "Under World 4444", "UnderWorld4444", "@underworld4444",
                "t.me/UnderWorld4444", "https://t.me/UnderWorld4444"}) {
            assertThat(WatchNames.matches("uw", CHANNEL, name)).as(name).isTrue();
        }
    }

    @Test
    void otherNamesDoNot() {
        for (String name : new String[] {"UnderWorld", "testgroup00001", "-501", "@", "t.me/"}) {
            assertThat(WatchNames.matches("uw", CHANNEL, name)).as(name).isFalse();
        }
    }
}
