package telegate.gateway.control;

import telegate.harvest.control.StreamOutput;
import telegate.telegram.control.Cancelled;
import telegate.telegram.entity.MessageView;
import telegate.telegram.entity.UserView;

/** A stream's frames onto one connection, on the stream's event. */
public final class SocketStreamOutput implements StreamOutput {

    private static final java.util.logging.Logger LOG = telegate.platform.control.Logs.of(SocketStreamOutput.class);

    private final Connection connection;
    private final String event;

    public SocketStreamOutput(Connection connection, String event) {
        this.connection = connection;
        this.event = event;
    }

    @Override
    public void member(String group, UserView user, Runnable onDelivered) throws Cancelled {
        send(FrameWriter.member(group, user), onDelivered);
    }

    @Override
    public void message(String group, MessageView message, Runnable onDelivered) throws Cancelled {
        send(FrameWriter.message(group, message), onDelivered);
    }

    private void send(FrameWriter.ItemFrame frame, Runnable onDelivered) throws Cancelled {
        if (connection.isStreamCancelled()
                || !connection.outbox().sendText(event, frame.text(), frame.bytes(), onDelivered)) {
            throw new Cancelled();
        }
    }

    @Override
    public void waiting(int seconds) {
        connection.outbox().send(Frame.waiting(event, seconds));
    }

    @Override
    public void chatFailed(String group, String reason) {
        connection.outbox().send(Frame.failed(event, String.format(Texts.CHAT_FAILED, group, reason)));
        LOG.warning(() -> "Stream " + event + " of client " + connection.client() + ": chat " + group
                + " failed mid-stream (" + reason + "); the stream goes on with the next chat");
    }

    @Override
    public boolean isCancelled() {
        return connection.isStreamCancelled() || connection.outbox().isBroken();
    }

    @Override
    public void awaitDelivered() {
        connection.outbox().awaitDelivered();
    }
}
