package telegate.telegram.tdlib;

import com.sun.jna.Callback;
import com.sun.jna.Library;

/** The C functions of {@code td_json_client.h} and {@code td_log.h} that {@code libtdjson} exports. */
public interface TdJsonLibrary extends Library {

    int td_create_client_id();

    void td_send(int clientId, String request);

    String td_receive(double timeout);

    String td_execute(String request);

    void td_set_log_message_callback(int maxVerbosityLevel, LogMessageCallback callback);

    /** {@code void (*)(int verbosity_level, const char *message)}. */
    interface LogMessageCallback extends Callback {
        void invoke(int verbosityLevel, String message);
    }
}
