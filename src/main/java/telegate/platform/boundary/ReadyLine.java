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
 * application after this listener runs), so it also means what it says.
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
            port.ifPresent(ReadyLine::awaitReadiness);
            String base = port.isPresent() ? "localhost:" + port.getAsInt() : "HOST:PORT";
            log.info(() -> "Telegate ready: ws://" + base + "/ws/telegram/ (console http://" + base
                    + "/), Telegram " + backend + ", database " + database);
        });
    }

    private static void awaitReadiness(int port) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
        long deadline = System.currentTimeMillis() + READY_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) ready.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
