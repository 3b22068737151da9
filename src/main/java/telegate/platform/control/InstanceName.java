package telegate.platform.control;

import java.util.Optional;

/**
 * This instance's name as Payara Micro was told ({@code --name}, else the one it made up), read
 * through Payara Micro's public API by reflection like {@link HttpPort}.
 */
public final class InstanceName {

    private InstanceName() {
    }

    public static Optional<String> ofPayaraMicro() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            Object name = micro.getMethod("getInstanceName").invoke(instance);
            return name == null || name.toString().isBlank() ? Optional.empty() : Optional.of(name.toString());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
