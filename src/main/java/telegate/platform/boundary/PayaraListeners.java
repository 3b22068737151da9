package telegate.platform.boundary;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.FilterChain;

/**
 * The Grizzly filter chains of Payara's HTTP listeners, reached through Payara's
 * own services (its HK2 locator, {@code GrizzlyService}, the listener's proxy):
 * internal classes, so by name, and this is the one place that knows them.
 */
final class PayaraListeners {

    private PayaraListeners() {
    }

    /** Each started listener's chain, once (fails with what was not found when Payara changed). */
    static List<FilterChain> filterChains() throws ReflectiveOperationException {
        ClassLoader loader = PayaraListeners.class.getClassLoader();
        Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader);
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultBaseServiceLocator").invoke(null);
        Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Class<?> listenerType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener", true, loader);
        Object grizzly = locatorType.getMethod("getService", Class.class, Annotation[].class)
                .invoke(locator, serviceType, new Annotation[0]);
        List<?> listeners = (List<?>) locatorType.getMethod("getAllServices", Class.class, Annotation[].class)
                .invoke(locator, listenerType, new Annotation[0]);
        Map<Transport, FilterChain> chains = new IdentityHashMap<>();
        for (Object listener : listeners) {
            Object proxy = serviceType.getMethod("lookupNetworkProxy", listenerType).invoke(grizzly, listener);
            if (proxy == null) {
                continue; // a listener that is not started (the HTTPS one without --sslport)
            }
            Object grizzlyListener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            Transport transport = (Transport) grizzlyListener.getClass().getMethod("getTransport").invoke(grizzlyListener);
            if (transport != null && transport.getProcessor() instanceof FilterChain chain) {
                chains.put(transport, chain);
            }
        }
        return new ArrayList<>(chains.values());
    }
}
