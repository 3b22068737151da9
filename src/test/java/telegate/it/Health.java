package telegate.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * A MicroProfile Health answer as Payara serves it ({@code /health/ready},
 * {@code /health/live}), read once its HTTP status was checked to agree with
 * its overall status: 200 when every check is up, 503 otherwise.
 */
final class Health {

    private final JsonObject answer;

    private Health(JsonObject answer) {
        this.answer = answer;
    }

    static Health ready(URI base) {
        return read(base.resolve("health/ready"));
    }

    static Health live(URI base) {
        return read(base.resolve("health/live"));
    }

    private static Health read(URI uri) {
        HttpResponse<String> response = Http.get(uri, null);
        JsonObject answer = (JsonObject) Http.json(response.body());
        assertThat(response.statusCode()).as(uri + " answered " + answer)
                .isEqualTo(answer.getString("status").equals("UP") ? 200 : 503);
        return new Health(answer);
    }

    String status() {
        return answer.getString("status");
    }

    /** The check of that name. */
    JsonObject check(String name) {
        return answer.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + answer));
    }

    /** A data value of the check of that name, or null. */
    String data(String check, String key) {
        JsonObject data = check(check).getJsonObject("data");
        return data == null ? null : data.getString(key, null);
    }
}
