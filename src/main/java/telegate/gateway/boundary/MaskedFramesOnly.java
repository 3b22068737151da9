package telegate.gateway.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;

/**
 * WebSocket handshakes reach Tyrus (whose filter the container runs after the
 * application's) with a request whose upgrade makes a {@link MaskCheckingUpgrade}
 * where Tyrus asks for its own handler: the least of Tyrus that can be changed
 * from inside the application to refuse unmasked client frames.
 */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class MaskedFramesOnly extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        chain.doFilter(upgrade ? new MaskCheckingRequest(request) : request, response);
    }

    private static final class MaskCheckingRequest extends HttpServletRequestWrapper {

        MaskCheckingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public <T extends HttpUpgradeHandler> T upgrade(Class<T> handler) throws IOException, ServletException {
            if (handler == TyrusHttpUpgradeHandler.class) {
                return handler.cast(super.upgrade(MaskCheckingUpgrade.class));
            }
            return super.upgrade(handler);
        }
    }
}
