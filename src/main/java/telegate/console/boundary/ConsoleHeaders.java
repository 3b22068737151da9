package telegate.console.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web console's pages may load only the console's own files and talk only
 * to this server: a strict Content-Security-Policy, so even a message text that
 * somehow reached the page as markup could run nothing, and no framing. Set on
 * every answer of the application (harmless on the admin API's JSON), so a page
 * added later cannot be served without it. Images may also be {@code blob:}: the
 * console shows a photo from the file it fetched with the API key (a bearer token,
 * which an {@code <img src>} of the file's path could not send).
 */
@WebFilter("/*")
public class ConsoleHeaders extends HttpFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
