package telegate.platform.boundary;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import telegate.platform.control.ConnectionGate;

/**
 * First in each HTTP listener's Grizzly chain, before TLS and HTTP: sees every
 * connection from its accept to its close, and every read of its bytes.
 */
final class ConnectionCounting extends BaseFilter {

    private final ConnectionGate<Connection<?>> gate;

    ConnectionCounting(ConnectionGate<Connection<?>> gate) {
        this.gate = gate;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        if (!gate.admit(ctx.getConnection())) {
            ctx.getConnection().closeSilently();
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        gate.bytesArrived(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        gate.closed(ctx.getConnection());
        return ctx.getInvokeAction();
    }
}
