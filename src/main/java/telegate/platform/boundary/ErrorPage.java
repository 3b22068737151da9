package telegate.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import telegate.platform.entity.ApiError;

/**
 * The error page of every path outside JAX-RS (WEB-INF/web.xml): unknown paths, the
 * console's files, the WebSocket path asked as plain HTTP, /health, /metrics, /openapi.
 * It writes {@code {"error":"..."}} with the status the container chose, in place of
 * Payara's HTML page that names the server.
 */
@WebServlet(name = "ErrorPage", urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/error";

    /** Every method alike: the error dispatch keeps the request's own (a PUT stays a PUT). */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        if ("HEAD".equals(request.getMethod())) {
            // no body (the container would send one, HEAD or not), but committed: an error page that
            // leaves the answer open has the container add its own HTML report
            response.flushBuffer();
        } else {
            response.getWriter().write(ApiError.of(status).toJson());
        }
    }

    /** The status of the error being shown; a direct request for this page finds nothing. */
    static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400) {
            // HttpServlet answers a method it does not know (PATCH) 501: to the client, a method not allowed
            return status == HttpServletResponse.SC_NOT_IMPLEMENTED ? HttpServletResponse.SC_METHOD_NOT_ALLOWED
                    : status;
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null ? 500 : 404;
    }
}
