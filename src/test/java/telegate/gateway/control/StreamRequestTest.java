package telegate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import telegate.gateway.control.StreamRequest.Entry;
import telegate.harvest.control.ChatRequest.Start;

/** The request shapes of PROTOCOL.md 1.3, 1.4, 2.4 and 2.5, and the ones that are refused. */
class StreamRequestTest {

    // ---- users: accepted

    @Test
    void usersArrayWithEmptyStatusStartsEachAtAll() {
        assertThat(users("""
                {"group":["testgroup00001","testgroup00002"],"status":""}"""))
                .contains(request(new Entry("testgroup00001", Start.ALL), new Entry("testgroup00002", Start.ALL)));
    }

    @Test
    void usersArrayWithLatestStatusStartsEachAtLatest() {
        assertThat(users("""
                {"group":["testgroup00001","testgroup00002"],"status":"latest"}"""))
                .contains(request(new Entry("testgroup00001", Start.LATEST),
                        new Entry("testgroup00002", Start.LATEST)));
    }

    @Test
    void usersSingleStringIsOneName() {
        assertThat(users("""
                {"group":"testgroup00001","status":"latest"}"""))
                .contains(request(new Entry("testgroup00001", Start.LATEST)));
    }

    @Test
    void usersWithoutStatusStartsAtAll() {
        assertThat(users("""
                {"group":["@testgroup00001"]}"""))
                .contains(request(new Entry("@testgroup00001", Start.ALL)));
        assertThat(users("""
                {"group":["testgroup00001"],"status":null}"""))
                .contains(request(new Entry("testgroup00001", Start.ALL)));
    }

    @Test
    void usersKeepsNamesAsWrittenAndInOrder() {
        assertThat(users("""
                {"group":["https://t.me/zeta","Test Group 00001","-1001234567890"],"status":""}"""))
                .map(StreamRequest::entries)
                .hasValueSatisfying(entries -> assertThat(entries).extracting(Entry::name)
                        .containsExactly("https://t.me/zeta", "Test Group 00001", "-1001234567890"));
    }

    @Test
    void usersAcceptsExactlyOneHundredNames() {
        assertThat(StreamRequest.users(Json.createObjectBuilder().add("group", names(100)).add("status", "")
                .build())).hasValueSatisfying(request -> assertThat(request.entries()).hasSize(100));
    }

    // ---- users: refused

    @Test
    void usersWithoutGroupIsRefused() {
        assertThat(users("""
                {"status":""}""")).isEmpty();
    }

    @Test
    void usersWithEmptyArrayIsRefused() {
        assertThat(users("""
                {"group":[],"status":""}""")).isEmpty();
    }

    @Test
    void usersWithNonStringNameIsRefused() {
        assertThat(users("""
                {"group":["testgroup00001",42],"status":""}""")).isEmpty();
        assertThat(users("""
                {"group":[{"name":"testgroup00001"}],"status":""}""")).isEmpty();
        assertThat(users("""
                {"group":[null],"status":""}""")).isEmpty();
    }

    @Test
    void usersWithGroupOfAnotherKindIsRefused() {
        assertThat(users("""
                {"group":42,"status":""}""")).isEmpty();
        assertThat(users("""
                {"group":{"name":"testgroup00001"},"status":""}""")).isEmpty();
    }

    @Test
    void usersWithUnknownStatusIsRefused() {
        assertThat(users("""
                {"group":["testgroup00001"],"status":"newest"}""")).isEmpty();
        assertThat(users("""
                {"group":["testgroup00001"],"status":1}""")).isEmpty();
    }

    @Test
    void usersWithMoreThanOneHundredNamesIsRefused() {
        assertThat(StreamRequest.users(Json.createObjectBuilder().add("group", names(101)).add("status", "")
                .build())).isEmpty();
    }

    @Test
    void usersWithBlankNameIsRefused() {
        assertThat(users("""
                {"group":["testgroup00001","  "],"status":""}""")).isEmpty();
        assertThat(users("""
                {"group":"","status":""}""")).isEmpty();
    }

    @Test
    void usersWithOverlongNameIsRefused() {
        assertThat(StreamRequest.users(Json.createObjectBuilder().add("group", "x".repeat(257)).build())).isEmpty();
    }

    // ---- chats: accepted

    @Test
    void chatsObjectsCarryTheirOwnStatus() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","status":""},{"name":"testgroup00001","status":"latest"}],
                 "status":""}"""))
                .contains(request(new Entry("UnderWorld4444", Start.ALL), new Entry("testgroup00001", Start.LATEST)));
    }

    @Test
    void chatsPlainStringsTakeTheTopLevelStatus() {
        assertThat(chats("""
                {"group":["UnderWorld4444","testgroup00001"],"status":"latest"}"""))
                .contains(request(new Entry("UnderWorld4444", Start.LATEST),
                        new Entry("testgroup00001", Start.LATEST)));
    }

    @Test
    void chatsObjectWithoutStatusTakesTheTopLevelStatus() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444"},{"name":"testgroup00001","status":""}],"status":"latest"}"""))
                .contains(request(new Entry("UnderWorld4444", Start.LATEST), new Entry("testgroup00001", Start.ALL)));
    }

    @Test
    void chatsWithoutTopLevelStatusDefaultsToAll() {
        assertThat(chats("""
                {"group":["UnderWorld4444"]}"""))
                .contains(request(new Entry("UnderWorld4444", Start.ALL)));
    }

    @Test
    void chatsAfterAsStringStartsAfterThatNumber() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","status":"latest","after":"4211"}],"status":""}"""))
                .contains(request(new Entry("UnderWorld4444", Start.after(4211))));
    }

    @Test
    void chatsAfterAsNumberStartsAfterThatNumber() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":4211}],"status":""}"""))
                .contains(request(new Entry("UnderWorld4444", Start.after(4211))));
    }

    @Test
    void chatsAfterZeroIsAccepted() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":"0"}]}"""))
                .contains(request(new Entry("UnderWorld4444", Start.after(0))));
    }

    @Test
    void chatsMixesStringsAndObjects() {
        assertThat(chats("""
                {"group":["a_chat",{"name":"b_chat","after":7},{"name":"c_chat","status":"latest"}],"status":""}"""))
                .contains(request(new Entry("a_chat", Start.ALL), new Entry("b_chat", Start.after(7)),
                        new Entry("c_chat", Start.LATEST)));
    }

    // ---- chats: refused

    @Test
    void chatsWithoutGroupIsRefused() {
        assertThat(chats("""
                {"status":""}""")).isEmpty();
    }

    @Test
    void chatsWithEmptyArrayIsRefused() {
        assertThat(chats("""
                {"group":[],"status":""}""")).isEmpty();
    }

    @Test
    void chatsSingleStringIsOneNameWithTheTopLevelStatus() {
        assertThat(chats("""
                {"group":"UnderWorld4444","status":"latest"}""")).contains(request(new Entry("UnderWorld4444",
                Start.LATEST)));
        assertThat(chats("""
                {"group":"UnderWorld4444"}""")).contains(request(new Entry("UnderWorld4444", Start.ALL)));
    }

    @Test
    void chatsSingleStringThatIsBlankOrWithAnUnknownStatusIsRefused() {
        assertThat(chats("""
                {"group":" ","status":""}""")).isEmpty();
        assertThat(chats("""
                {"group":"UnderWorld4444","status":"newest"}""")).isEmpty();
    }

    @Test
    void chatsWithNonStringNamesIsRefused() {
        assertThat(chats("""
                {"group":[42],"status":""}""")).isEmpty();
        assertThat(chats("""
                {"group":[{"name":42,"status":""}],"status":""}""")).isEmpty();
        assertThat(chats("""
                {"group":[{"status":""}],"status":""}""")).isEmpty();
    }

    @Test
    void chatsWithUnknownStatusIsRefused() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","status":"everything"}],"status":""}""")).isEmpty();
        assertThat(chats("""
                {"group":["UnderWorld4444"],"status":"everything"}""")).isEmpty();
    }

    @Test
    void chatsWithNegativeAfterIsRefused() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":-1}]}""")).isEmpty();
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":"-5"}]}""")).isEmpty();
    }

    @Test
    void chatsWithAfterThatIsNotAWholeNumberIsRefused() {
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":"abc"}]}""")).isEmpty();
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":4.5}]}""")).isEmpty();
        assertThat(chats("""
                {"group":[{"name":"UnderWorld4444","after":true}]}""")).isEmpty();
    }

    @Test
    void chatsWithMoreThanOneHundredNamesIsRefused() {
        assertThat(StreamRequest.chats(Json.createObjectBuilder().add("group", names(101)).add("status", "")
                .build())).isEmpty();
        assertThat(StreamRequest.chats(Json.createObjectBuilder().add("group", names(100)).add("status", "")
                .build())).isPresent();
    }

    @Test
    void chatsWithBlankNameIsRefused() {
        assertThat(chats("""
                {"group":[{"name":" ","status":""}],"status":""}""")).isEmpty();
        assertThat(chats("""
                {"group":[""],"status":""}""")).isEmpty();
    }

    // ---- helpers

    private static Optional<StreamRequest> users(String data) {
        return StreamRequest.users(parse(data));
    }

    private static Optional<StreamRequest> chats(String data) {
        return StreamRequest.chats(parse(data));
    }

    private static StreamRequest request(Entry... entries) {
        return new StreamRequest(List.of(entries));
    }

    private static JsonArrayBuilder names(int count) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (int i = 1; i <= count; i++) {
            names.add(String.format("testgroup%05d", i));
        }
        return names;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
