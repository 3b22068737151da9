package telegate.platform.control;

import java.util.logging.Logger;

/** The one place loggers come from, so a change of logging touches one class. */
public final class Logs {

    private Logs() {
    }

    public static Logger of(Class<?> owner) {
        return Logger.getLogger(owner.getName());
    }
}
