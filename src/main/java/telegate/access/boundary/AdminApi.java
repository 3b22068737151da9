package telegate.access.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The operators' HTTP API, beside the WebSocket protocol. */
@ApplicationPath("/api")
public class AdminApi extends Application {

    /** No generated WADL: it and the OPTIONS answers built from it name the JAX-RS implementation and its version. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
