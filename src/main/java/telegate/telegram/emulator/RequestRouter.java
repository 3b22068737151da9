package telegate.telegram.emulator;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each request to the handler of its {@code @type}, after the checks TDLib
 * makes first: a parsable JSON object, a known class, a client not closed, and
 * for data requests a logged-in account.
 */
final class RequestRouter {

    private static final Logger LOG = Logger.getLogger(RequestRouter.class.getName());

    enum Access {
        /** Allowed in every authorization state. */
        ANY_STATE,
        /** Only once the account is logged in; 401 before. */
        READY
    }

    /** Handles a request and sends its answer to the outbox, whichever way the handler writes it. */
    @FunctionalInterface
    private interface Responder {
        void respond(JsonObject request, EmulatedSession session, Outbox out);
    }

    private record Route(Access access, Responder responder) {
    }

    private final Map<String, Route> routes = new HashMap<>();

    RequestRouter on(String type, Access access, RequestHandler handler) {
        return add(type, new Route(access, (request, session, out) -> out.answer(handler.handle(request, session, out))));
    }

    /** A handler that answers through the outbox itself, at once or later from another thread (a download). */
    RequestRouter onDeferred(String type, Access access, DeferredRequestHandler handler) {
        return add(type, new Route(access, handler::handle));
    }

    /** A handler that writes its answer as JSON text. */
    RequestRouter onText(String type, Access access, TextRequestHandler handler) {
        return add(type, new Route(access,
                (request, session, out) -> out.answerText(handler.handle(request, session, out))));
    }

    private RequestRouter add(String type, Route route) {
        if (routes.putIfAbsent(type, route) != null) {
            throw new IllegalStateException("two handlers for " + type);
        }
        return this;
    }

    boolean knows(String type) {
        return routes.containsKey(type);
    }

    /** Handles one request of the session's client; the caller holds the session's lock. */
    void handle(EmulatedSession session, String request, Queue<String> queue) {
        if (session.start()) {
            new Outbox(queue, session.clientId(), null)
                    .update(AuthorizationState.WAIT_TDLIB_PARAMETERS.toUpdate(null));
        }
        JsonObject json;
        try {
            json = TdObjects.parse(request);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            new Outbox(queue, session.clientId(), null)
                    .answer(TdObjects.error(400, "Failed to parse request as JSON object"));
            return;
        }
        Outbox out = new Outbox(queue, session.clientId(), json.get("@extra"));
        try {
            route(session, json, out);
        } catch (TdError e) {
            out.fail(TdObjects.error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emulated request failed: " + TdObjects.string(json, "@type", "?"), e);
            out.fail(TdObjects.error(500, "Internal error"));
        }
    }

    private void route(EmulatedSession session, JsonObject request, Outbox out) {
        Route route = routeOf(request);
        if (session.state() == AuthorizationState.CLOSED) {
            throw new TdError(500, "Request aborted");
        }
        if (route.access() == Access.READY && session.state() == AuthorizationState.WAIT_TDLIB_PARAMETERS) {
            // as libtdjson answers (TdlibNativeIT compares the two)
            throw new TdError(400, "Initialization parameters are needed: call setTdlibParameters first");
        }
        if (route.access() == Access.READY && session.state() != AuthorizationState.READY) {
            throw new TdError(401, "Unauthorized");
        }
        route.responder().respond(request, session, out);
    }

    private Route routeOf(JsonObject request) {
        String type = TdObjects.string(request, "@type", null);
        if (type == null) {
            throw TdError.badRequest("Failed to parse JSON object as TDLib request: Can't find field \"@type\"");
        }
        Route route = routes.get(type);
        if (route == null) {
            throw unknownClass(type);
        }
        return route;
    }

    static TdError unknownClass(String type) {
        return TdError.badRequest("Failed to parse JSON object as TDLib request: Unknown class \"" + type + "\"");
    }
}
