package telegate.platform.boundary;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import telegate.platform.entity.ApiError;

/**
 * The HTTP API reads only JSON bodies. Another type is 415; a body that cannot be read
 * as its type (malformed JSON, an array where an object belongs, a number that is no
 * number, no body at all) is the client's mistake: 400, not the 500 JAX-RS makes of the
 * binding's exception (JSON-B's {@code JsonbException} inside a {@code ProcessingException},
 * or a bare {@code NumberFormatException}). Only reading passes here, so a fault writing
 * an answer stays a 500.
 */
@Provider
public class UnreadableBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            throw new NotSupportedException();
        }
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (NoContentException | RuntimeException e) {
            throw ApiError.badRequest("malformed json");
        }
    }

    static boolean isJson(MediaType type) {
        return type == null || type.isWildcardType()
                || "application".equalsIgnoreCase(type.getType()) && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
