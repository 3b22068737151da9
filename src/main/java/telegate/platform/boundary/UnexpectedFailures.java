package telegate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.entity.ApiError;

/**
 * A fault of the server's own in the HTTP API: logged with its stack, answered 500
 * {@code {"error":"internal error"}} with nothing of it (refusals of the request are
 * {@link RejectedRequests}'s).
 */
@Provider
public class UnexpectedFailures implements ExceptionMapper<Throwable> {

    @Inject
    Logger log;

    @Override
    public Response toResponse(Throwable failure) {
        log.log(Level.WARNING, "HTTP request failed", failure);
        return ApiError.answer(Response.Status.INTERNAL_SERVER_ERROR, ApiError.of(500).error());
    }
}
