package telegate.gateway.boundary;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import telegate.gateway.control.FrameMasks;

/**
 * An upgraded connection whose input stops before the first unmasked client frame:
 * Tyrus reads only what came before it, and then nothing ({@link MaskCheckingUpgrade}
 * closes the connection with 1002).
 */
final class MaskCheckedConnection implements WebConnection {

    private final WebConnection connection;
    private final FrameMasks masks = new FrameMasks();
    private Input input;

    MaskCheckedConnection(WebConnection connection) {
        this.connection = connection;
    }

    boolean sawUnmaskedFrame() {
        return masks.sawUnmasked();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (input == null) {
            input = new Input(connection.getInputStream());
        }
        return input;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return connection.getOutputStream();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    private final class Input extends ServletInputStream {

        private final ServletInputStream in;

        Input(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (masks.sawUnmasked()) {
                return 0; // never -1: Tyrus takes a read's count as it is
            }
            int read = in.read(bytes, offset, length);
            return read <= 0 ? read : masks.readable(bytes, offset, read);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int available() throws IOException {
            return masks.sawUnmasked() ? 0 : in.available();
        }

        @Override
        public boolean isReady() {
            return !masks.sawUnmasked() && in.isReady();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
