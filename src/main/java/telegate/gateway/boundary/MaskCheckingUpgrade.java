package telegate.gateway.boundary;

import jakarta.servlet.http.WebConnection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;
import telegate.gateway.control.Texts;

/**
 * Tyrus's servlet upgrade, with one addition: an unmasked client frame closes the
 * connection with 1002 (RFC 6455 5.1), after the frames before it were handled.
 * Tyrus's own reads the mask bit and ignores it. Made by the container when
 * {@link MaskedFramesOnly} hands Tyrus's upgrade this class instead of its own.
 */
public class MaskCheckingUpgrade extends TyrusHttpUpgradeHandler {

    private MaskCheckedConnection input;
    private volatile Connection connection;
    private boolean closing;

    @Override
    public void preInit(WebSocketEngine.UpgradeInfo upgrade, Writer writer, boolean authenticated) {
        super.preInit(new WebSocketEngine.UpgradeInfo() {
            @Override
            public WebSocketEngine.UpgradeStatus getStatus() {
                return upgrade.getStatus();
            }

            @Override
            public Connection createConnection(Writer connectionWriter, Connection.CloseListener listener) {
                connection = upgrade.createConnection(connectionWriter, listener);
                return connection;
            }
        }, writer, authenticated);
    }

    @Override
    public void init(WebConnection webConnection) {
        input = new MaskCheckedConnection(webConnection);
        super.init(input);
    }

    @Override
    public void onDataAvailable() {
        if (!input.sawUnmaskedFrame()) {
            super.onDataAvailable(); // Tyrus reads up to the unmasked frame, if one came
        }
        if (input.sawUnmaskedFrame() && !closing && connection != null) {
            closing = true;
            connection.close(new CloseReason(CloseCodes.PROTOCOL_ERROR, Texts.UNMASKED_FRAME));
        }
    }
}
