package telegate.platform.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import telegate.platform.control.JsonLogFormatter;
import telegate.platform.control.Logs;
import telegate.platform.control.Settings;

/**
 * Checks every setting before anything of Telegate exists (the first event of the
 * deployment, ahead of MicroProfile Config's own checks, which end in a stack
 * trace). A wrong value stops the server: one line per wrong setting, then exit
 * code 78 (EX_CONFIG, sysexits.h), so a supervisor does not restart it in a loop
 * thinking it crashed, and nothing runs on a setting that means something else.
 * A variable that looks like Telegate's but names no setting is a warning. With
 * TELEGATE_LOG_FORMAT=json, every log line from here on is a JSON object.
 */
public class ConfigurationCheck implements Extension {

    /** sysexits.h: "something was found in an unconfigured or misconfigured state". */
    static final int EX_CONFIG = 78;
    private static final Logger LOG = Logs.of(ConfigurationCheck.class);

    void check(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(ConfigurationCheck.class.getClassLoader());
        Settings.unknownVariables(System.getenv()).forEach(LOG::warning);
        List<String> problems = Settings.problems(name -> config.getOptionalValue(name, String.class));
        if (problems.isEmpty()) {
            if ("json".equalsIgnoreCase(config.getOptionalValue("telegate.log.format", String.class).orElse("").trim())) {
                JsonLogFormatter json = new JsonLogFormatter();
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    handler.setFormatter(json);
                }
            }
            return;
        }
        problems.forEach(problem -> LOG.severe("Telegate cannot start: " + problem));
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
        System.err.flush();
        // halt, not exit: exit's shutdown hooks would wait for this very deployment to end
        Runtime.getRuntime().halt(EX_CONFIG);
    }
}
