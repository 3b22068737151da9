package telegate.access.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The operators' HTTP API, beside the WebSocket protocol. */
@ApplicationPath("/api")
public class AdminApi extends Application {
}
