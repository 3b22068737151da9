package telegate.telegram.tdlib;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import telegate.platform.control.Logs;
import telegate.telegram.control.TdJson;

/**
 * {@link TdJson} over the native {@code libtdjson} through JNA. TDLib's own log
 * goes to the server log (never to stdout), at the configured verbosity.
 */
public final class NativeTdJson implements TdJson {

    private static final Logger LOG = Logs.of(NativeTdJson.class);
    /** dlopen's flags (glibc, Linux): resolve symbols on first use; never unmap the library. */
    private static final int RTLD_LAZY = 0x0001;
    private static final int RTLD_NODELETE = 0x1000;
    private static final Logger TDLIB_LOG = Logger.getLogger("telegate.tdlib");

    /** Held for as long as TDLib may call it: JNA would otherwise let it be collected. */
    private static final TdJsonLibrary.LogMessageCallback LOG_FORWARDER = (level, message) ->
            TDLIB_LOG.log(level <= 1 ? Level.WARNING : level == 2 ? Level.INFO : Level.FINE, "TDLib: {0}", message);

    private final TdJsonLibrary library;
    private final String location;

    private NativeTdJson(TdJsonLibrary library, String location) {
        this.library = library;
        this.location = location;
    }

    /**
     * Loads the library: from {@code path} when given (a user's own TDLib or TDLight
     * build), else the build packaged with Telegate.
     *
     * @throws TdLibUnavailable naming what was tried, when the library cannot be loaded
     */
    public static NativeTdJson load(String path, int logVerbosity) throws TdLibUnavailable {
        // RTLD_NODELETE: once loaded, libtdjson stays mapped until the process ends. JNA lets go
        // of it when the application is undeployed at shutdown, and a dlclose then unmapped
        // code that libc's exit handlers still called: a SIGSEGV in the VM thread on stop.
        Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8",
                Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NODELETE);
        String tried = path == null || path.isBlank() ? "the packaged libtdjson.so (linux-x86-64)" : path;
        try {
            TdJsonLibrary library;
            if (path == null || path.isBlank()) {
                library = Native.load("tdjson", TdJsonLibrary.class, options);
            } else {
                if (!Files.isRegularFile(Path.of(path))) {
                    throw new TdLibUnavailable("TDLib library not found at " + path);
                }
                library = Native.load(Path.of(path).toAbsolutePath().toString(), TdJsonLibrary.class, options);
            }
            NativeTdJson td = new NativeTdJson(library, tried);
            td.configureLog(logVerbosity);
            return td;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new TdLibUnavailable("TDLib library could not be loaded from " + tried + ": " + e.getMessage());
        }
    }

    private void configureLog(int verbosity) {
        library.td_execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":" + verbosity + "}");
        try {
            library.td_set_log_message_callback(Math.max(verbosity, 0), LOG_FORWARDER);
        } catch (UnsatisfiedLinkError e) {
            // an older build without the callback: keep it quiet rather than on stdout
            library.td_execute("{\"@type\":\"setLogVerbosityLevel\",\"new_verbosity_level\":0}");
            LOG.warning("This TDLib build cannot forward its log; TDLib logging is off");
        }
    }

    /**
     * Stops TDLib calling into the JVM: its log callback is removed. Called at shutdown,
     * once every client is closed and the receive loop has returned, so that nothing of
     * TDLib runs Java code while the JVM exits.
     */
    public void detach() {
        try {
            library.td_set_log_message_callback(0, null);
        } catch (UnsatisfiedLinkError e) {
            // a build without the callback never had one set
        }
    }

    /** TDLib's version, as {@code getOption("version")} answers it synchronously. */
    public String version() {
        String answer = library.td_execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
        int start = answer == null ? -1 : answer.indexOf("\"value\":\"");
        return start < 0 ? "unknown" : answer.substring(start + 9, answer.indexOf('"', start + 9));
    }

    public String location() {
        return location;
    }

    @Override
    public int createClientId() {
        return library.td_create_client_id();
    }

    @Override
    public void send(int clientId, String request) {
        library.td_send(clientId, request);
    }

    @Override
    public String receive(double timeoutSeconds) {
        return library.td_receive(timeoutSeconds);
    }

    @Override
    public String execute(String request) {
        return library.td_execute(request);
    }
}
