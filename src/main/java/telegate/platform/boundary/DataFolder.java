package telegate.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import telegate.platform.control.PrivateFiles;

/**
 * The data folder (TELEGATE_DATA_DIR) and all in it readable by the server's own
 * user only: folders 700, files 600, whatever the umask. Whatever the database or
 * TDLib made before this runs at start is made private here; what Telegate makes
 * later is made private when it is made.
 */
@Singleton
@Startup
public class DataFolder {

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "telegate.data.dir")
    String dataDir;

    @PostConstruct
    void restrict() {
        Path folder = Path.of(dataDir);
        try {
            PrivateFiles.createDirectories(folder);
            PrivateFiles.restrictTree(folder);
        } catch (IOException | RuntimeException e) {
            log.log(Level.WARNING, "Could not make the data folder {0} private: {1}",
                    new Object[] {folder.toAbsolutePath(), e.toString()});
        }
    }
}
