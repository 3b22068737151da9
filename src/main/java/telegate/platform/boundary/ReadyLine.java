package telegate.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import telegate.platform.control.HttpPort;
import telegate.telegram.boundary.TelegramClients;

/**
 * The start's last line: where to connect, and on what. Logged once the web
 * application is loaded, which is the last step before Payara Micro serves it.
 */
@WebListener
public class ReadyLine implements ServletContextListener {

    @Inject
    TelegramClients clients;

    @Inject
    DatabaseSchema schema;

    @Inject
    Logger log;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String base = HttpPort.ofPayaraMicro().stream().mapToObj(port -> "localhost:" + port).findFirst()
                .orElse("HOST:PORT");
        log.info(() -> "Telegate ready: ws://" + base + "/ws/telegram/ (console http://" + base + "/), Telegram "
                + (clients.available() ? clients.backendName() : clients.backendName() + " NOT AVAILABLE: "
                        + clients.unavailableReason())
                + ", database " + schema.summary());
    }
}
