package telegate.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.OptionalInt;
import java.util.logging.Logger;
import telegate.platform.control.HttpPort;
import telegate.telegram.boundary.TelegramClients;

/**
 * The start's last line: where to connect, and on what. Logged once the server
 * answers its own readiness check on loopback (Payara Micro finishes loading the
 * application after this listener runs), so it also means what it says: "ready",
 * or a warning "not ready" (no Telegram backend), whose reason the health check gives.
 */
@WebListener
public class ReadyLine implements ServletContextListener {

    private static final long READY_WAIT_MILLIS = 120_000;

    @Inject
    TelegramClients clients;

    @Inject
    DatabaseSchema schema;

    @Inject
    Logger log;

    @Resource
    ManagedExecutorService executor;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        OptionalInt port = HttpPort.ofPayaraMicro();
        String backend = clients.available() ? clients.backendName()
                : clients.backendName() + " NOT AVAILABLE: " + clients.unavailableReason();
        String database = schema.summary();
        executor.execute(() -> {
            int status = port.isPresent() ? awaitServing(port.getAsInt()) : 200;
            String base = port.isPresent() ? "localhost:" + port.getAsInt() : "HOST:PORT";
            String line = "ws://" + base + "/ws/telegram/ (console http://" + base + "/), Telegram " + backend
                    + ", database " + database;
            if (status == 200) {
                log.info(() -> "Telegate ready: " + line);
            } else {
                log.warning(() -> "Telegate not ready (/health/ready says why): " + line);
            }
        });
    }

    /** Waits until this application answers its readiness check (up or down); its status, or -1. */
    private static int awaitServing(int port) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        long deadline = System.currentTimeMillis() + READY_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                String type = connection.getContentType();
                connection.disconnect();
                if (status == 200 || (status == 503 && type != null && type.contains("json"))) {
                    return status;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }
}
