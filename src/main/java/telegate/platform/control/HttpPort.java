package telegate.platform.control;

import java.util.OptionalInt;

/**
 * The HTTP port this server listens on, as Payara Micro was told ({@code --port}).
 * Read through Payara Micro's public API by reflection, so the WAR compiles and runs
 * without it (then the port is unknown).
 */
public final class HttpPort {

    private HttpPort() {
    }

    public static OptionalInt ofPayaraMicro() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            int port = (int) micro.getMethod("getHttpPort").invoke(instance);
            return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return OptionalInt.empty();
        }
    }
}
