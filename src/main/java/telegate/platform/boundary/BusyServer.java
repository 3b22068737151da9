package telegate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import telegate.platform.entity.ApiError;

/**
 * Beyond {@code TELEGATE_MAX_CONNECTIONS} open connections, the room kept above it
 * is for health checks: any other request is answered 503 {@code server busy} and
 * its connection closed. WebSocket handshakes go on, to be closed with 1013
 * {@code server busy} as PROTOCOL.md 2.6 says.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BusyServer extends HttpFilter {

    @Inject
    HttpConnections connections;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (connections.busy() && !path.startsWith("/health")
                && !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", "10");
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(new ApiError("server busy").toJson());
            return;
        }
        chain.doFilter(request, response);
    }
}
