package telegate.platform.boundary;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import telegate.platform.control.ConnectionGate;

/**
 * Right after each listener's HTTP parser, which passes a request on only once its
 * headers are complete: tells the gate a request's headers came, and when the
 * request was read whole (an upgraded one, a WebSocket, never is).
 */
final class RequestReading extends BaseFilter {

    private final ConnectionGate<Connection<?>> gate;

    RequestReading(ConnectionGate<Connection<?>> gate) {
        this.gate = gate;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content) {
            gate.requestRead(ctx.getConnection(), content.isLast());
        }
        return ctx.getInvokeAction();
    }
}
