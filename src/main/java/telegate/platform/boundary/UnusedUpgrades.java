package telegate.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request that offers to upgrade its connection to anything but a WebSocket (Java's
 * HttpClient offers {@code h2c} on every new connection, curl with {@code --http2} too) is
 * answered over HTTP/1.1. HTTP/2 is off (its
 * streams would share one connection under the connection cap), and Grizzly, having seen the
 * offer, takes everything after the headers as the new protocol's bytes: a body is not ended
 * by its {@code Content-Length}, so a reader that waits for the end (a malformed JSON body)
 * waited forever. Here the body ends where {@code Content-Length} says (Grizzly closes such a
 * connection after its answer). Left as it is: Grizzly sends some answers to such a request
 * (the error page's, static files') without their {@code Content-Type} (README, known limits).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UnusedUpgrades extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String upgrade = request.getHeader("Upgrade");
        if (upgrade == null || "websocket".equalsIgnoreCase(upgrade.trim())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new LengthBoundRequest(request), response);
    }

    /** The request with a body of exactly its {@code Content-Length} (none without one). */
    private static final class LengthBoundRequest extends HttpServletRequestWrapper {
        private final long length;
        private ServletInputStream bounded;

        LengthBoundRequest(HttpServletRequest request) {
            super(request);
            this.length = Math.max(0, request.getContentLengthLong());
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedInput(super.getInputStream(), length);
            }
            return bounded;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedInput extends ServletInputStream {
        private final ServletInputStream in;
        private long left;

        BoundedInput(ServletInputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(count, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public boolean isFinished() {
            return left <= 0;
        }

        @Override
        public boolean isReady() {
            return left <= 0 || in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
